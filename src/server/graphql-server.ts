/**
 * Apollo Server on Fastify at /graphql (GET and POST). CSRF prevention on, batching off,
 * stack traces never sent, errors masked by formatError, Apollo's CDN landing page off
 * (GraphiQL is served offline at /graphiql).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import { createContext, type GraphContext } from '../graphql/context.ts';
import { formatError } from '../graphql/errors.ts';
import { loadTypeDefs, resolvers } from '../graphql/schema.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface GraphqlOptions {
  readonly introspection: boolean;
}

export async function registerGraphql(app: FastifyInstance, store: GraphStore, options: GraphqlOptions): Promise<ApolloServer<GraphContext>> {
  const apollo = new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (err) => app.log.error({ err }, 'request failed')),
    plugins: [ApolloServerPluginLandingPageDisabled(), fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  const handler = fastifyApolloHandler(apollo, { context: async () => createContext(store) });
  app.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler });
  return apollo;
}
