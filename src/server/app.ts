/**
 * The HTTP server: Fastify with the GraphQL API at /graphql, GraphiQL at /graphiql, the
 * health endpoints and /metrics. /healthz says the process is up; /readyz answers 200 only
 * when the store answers and start-up work (bootstrap, seeding, journal replay) is done.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiKeyStore } from '../auth/api-keys.ts';
import { readControlLinks } from '../questions/control-graph.ts';
import { PerVersion } from '../questions/per-version.ts';
import { SearchIndex } from '../questions/search-index.ts';
import { SupplyGraph } from '../questions/supply-graph.ts';
import type { SupplySource } from '../questions/supply-source.ts';
import { candidateCaches } from '../questions/rules/known-ids.ts';
import { bearerToken } from '../auth/bearer.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ReadGate } from '../store/read-gate.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';
import type { Readiness } from '../writes/readiness.ts';
import { registerExplorer } from './explorer.ts';
import { registerGraphiql } from './graphiql.ts';
import { registerGraphql } from './graphql-server.ts';
import { watchReadGate, type Metrics } from './metrics.ts';
import { checkingIntervalMs, DEFAULT_SERVER_LIMITS, type ServerLimits } from './server-limits.ts';

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
  /** Time and concurrency limits (default DEFAULT_SERVER_LIMITS). */
  readonly limits?: ServerLimits;
  /** The read gate (default: one built from `limits`); tests pass their own to watch it. */
  readonly gate?: ReadGate;
}

/** Request bodies above this get 413: no legitimate GraphQL document comes near it. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const limits = o.limits ?? DEFAULT_SERVER_LIMITS;
  const app = Fastify({
    logger: { level: o.logLevel, redact: ['req.headers.authorization'] },
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Node's own timeouts (0, off, by default in Fastify): a client that sends its headers or body
    // slowly is closed once requestTimeout (or headersTimeout) passes, checked this often.
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
  });
  // Connections beyond this are closed as they arrive, before the process runs out of file descriptors.
  app.server.maxConnections = limits.maxConnections;
  const gate = o.gate ?? new ReadGate(limits.readsRunning, limits.readsQueued);
  watchReadGate(o.metrics, gate);

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

  // Behind a key (any role) when reads need one: the metrics name every statement and count every error.
  app.get('/metrics', async (req, reply) => {
    if (o.readsRequireKey) {
      const token = bearerToken(req.headers.authorization);
      if (!token || !o.keys.verify(token)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: 'This server requires an API key for /metrics: send Authorization: Bearer <key>.' });
      }
    }
    return reply.type(o.metrics.registry.contentType).send(await o.metrics.registry.metrics());
  });

  registerGraphiql(app);
  registerExplorer(app);
  await registerGraphql(
    app,
    {
      store: o.store,
      writer: o.writer,
      keys: o.keys,
      readsRequireKey: o.readsRequireKey,
      controlLinks: new PerVersion(
        () => o.writer.version,
        () => readControlLinks(o.store),
      ),
      idCandidates: candidateCaches(o.store, () => o.writer.version),
      supply: new PerVersion<SupplySource>(
        () => o.writer.version,
        () => SupplyGraph.read(o.store),
      ),
      searchIndex: new PerVersion(
        () => o.writer.version,
        () => SearchIndex.read(o.store),
      ),
    },
    { introspection: o.introspection, metrics: o.metrics, cacheEntries: o.cacheEntries ?? 0, limits, gate },
  );
  return app;
}
