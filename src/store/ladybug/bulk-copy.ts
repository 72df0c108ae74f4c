/**
 * LadybugDB's bulk load: the rows become one CSV file per node label and per relationship
 * FROM/TO pair in a temporary folder, streamed to disk as they come, then loaded with
 * `COPY FROM` inside one transaction, nodes first (a failing COPY rolls back every earlier
 * one). The few values a CSV cannot carry exactly are written as null and set afterwards with
 * a batched UNWIND, in the same transaction (docs/ladybug-traps.md#copy-csv-quoting).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyType, type RelationshipType } from '../../model/graph-model.ts';
import type { BulkLoad, BulkLoadOptions, GraphStore, Query, UnitOfWork, Value } from '../graph-store.ts';
import { copyNodes, copyRelationships, patchNodeProperty, tableInfo } from './copy-statements.ts';
import { CsvFile, csvCell } from './csv-file.ts';

interface Column {
  readonly name: string;
  /** null: a column the model does not declare (left empty). */
  readonly type: PropertyType | null;
}

/** Every table's columns in storage order (COPY maps CSV columns by position), typed by the model. */
async function tableColumns(store: GraphStore): Promise<Map<string, Column[]>> {
  const out = new Map<string, Column[]>();
  for (const label of Object.keys(NODE_TYPES) as NodeLabel[]) {
    const rows = await store.read(tableInfo(label));
    out.set(
      label,
      rows.map((r) => ({ name: String(r.name), type: NODE_TYPES[label].properties[String(r.name)]?.type ?? null })),
    );
  }
  for (const type of Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]) {
    const rows = await store.read(tableInfo(type));
    out.set(
      type,
      rows.map((r) => ({
        name: String(r.name),
        type: (RELATIONSHIP_TYPES[type].properties as Record<string, { type: PropertyType }>)[String(r.name)]?.type ?? null,
      })),
    );
  }
  return out;
}

type FileEntry = { file: CsvFile; label?: NodeLabel; rel?: { type: RelationshipType; from: NodeLabel; to: NodeLabel } };

/** The CSV files of one load, and the node values to set after COPY. */
class CsvTables {
  readonly files = new Map<string, FileEntry>();
  /** label -> property -> rows of `{id, value}`. */
  readonly patches = new Map<NodeLabel, Map<string, { id: string; value: Value }[]>>();
  nodes = 0;
  relationships = 0;

  constructor(
    private readonly dir: string,
    private readonly columns: ReadonlyMap<string, readonly Column[]>,
  ) {}

  node(label: NodeLabel, props: Readonly<Record<string, unknown>>): void {
    const cols = this.columns.get(label)!;
    let entry = this.files.get(label);
    if (!entry)
      this.files.set(
        label,
        (entry = {
          file: new CsvFile(
            join(this.dir, `${label}.csv`),
            cols.map((c) => c.name),
          ),
          label,
        }),
      );
    const id = String(props.id);
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      let v = props[c.name];
      if (c.type === 'string[]' && (v === null || v === undefined)) v = [];
      const value = v;
      line += (i ? ',' : '') + csvCell(v, c.type, () => this.patch(label, c.name, id, value as Value), entry.file);
    }
    entry.file.add(`${line}\n`);
    this.nodes++;
  }

  private patch(label: NodeLabel, property: string, id: string, value: Value): void {
    let byProp = this.patches.get(label);
    if (!byProp) this.patches.set(label, (byProp = new Map()));
    let rows = byProp.get(property);
    if (!rows) byProp.set(property, (rows = []));
    rows.push({ id, value });
  }

  relationship(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Readonly<Record<string, unknown>> = {}): void {
    const key = `${type}:${from}:${to}`;
    const cols = this.columns.get(type)!;
    let entry = this.files.get(key);
    if (!entry)
      this.files.set(
        key,
        (entry = { file: new CsvFile(join(this.dir, `${type}.${from}.${to}.csv`), ['from', 'to', ...cols.map((c) => c.name)]), rel: { type, from, to } }),
      );
    let line = `"${fromId}","${toId}"`;
    for (const c of cols) {
      let v = props[c.name];
      if (c.type === 'string[]' && (v === null || v === undefined)) v = [];
      line += `,${csvCell(
        v,
        c.type,
        () => {
          // No patch statement for relationships: the only list on one (CONTROLS.sourceIds) holds slugs.
          throw new Error(`${type} ${fromId} -> ${toId}: ${c.name} cannot be written to CSV exactly`);
        },
        entry.file,
      )}`;
    }
    entry.file.add(`${line}\n`);
    this.relationships++;
  }

  close(): void {
    for (const { file } of this.files.values()) file.close();
  }
}

async function runBatches(tx: UnitOfWork, query: Query, rows: readonly unknown[], batch: number): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await tx.run(query, { rows: rows.slice(i, i + batch) as never });
}

/** Starts a bulk load into `store`, which must be an empty LadybugDB store. */
export async function openBulkCopy(store: GraphStore, options: BulkLoadOptions = {}): Promise<BulkLoad> {
  const batch = options.batchSize ?? 5000;
  const started = performance.now();
  const columns = await tableColumns(store);
  const dir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'aigraph-bulk-'));
  const tables = new CsvTables(dir, columns);
  let open = true;
  const finish = () => {
    if (!open) return;
    open = false;
    try {
      tables.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    node: (label, row) => tables.node(label, row),
    relationship: (type, from, fromId, to, toId, properties) => tables.relationship(type, from, fromId, to, toId, properties),
    abort: finish,
    async commit(alsoInUnit) {
      const phases: Record<string, number> = {};
      try {
        tables.close();
        phases.rows = performance.now() - started;
        options.onPhase?.('rows', phases.rows);
        let t = performance.now();
        await store.transaction(async (tx) => {
          for (const entry of tables.files.values())
            if (entry.label && entry.file.rows) await tx.run(copyNodes(entry.label, entry.file.path, entry.file.parallel));
          for (const entry of tables.files.values()) {
            if (entry.rel && entry.file.rows)
              await tx.run(copyRelationships(entry.rel.type, entry.rel.from, entry.rel.to, entry.file.path, entry.file.parallel));
          }
          for (const [label, byProp] of tables.patches) {
            for (const [prop, rows] of byProp) await runBatches(tx, patchNodeProperty(label, prop), rows, batch);
          }
          await alsoInUnit?.(tx);
        });
        phases.write = performance.now() - t;
        options.onPhase?.('write', phases.write);
        t = performance.now();
        await store.checkpoint();
        phases.checkpoint = performance.now() - t;
        options.onPhase?.('checkpoint', phases.checkpoint);
        return { nodes: tables.nodes, relationships: tables.relationships, phases };
      } finally {
        open = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
