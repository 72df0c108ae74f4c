/**
 * Reads back only the records with the given keys (and what they own, as the record
 * declarations say), as a partial snapshot that snapshotToRecords turns into records: change
 * detection and the audit trail's "before" cost a few batched queries per collection,
 * whatever the size of the graph.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl, type CollectionName } from '../model/records.ts';
import { childStatementsOf } from '../queries/import-statements.ts';
import { NODE_STATEMENTS, relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { linkEnds, relKey, type GraphSnapshot } from './graph-to-records.ts';

const BATCH = 5000;

async function batched(store: GraphStore, query: Query, ids: readonly string[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += BATCH) for (const row of await store.read(query, { ids: ids.slice(i, i + BATCH) })) out.push(row);
  return out;
}

export async function readSnapshotFor(store: GraphStore, keys: Partial<Record<CollectionName, readonly string[]>>): Promise<GraphSnapshot> {
  const snap: GraphSnapshot = { nodes: {}, rels: new Map() };
  const keep = <K, V>(map: Map<K, V[]>, key: K, rows: V[]) => {
    const list = map.get(key);
    if (list) for (const r of rows) list.push(r);
    else map.set(key, rows);
  };
  const nodes = async (label: NodeLabel, ids: readonly string[]) => {
    const rows = ids.length ? await batched(store, NODE_STATEMENTS[label].getMany, ids) : [];
    const list = (snap.nodes[label] ??= []);
    for (const r of rows) list.push(r);
  };
  /** Relationship rows `query` returns for `ids`, kept under `key`. */
  const collect = async (key: string, query: Query, ids: readonly string[]) => {
    const rows = ids.length ? await batched(store, query, ids) : [];
    keep(snap.rels, key, rows);
    return rows;
  };
  const rels = (type: RelationshipType, from: NodeLabel, to: NodeLabel, side: 'from' | 'to', ids: readonly string[]) => {
    const s = relationshipStatementsFor(type, from, to);
    return collect(relKey(type, from, to), side === 'from' ? s.byFrom : s.byTo, ids);
  };

  for (const c of COLLECTION_NAMES) {
    const decl: CollectionDecl = RECORDS[c];
    const ids = keys[c] ?? [];
    if (decl.shape === 'edge') {
      // Keyed `from->to`: read the from side's links, keep the pairs asked for.
      const pairs = new Set(ids);
      const key = relKey(decl.type, decl.from.label, decl.to.label);
      const rows = pairs.size ? await rels(decl.type, decl.from.label, decl.to.label, 'from', [...new Set(ids.map((p) => p.split('->')[0]!))]) : [];
      snap.rels.set(
        key,
        rows.filter((r) => pairs.has(`${String(r.from)}->${String(r.to)}`)),
      );
      continue;
    }
    await nodes(decl.label, ids);
    for (const part of decl.parts) {
      if (part.part === 'link') {
        const [from, to] = linkEnds(decl.label, part);
        await rels(part.type, from, to, part.side === 'out' ? 'from' : 'to', ids);
      } else if (part.part === 'parties') {
        for (const type of Object.values(part.roles)) await rels(type, 'Organization', decl.label, 'to', ids);
      }
    }
    for (const s of childStatementsOf(decl.label)) {
      const owned = await rels(s.part.via, decl.label, s.part.label, 'from', ids);
      await nodes(
        s.part.label,
        owned.map((r) => String(r.to)),
      );
      await collect(relKey('CITES', s.part.label, 'Source'), s.cites, ids);
    }
  }
  return snap;
}
