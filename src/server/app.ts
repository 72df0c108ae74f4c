/**
 * The HTTP server: Fastify with the GraphQL API at /graphql, GraphiQL at /graphiql, the
 * health endpoints and /metrics. /healthz says the process is up; /readyz answers 200 only
 * when the store answers and start-up work (bootstrap, seeding) is done.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphStore } from '../store/graph-store.ts';
import { registerGraphiql } from './graphiql.ts';
import { registerGraphql } from './graphql-server.ts';
import type { Metrics } from './metrics.ts';

export interface Readiness {
  /** Why the server is not ready yet, or null when start-up work is done. */
  pending: string | null;
}

export interface AppOptions {
  readonly store: GraphStore;
  readonly readiness: Readiness;
  readonly metrics: Metrics;
  readonly logLevel: string;
  readonly introspection: boolean;
}

export async function buildApp({ store, readiness, metrics, logLevel, introspection }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: logLevel }, requestIdHeader: 'x-request-id' });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    if (readiness.pending) return reply.code(503).send({ status: 'starting', reason: readiness.pending });
    try {
      await store.ping();
      return { status: 'ready', engine: store.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'the graph store does not answer' });
    }
  });

  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  registerGraphiql(app);
  await registerGraphql(app, store, { introspection });
  return app;
}
