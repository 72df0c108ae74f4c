/**
 * Drives one operation with autocannon over loopback: POST bodies, and `verifyBody` so that a
 * 200 carrying GraphQL errors counts as a failure, not as a fast answer.
 */
import autocannon from 'autocannon';
import type { Scenario } from './scenarios.ts';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  failures: number;
}

function verify(body: string | Buffer | undefined): boolean {
  try {
    const parsed = JSON.parse(String(body ?? '')) as { data?: unknown; errors?: unknown };
    return parsed.data != null && !parsed.errors;
  } catch {
    return false;
  }
}

/** `seconds` of load, or exactly `amount` requests (waiting for every answer) when given. */
export async function drive(url: string, s: Scenario, seconds: number, connections: number, amount?: number): Promise<LoadResult> {
  const result = await autocannon({
    ...(amount ? { amount } : { duration: seconds }),
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: s.query, variables: s.variables }),
    connections,
    pipelining: 1,
    timeout: 300,
    verifyBody: verify,
  });
  const failures = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
  return {
    requestsPerSec: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: Math.round(result.latency.average * 100) / 100,
    requests: result.requests.total,
    failures,
  };
}

/** One request, timed (also a warm-up): ms, or throws when it fails. */
export async function once(url: string, s: Scenario): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: s.query, variables: s.variables }),
  });
  const body = await res.text();
  if (res.status !== 200 || !verify(body)) throw new Error(`${s.key}: ${res.status} ${body.slice(0, 300)}`);
  return performance.now() - t;
}

/**
 * An operation's HTTP figures at one setting: a duration-based run when it is fast, else a
 * fixed number of requests (autocannon then waits for every answer, so no abandoned request
 * keeps the server busy into the next measurement).
 */
export async function measure(url: string, s: Scenario, seconds: number, connections: number, singleMs: number): Promise<LoadResult> {
  if (singleMs * connections < 200) return drive(url, s, seconds, connections);
  const amount = Math.max(connections * 2, Math.min(2000, Math.round((seconds * 1000 * connections) / Math.max(singleMs, 1) / connections)));
  return drive(url, s, seconds, connections, amount);
}
