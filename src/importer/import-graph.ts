/**
 * `aigraph import` and `aigraph seed`: read every input file, validate everything, then write
 * all of it in one unit of work, or nothing. Re-importing the same input changes nothing:
 * records are compared in canonical form and only created or changed ones are written.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { DELETE_DEAL_CHILDREN, DELETE_EXCLUSIVITY_CHILDREN } from '../queries/import-statements.ts';
import { COUNT_ALL, NODE_STATEMENTS, relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore, Query, UnitOfWork } from '../store/graph-store.ts';
import { canonicalRecord, recordKey } from './canonical.ts';
import { snapshotToRecords } from './graph-to-records.ts';
import { readSnapshotFor } from './read-snapshot-for.ts';
import { bulkLoad } from './bulk-load.ts';
import { ImportError, sortIssues, type ImportIssue } from './import-issue.ts';
import { readInputs } from './read-inputs.ts';
import { COLLECTION_NAMES, type CollectionName, type RecordsByCollection } from './record-schemas.ts';
import { GraphRows, RECORD_TO_GRAPH } from './records-to-graph.ts';
import { validateRecords } from './validate-records.ts';

export { expandInputs, readInputs } from './read-inputs.ts';

type Obj = Record<string, unknown>;

export interface CollectionCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportCounts = Record<CollectionName, CollectionCounts>;

const BATCH = 2000;
/** Records above which an import into an empty store uses the bulk path. */
const BULK_THRESHOLD = 10_000;

function zeroCounts(): ImportCounts {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, { created: 0, updated: 0, unchanged: 0 }])) as ImportCounts;
}

/** True when the published graph has no node (internal bookkeeping aside). */
export async function isGraphEmpty(store: GraphStore): Promise<boolean> {
  return (await store.read(COUNT_ALL)).every((r) => Number(r.total) === 0);
}

/** Which records are new, which changed, by comparing canonical forms with what the graph holds for their keys. */
export async function diffRecords(store: GraphStore, records: RecordsByCollection, empty?: boolean) {
  const counts = zeroCounts();
  const created = new Set<Obj>();
  const updated = new Set<Obj>();
  const keys = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, (records[c] as Obj[]).map((r) => recordKey(c, r))]));
  const existing = (empty ?? (await isGraphEmpty(store))) ? null : snapshotToRecords(await readSnapshotFor(store, keys));
  const before = new Map<Obj, Obj>();
  for (const c of COLLECTION_NAMES) {
    const old = new Map(((existing?.[c] ?? []) as Obj[]).map((r) => [recordKey(c, r), r]));
    for (const r of records[c] as Obj[]) {
      const prev = old.get(recordKey(c, r));
      if (prev === undefined) {
        counts[c].created++;
        created.add(r);
      } else if (JSON.stringify(prev) !== JSON.stringify(canonicalRecord(c, r))) {
        counts[c].updated++;
        updated.add(r);
        before.set(r, prev);
      } else counts[c].unchanged++;
    }
  }
  return { counts, created, updated, before };
}

/** What an updated record owns and must drop before it is written again. */
const OWNED: Partial<Record<CollectionName, { rels: [RelationshipType, NodeLabel, NodeLabel, 'from' | 'to'][]; children?: readonly Query[] }>> = {
  chips: { rels: [['DESIGNS', 'Organization', 'Chip', 'to'], ['MANUFACTURES', 'Organization', 'Chip', 'to']] },
  cloudServices: { rels: [['OPERATES', 'Organization', 'CloudService', 'to'], ['OFFERS', 'CloudService', 'Chip', 'from']] },
  deals: {
    rels: [
      ...(['INVESTOR_IN', 'INVESTEE_IN', 'SUPPLIER_IN', 'CUSTOMER_IN', 'PARTNER_IN', 'ACQUIRER_IN', 'ACQUIRED_IN', 'LENDER_IN', 'BORROWER_IN'] as const).map(
        (t) => [t, 'Organization', 'Deal', 'to'] as [RelationshipType, NodeLabel, NodeLabel, 'from' | 'to'],
      ),
      ['COVERS', 'Deal', 'Chip', 'from'],
      ['COVERS', 'Deal', 'CloudService', 'from'],
      ['CITES', 'Deal', 'Source', 'from'],
      ['SUPERSEDES', 'Deal', 'Deal', 'from'],
    ],
    children: DELETE_DEAL_CHILDREN,
  },
  exclusivities: {
    rels: [['HOLDS', 'Organization', 'Exclusivity', 'to'], ['GRANTS', 'Organization', 'Exclusivity', 'to'], ['PART_OF', 'Exclusivity', 'Deal', 'from'], ['CITES', 'Exclusivity', 'Source', 'from']],
    children: DELETE_EXCLUSIVITY_CHILDREN,
  },
};


async function runBatched(tx: UnitOfWork, query: Query, key: string, items: readonly unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await tx.run(query, { [key]: items.slice(i, i + BATCH) as never });
}

/**
 * Writes the created and updated records inside a unit of work: an updated record first drops
 * what it owns (relationships, status entries), then nodes are upserted and relationships merged.
 */
export async function writeRecords(tx: UnitOfWork, records: RecordsByCollection, created: Set<Obj>, updated: Set<Obj>): Promise<void> {
  const rows = new GraphRows();
  const replaced: Partial<Record<CollectionName, string[]>> = {};
  for (const c of COLLECTION_NAMES) {
    for (const r of records[c] as Obj[]) {
      if (!created.has(r) && !updated.has(r)) continue;
      if (updated.has(r) && OWNED[c]) (replaced[c] ??= []).push(String(r.id));
      RECORD_TO_GRAPH[c](rows, r as never);
    }
  }
  for (const [c, ids] of Object.entries(replaced) as [CollectionName, string[]][]) {
    const owned = OWNED[c]!;
    for (const [type, from, to, side] of owned.rels) {
      const s = relationshipStatementsFor(type, from, to);
      await runBatched(tx, side === 'from' ? s.deleteFrom : s.deleteTo, 'ids', ids);
    }
    for (const q of owned.children ?? []) await runBatched(tx, q, 'ids', ids);
  }
  for (const [label, list] of rows.nodes) await runBatched(tx, NODE_STATEMENTS[label].upsert, 'rows', list);
  for (const { type, from, to, rows: list } of rows.rels.values()) await runBatched(tx, relationshipStatementsFor(type, from, to).merge, 'rows', list);
}

export interface ImportOptions {
  readonly dryRun?: boolean;
}

/** Validates and imports the files; throws ImportError (writing nothing) on any problem. */
export async function importFiles(store: GraphStore, paths: readonly string[], options: ImportOptions = {}): Promise<ImportCounts> {
  const { raw, issues, stopped } = await readInputs(paths);
  if (stopped) throw new ImportError(sortIssues(issues), 0, true);
  // References into an empty store cannot resolve: skip asking it (14 s at a million records).
  const empty = await isGraphEmpty(store);
  const validation = await validateRecords(raw, empty ? undefined : store);
  const all = [...issues, ...validation.issues];
  if (all.length) throw new ImportError(sortIssues(all), validation.more);
  const { counts, created, updated } = await diffRecords(store, validation.records, empty);
  if (!options.dryRun && (created.size || updated.size)) {
    // Into an empty store, a large input goes through the bulk path (LadybugDB COPY): at 100k
    // deals 17.8 s instead of 144 s (BENCHMARKS.md). Small inputs are as fast either way.
    if (empty && !updated.size && created.size > BULK_THRESHOLD) await bulkLoad(store, validation.records);
    else await store.transaction((tx) => writeRecords(tx, validation.records, created, updated));
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
