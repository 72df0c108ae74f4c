/**
 * Import benchmark: times each phase of loading a data set into an empty LadybugDB file. By
 * default it runs what `aigraph import` runs (journaledImport: the inputs kept beside the
 * journal, then the parallel path for a large input into an empty store: workers read, check
 * and write COPY rows, the ids are checked across files, COPY and the derived properties commit
 * in one unit). `--serial` times the former path instead (read everything, validateRecords,
 * then bulkLoad with --method copy|unwind), `--incremental` the incremental importer.
 * Prints JSON. Usage:
 *   npx tsx bench/import.ts DIR [--db PATH] [--workers N] [--serial [--method copy|unwind]] [--incremental]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bulkLoad, type BulkMethod } from '../src/records/bulk-load.ts';
import { importFiles, isGraphEmpty, readInputs } from '../src/importer/import-graph.ts';
import { ImportError, sortIssues } from '../src/importer/import-issue.ts';
import { validateRecords } from '../src/records/validate-records.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { journaledImport } from '../src/importer/journaled-import.ts';

export interface ImportTiming {
  dir: string;
  method: BulkMethod | 'incremental' | 'journaled';
  records: number;
  ms: Record<string, number>;
  peakRssMb: number;
  /** Store time per catalog statement (ms), slowest first. */
  statements: Record<string, number>;
}

export async function timeImport(dir: string, dbPath: string, method: BulkMethod | 'incremental' | 'journaled', workers?: number): Promise<ImportTiming> {
  const ms: Record<string, number> = {};
  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const started = performance.now();
  let t = started;
  const lap = (name: string) => {
    const now = performance.now();
    ms[name] = Math.round(now - t);
    t = now;
  };
  const byStatement = new Map<string, number>();
  const store = await LadybugStore.open({
    path: dbPath,
    queryTimeoutMs: 3_600_000,
    observe: (e) => byStatement.set(e.name, (byStatement.get(e.name) ?? 0) + e.ms),
  });
  let records = 0;
  try {
    await store.bootstrap();
    lap('open');
    if (method === 'journaled') {
      const counts = await journaledImport(store, [dir], {
        actor: 'bench',
        databaseFile: dbPath,
        // Phases as laps: each is reported when it ends.
        parallel: { workers, onPhase: (phase) => lap(phase) },
      });
      records = Object.values(counts).reduce((n, c) => n + c.created + c.updated + c.unchanged, 0);
      lap('rest');
    } else if (method === 'incremental') {
      await importFiles(store, [dir]);
      lap('import');
    } else {
      const { raw, issues } = await readInputs([dir]);
      records = raw.length;
      lap('read');
      // As `aigraph import` does: an empty store has nothing to look references up in.
      const v = await validateRecords(raw, (await isGraphEmpty(store)) ? undefined : store);
      if (issues.length || v.issues.length) throw new ImportError(sortIssues([...issues, ...v.issues]));
      lap('validate');
      raw.length = 0;
      const result = await bulkLoad(store, v.records, { method });
      for (const [k, v2] of Object.entries(result.phases)) ms[`bulk.${k}`] = Math.round(v2);
      lap('bulk');
    }
  } finally {
    await store.close();
    lap('close');
    clearInterval(sample);
  }
  ms.total = Math.round(performance.now() - started);
  const statements = Object.fromEntries(
    [...byStatement]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => [k, Math.round(v)]),
  );
  return { dir, method, records, ms, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6), statements };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      method: { type: 'string', default: 'copy' },
      incremental: { type: 'boolean' },
      serial: { type: 'boolean' },
      workers: { type: 'string' },
    },
  });
  const dir = positionals[0] ?? 'seeds';
  const tmp = values.db ? null : mkdtempSync(join(tmpdir(), 'aigraph-import-bench-'));
  const db = values.db ?? join(tmp!, 'graph.lbug');
  try {
    const method = values.incremental ? 'incremental' : values.serial ? (values.method as BulkMethod) : 'journaled';
    const r = await timeImport(dir, db, method, values.workers ? Number(values.workers) : undefined);
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
