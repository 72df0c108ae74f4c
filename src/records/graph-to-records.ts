/**
 * Reads the graph back as records (the inverse of records-to-graph.ts), following the record
 * declarations: the source of `aigraph export`, of change detection and of the audit trail's
 * "before". One query per label and per relationship pair, whatever the size of the graph.
 */
import { GRAPH_LABELS, RELATIONSHIP_TYPES, recordPropertyKeys, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl, type LinkPart, type NodeCollection } from '../model/records.ts';
import { NODE_STATEMENTS, RELATIONSHIP_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';
import { groupBy } from '../store/group-by.ts';
import { canonicalRecord, compareText, recordKey } from './canonical.ts';
import { emptyRecords, type RecordsByCollection } from './record-schemas.ts';
import { byChildIndex } from './records-to-graph.ts';

type Obj = Record<string, unknown>;

/** Everything in the store (or the part of it a reader asked for), as rows. */
export interface GraphSnapshot {
  nodes: Partial<Record<NodeLabel, Row[]>>;
  /** Keyed `TYPE:From:To`. */
  rels: Map<string, Row[]>;
}

export const relKey = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => `${type}:${from}:${to}`;

/** The endpoint labels of a link part, as (from, to). */
export const linkEnds = (label: NodeLabel, part: LinkPart): [NodeLabel, NodeLabel] => (part.side === 'out' ? [label, part.target] : [part.target, label]);

export async function readSnapshot(store: GraphStore): Promise<GraphSnapshot> {
  const nodes: GraphSnapshot['nodes'] = {};
  for (const label of GRAPH_LABELS) nodes[label] = await store.read(NODE_STATEMENTS[label].all);
  const rels = new Map<string, Row[]>();
  for (const s of RELATIONSHIP_STATEMENTS) rels.set(relKey(s.type, s.from, s.to), await store.read(s.all));
  return { nodes, rels };
}

function nodeRecords(snap: GraphSnapshot, decl: NodeCollection): Obj[] {
  const by = (type: RelationshipType, from: NodeLabel, to: NodeLabel, key: 'from' | 'to') => groupBy(snap.rels.get(relKey(type, from, to)) ?? [], key);
  const ids = (rows: Row[] | undefined, key: 'from' | 'to') => (rows ?? []).map((r) => String(r[key]));
  const readers = decl.parts.map((part): ((node: Row, id: string) => unknown) => {
    switch (part.part) {
      case 'prop':
        return (node) => node[part.prop];
      case 'link': {
        const [from, to] = linkEnds(decl.label, part);
        const own = part.side === 'out' ? 'from' : 'to';
        const other = part.side === 'out' ? 'to' : 'from';
        const grouped = by(part.type, from, to, own);
        return part.cardinality === 'many' ? (_n, id) => ids(grouped.get(id), other) : (_n, id) => ids(grouped.get(id), other).sort()[0];
      }
      case 'parties': {
        const roles = Object.entries(part.roles).map(([role, type]) => ({ role, type, grouped: by(type, 'Organization', decl.label, 'to') }));
        return (_n, id) =>
          roles.flatMap(({ role, type, grouped }) =>
            (grouped.get(id) ?? []).map((r) => {
              const defs = RELATIONSHIP_TYPES[type].properties as Record<string, unknown>;
              return Object.fromEntries([['org', r.from], ['role', role], ...part.props.map((k) => [k, k in defs ? r[k] : undefined])]);
            }),
          );
      }
      case 'children': {
        const childNodes = new Map((snap.nodes[part.label] ?? []).map((n) => [String(n.id), n]));
        const cites = by('CITES', part.label, 'Source', 'from');
        const owned = by(part.via, decl.label, part.label, 'from');
        return (_n, id) =>
          (owned.get(id) ?? [])
            .map((r) => childNodes.get(String(r.to)))
            .filter((n): n is Row => n !== undefined)
            .sort(byChildIndex)
            .map((n) => Object.fromEntries(part.fields.map(([key, prop]) => [key, prop === '@cites' ? ids(cites.get(String(n.id)), 'to') : n[prop]])));
      }
    }
    throw new Error(`a record part of an unknown kind`);
  });
  const moved = new Set(decl.parts.flatMap((p) => (p.part === 'prop' ? [p.prop] : [])));
  const own = recordPropertyKeys(decl.label);
  return (snap.nodes[decl.label] ?? []).map((node) => {
    const id = String(node.id);
    const record: Obj = Object.fromEntries(own.filter((k) => !moved.has(k)).map((k) => [k, node[k]]));
    decl.parts.forEach((part, i) => {
      const v = readers[i]!(node, id);
      if (part.path.length === 1) record[part.path[0]] = v;
      else ((record[part.path[0]] ??= {}) as Obj)[part.path[1]!] = v;
    });
    return record;
  });
}

export function snapshotToRecords(snap: GraphSnapshot): RecordsByCollection {
  const out = emptyRecords() as unknown as Record<string, Obj[]>;
  for (const c of COLLECTION_NAMES) {
    const decl: CollectionDecl = RECORDS[c];
    let list: Obj[];
    if (decl.shape === 'node') list = nodeRecords(snap, decl);
    else {
      const rows = snap.rels.get(relKey(decl.type, decl.from.label, decl.to.label)) ?? [];
      list = rows.map((r) => Object.fromEntries([[decl.from.key, r.from], [decl.to.key, r.to], ...decl.fields.map(([key, prop]) => [key, r[prop]])]));
    }
    const canon = list.map((r) => canonicalRecord(c, r));
    canon.sort((a, b) => compareText(recordKey(c, a), recordKey(c, b)));
    out[c] = canon;
  }
  return out as unknown as RecordsByCollection;
}

export async function readRecords(store: GraphStore): Promise<RecordsByCollection> {
  return snapshotToRecords(await readSnapshot(store));
}
