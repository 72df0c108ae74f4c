/**
 * `aigraph import` and `aigraph seed`: read every input file, validate everything, then write
 * all of it in one unit of work, or nothing. Re-importing the same input changes nothing:
 * records are compared in canonical form and only created or changed ones are written.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { diffRecords, isGraphEmpty, writeRecords, zeroCounts, type CollectionCounts, type ImportCounts } from '../records/apply-records.ts';
import { deriveAll } from '../records/derived.ts';
import { COLLECTION_NAMES } from '../records/record-schemas.ts';
import { validateRecords } from '../records/validate-records.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { BULK_THRESHOLD, bulkLoad } from '../records/bulk-load.ts';
import { ImportError, sortIssues, type ImportIssue } from './import-issue.ts';
import { readJsonFile } from './read-json.ts';
import { readYamlFile, type RawRecord } from './read-yaml.ts';

export { isGraphEmpty, type ImportCounts };

const INPUT_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The input files named by paths: files as given, folders searched for .yaml/.yml/.json. */
export async function expandInputs(paths: readonly string[]): Promise<{ files: string[]; issues: ImportIssue[] }> {
  const files: string[] = [];
  const issues: ImportIssue[] = [];
  const walk = async (dir: string) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      issues.push({ file: p, line: 1, column: 1, path: '', message: 'no such file or folder' });
    }
  }
  return { files, issues };
}

export async function readInputs(paths: readonly string[]): Promise<{ raw: RawRecord[]; issues: ImportIssue[] }> {
  const { files, issues } = await expandInputs(paths);
  if (!files.length && !issues.length) issues.push({ file: paths.join(' '), line: 1, column: 1, path: '', message: 'no .yaml, .yml or .json files found' });
  const raw: RawRecord[] = [];
  for (const f of files) {
    const result = extname(f).toLowerCase() === '.json' ? await readJsonFile(f) : await readYamlFile(f);
    raw.push(...result.records);
    issues.push(...result.issues);
  }
  return { raw, issues };
}

export interface ImportOptions {
  readonly dryRun?: boolean;
}

/** Validates and imports the files; throws ImportError (writing nothing) on any problem. */
export async function importFiles(store: GraphStore, paths: readonly string[], options: ImportOptions = {}): Promise<ImportCounts> {
  const { raw, issues } = await readInputs(paths);
  // References into an empty store cannot resolve: asking it for every id would only cost time.
  const empty = await isGraphEmpty(store);
  const validation = await validateRecords(raw, empty ? undefined : store);
  const all = [...issues, ...validation.issues];
  if (all.length) throw new ImportError(sortIssues(all));
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
