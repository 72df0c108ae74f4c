/**
 * Apollo Server on Fastify at /graphql (GET and POST), with its protections: depth, alias and
 * directive limits and no field suggestions (graphql-armor), a token limit at parse time
 * (Apollo's parseOptions.maxTokens, answered with 400), a cost limit that counts page sizes,
 * CSRF prevention, no batching, no stack traces, errors masked by formatError, and Apollo's
 * CDN landing page off (GraphiQL is served offline at /graphiql). Refused operations never
 * reach a resolver, so they cost no store query.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance } from 'fastify';
import { createContext, type ContextDeps, type GraphContext } from '../graphql/context.ts';
import { AppError, formatError } from '../graphql/errors.ts';
import { loadTypeDefs, resolvers } from '../graphql/schema.ts';
import { costLimitRule } from './cost-limit.ts';
import type { Metrics } from './metrics.ts';
import { responseCachePlugin } from './response-cache.ts';

export interface GraphqlOptions {
  readonly introspection: boolean;
  readonly metrics: Metrics;
  /** Read results kept in memory (0 turns the cache off). */
  readonly cacheEntries: number;
}

/** The limits, in one place. GraphiQL's own introspection query is 13 levels deep. */
export const LIMITS = {
  maxDepth: 15,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 100_000,
} as const;

/** Counts every GraphQL error by its code, for /metrics. */
function countErrors(metrics: Metrics): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) metrics.graphqlErrors.inc({ code: String(e.extensions?.code ?? (e.originalError instanceof AppError ? e.originalError.extensions.code : 'INTERNAL_SERVER_ERROR')) });
        },
      };
    },
  };
}

export async function registerGraphql(app: FastifyInstance, deps: ContextDeps, options: GraphqlOptions): Promise<ApolloServer<GraphContext>> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
    costLimit: { enabled: false }, // replaced by costLimitRule, which counts first:/limit:
    maxTokens: { enabled: false }, // Apollo's parseOptions.maxTokens answers 400 instead of 500
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // serve.ts stops the server on SIGTERM/SIGINT (requests drained, store checkpointed and closed).
    // Apollo's own handler, installed outside NODE_ENV=test, re-raises the signal once Apollo has
    // stopped, which would end the process before the store is closed.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: [...protection.validationRules, costLimitRule(LIMITS.maxCost)],
    formatError: (formatted, error) => formatError(formatted, error, (err) => app.log.error({ err }, 'request failed')),
    plugins: [...(protection.plugins as never[]), ApolloServerPluginLandingPageDisabled(), fastifyApolloDrainPlugin(app), countErrors(options.metrics), responseCachePlugin(deps.writer, options.cacheEntries)],
  });
  await apollo.start();
  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => createContext(deps, request.headers.authorization),
  });
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler });
  return apollo;
}
