/**
 * The issue-16 scenarios against the server as users run it (a child process on a fresh
 * LadybugDB file loaded with the seeds, loopback only, bounded in time):
 * 1. how long the fan-out document and the variables-bypass document take to be refused, with
 *    /healthz asked at the same moment;
 * 2. BURST_CONNECTIONS connections sending the costliest legitimate query (15 aliased depth-3
 *    neighbourhoods, each on another day) for BURST_SECONDS, while a simple lookup is timed every
 *    PROBE_MS; then how long until the read gate holds nothing (from /metrics) and the lookup's
 *    times in the seconds after.
 * Usage: npx tsx bench/burst.ts [connections=200] [seconds=20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './server.ts';

const BURST_CONNECTIONS = Number(process.argv[2] ?? 200);
const BURST_SECONDS = Number(process.argv[3] ?? 20);
const PROBE_MS = 250;
const AFTER_MS = 10_000;
const LOOKUP = JSON.stringify({ query: '{ organization(id: "openai") { name } }' });

function costliest(day: number): string {
  const one = (i: number) => {
    const date = new Date(Date.UTC(2020, 0, 1 + ((day * 15 + i) % 2000))).toISOString().slice(0, 10);
    return `n${i}: neighborhood(id: "openai", depth: 3, asOf: "${date}", limit: 150) { truncated nodes { id kind label } edges { source target type } }`;
  };
  return JSON.stringify({ query: `{ ${Array.from({ length: 15 }, (_, i) => one(i)).join(' ')} }` });
}

function fanOut(): string {
  let doc = 'query { ...F29 }\nfragment F0 on Query { organizations(first: 1) { totalCount } }\n';
  for (let i = 1; i < 30; i++) doc += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return JSON.stringify({ query: doc });
}
const BYPASS = JSON.stringify({
  query: 'query($n: Int) { organizations(first: $n) { edges { node { deals(first: $n) { edges { node { id title } } } } } } }',
  variables: { n: 100 },
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : NaN;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), max: Math.round(Math.max(...xs) * 10) / 10 });

async function timed(url: string, path: string, body?: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const res = await fetch(url + path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {});
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
}

async function gateState(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^aigraph_store_reads_(\w+) (\d+)/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'aigraph-burst-'));
const server = await startServer({ db: join(dir, 'graph.lbug'), cacheEntries: 5000 });
try {
  // 1. The documents that stalled or slipped past the cost limit.
  const refusals: Record<string, number[]> = { fanOut: [], bypass: [], healthzMeanwhile: [] };
  for (let i = 0; i < 20; i++) {
    const [f, h] = await Promise.all([timed(server.url, '/graphql', fanOut()), timed(server.url, '/healthz')]);
    const b = await timed(server.url, '/graphql', BYPASS);
    if (f.status !== 400 || b.status !== 400 || h.status !== 200)
      throw new Error(`unexpected statuses: fan-out ${f.status}, bypass ${b.status}, healthz ${h.status}`);
    refusals.fanOut!.push(f.ms);
    refusals.bypass!.push(b.ms);
    refusals.healthzMeanwhile!.push(h.ms);
  }
  console.log('refusals (ms):', JSON.stringify(Object.fromEntries(Object.entries(refusals).map(([k, v]) => [k, summary(v)]))));

  // 2. The burst, with a prober.
  let day = 0;
  const during: number[] = [];
  const duringStatus = new Map<number, number>();
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const r = await timed(server.url, '/graphql', LOOKUP);
      during.push(r.ms);
      duringStatus.set(r.status, (duringStatus.get(r.status) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, PROBE_MS));
    }
  })();
  const burst = await autocannon({
    url: `${server.url}/graphql`,
    connections: BURST_CONNECTIONS,
    duration: BURST_SECONDS,
    timeout: 60,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: costliest(day++) }) }],
  });
  const burstEnded = performance.now();
  probing = false;
  await prober;
  const statusCounts = { '2xx': burst['2xx'], '4xx': burst['4xx'], '5xx': burst['5xx'], errors: burst.errors, timeouts: burst.timeouts };
  console.log(
    `burst: ${BURST_CONNECTIONS} connections x ${BURST_SECONDS} s, ${burst.requests.total} answers`,
    JSON.stringify(statusCounts),
    `latency p50 ${burst.latency.p50} ms p99 ${burst.latency.p99} ms`,
  );
  console.log('lookup during the burst (ms):', JSON.stringify(summary(during)), 'statuses', JSON.stringify(Object.fromEntries(duringStatus)));

  // 3. After: until the gate is empty, and the lookup for AFTER_MS.
  let drainedMs = NaN;
  const after: number[] = [];
  const afterStatus = new Map<number, number>();
  while (performance.now() - burstEnded < AFTER_MS) {
    const g = await gateState(server.url);
    if (Number.isNaN(drainedMs) && g.running === 0 && g.queued === 0) drainedMs = performance.now() - burstEnded;
    const r = await timed(server.url, '/graphql', LOOKUP);
    after.push(r.ms);
    afterStatus.set(r.status, (afterStatus.get(r.status) ?? 0) + 1);
    await new Promise((res) => setTimeout(res, PROBE_MS));
  }
  const g = await gateState(server.url);
  console.log(`read gate empty ${Math.round(drainedMs)} ms after the burst; totals: refused ${g.refused}, skipped ${g.skipped}`);
  console.log(`lookup in the ${AFTER_MS / 1000} s after (ms):`, JSON.stringify(summary(after)), 'statuses', JSON.stringify(Object.fromEntries(afterStatus)));
  console.log(`server alive: ${server.alive()}, memory ${JSON.stringify(server.memory())}`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
