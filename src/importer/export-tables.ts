/**
 * The graph as tables and lines, for tools that read neither the import format nor GraphML:
 * CSV (one file per node label, one of edges; RFC 4180, lists as JSON text, like GraphML) and
 * NDJSON (one JSON object per node and per edge). Both are written a row at a time, so the text
 * is never held whole. Values are written exactly as stored: a spreadsheet that evaluates a cell
 * starting with `=` would evaluate it (docs/security.md, "Exports").
 */
import { GRAPH_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import type { GraphSnapshot } from '../records/graph-to-records.ts';
import type { Row } from '../store/graph-store.ts';

/** The file name of a label's CSV: `Organization` -> `organization.csv`, `CloudService` -> `cloud-service.csv`. */
export const csvFileOf = (label: NodeLabel): string => `${label.replace(/[a-z][A-Z]/g, (m) => `${m[0]}-${m[1]}`).toLowerCase()}.csv`;
export const EDGES_CSV = 'edges.csv';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? (v.length ? JSON.stringify(v) : '') : String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: unknown[]) => `${cells.map(cell).join(',')}\r\n`;

const edgeProperties = (): string[] => [...new Set(Object.values(RELATIONSHIP_TYPES).flatMap((t) => Object.keys(t.properties)))];

/** Each edge of the snapshot: its type, ends and row. */
export function* edgesOf(snap: GraphSnapshot): Generator<{ type: RelationshipType; row: Row }> {
  for (const [key, rows] of snap.rels) for (const row of rows) yield { type: key.split(':')[0] as RelationshipType, row };
}

/** The CSV files, as (file name, lines): one per node label, then edges.csv. */
export function* csvFiles(snap: GraphSnapshot): Generator<[string, Generator<string>]> {
  for (const label of GRAPH_LABELS) {
    const columns = Object.keys(NODE_TYPES[label].properties);
    yield [
      csvFileOf(label),
      (function* () {
        yield line(columns);
        for (const n of snap.nodes[label] ?? []) yield line(columns.map((c) => n[c]));
      })(),
    ];
  }
  const props = edgeProperties();
  yield [
    EDGES_CSV,
    (function* () {
      yield line(['source', 'target', 'type', ...props]);
      for (const { type, row } of edgesOf(snap)) yield line([row.from, row.to, type, ...props.map((p) => row[p])]);
    })(),
  ];
}

const present = (o: Row, keys: readonly string[]) => Object.fromEntries(keys.flatMap((k) => (o[k] === null || o[k] === undefined ? [] : [[k, o[k]]])));

/** NDJSON: `{"type":"node","label","id","properties"}` per node, then `{"type":"edge","relationship","source","target","properties"}` per edge. */
export function* ndjsonLines(snap: GraphSnapshot): Generator<string> {
  for (const label of GRAPH_LABELS) {
    const keys = Object.keys(NODE_TYPES[label].properties).filter((k) => k !== 'id');
    for (const n of snap.nodes[label] ?? []) yield `${JSON.stringify({ type: 'node', label, id: n.id, properties: present(n, keys) })}\n`;
  }
  for (const { type, row } of edgesOf(snap)) {
    const keys = Object.keys(RELATIONSHIP_TYPES[type].properties);
    yield `${JSON.stringify({ type: 'edge', relationship: type, source: row.from, target: row.to, properties: present(row, keys) })}\n`;
  }
}
