/**
 * The HTTP server: Fastify with the health endpoints. /healthz says the process is up;
 * /readyz answers 200 only when the store answers and start-up work (bootstrap, seeding) is done.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { GraphStore } from '../store/graph-store.ts';

export interface Readiness {
  /** Why the server is not ready yet, or null when start-up work is done. */
  pending: string | null;
}

export interface AppOptions {
  readonly store: GraphStore;
  readonly readiness: Readiness;
  readonly logLevel: string;
}

export function buildApp({ store, readiness, logLevel }: AppOptions): FastifyInstance {
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

  return app;
}
