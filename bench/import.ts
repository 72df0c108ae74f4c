/**
 * Import benchmark: times each phase of loading a data set into an empty LadybugDB file:
 * reading the files, validating, and writing (the bulk path, or the incremental importer with
 * --incremental). Prints JSON. Usage:
 *   npx tsx bench/import.ts DIR [--db PATH] [--method copy|unwind] [--incremental]
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

export interface ImportTiming {
  dir: string;
  method: BulkMethod | 'incremental';
  records: number;
  ms: Record<string, number>;
  peakRssMb: number;
  /** Store time per catalog statement (ms), slowest first. */
  statements: Record<string, number>;
}

export async function timeImport(dir: string, dbPath: string, method: BulkMethod | 'incremental'): Promise<ImportTiming> {
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
    if (method === 'incremental') {
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
    options: { db: { type: 'string' }, method: { type: 'string', default: 'copy' }, incremental: { type: 'boolean' } },
  });
  const dir = positionals[0] ?? 'seeds';
  const tmp = values.db ? null : mkdtempSync(join(tmpdir(), 'aigraph-import-bench-'));
  const db = values.db ?? join(tmp!, 'graph.lbug');
  try {
    const r = await timeImport(dir, db, values.incremental ? 'incremental' : (values.method as BulkMethod));
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
