/**
 * Prometheus metrics, one registry per server. The store-query counter is the N+1 guard: the
 * store queries of one operation are bounded by its fields and nesting, never by its rows.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueryObserver } from '../store/graph-store.ts';
import type { ReadGate, ReadGateStats } from '../store/read-gate.ts';

export interface Metrics {
  readonly registry: Registry;
  readonly storeQueries: Counter<'name' | 'outcome'>;
  readonly storeSeconds: Histogram<'name'>;
  readonly httpRequests: Counter<'route' | 'status'>;
  readonly httpSeconds: Histogram<'route'>;
  readonly graphqlErrors: Counter<'code'>;
  readonly observe: QueryObserver;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'aigraph_' });
  const storeQueries = new Counter({
    name: 'aigraph_store_queries_total',
    help: 'Statements sent to the graph store, by catalog name and outcome.',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  const storeSeconds = new Histogram({
    name: 'aigraph_store_query_seconds',
    help: 'Time the graph store took per statement.',
    labelNames: ['name'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'aigraph_http_requests_total',
    help: 'HTTP requests answered, by route and status code.',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'aigraph_http_request_seconds',
    help: 'Time to answer an HTTP request, by route.',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'aigraph_graphql_errors_total',
    help: 'GraphQL errors answered, by code (BAD_USER_INPUT, UNAUTHENTICATED, INTERNAL_SERVER_ERROR, ...).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return {
    registry,
    storeQueries,
    storeSeconds,
    httpRequests,
    httpSeconds,
    graphqlErrors,
    observe: ({ name, ms, ok }) => {
      storeQueries.inc({ name, outcome: ok ? 'ok' : 'error' });
      storeSeconds.observe({ name }, ms / 1000);
    },
  };
}

/** Total store queries so far (for tests and benchmarks). */
export async function storeQueryCount(metrics: Metrics): Promise<number> {
  const m = await metrics.storeQueries.get();
  return m.values.reduce((n, v) => n + v.value, 0);
}

/** The read gate's state as gauges: reads running and waiting, and totals refused (503) and skipped (cancelled). */
export function watchReadGate(metrics: Metrics, gate: ReadGate): void {
  const gauges: [keyof ReadGateStats, string][] = [
    ['running', 'Store reads running now.'],
    ['queued', 'Store reads waiting at the read gate now.'],
    ['refused', 'Store reads refused because the read queue was full (answered 503), since start.'],
    ['skipped', 'Store reads skipped because their request was given up (client gone or deadline passed), since start.'],
  ];
  for (const [key, help] of gauges) {
    const name = `aigraph_store_reads_${key}`;
    if (metrics.registry.getSingleMetric(name)) continue;
    new Gauge({
      name,
      help,
      registers: [metrics.registry],
      collect() {
        this.set(gate.stats()[key]);
      },
    });
  }
}
