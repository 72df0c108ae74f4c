/**
 * The HTTP server: Fastify with the GraphQL API at /graphql, GraphiQL at /graphiql, the
 * health endpoints and /metrics. /healthz says the process is up; /readyz answers 200 only
 * when the store answers and start-up work (bootstrap, seeding, journal replay) is done.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { ApiKeyStore } from '../auth/api-keys.ts';
import { readControlLinks } from '../questions/control-graph.ts';
import { PerVersion } from '../questions/per-version.ts';
import { COUNT_ALL } from '../queries/model-statements.ts';
import { ViewGraph } from '../questions/view-graph.ts';
import { SearchIndex } from '../questions/search-index.ts';
import { SupplyGraph } from '../questions/supply-graph.ts';
import type { SupplySource } from '../questions/supply-source.ts';
import { candidateCaches } from '../questions/rules/known-ids.ts';
import { bearerToken } from '../auth/bearer.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ReadGate } from '../store/read-gate.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';
import type { Readiness } from '../writes/readiness.ts';
import { executableSchema } from '../graphql/executable-schema.ts';
import { registerBrowserAccess } from './browser-access.ts';
import { registerChangeStream } from './change-stream.ts';
import { GraphVersion } from '../writes/graph-version.ts';
import { registerExplorer } from './explorer.ts';
import { registerExportRoutes } from './export-routes.ts';
import { registerGraphiql } from './graphiql.ts';
import { registerGraphql } from './graphql-server.ts';
import { watchReadGate, type Metrics } from './metrics.ts';
import { registerRateLimit } from './rate-limit.ts';
import { traceHttp } from './tracing.ts';
import { TrustedDocuments } from './trusted-documents.ts';
import { checkingIntervalMs, DEFAULT_SERVER_LIMITS, type ServerLimits } from './server-limits.ts';

export type { Readiness } from '../writes/readiness.ts';

/**
 * From this many nodes, `serve` builds the read models right after start-up instead of on the
 * first question: at a million deals a build takes tens of seconds, longer than a request may wait.
 */
const WARM_FROM_NODES = 100_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** Builds the read models of the current graph version when the graph is large; true when it did. */
    warmReadModels(): Promise<boolean>;
  }
}

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
  /** Browser origins allowed to call the API (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
  /** API requests per minute per client (0 or absent: no limit). */
  readonly rateLimitPerMinute?: number;
  /** Clients without a key may run only the explorer's persisted documents. */
  readonly trustedDocumentsOnly?: boolean;
  /** Proxies trusted to name the client in X-Forwarded-For (true: any); none by default. */
  readonly trustProxy?: boolean | string[];
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
    // Behind a proxy, the client's address (the rate limit's and the costly cap's key) is the one it forwards.
    trustProxy: o.trustProxy ?? false,
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
  // Before any route: helmet, CORS and the rate limit hook into every route as it is added.
  await registerBrowserAccess(app, o.corsOrigins ?? []);
  await registerRateLimit(app, o.rateLimitPerMinute ?? 0, o.keys);

  traceHttp(app);
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
  const version = new GraphVersion(o.writer, o.store);
  const deps = {
    version,
    store: o.store,
    writer: o.writer,
    keys: o.keys,
    readsRequireKey: o.readsRequireKey,
    controlLinks: new PerVersion(
      () => version.version,
      () => readControlLinks(o.store),
    ),
    idCandidates: candidateCaches(o.store, () => version.version),
    supply: new PerVersion<SupplySource>(
      () => version.version,
      () => SupplyGraph.read(o.store),
    ),
    searchIndex: new PerVersion(
      () => version.version,
      () => SearchIndex.read(o.store),
    ),
    viewGraph: new PerVersion(
      () => version.version,
      () => ViewGraph.read(o.store),
    ),
  };
  const trustedDocuments = TrustedDocuments.load();
  const trustedDocumentsOnly = o.trustedDocumentsOnly ?? false;
  await registerGraphql(app, deps, {
    introspection: o.introspection,
    metrics: o.metrics,
    cacheEntries: o.cacheEntries ?? 0,
    limits,
    gate,
    trustedDocuments,
    trustedDocumentsOnly,
  });
  registerChangeStream(app, executableSchema(), deps, gate, trustedDocumentsOnly ? trustedDocuments : null);
  registerExportRoutes(app, o.store, o.keys, gate);
  app.decorate('warmReadModels', async () => {
    const counts = await o.store.read(COUNT_ALL);
    const nodes = counts.reduce((n, r) => n + Number(r.total), 0);
    if (nodes < WARM_FROM_NODES) return false;
    await deps.supply.get();
    await deps.searchIndex.get();
    await deps.viewGraph.get();
    return true;
  });
  return app;
}
