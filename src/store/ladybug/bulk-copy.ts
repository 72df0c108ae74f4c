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
import type { BulkLoad, BulkLoadOptions, GraphStore, Query, UnitOfWork } from '../graph-store.ts';
import { copyNodes, copyRelationships, patchNodeProperty, tableInfo } from './copy-statements.ts';
import { CsvTables, type Column, type CsvShard } from './csv-tables.ts';

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

async function runBatches(tx: UnitOfWork, query: Query, rows: readonly unknown[], batch: number): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await tx.run(query, { rows: rows.slice(i, i + batch) as never });
}

/**
 * COPYs every file of the load, nodes first, grouped by table (one statement per table over all
 * its files), then sets the patched values, inside `tx`.
 */
async function copyAll(tx: UnitOfWork, parts: readonly CsvShard[], batch: number): Promise<void> {
  const nodeFiles = new Map<NodeLabel, { paths: string[]; parallel: boolean }>();
  const relFiles = new Map<string, { type: RelationshipType; from: NodeLabel; to: NodeLabel; paths: string[]; parallel: boolean }>();
  for (const part of parts) {
    for (const f of part.files) {
      if (!f.rows) continue;
      if (f.label) {
        let e = nodeFiles.get(f.label);
        if (!e) nodeFiles.set(f.label, (e = { paths: [], parallel: true }));
        e.paths.push(f.path);
        e.parallel &&= f.parallel;
      } else if (f.rel) {
        const key = `${f.rel.type}:${f.rel.from}:${f.rel.to}`;
        let e = relFiles.get(key);
        if (!e) relFiles.set(key, (e = { ...f.rel, paths: [], parallel: true }));
        e.paths.push(f.path);
        e.parallel &&= f.parallel;
      }
    }
  }
  for (const [label, e] of nodeFiles) await tx.run(copyNodes(label, e.paths, e.parallel));
  for (const e of relFiles.values()) await tx.run(copyRelationships(e.type, e.from, e.to, e.paths, e.parallel));
  for (const part of parts) for (const [label, prop, rows] of part.patches) await runBatches(tx, patchNodeProperty(label, prop), rows, batch);
}

/** Starts a bulk load into `store`, which must be an empty LadybugDB store. */
export async function openBulkCopy(store: GraphStore, options: BulkLoadOptions = {}): Promise<BulkLoad> {
  const batch = options.batchSize ?? 5000;
  const started = performance.now();
  const columns = await tableColumns(store);
  const dir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'aigraph-bulk-'));
  const tables = new CsvTables(dir, columns);
  const shards: CsvShard[] = [];
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
    shards: {
      spec: (name) => ({ dir, suffix: `.${name}`, columns: [...columns] }),
      add: (written) => void shards.push(written),
    },
    async commit(alsoInUnit) {
      const phases: Record<string, number> = {};
      try {
        tables.close();
        const parts = [tables.summary(), ...shards];
        phases.rows = performance.now() - started;
        options.onPhase?.('rows', phases.rows);
        let t = performance.now();
        await store.transaction(async (tx) => {
          await copyAll(tx, parts, batch);
          await alsoInUnit?.(tx);
        });
        phases.write = performance.now() - t;
        options.onPhase?.('write', phases.write);
        t = performance.now();
        await store.checkpoint();
        phases.checkpoint = performance.now() - t;
        options.onPhase?.('checkpoint', phases.checkpoint);
        const sum = (k: 'nodes' | 'relationships') => parts.reduce((n, p) => n + p[k], 0);
        return { nodes: sum('nodes'), relationships: sum('relationships'), phases };
      } finally {
        open = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
