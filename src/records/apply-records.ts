/**
 * Applying validated records to the graph: which are new or changed (by canonical form,
 * against what the graph holds for their keys), and writing those inside a unit of work. An
 * updated record first drops what it owns (its links and children, from the record
 * declarations), then nodes are upserted and relationships merged. Shared by the importer
 * and the API's writer.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl, type CollectionName } from '../model/records.ts';
import { childStatementsOf } from '../queries/import-statements.ts';
import { COUNT_ALL, NODE_STATEMENTS, relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore, Query, UnitOfWork } from '../store/graph-store.ts';
import { canonicalRecord, recordKey } from './canonical.ts';
import { linkEnds, snapshotToRecords } from './graph-to-records.ts';
import { readSnapshotFor } from './read-snapshot-for.ts';
import type { RecordsByCollection } from './record-schemas.ts';
import { affectedByRecords, deriveKnownSince } from './derived.ts';
import { GraphRows, RECORD_TO_GRAPH } from './records-to-graph.ts';

type Obj = Record<string, unknown>;

export interface CollectionCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ImportCounts = Record<CollectionName, CollectionCounts>;

const BATCH = 2000;

export function zeroCounts(): ImportCounts {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, { created: 0, updated: 0, unchanged: 0 }])) as ImportCounts;
}

/** True when the published graph has no node (internal bookkeeping aside). */
export async function isGraphEmpty(store: GraphStore): Promise<boolean> {
  return (await store.read(COUNT_ALL)).every((r) => Number(r.total) === 0);
}

export interface RecordDiff {
  counts: ImportCounts;
  created: Set<Obj>;
  updated: Set<Obj>;
  /** For each updated record, its canonical form before. */
  before: Map<Obj, Obj>;
}

/** Which records are new, which changed, by comparing canonical forms with what the graph holds for their keys. */
export async function diffRecords(store: GraphStore, records: RecordsByCollection, empty?: boolean): Promise<RecordDiff> {
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

/** The current records of the given keys, in canonical form. */
export async function readRecordsFor(store: GraphStore, keys: Partial<Record<CollectionName, readonly string[]>>): Promise<RecordsByCollection> {
  return snapshotToRecords(await readSnapshotFor(store, keys));
}

interface Owned {
  readonly rels: readonly [RelationshipType, NodeLabel, NodeLabel, 'from' | 'to'][];
  readonly children: readonly Query[];
}

/** What a record of each collection owns and must drop before it is written again. */
const OWNED: Partial<Record<CollectionName, Owned>> = Object.fromEntries(
  COLLECTION_NAMES.flatMap((c) => {
    const decl: CollectionDecl = RECORDS[c];
    if (decl.shape !== 'node') return [];
    const rels: [RelationshipType, NodeLabel, NodeLabel, 'from' | 'to'][] = [];
    for (const part of decl.parts) {
      if (part.part === 'link') rels.push([part.type, ...linkEnds(decl.label, part), part.side === 'out' ? 'from' : 'to']);
      if (part.part === 'parties') for (const t of Object.values(part.roles)) rels.push([t, 'Organization', decl.label, 'to']);
    }
    const children = childStatementsOf(decl.label).map((s) => s.delete);
    return rels.length || children.length ? [[c, { rels, children }]] : [];
  }),
);

async function runBatched(tx: UnitOfWork, query: Query, key: string, items: readonly unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await tx.run(query, { [key]: items.slice(i, i + BATCH) as never });
}

/** Writes the created and updated records inside a unit of work. */
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
    for (const q of owned.children) await runBatched(tx, q, 'ids', ids);
  }
  for (const [label, list] of rows.nodes) await runBatched(tx, NODE_STATEMENTS[label].upsert, 'rows', list);
  for (const { type, from, to, rows: list } of rows.rels.values()) await runBatched(tx, relationshipStatementsFor(type, from, to).merge, 'rows', list);
  const written = new Set([...created, ...updated]);
  const changedSources = (records.sources as unknown as Obj[]).filter((r) => updated.has(r)).map((r) => String(r.id));
  await deriveKnownSince(tx, affectedByRecords(records, written), changedSources);
}

/** Deletes a node and the children its record owns. */
export async function deleteRecordNode(tx: UnitOfWork, label: NodeLabel, id: string): Promise<void> {
  for (const s of childStatementsOf(label)) await tx.run(s.delete, { ids: [id] });
  await tx.run(NODE_STATEMENTS[label].delete, { ids: [id] });
}
