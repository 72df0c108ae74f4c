/** The benchmark's Markdown: one table per data set, kept between markers in BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Load {
  requestsPerSec: number;
  p50: number;
  p99: number;
  failures: number;
  requests: number;
}

interface Op {
  key: string;
  title: string;
  raw: { p50: number; p99: number; mean: number; statements: string[]; perStatement: { name: string; p50: number }[] };
  uncached: { http: Load | null; single: Load | null; firstMs: number; crashed?: boolean };
  cached: { http: Load | null; single: Load | null; firstMs: number; crashed?: boolean };
  singleMeanMs: { uncached: number; cached: number };
  ratioToTrivial: { uncached: number; cached: number };
  overhead: number;
}

export interface Report {
  date: string;
  label: string;
  data?: string;
  machine: { cpus: number; cpu: string; memoryGb: number; node: string };
  settings: { seconds: number; connections: number };
  graph: Record<string, number>;
  import: { method: string; ms: Record<string, number>; peakRssMb: number } | null;
  trivial: { requestsPerSec: { uncached: number; cached: number }; singleMeanMs: { uncached: number; cached: number } };
  operations: Op[];
  serverMemory: Record<string, { rssMb: number; peakRssMb: number }>;
  startup: Record<string, number>;
}

/** Mean latency on one connection: 1000 / req/s when fast (autocannon's histogram has 1 ms steps), its own mean when slow. */
const singleMean = (l: Load | null): number =>
  !l ? NaN : l.requestsPerSec >= 20 ? Math.round(100000 / l.requestsPerSec) / 100 : (l as Load & { mean: number }).mean;
const n = (v: number | undefined | null) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '–');
const fails = (p: { http: Load | null; single: Load | null; crashed?: boolean }) =>
  p.crashed ? 'server died' : String((p.http?.failures ?? 0) + (p.single?.failures ?? 0));

export function renderMarkdown(r: Report): string {
  const g = r.graph;
  const c = r.settings.connections;
  const lines = [
    `### ${r.label}: ${g.Organization ?? 0} organizations, ${g.Deal ?? 0} deals, ${Object.values(g).reduce((a, b) => a + b, 0)} nodes`,
    '',
    `${r.date.slice(0, 10)} · ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB · Node ${r.machine.node} · LadybugDB file on local disk · autocannon over loopback, client and server on the same 2 cores · \`${r.data === 'seeds' ? 'npm run bench' : `npm run bench -- --data ${r.data}`}\``,
    '',
    `\`{ __typename }\`: ${r.trivial.requestsPerSec.uncached} req/s at ${c} connections and ${r.trivial.singleMeanMs.uncached} ms on one connection without the cache; ${r.trivial.requestsPerSec.cached} req/s with it.`,
    '',
    `Without the response cache. *req/s, p50, p99*: ${c} connections (latency includes queueing behind the other connections); *1 conn*: one connection (mean = 1000 / req/s); *store*: the same catalog statements with the same parameters, replayed one after another straight on the store; *overhead*: 1-conn mean / store mean (below 1 where the server runs statements concurrently).`,
    '',
    '| operation | req/s | ÷ `__typename` | p50 ms | p99 ms | 1 conn mean ms | 1 conn p99 ms | store p50 ms | store p99 ms | overhead | statements (slowest: p50 ms) | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...r.operations.map((o) => {
      const slowest = [...o.raw.perStatement].sort((a, b) => b.p50 - a.p50)[0];
      const u = o.uncached;
      const mean = singleMean(u.single);
      const overhead = Math.round((mean / Math.max(o.raw.mean, 0.01)) * 100) / 100;
      return `| ${o.title} | ${n(u.http?.requestsPerSec)} | ${n(o.ratioToTrivial.uncached)} | ${n(u.http?.p50)} | ${n(u.http?.p99)} | ${n(mean)} | ${n(u.single?.p99)} | ${o.raw.p50} | ${o.raw.p99} | ${n(overhead)}× | ${o.raw.statements.length} (${slowest ? `${slowest.name}: ${slowest.p50}` : '-'}) | ${fails(u)} |`;
    }),
    '',
    `With the response cache (server default): the first request misses and fills it, the rest hit. "–" under req/s: not run at ${c} connections because one request takes over a second.`,
    '',
    '| operation | first request ms | req/s | ÷ `__typename` | p50 ms | p99 ms | 1 conn mean ms | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.operations.map((o) => {
      const k = o.cached;
      return `| ${o.title} | ${n(k.firstMs)} | ${n(k.http?.requestsPerSec)} | ${n(o.ratioToTrivial.cached)} | ${n(k.http?.p50)} | ${n(k.http?.p99)} | ${n(singleMean(k.single))} | ${fails(k)} |`;
    }),
    '',
    `Server memory at the end of each pass: ${Object.entries(r.serverMemory)
      .map(([k, m]) => `${k} ${m.rssMb} MB resident (peak ${m.peakRssMb} MB)`)
      .join('; ')}.`,
    `Start-up to /readyz 200: ${Object.entries(r.startup)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}.`,
  ];
  if (r.import)
    lines.push(
      `Import (${r.import.method}): ${Object.entries(r.import.ms)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}${Number.isFinite(r.import.peakRssMb) ? `, peak ${r.import.peakRssMb} MB` : ''}.`,
    );
  return lines.join('\n');
}

/** Replaces (or appends) the block between `<!-- bench:LABEL -->` and `<!-- /bench:LABEL -->`. */
export function updateBenchmarks(file: string, label: string, md: string): void {
  const open = `<!-- bench:${label} -->`;
  const close = `<!-- /bench:${label} -->`;
  const block = `${open}\n${md}\n${close}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  writeFileSync(file, a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + close.length) : `${text.trimEnd()}\n\n${block}\n`);
}
