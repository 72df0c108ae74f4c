/**
 * The store side of each scenario: which catalog statements one GraphQL request sends (with
 * their parameters), recorded through the real app in-process, then replayed straight on the
 * store, so the GraphQL and HTTP overhead shows as the difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiKeyStore } from '../src/auth/api-keys.ts';
import { buildApp } from '../src/server/app.ts';
import { GraphWriter } from '../src/writes/graph-writer.ts';
import { createMetrics } from '../src/server/metrics.ts';
import type { GraphStore, Params, Query } from '../src/store/graph-store.ts';
import type { Scenario } from './scenarios.ts';
import { percentile } from './stats.ts';

export interface Statement {
  readonly query: Query;
  readonly params: Params | undefined;
}

/** The store, with every read() also told to `onRead` (a Proxy: whatever else the port grows passes through). */
function recordingStore(store: GraphStore, onRead: (s: Statement) => void): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'read') {
        return (query: Query, params?: Params) => {
          onRead({ query, params });
          return target.read(query, params);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export interface Recorder {
  record(s: Scenario): Promise<Statement[]>;
  close(): Promise<void>;
}

/** The app on the store, in-process, answering injected requests (no socket). */
export async function recorder(store: GraphStore): Promise<Recorder> {
  let current: Statement[] | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'aigraph-bench-keys-'));
  const app: FastifyInstance = await buildApp({
    store: recordingStore(store, (s) => current?.push(s)),
    writer: new GraphWriter(store, null),
    keys: new ApiKeyStore(join(dir, 'keys.json')),
    readiness: { pending: null },
    metrics: createMetrics(),
    logLevel: 'silent',
    introspection: false,
    readsRequireKey: false,
    cacheEntries: 0, // every request reaches the store
  });
  return {
    async record(s) {
      const send = () =>
        app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: { query: s.query, variables: s.variables },
        });
      // The first request builds the read models of this graph version (once per version, not
      // per request): what one request sends is recorded on the second.
      await send();
      current = [];
      const res = await send();
      const body = res.json() as { errors?: unknown[] };
      const statements = current;
      current = null;
      if (res.statusCode !== 200 || body.errors) throw new Error(`${s.key}: the request failed: ${res.body.slice(0, 500)}`);
      return statements;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawTiming {
  statements: string[];
  /** p50 of each statement, in the order sent. */
  perStatement: { name: string; p50: number }[];
  iterations: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Replays the statements in order, again and again, for about `ms` milliseconds. */
export async function replay(store: GraphStore, statements: readonly Statement[], ms: number, maxIterations = 2000): Promise<RawTiming> {
  const times: number[] = [];
  const each: number[][] = statements.map(() => []);
  for (const s of statements) await store.read(s.query, s.params); // warm: prepared statements, caches
  const until = performance.now() + ms;
  while ((performance.now() < until || times.length < 10) && times.length < maxIterations) {
    const t = performance.now();
    for (let i = 0; i < statements.length; i++) {
      const s = statements[i]!;
      const ts = performance.now();
      await store.read(s.query, s.params);
      each[i]!.push(performance.now() - ts);
    }
    times.push(performance.now() - t);
  }
  return {
    statements: statements.map((s) => s.query.name),
    perStatement: statements.map((s, i) => ({ name: s.query.name, p50: percentile(each[i]!, 50) })),
    iterations: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}
