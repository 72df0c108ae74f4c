/**
 * The bulk path: loads validated records (the output of validateRecords) into an EMPTY store,
 * all or nothing, much faster than the incremental importer (which diffs against the graph and
 * MERGEs). Two methods:
 *
 * - `copy` (LadybugDB, the default there): the records become one CSV file per node label and
 *   per relationship pair in a temporary folder, streamed to disk, then loaded with `COPY FROM`
 *   inside one transaction (a failing COPY rolls back every earlier one, measured). The few
 *   values a CSV cannot carry exactly (an empty string; a list item holding a comma, bracket,
 *   quote or backslash) are written as null and set afterwards with a batched UNWIND, in the
 *   same transaction.
 * - `unwind` (both engines, the default on Neo4j): batched `UNWIND $rows … CREATE`, in the
 *   portable subset (one node pattern per MATCH, typed conversions), inside one transaction.
 *
 * Both write exactly what the incremental importer writes (records-to-graph.ts does the
 * mapping for both), except that they CREATE instead of MERGE: a relationship listed twice in
 * one record is written once, as MERGE would.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyType, type RelationshipType } from '../model/graph-model.ts';
import {
  copyNodes,
  copyRelationships,
  COUNT_GRAPH_NODES,
  createNodes,
  createRelationships,
  patchNodeProperty,
  tableInfo,
} from '../queries/bulk-statements.ts';
import type { GraphStore, UnitOfWork, Value } from '../store/graph-store.ts';
import { COLLECTION_NAMES, type CollectionName, type RecordsByCollection } from './record-schemas.ts';
import { GraphRows, RECORD_TO_GRAPH } from './records-to-graph.ts';

export type BulkMethod = 'copy' | 'unwind';

export interface BulkLoadOptions {
  /** Default: `copy` on LadybugDB, `unwind` on Neo4j. */
  readonly method?: BulkMethod;
  /** Rows per UNWIND statement (unwind method and patches). */
  readonly batchSize?: number;
  /** Where the CSV files of the copy method go (a fresh folder inside it, removed afterwards). */
  readonly tmpDir?: string;
  /** Told when each phase ends. */
  readonly onPhase?: (phase: string, ms: number) => void;
  /** More work committed with the load, in its unit of work (the writer's audit entry and journal position). */
  readonly alsoInUnit?: (tx: UnitOfWork) => Promise<void>;
}

export interface BulkLoadResult {
  readonly method: BulkMethod;
  readonly nodes: number;
  readonly relationships: number;
  /** Milliseconds per phase: `rows` (records to rows or CSV), `write` (statements, committed), `checkpoint`. */
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
    if (this.seen.size) this.seen = new Set();
  }
}

// ---------------------------------------------------------------- copy (LadybugDB)

const FLUSH_AT = 1 << 20;

/** One CSV file being written: a header, then rows; `parallel` turns false on a quoted newline. */
class CsvFile {
  private fd: number;
  private buffer = '';
  rows = 0;
  parallel = true;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  add(line: string): void {
    this.buffer += line;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

interface Column {
  readonly name: string;
  readonly type: PropertyType | null; // null: a column the model does not declare (left empty)
}

/** A list item a CSV list literal carries exactly (LadybugDB trims items and splits on , [ ] { } quotes). */
const PLAIN_ITEM = /^[^\s,[\]{}"'\\](?:[^,[\]{}"'\\]*[^\s,[\]{}"'\\])?$/;

/** GraphRows that writes CSV lines (in each table's column order) instead of keeping rows. */
class CsvRows extends DedupedRows {
  readonly files = new Map<string, { file: CsvFile; label?: NodeLabel; rel?: { type: RelationshipType; from: NodeLabel; to: NodeLabel } }>();
  /** Node values the CSV cannot carry, set after COPY: label -> property -> rows. */
  readonly patches = new Map<NodeLabel, Map<string, { id: string; value: Value }[]>>();
  private nodeCount = 0;
  private relCount = 0;

  constructor(
    private readonly dir: string,
    private readonly columns: ReadonlyMap<string, readonly Column[]>,
  ) {
    super();
  }

  get counts() {
    return { nodes: this.nodeCount, relationships: this.relCount };
  }

  private cell(v: unknown, type: PropertyType | null, onUnfit: () => void, csv: CsvFile): string {
    if (v === null || v === undefined || type === null) return '';
    switch (type) {
      case 'string': {
        const s = String(v);
        if (s === '') {
          onUnfit(); // "" reads back as null
          return '';
        }
        if (s.includes('\n') || s.includes('\r')) csv.parallel = false;
        return `"${s.replace(/"/g, '""')}"`;
      }
      case 'string[]': {
        const items = v as string[];
        if (!items.every((x) => PLAIN_ITEM.test(x))) {
          onUnfit();
          return '"[]"';
        }
        return `"[${items.join(',').replace(/"/g, '""')}]"`;
      }
      case 'float':
        return String(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'date':
        return String(v);
    }
  }

  override node(label: NodeLabel, props: Record<string, unknown>): void {
    const key = label;
    let entry = this.files.get(key);
    const cols = this.columns.get(label)!;
    if (!entry) this.files.set(key, (entry = { file: new CsvFile(join(this.dir, `${label}.csv`), cols.map((c) => c.name)), label }));
    const id = String(props.id);
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      const def = NODE_TYPES[label].properties[c.name];
      let v = props[c.name];
      if (def?.type === 'string[]' && (v === null || v === undefined)) v = [];
      const value = v;
      line += (i ? ',' : '') + this.cell(v, c.type, () => this.patch(label, c.name, id, value as Value), entry.file);
    }
    entry.file.add(`${line}\n`);
    this.nodeCount++;
  }

  private patch(label: NodeLabel, property: string, id: string, value: Value): void {
    let byProp = this.patches.get(label);
    if (!byProp) this.patches.set(label, (byProp = new Map()));
    let rows = byProp.get(property);
    if (!rows) byProp.set(property, (rows = []));
    rows.push({ id, value });
  }

  override rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    if (!this.keep(type, from, fromId, to, toId)) return;
    const key = `${type}:${from}:${to}`;
    let entry = this.files.get(key);
    const cols = this.columns.get(type)!;
    if (!entry) this.files.set(key, (entry = { file: new CsvFile(join(this.dir, `${type}.${from}.${to}.csv`), ['from', 'to', ...cols.map((c) => c.name)]), rel: { type, from, to } }));
    let line = `"${fromId}","${toId}"`;
    for (const c of cols) {
      const def = RELATIONSHIP_TYPES[type].properties[c.name];
      let v = props[c.name];
      if (def?.type === 'string[]' && (v === null || v === undefined)) v = [];
      line += `,${this.cell(v, c.type, () => {
        // Only CONTROLS.sourceIds is a list on a relationship, and its items are slugs.
        throw new Error(`${type} ${fromId} -> ${toId}: ${c.name} cannot be written to CSV exactly`);
      }, entry.file)}`;
    }
    entry.file.add(`${line}\n`);
    this.relCount++;
  }

  close(): void {
    for (const { file } of this.files.values()) file.close();
  }
}

async function tableColumns(store: GraphStore): Promise<Map<string, Column[]>> {
  const out = new Map<string, Column[]>();
  for (const label of Object.keys(NODE_TYPES) as NodeLabel[]) {
    const rows = await store.read(tableInfo(label));
    out.set(label, rows.map((r) => ({ name: String(r.name), type: NODE_TYPES[label].properties[String(r.name)]?.type ?? null })));
  }
  for (const type of Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]) {
    const rows = await store.read(tableInfo(type));
    out.set(type, rows.map((r) => ({ name: String(r.name), type: (RELATIONSHIP_TYPES[type].properties as Record<string, { type: PropertyType }>)[String(r.name)]?.type ?? null })));
  }
  return out;
}

async function runBatches(tx: UnitOfWork, query: ReturnType<typeof createNodes>, rows: readonly unknown[], batch: number): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await tx.run(query, { rows: rows.slice(i, i + batch) as never });
}

/**
 * A copy load fed one record at a time, so a caller can validate and write as it reads and
 * hold no record after it is written: `add` every validated record (referenced kinds first
 * is not needed: COPY runs nodes before relationships), then `commit`, or `abort` when the
 * input turned out bad. Nothing reaches the store before `commit`.
 */
export interface CopySession {
  add(collection: CollectionName, record: unknown): void;
  commit(): Promise<BulkLoadResult>;
  abort(): void;
}

export async function openCopySession(store: GraphStore, options: BulkLoadOptions = {}): Promise<CopySession> {
  if (store.engine !== 'ladybug') throw new Error('The copy method needs LadybugDB; use unwind on Neo4j.');
  await requireEmpty(store);
  const batch = options.batchSize ?? 5000;
  const started = performance.now();
  const columns = await tableColumns(store);
  const dir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'aigraph-bulk-'));
  const sink = new CsvRows(dir, columns);
  let open = true;
  const finish = () => {
    if (!open) return;
    open = false;
    try {
      sink.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    add(collection, record) {
      RECORD_TO_GRAPH[collection](sink, record as never);
      sink.endRecord();
    },
    abort: finish,
    async commit() {
      const phases: Record<string, number> = {};
      try {
        sink.close();
        phases.rows = performance.now() - started;
        options.onPhase?.('rows', phases.rows);
        let t = performance.now();
        await store.transaction(async (tx) => {
          // Nodes first, then the relationships between them.
          for (const entry of sink.files.values()) if (entry.label && entry.file.rows) await tx.run(copyNodes(entry.label, entry.file.path, entry.file.parallel));
          for (const entry of sink.files.values()) {
            if (entry.rel && entry.file.rows) await tx.run(copyRelationships(entry.rel.type, entry.rel.from, entry.rel.to, entry.file.path, entry.file.parallel));
          }
          for (const [label, byProp] of sink.patches) {
            for (const [prop, rows] of byProp) await runBatches(tx, patchNodeProperty(label, prop), rows, batch);
          }
          await options.alsoInUnit?.(tx);
        });
        phases.write = performance.now() - t;
        options.onPhase?.('write', phases.write);
        t = performance.now();
        await store.checkpoint();
        phases.checkpoint = performance.now() - t;
        options.onPhase?.('checkpoint', phases.checkpoint);
        return { method: 'copy', ...sink.counts, phases };
      } finally {
        open = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function requireEmpty(store: GraphStore): Promise<void> {
  const existing = (await store.read(COUNT_GRAPH_NODES)).reduce((n, r) => n + Number(r.total), 0);
  if (existing > 0) throw new StoreNotEmptyError(existing);
}

// ---------------------------------------------------------------- unwind (both engines)

async function unwindLoad(store: GraphStore, records: RecordsByCollection, options: BulkLoadOptions, phases: Record<string, number>): Promise<{ nodes: number; relationships: number }> {
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
      await runBatches(tx, createNodes(label), list, batch);
      nodes += list.length;
    }
    for (const { type, from, to, rows: list } of rows.rels.values()) {
      const query = createRelationships(type, from, to);
      for (let i = 0; i < list.length; i += batch) {
        const slice = list.slice(i, i + batch);
        const [row] = await tx.run(query, { rows: slice });
        // MATCH finds no missing end and CREATE then writes nothing, silently: count instead.
        if (Number(row?.written ?? 0) !== slice.length) throw new Error(`${type} from ${from} to ${to}: ${slice.length - Number(row?.written ?? 0)} relationships name a node that is not there`);
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
  const method = options.method ?? (store.engine === 'ladybug' ? 'copy' : 'unwind');
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
