/**
 * The HTTP server: Fastify with the GraphQL API at /graphql, GraphiQL at /graphiql, the
 * health endpoints and /metrics. /healthz says the process is up; /readyz answers 200 only
 * when the store answers and start-up work (bootstrap, seeding, journal replay) is done.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiKeyStore } from '../auth/api-keys.ts';
import { PerVersion, readControlGraph } from '../domain/control-graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';
import type { Readiness } from '../writes/readiness.ts';
import { registerExplorer } from './explorer.ts';
import { registerGraphiql } from './graphiql.ts';
import { registerGraphql } from './graphql-server.ts';
import type { Metrics } from './metrics.ts';

export type { Readiness } from '../writes/readiness.ts';

export interface AppOptions {
  readonly store: GraphStore;
  readonly writer: GraphWriter;
  readonly keys: ApiKeyStore;
  readonly readiness: Readiness;
  readonly metrics: Metrics;
  readonly logLevel: string;
  readonly introspection: boolean;
  readonly readsRequireKey: boolean;
  /** Read results kept in memory (0 turns the cache off). */
  readonly cacheEntries?: number;
}

/** Request bodies above this get 413: no legitimate GraphQL document comes near it. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: o.logLevel, redact: ['req.headers.authorization'] },
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
  });

  app.addHook('onResponse', async (req, reply) => {
    o.metrics.httpRequests.inc({ route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) });
    o.metrics.httpSeconds.observe({ route: req.routeOptions.url ?? 'unknown' }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    if (o.readiness.pending) return reply.code(503).send({ status: 'starting', reason: o.readiness.pending });
    try {
      await o.store.ping();
      return { status: 'ready', engine: o.store.engine };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'the graph store does not answer' });
    }
  });

  app.get('/metrics', async (_req, reply) => reply.type(o.metrics.registry.contentType).send(await o.metrics.registry.metrics()));

  registerGraphiql(app);
  registerExplorer(app);
  await registerGraphql(
    app,
    { store: o.store, writer: o.writer, keys: o.keys, readsRequireKey: o.readsRequireKey, controlGraph: new PerVersion(() => o.writer.version, () => readControlGraph(o.store)) },
    { introspection: o.introspection, metrics: o.metrics, cacheEntries: o.cacheEntries ?? 0 });
  return app;
}
