/**
 * Apollo Server on Fastify at /graphql (GET and POST), with its protections: a nesting limit on
 * variables (400 before anything walks them), depth, alias and directive limits and no field
 * suggestions (graphql-armor), a token limit at parse time (Apollo's parseOptions.maxTokens,
 * answered with 400), a cost limit computed with the variables that prices page sizes and store
 * work (cost-limit.ts), a per-client cap on costly operations, CSRF prevention, no batching, no
 * stack traces, errors masked by formatError, and Apollo's CDN landing page off (GraphiQL is
 * served offline at /graphiql). Refused operations never reach a resolver, so they cost no store
 * query. Each request's store reads pass the bounded read gate with the request's signal, which
 * fires when its client goes away or its deadline passes (docs/security.md).
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance } from 'fastify';
import { createContext, type ContextDeps, type GraphContext } from '../graphql/context.ts';
import { AppError, formatError } from '../graphql/errors.ts';
import { executableSchema } from '../graphql/executable-schema.ts';
import { StoreBusyError } from '../store/store-errors.ts';
import type { ReadGate } from '../store/read-gate.ts';
import { bearerToken } from '../auth/bearer.ts';
import { ClientSlots } from './client-slots.ts';
import { operationSpanNamed, withOperationSpan } from './tracing.ts';
import { applyTrustedDocuments, type TrustedDocuments } from './trusted-documents.ts';
import { costLimitPlugin } from './cost-limit.ts';
import type { Metrics } from './metrics.ts';
import { requestControl } from './request-control.ts';
import { responseCachePlugin } from './response-cache.ts';
import type { ServerLimits } from './server-limits.ts';
import { MAX_VARIABLES_DEPTH, nestedDeeperThan, requestVariables } from './variables-depth.ts';

export interface GraphqlOptions {
  readonly introspection: boolean;
  readonly metrics: Metrics;
  /** Read results kept in memory (0 turns the cache off). */
  readonly cacheEntries: number;
  readonly limits: ServerLimits;
  readonly gate: ReadGate;
  /** The explorer's persisted documents, accepted by hash. */
  readonly trustedDocuments: TrustedDocuments;
  /** Clients without a key may run only the trusted documents (AIGRAPH_TRUSTED_DOCUMENTS_ONLY). */
  readonly trustedDocumentsOnly: boolean;
}

/** The limits, in one place. GraphiQL's own introspection query is 13 levels deep. */
export const LIMITS = {
  maxDepth: 15,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 100_000,
  /** Operations costing this much or more are costly: capped per client, their reads queued last. */
  costlyFrom: 10_000,
} as const;

/** Counts every GraphQL error by its code, for /metrics. */
function countErrors(metrics: Metrics): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors)
            metrics.graphqlErrors.inc({
              code: String(e.extensions?.code ?? (e.originalError instanceof AppError ? e.originalError.extensions.code : 'INTERNAL_SERVER_ERROR')),
            });
        },
      };
    },
  };
}

/** A read refused by a full read gate makes the whole answer 503 with Retry-After. */
function busyAnswers503(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const busy = rc.errors?.map((e) => e.originalError).find((e): e is StoreBusyError => e instanceof StoreBusyError);
          if (!busy) return;
          rc.response.http.status = 503;
          rc.response.http.headers.set('retry-after', String(busy.retryAfterSeconds));
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
    costLimit: { enabled: false }, // replaced by costLimitPlugin, which counts first:/limit: with the variables
    maxTokens: { enabled: false }, // Apollo's parseOptions.maxTokens answers 400 instead of 500
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GraphContext>({
    schema: executableSchema(),
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // serve.ts stops the server on SIGTERM/SIGINT (requests drained, store checkpointed and closed).
    // Apollo's own handler, installed outside NODE_ENV=test, re-raises the signal once Apollo has
    // stopped, which would end the process before the store is closed.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    formatError: (formatted, error) => formatError(formatted, error, (err) => app.log.error({ err }, 'request failed')),
    plugins: [
      ...(protection.plugins as never[]),
      ApolloServerPluginLandingPageDisabled(),
      // Federated tracing (ftv1) is for Apollo's usage reporting, which this server does not send.
      ApolloServerPluginInlineTraceDisabled(),
      fastifyApolloDrainPlugin(app),
      countErrors(options.metrics),
      costLimitPlugin({
        maxCost: LIMITS.maxCost,
        costlyFrom: LIMITS.costlyFrom,
        slots: new ClientSlots(options.limits.costlyPerClient, options.limits.costlyQueuedPerClient),
      }),
      busyAnswers503(),
      responseCachePlugin(deps.version ?? deps.writer, options.cacheEntries),
      {
        async requestDidStart() {
          return {
            async didResolveOperation(rc) {
              operationSpanNamed(rc.operation?.operation ?? 'operation', rc.operationName);
            },
            async didEncounterErrors() {
              operationSpanNamed('', null, true);
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const handler = fastifyApolloHandler(apollo, {
    context: async (request, reply) => {
      await deps.version?.refresh();
      return createContext({ ...deps, gate: options.gate }, request.headers.authorization, requestControl(request, reply, options.limits.operationTimeoutMs));
    },
  });
  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    preHandler: async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      const refusal = applyTrustedDocuments(
        options.trustedDocuments,
        request.method === 'GET' ? request.query : request.body,
        request.method,
        Boolean(token && deps.keys.verify(token)),
        options.trustedDocumentsOnly,
      );
      if (refusal) {
        return reply
          .code(refusal.status)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
      }
      if (!nestedDeeperThan(requestVariables(request.method, request.body, request.query), MAX_VARIABLES_DEPTH)) return;
      const message = `The variables nest more than ${MAX_VARIABLES_DEPTH} levels deep; no input of this API nests that deep.`;
      return reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] }));
    },
    handler: async function (request, reply) {
      return withOperationSpan(request, async () => handler.call(this, request as never, reply as never));
    },
  });
  return apollo;
}
