/**
 * `aigraph import` and `aigraph seed`: read every input file, validate everything, then write
 * all of it in one unit of work, or nothing. Re-importing the same input changes nothing:
 * records are compared in canonical form and only created or changed ones are written.
 */
import { deriveAll } from '../records/derived.ts';
import { diffRecords, isGraphEmpty, writeRecords, type CollectionCounts, type ImportCounts } from '../records/apply-records.ts';
import { BULK_THRESHOLD, bulkLoad } from '../records/bulk-load.ts';
import { COLLECTION_NAMES } from '../records/record-schemas.ts';
import { validateRecords } from '../records/validate-records.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ImportError, sortIssues } from './import-issue.ts';
import { readInputs } from './read-inputs.ts';

export { expandInputs, readInputs } from './read-inputs.ts';
export { isGraphEmpty, type ImportCounts };

export interface ImportOptions {
  readonly dryRun?: boolean;
}

/** Validates and imports the files; throws ImportError (writing nothing) on any problem. */
export async function importFiles(store: GraphStore, paths: readonly string[], options: ImportOptions = {}): Promise<ImportCounts> {
  const { raw, issues, stopped } = await readInputs(paths);
  if (stopped) throw new ImportError(sortIssues(issues), 0, true);
  // References into an empty store cannot resolve: asking it for every id would only cost time.
  const empty = await isGraphEmpty(store);
  const validation = await validateRecords(raw, empty ? undefined : store);
  const all = [...issues, ...validation.issues];
  if (all.length) throw new ImportError(sortIssues(all), validation.more);
  const { counts, created, updated } = await diffRecords(store, validation.records, empty);
  if (!options.dryRun && (created.size || updated.size)) {
    // Into an empty store, a large input goes through the bulk path (COPY where the engine has it,
    // many times faster: BENCHMARKS.md). Small inputs are as fast either way.
    if (empty && !updated.size && created.size > BULK_THRESHOLD) {
      await bulkLoad(store, validation.records);
      await store.transaction((tx) => deriveAll(tx));
    } else await store.transaction((tx) => writeRecords(tx, validation.records, created, updated));
    await store.checkpoint();
  }
  return counts;
}

export function formatCounts(counts: ImportCounts, dryRun = false): string {
  const head = dryRun ? ['collection', 'would create', 'would update', 'unchanged'] : ['collection', 'created', 'updated', 'unchanged'];
  const lines = COLLECTION_NAMES.map((c) => [c, String(counts[c].created), String(counts[c].updated), String(counts[c].unchanged)]);
  const sum = (k: keyof CollectionCounts) => String(COLLECTION_NAMES.reduce((n, c) => n + counts[c][k], 0));
  lines.push(['total', sum('created'), sum('updated'), sum('unchanged')]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => l.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}
