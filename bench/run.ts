/**
 * `npm run bench`: the API under load, beside the store alone.
 *
 *   npm run bench                                   # the shipped seeds
 *   npm run bench -- --data DIR                     # a data set in the import format (aigraph synth)
 *   npm run bench -- --data DIR --db PATH           # reuse PATH when it is already loaded
 *   options: --duration S (per operation, default 10), --connections N (default 10),
 *            --raw-ms MS (store replay per operation, default 3000), --no-startup, --label NAME,
 *            --seeds-only (the seeds run is otherwise followed by a run on a synthetic graph of
 *            100,000 deals, generated once under the temporary folder)
 *
 * 1. Loads the data into a LadybugDB file (seeds: the incremental importer; a folder: read,
 *    validate, bulk load), unless --db names one that already holds a graph.
 * 2. Records the catalog statements each operation sends (through the real app, in-process)
 *    and replays them straight on the store: the raw store time.
 * 3. Starts the server as a child process on that file and drives each operation with
 *    autocannon over loopback, beside `{ __typename }` measured in the same run.
 * 4. Measures `npm start` to /readyz 200 on an empty data folder and on a loaded one, and the
 *    server's memory. Writes bench/results/<date>-<label>.json and the table in BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFiles } from '../src/importer/import-graph.ts';
import { COUNT_ALL } from '../src/queries/model-statements.ts';
import { SearchIndex } from '../src/questions/search-index.ts';
import { SupplyGraph } from '../src/questions/supply-graph.ts';
import { ViewGraph } from '../src/questions/view-graph.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { timeImport, type ImportTiming } from './import.ts';
import { drive, measure, once, type LoadResult } from './load.ts';
import { recorder, replay, type RawTiming } from './raw-store.ts';
import { renderMarkdown, updateBenchmarks } from './report.ts';
import { findTargets, scenarios, SEED_TARGETS, TRIVIAL, type Targets } from './scenarios.ts';
import { startServer } from './server.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'seeds' },
    db: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'raw-ms': { type: 'string', default: '3000' },
    'no-startup': { type: 'boolean', default: false },
    label: { type: 'string' },
    only: { type: 'string' },
    'seeds-only': { type: 'boolean', default: false },
  },
});

const seconds = Number(values.duration);
const connections = Number(values.connections);
const rawMs = Number(values['raw-ms']);
const isSeeds = values.data === 'seeds';
const label = values.label ?? (isSeeds ? 'seeds' : 'synthetic');
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

function openStore(path: string) {
  return LadybugStore.open({ path, queryTimeoutMs: 600_000 });
}

export interface PassResult {
  /** At `connections` connections (null: not run, the operation takes over a second). */
  http: LoadResult | null;
  /** On one connection. */
  single: LoadResult | null;
  /** The first request after start-up (cold; with the cache, the miss). */
  firstMs: number;
  /** The server process died during this operation. */
  crashed: boolean;
  error?: string;
}

export interface OperationResult {
  key: string;
  title: string;
  variables: Record<string, unknown>;
  raw: RawTiming;
  uncached: PassResult;
  cached: PassResult;
}

const tmp = mkdtempSync(join(tmpdir(), 'aigraph-bench-'));
const db = values.db ?? join(tmp, 'graph.lbug');
try {
  // 1. The data.
  let importTiming: ImportTiming | null = null;
  let store = await openStore(db);
  await store.bootstrap();
  let counts = await store.read(COUNT_ALL);
  const empty = counts.every((r) => Number(r.total) === 0);
  if (empty) {
    await store.close();
    log(`loading ${values.data} into ${db}`);
    if (isSeeds) {
      store = await openStore(db);
      await store.bootstrap();
      const t = performance.now();
      await importFiles(store, ['seeds']);
      importTiming = { dir: 'seeds', method: 'incremental', records: 0, ms: { total: Math.round(performance.now() - t) }, peakRssMb: NaN, statements: {} };
      await store.close();
    } else {
      importTiming = await timeImport(values.data!, db, 'copy');
    }
    log(`loaded: ${JSON.stringify(importTiming.ms)}`);
    store = await openStore(db);
    counts = await store.read(COUNT_ALL);
  }
  const size = Object.fromEntries(counts.map((r) => [String(r.label), Number(r.total)]));
  log(`graph: ${JSON.stringify(size)}`);

  // 2. Targets, statements, raw store time.
  const targets: Targets = isSeeds ? SEED_TARGETS : await findTargets(store);
  log(`targets: ${JSON.stringify(targets)}`);
  const every = scenarios(targets);
  let ops = every;
  if (values.only) ops = ops.filter((o) => values.only!.split(',').includes(o.key));
  const readModels = await timeReadModels(store);
  log(`read models: ${JSON.stringify(readModels)}`);
  const rec = await recorder(store);
  const raw = new Map<string, RawTiming>();
  for (const op of ops) {
    const statements = await rec.record(op);
    raw.set(op.key, await replay(store, statements, rawMs));
    log(`raw ${op.key}: ${JSON.stringify(raw.get(op.key))}`);
  }
  await rec.close();
  await store.close();

  // 3. The server under load: without the response cache (every request reaches the store),
  // then with it (the server's default). A long query timeout, so that slow operations on big
  // data sets are measured rather than cut off.
  const results: OperationResult[] = [];
  const memory: Record<string, { rssMb: number; peakRssMb: number }> = {};
  const trivial: Record<'uncached' | 'cached', LoadResult[]> = { uncached: [], cached: [] };
  const trivialSingle: Partial<Record<'uncached' | 'cached', LoadResult>> = {};
  let loadedReadyMs = NaN;
  for (const pass of ['uncached', 'cached'] as const) {
    const start = () => startServer({ db, seedOnStart: false, via: 'node', cacheEntries: pass === 'uncached' ? 0 : undefined, queryTimeoutMs: 300_000 });
    log(`starting the server (${pass})`);
    let server = await start();
    if (pass === 'uncached') loadedReadyMs = server.readyMs;
    const secs = pass === 'uncached' ? seconds : Math.max(2, Math.round(seconds / 2));
    try {
      if (!isSeeds) {
        // A large graph's server builds its read models right after it is ready (serve.ts); the
        // requests below wait for them, so that what follows measures questions, not the build.
        // Every operation, not only those measured: a build still running stalls the others.
        const t = performance.now();
        for (const op of every) await once(server.url, op).catch(() => undefined);
        log(`${pass} read models built (first request of each operation) in ${Math.round(performance.now() - t)} ms`);
      }
      await drive(server.url, TRIVIAL, 2, connections); // warm-up
      trivial[pass].push(await drive(server.url, TRIVIAL, secs, connections));
      trivialSingle[pass] = await drive(server.url, TRIVIAL, Math.max(2, Math.round(secs / 2)), 1);
      log(`${pass} typename: ${JSON.stringify(trivial[pass][0])} single: ${JSON.stringify(trivialSingle[pass])}`);
      for (const op of ops) {
        let entry = results.find((r) => r.key === op.key);
        if (!entry) results.push((entry = { key: op.key, title: op.title, variables: op.variables, raw: raw.get(op.key)! } as OperationResult));
        try {
          const firstMs = await once(server.url, op); // warm-up (and, cached, the miss that fills the cache)
          const second = await once(server.url, op);
          const single = await measure(server.url, op, Math.max(2, Math.round(secs / 2)), 1, second);
          // Over a second a request: no concurrent run (it takes minutes, and ten concurrent
          // suppliers answers for a hub exhaust the server's heap: see BENCHMARKS.md).
          const loaded = second > 1000 ? null : await measure(server.url, op, secs, connections, second);
          log(`${pass} ${op.key}: first ${Math.round(firstMs)} ms; ${JSON.stringify(loaded)} single: ${JSON.stringify(single)}`);
          entry[pass] = { http: loaded, single, firstMs: Math.round(firstMs), crashed: !server.alive() };
        } catch (err) {
          const crashed = !server.alive();
          log(`${pass} ${op.key} failed${crashed ? ' (the server died)' : ''}: ${String(err)}\n${crashed ? server.stderrTail() : ''}`);
          entry[pass] = { http: null, single: null, firstMs: NaN, crashed, error: String(err).slice(0, 300) };
          if (crashed) {
            memory[`${pass} (before the crash)`] = { rssMb: NaN, peakRssMb: NaN };
            server = await start();
          }
        }
      }
      trivial[pass].push(await drive(server.url, TRIVIAL, secs, connections));
    } finally {
      memory[pass] = server.memory();
      await server.stop();
    }
    log(`server memory (${pass}): ${JSON.stringify(memory[pass])}`);
  }

  // 4. Start-up.
  const startup: Record<string, number> = { loadedDataReadyMs: loadedReadyMs };
  let startupRuns: { empty: number[]; loaded: number[] } | null = null;
  if (!values['no-startup']) {
    // Three times each: `npm start` on an empty data folder (seeds loaded on start), then on
    // that folder again (already loaded). Median reported, every run kept.
    const empty: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = join(tmp, `fresh-${i}`, 'data', 'graph.lbug');
      const first = await startServer({ db: fresh, via: 'npm' });
      empty.push(first.readyMs);
      await first.stop();
      const again = await startServer({ db: fresh, via: 'npm' });
      loaded.push(again.readyMs);
      await again.stop();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    startup.npmStartEmptyFolderMs = median(empty);
    startup.npmStartLoadedFolderMs = median(loaded);
    startupRuns = { empty, loaded };
    log(`start-up: ${JSON.stringify(startupRuns)}`);
  }

  // 5. Results.
  const rps = (list: LoadResult[]) => Math.round(list.reduce((n, t) => n + t.requestsPerSec, 0) / list.length);
  const trivialRps = { uncached: rps(trivial.uncached), cached: rps(trivial.cached) };
  const round = (n: number, d = 100) => Math.round(n * d) / d;
  // One connection: 1000 / req/s when fast (autocannon's histogram has 1 ms steps), its mean when slow.
  const singleMean = (l: LoadResult | null) => (!l ? NaN : l.requestsPerSec >= 20 ? round(1000 / l.requestsPerSec) : l.mean);
  const report = {
    date: new Date().toISOString(),
    label,
    data: values.data,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    },
    settings: { seconds, connections, rawMs, queryTimeoutMs: 300_000 },
    graph: size,
    targets,
    import: importTiming,
    readModels,
    trivial: {
      requestsPerSec: trivialRps,
      singleMeanMs: { uncached: round(1000 / trivialSingle.uncached!.requestsPerSec), cached: round(1000 / trivialSingle.cached!.requestsPerSec) },
      runs: trivial,
    },
    operations: results.map((r) => ({
      ...r,
      // One connection, pipelining 1: the mean latency is exactly 1000 / req/s (autocannon's
      // own histogram has 1 ms resolution).
      singleMeanMs: { uncached: singleMean(r.uncached.single), cached: singleMean(r.cached.single) },
      ratioToTrivial: {
        uncached: r.uncached.http ? round(r.uncached.http.requestsPerSec / trivialRps.uncached, 1000) : NaN,
        cached: r.cached.http ? round(r.cached.http.requestsPerSec / trivialRps.cached, 1000) : NaN,
      },
      // Unloaded HTTP latency over the store's own time for the same statements.
      overhead: round(singleMean(r.uncached.single) / Math.max(r.raw.mean, 0.01)),
    })),
    serverMemory: memory,
    startup,
    startupRuns,
  };
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${report.date.slice(0, 10)}-${label}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${file}`);
  const md = renderMarkdown(report);
  updateBenchmarks('BENCHMARKS.md', label, md);
  process.stdout.write(`${md}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (isSeeds && !values['seeds-only'] && !values.only) {
  // The realistic size of a complete industry graph: 100,000 deals, generated and loaded once.
  const dir = join(tmpdir(), 'aigraph-bench-synth-100k-seed1');
  if (!existsSync(join(dir, 'organizations.json'))) {
    log(`generating ${dir}`);
    const gen = spawnSync(process.execPath, ['bin/aigraph.js', 'synth', '--orgs', '10000', '--deals', '100000', '--seed', '1', '--out', dir], {
      stdio: 'inherit',
    });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  const args = ['--import', 'tsx', 'bench/run.ts', '--data', dir, '--db', `${dir}.lbug`, '--no-startup', '--label', 'synthetic-100k'];
  for (const k of ['duration', 'connections', 'raw-ms'] as const) args.push(`--${k}`, String(values[k]));
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

/** How long the read models of one graph version take to build, and the heap they hold. */
async function timeReadModels(store: LadybugStore): Promise<Record<string, { ms: number; heapMb: number }>> {
  const out: Record<string, { ms: number; heapMb: number }> = {};
  for (const [name, build] of [
    ['supplyGraph', () => SupplyGraph.read(store)],
    ['searchIndex', () => SearchIndex.read(store)],
    ['viewGraph', () => ViewGraph.read(store)],
  ] as const) {
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const t = performance.now();
    const built = await build();
    const ms = Math.round(performance.now() - t);
    global.gc?.();
    out[name] = { ms, heapMb: Math.round((process.memoryUsage().heapUsed - heap) / 1e6) };
    if (!built) throw new Error(name);
  }
  return out;
}
