/**
 * The CSV files of one bulk load (one per node label and per relationship FROM/TO pair), written
 * as rows come, for LadybugDB's `COPY FROM`. Plain file writing with no engine in it, so an
 * import's worker threads each write their own set (a shard) while the engine stays in the main
 * thread; `summary()` is what the main thread needs to COPY a shard's files (plain data).
 */
import { join } from 'node:path';
import type { NodeLabel, RelationshipType } from '../../model/graph-model.ts';
import type { BulkShardSpec, BulkShardWritten, Value } from '../graph-store.ts';
import { CsvFile, csvCell, csvEmpty, UNFIT } from './csv-file.ts';

export type Column = BulkShardSpec['columns'][number][1][number];
export type CsvShard = BulkShardWritten;
type CsvPatches = [NodeLabel, string, { id: string; value: Value }[]][];

type FileEntry = { file: CsvFile; label?: NodeLabel; rel?: { type: RelationshipType; from: NodeLabel; to: NodeLabel } };

export class CsvTables {
  private readonly files = new Map<string, FileEntry>();
  /** label -> property -> rows of `{id, value}`. */
  private readonly patches = new Map<NodeLabel, Map<string, { id: string; value: Value }[]>>();
  nodes = 0;
  relationships = 0;

  /**
   * `columns`: every table's columns in storage order (COPY maps CSV columns by position);
   * `suffix` tells apart the files of several sets written into one folder.
   */
  constructor(
    private readonly dir: string,
    private readonly columns: ReadonlyMap<string, readonly Column[]>,
    private readonly suffix = '',
  ) {}

  node(label: NodeLabel, props: Readonly<Record<string, unknown>>): void {
    const cols = this.columns.get(label)!;
    let entry = this.files.get(label);
    if (!entry)
      this.files.set(
        label,
        (entry = {
          file: new CsvFile(
            join(this.dir, `${label}${this.suffix}.csv`),
            cols.map((c) => c.name),
          ),
          label,
        }),
      );
    let line = '';
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      let v = props[c.name];
      if (c.type === 'string[]' && (v === null || v === undefined)) v = [];
      let cell = csvCell(v, c.type, entry.file);
      if (cell === UNFIT) {
        this.patch(label, c.name, String(props.id), v as Value);
        cell = csvEmpty(c.type);
      }
      line += i ? `,${cell}` : cell;
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
        (entry = {
          file: new CsvFile(join(this.dir, `${type}.${from}.${to}${this.suffix}.csv`), ['from', 'to', ...cols.map((c) => c.name)]),
          rel: { type, from, to },
        }),
      );
    let line = `"${fromId}","${toId}"`;
    for (const c of cols) {
      let v = props[c.name];
      if (c.type === 'string[]' && (v === null || v === undefined)) v = [];
      const cell = csvCell(v, c.type, entry.file);
      // No patch statement for relationships: the only list on one (CONTROLS.sourceIds) holds slugs.
      if (cell === UNFIT) throw new Error(`${type} ${fromId} -> ${toId}: ${c.name} cannot be written to CSV exactly`);
      line += `,${cell}`;
    }
    entry.file.add(`${line}\n`);
    this.relationships++;
  }

  /** Flushes and closes every file. */
  close(): void {
    for (const { file } of this.files.values()) file.close();
  }

  /** The files written and the values to set after COPY (call after close). */
  summary(): CsvShard {
    const files = [...this.files.values()].map(({ file, label, rel }) => ({ path: file.path, rows: file.rows, parallel: file.parallel, label, rel }));
    const patches: CsvPatches = [];
    for (const [label, byProp] of this.patches) for (const [prop, rows] of byProp) patches.push([label, prop, rows]);
    return { files, patches, nodes: this.nodes, relationships: this.relationships };
  }
}

/** The CSV files of one shard of a bulk load, as its spec says (a worker thread writes them). */
export function openCsvShard(spec: BulkShardSpec): CsvTables {
  return new CsvTables(spec.dir, new Map(spec.columns), spec.suffix);
}
