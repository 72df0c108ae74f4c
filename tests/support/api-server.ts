/**
 * The real API in-process: LadybugDB in memory loaded with the shipped seeds, the Fastify app
 * listening on a loopback port, queried over HTTP. Keeps the metrics at hand so tests can count
 * the store queries of one request, and records the statement names each request sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiKeyStore, type Role } from '../../src/auth/api-keys.ts';
import { GraphWriter } from '../../src/writes/graph-writer.ts';
import { importFiles } from '../../src/importer/import-graph.ts';
import { buildApp } from '../../src/server/app.ts';
import { createMetrics, storeQueryCount, type Metrics } from '../../src/server/metrics.ts';
import { LadybugStore } from '../../src/store/ladybug/ladybug-store.ts';
import { ReadGate } from '../../src/store/read-gate.ts';
import { traceStatement } from '../../src/server/tracing.ts';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from '../../src/server/server-limits.ts';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[];
}

export interface ApiServer {
  url: string;
  metrics: Metrics;
  app: FastifyInstance;
  writer: GraphWriter;
  /** The store behind the API (LadybugDB in memory). */
  store: LadybugStore;
  /** The read gate in front of the store's readers. */
  gate: ReadGate;
  /** Creates an API key with a role and returns it. */
  key(role: Role, name?: string): string;
  /** POSTs an operation to /graphql (with `key` as a Bearer token when given). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GraphqlResponse<T>>;
  /** Runs `fn` and returns the catalog names of the statements it sent, in order. */
  recording<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
  storeQueries(): Promise<number>;
  close(): Promise<void>;
}

export async function startApiServer(
  options: {
    introspection?: boolean;
    readsRequireKey?: boolean;
    cacheEntries?: number;
    limits?: Partial<ServerLimits>;
    /** What to import (files or folders); the shipped seeds by default. */
    imports?: string[];
    corsOrigins?: string[];
    rateLimitPerMinute?: number;
    trustedDocumentsOnly?: boolean;
  } = {},
): Promise<ApiServer> {
  const dir = mkdtempSync(join(tmpdir(), 'aigraph-api-'));
  const keys = new ApiKeyStore(join(dir, 'keys.json'));
  const metrics = createMetrics();
  let recorder: string[] | null = null;
  const store = await LadybugStore.open({
    path: ':memory:',
    queryTimeoutMs: 30_000,
    observe: (e) => {
      metrics.observe(e);
      traceStatement(e);
      recorder?.push(e.name);
    },
  });
  await store.bootstrap();
  await importFiles(store, options.imports ?? ['seeds']);
  const writer = new GraphWriter(store, null);
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const gate = new ReadGate(limits.readsRunning, limits.readsQueued);
  const app = await buildApp({
    limits,
    gate,
    store,
    writer,
    keys,
    readiness: { pending: null },
    metrics,
    logLevel: 'silent',
    introspection: options.introspection ?? true,
    readsRequireKey: options.readsRequireKey ?? false,
    cacheEntries: options.cacheEntries ?? 0,
    corsOrigins: options.corsOrigins,
    rateLimitPerMinute: options.rateLimitPerMinute,
    trustedDocumentsOnly: options.trustedDocumentsOnly,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    metrics,
    app,
    writer,
    store,
    gate,
    key: (role, name) => keys.create(role, name ?? `test-${role}`).key,
    async gql(query, variables, key) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) } as never;
    },
    async recording(fn) {
      recorder = [];
      try {
        const result = await fn();
        return { result, statements: recorder };
      } finally {
        recorder = null;
      }
    },
    storeQueries: () => storeQueryCount(metrics),
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every node of the connection `field`, page by page: `query` takes `$after` and selects
 * `field { edges { node { ... } } pageInfo { hasNextPage endCursor } }`.
 */
export async function allNodes<N>(api: ApiServer, query: string, field: string, variables: Record<string, unknown> = {}): Promise<N[]> {
  type Page = Record<string, { edges: { node: N }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }>;
  const nodes: N[] = [];
  for (let after: string | null = null; ; ) {
    const r: GraphqlResponse<Page> = await api.gql<Page>(query, { ...variables, after });
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    const page = r.data[field]!;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}
