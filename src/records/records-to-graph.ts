/**
 * Turns records into the rows the catalog writes: nodes per label, relationships per
 * (type, from, to), following the record declarations (src/model/records.ts). Every row
 * carries every property of its label or type (null when absent), because a batch whose rows
 * lack a key cannot bind on LadybugDB (docs/ladybug-traps.md).
 */
import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl, type CollectionName, type FieldPath, type NodeCollection } from '../model/records.ts';
import type { Row, Value } from '../store/graph-store.ts';

export type { Row } from '../store/graph-store.ts';
type Obj = Record<string, unknown>;

export interface RelRows {
  readonly type: RelationshipType;
  readonly from: NodeLabel;
  readonly to: NodeLabel;
  readonly rows: Row[];
}

/** Rows accumulated for one write: nodes by label, relationships by type and endpoint labels. */
export class GraphRows {
  readonly nodes = new Map<NodeLabel, Row[]>();
  readonly rels = new Map<string, RelRows>();

  node(label: NodeLabel, props: Record<string, unknown>): void {
    const row: Row = {};
    for (const [k, def] of Object.entries(NODE_TYPES[label].properties)) {
      const v = props[k];
      row[k] = def.type === 'string[]' ? ((v as string[] | null | undefined) ?? []) : ((v as Value | undefined) ?? null);
    }
    let list = this.nodes.get(label);
    if (!list) this.nodes.set(label, (list = []));
    list.push(row);
  }

  rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    const row: Row = { from: fromId, to: toId };
    for (const [k, def] of Object.entries(RELATIONSHIP_TYPES[type].properties)) {
      const v = props[k];
      row[k] = def.type === 'string[]' ? ((v as string[] | null | undefined) ?? []) : ((v as Value | undefined) ?? null);
    }
    const key = `${type}:${from}:${to}`;
    let entry = this.rels.get(key);
    if (!entry) this.rels.set(key, (entry = { type, from, to, rows: [] }));
    entry.rows.push(row);
  }
}

/** The id of the i-th (0-based) child of a record: `<parent>-<infix>-<i + 1>`. */
export const childId = (parentId: string, infix: string, i: number) => `${parentId}-${infix}-${i + 1}`;

/** The 1-based position a derived child id carries (`x-status-3` -> 3), so children keep their order. */
export const childIndex = (id: unknown) => Number(/-(\d+)$/.exec(String(id))?.[1] ?? 0);

/** Orders children (anything with a derived child `id`) as their record lists them. */
export const byChildIndex = (a: { readonly id?: unknown }, b: { readonly id?: unknown }) => childIndex(a.id) - childIndex(b.id);

/** The value at a part's path inside a record. */
export function valueAt(record: Obj, path: FieldPath): unknown {
  const head = record[path[0]];
  if (path.length === 1) return head;
  return head !== null && typeof head === 'object' ? (head as Obj)[path[1]!] : undefined;
}

/** The ids a link part holds, as a list. */
export function linkIds(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return typeof value === 'string' ? [value] : [];
}

function nodeToGraph(g: GraphRows, decl: NodeCollection, r: Obj): void {
  const id = String(r.id);
  const props: Obj = { ...r };
  for (const part of decl.parts) if (part.part === 'prop') props[part.prop] = valueAt(r, part.path);
  g.node(decl.label, props);
  for (const part of decl.parts) {
    switch (part.part) {
      case 'prop':
        break;
      case 'link':
        for (const other of linkIds(valueAt(r, part.path))) {
          if (part.side === 'out') g.rel(part.type, decl.label, id, part.target, other);
          else g.rel(part.type, part.target, other, decl.label, id);
        }
        break;
      case 'parties':
        for (const p of (r.parties as Obj[] | undefined) ?? []) {
          g.rel(part.roles[p.role as keyof typeof part.roles], 'Organization', String(p.org), decl.label, id, p);
        }
        break;
      case 'children':
        ((valueAt(r, part.path) as Obj[] | null | undefined) ?? []).forEach((child, i) => {
          const cid = childId(id, part.idInfix, i);
          const childProps: Obj = { id: cid };
          for (const [key, prop] of part.fields) if (prop !== '@cites') childProps[prop] = child[key];
          g.node(part.label, childProps);
          g.rel(part.via, decl.label, id, part.label, cid);
          for (const s of (child.sources as string[] | undefined) ?? []) g.rel('CITES', part.label, cid, 'Source', s);
        });
        break;
    }
  }
}

/** Adds the rows of one record of a collection. */
export function recordToGraph(g: GraphRows, collection: CollectionName, record: Obj): void {
  const decl: CollectionDecl = RECORDS[collection];
  if (decl.shape === 'node') return nodeToGraph(g, decl, record);
  const props: Obj = {};
  for (const [key, prop] of decl.fields) props[prop] = record[key];
  g.rel(decl.type, decl.from.label, String(record[decl.from.key]), decl.to.label, String(record[decl.to.key]), props);
}

/** The mapping of each collection's records to graph rows. */
export const RECORD_TO_GRAPH = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, (g: GraphRows, r: never) => recordToGraph(g, c, r as Obj)])) as Record<
  CollectionName,
  (g: GraphRows, r: never) => void
>;
