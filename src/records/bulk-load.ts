/**
 * The bulk path: loads validated records (the output of validateRecords) into an EMPTY store,
 * all or nothing, much faster than the incremental importer (which diffs against the graph and
 * MERGEs). Two methods:
 *
 * - `copy` (the default where the store has `capabilities.bulkCopy`): the records become rows
 *   one at a time, handed to the store's own bulk load (`store.openBulkLoad`), which writes
 *   them in one unit of work.
 * - `unwind` (every store, the default elsewhere): batched `UNWIND $rows … CREATE`, in the
 *   portable subset (one node pattern per MATCH, typed conversions), inside one transaction.
 *
 * Both write exactly what the incremental importer writes (records-to-graph.ts does the
 * mapping for both), except that they CREATE instead of MERGE: a relationship listed twice in
 * one record is written once, as MERGE would.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { COUNT_GRAPH_NODES, createNodes, createRelationships } from '../queries/bulk-statements.ts';
import type { BulkLoad, GraphStore, UnitOfWork } from '../store/graph-store.ts';
import { COLLECTION_NAMES, type CollectionName, type RecordsByCollection } from './record-schemas.ts';
import { GraphRows, RECORD_TO_GRAPH } from './records-to-graph.ts';

/** Records above which an import into an empty store uses the bulk path. */
export const BULK_THRESHOLD = 10_000;

export type BulkMethod = 'copy' | 'unwind';

export interface BulkLoadOptions {
  /** Default: `copy` where the store has `capabilities.bulkCopy`, else `unwind`. */
  readonly method?: BulkMethod;
  /** Rows per UNWIND statement (unwind method and patches). */
  readonly batchSize?: number;
  /** Where the copy method may write temporary files (a fresh folder inside it, removed afterwards). */
  readonly tmpDir?: string;
  /** Told when each phase ends. */
  readonly onPhase?: (phase: 'rows' | 'write' | 'checkpoint', ms: number) => void;
  /** More work committed with the load, in its unit of work (the writer's audit entry and journal position). */
  readonly alsoInUnit?: (tx: UnitOfWork) => Promise<void>;
}

export interface BulkLoadResult {
  readonly method: BulkMethod;
  readonly nodes: number;
  readonly relationships: number;
  /** Milliseconds per phase: `rows` (records to rows), `write` (statements, committed), `checkpoint`. */
  readonly phases: Record<string, number>;
}

/** The store already holds part of the graph: the bulk path is for empty stores only. */
export class StoreNotEmptyError extends Error {
  constructor(readonly nodes: number) {
    super(`The bulk load needs an empty store, and this one holds ${nodes} nodes; use the incremental import.`);
    this.name = 'StoreNotEmptyError';
  }
}

/** Feeds every record through the shared mapping, one record at a time. */
function mapRecords(records: RecordsByCollection, sink: GraphRows & { endRecord(): void }): void {
  for (const c of COLLECTION_NAMES) {
    const toGraph = RECORD_TO_GRAPH[c];
    for (const r of records[c] as unknown[]) {
      toGraph(sink, r as never);
      sink.endRecord();
    }
  }
}

/** GraphRows that drops a relationship repeated inside one record (MERGE would write it once). */
class DedupedRows extends GraphRows {
  private seen = new Set<string>();

  /** True the first time a record names this relationship. */
  protected keep(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string): boolean {
    const key = `${type}\u0000${from}\u0000${fromId}\u0000${to}\u0000${toId}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  override rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    if (this.keep(type, from, fromId, to, toId)) super.rel(type, from, fromId, to, toId, props);
  }

  endRecord(): void {
    if (this.seen.size) this.seen.clear();
  }
}

/** DedupedRows that hands each row to a store's bulk load (or a part of one) instead of keeping it. */
class BulkLoadRows extends DedupedRows {
  constructor(private readonly load: RowSink) {
    super();
  }

  override node(label: NodeLabel, props: Record<string, unknown>): void {
    this.load.node(label, props);
  }

  override rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    if (this.keep(type, from, fromId, to, toId)) this.load.relationship(type, from, fromId, to, toId, props);
  }
}

/** Where rows go: a bulk load, or the part of one a worker thread writes. */
export type RowSink = Pick<BulkLoad, 'node' | 'relationship'>;

/**
 * Feeds validated records to `sink` as rows, one record at a time, through the shared mapping
 * (records-to-graph.ts); a relationship repeated inside one record is fed once.
 */
export function recordRows(sink: RowSink): (collection: CollectionName, record: unknown) => void {
  const rows = new BulkLoadRows(sink);
  return (collection, record) => {
    RECORD_TO_GRAPH[collection](rows, record as never);
    rows.endRecord();
  };
}

/**
 * A copy load fed one record at a time, so a caller can validate and write as it reads and
 * hold no record after it is written: `add` every validated record (in any order: the store
 * writes nodes before relationships), then `commit`, or `abort` when the input turned out bad.
 * Nothing reaches the store before `commit`.
 */
export interface CopySession {
  add(collection: CollectionName, record: unknown): void;
  commit(): Promise<BulkLoadResult>;
  abort(): void;
}

export async function openCopySession(store: GraphStore, options: BulkLoadOptions = {}): Promise<CopySession> {
  if (!store.capabilities.bulkCopy) throw new Error(`The copy method needs a store with a bulk copy, and ${store.engine} has none; use unwind.`);
  await requireEmpty(store);
  const load = await store.openBulkLoad({ batchSize: options.batchSize ?? 5000, tmpDir: options.tmpDir, onPhase: options.onPhase });
  const add = recordRows(load);
  return {
    add,
    abort: () => load.abort(),
    async commit() {
      return { method: 'copy', ...(await load.commit(options.alsoInUnit)) };
    },
  };
}

export async function requireEmpty(store: GraphStore): Promise<void> {
  const existing = (await store.read(COUNT_GRAPH_NODES)).reduce((n, r) => n + Number(r.total), 0);
  if (existing > 0) throw new StoreNotEmptyError(existing);
}

// ---------------------------------------------------------------- unwind (both engines)

async function unwindLoad(
  store: GraphStore,
  records: RecordsByCollection,
  options: BulkLoadOptions,
  phases: Record<string, number>,
): Promise<{ nodes: number; relationships: number }> {
  const batch = options.batchSize ?? 5000;
  let t = performance.now();
  const rows = new DedupedRows();
  mapRecords(records, rows);
  phases.rows = performance.now() - t;
  options.onPhase?.('rows', phases.rows);
  t = performance.now();
  let nodes = 0;
  let relationships = 0;
  await store.transaction(async (tx) => {
    for (const [label, list] of rows.nodes) {
      const query = createNodes(label);
      for (let i = 0; i < list.length; i += batch) await tx.run(query, { rows: list.slice(i, i + batch) });
      nodes += list.length;
    }
    for (const { type, from, to, rows: list } of rows.rels.values()) {
      const query = createRelationships(type, from, to);
      for (let i = 0; i < list.length; i += batch) {
        const slice = list.slice(i, i + batch);
        const [row] = await tx.run(query, { rows: slice });
        // MATCH finds no missing end and CREATE then writes nothing, silently: count instead.
        if (Number(row?.written ?? 0) !== slice.length)
          throw new Error(`${type} from ${from} to ${to}: ${slice.length - Number(row?.written ?? 0)} relationships name a node that is not there`);
      }
      relationships += list.length;
    }
    await options.alsoInUnit?.(tx);
  });
  phases.write = performance.now() - t;
  options.onPhase?.('write', phases.write);
  return { nodes, relationships };
}

/**
 * Writes validated records into an empty store, all or nothing. Throws StoreNotEmptyError when
 * the published graph already has nodes (nothing written); any other failure leaves the store
 * as it was.
 */
export async function bulkLoad(store: GraphStore, records: RecordsByCollection, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
  const method = options.method ?? (store.capabilities.bulkCopy ? 'copy' : 'unwind');
  if (method === 'copy') {
    const session = await openCopySession(store, options);
    try {
      for (const c of COLLECTION_NAMES) for (const r of records[c] as unknown[]) session.add(c, r);
    } catch (err) {
      session.abort();
      throw err;
    }
    return session.commit();
  }
  await requireEmpty(store);
  const phases: Record<string, number> = {};
  const counts = await unwindLoad(store, records, options, phases);
  const t = performance.now();
  await store.checkpoint();
  phases.checkpoint = performance.now() - t;
  options.onPhase?.('checkpoint', phases.checkpoint);
  return { method: 'unwind', ...counts, phases };
}
