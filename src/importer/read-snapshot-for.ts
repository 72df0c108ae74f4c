/**
 * Reads back only the records with the given keys (and what they own), as a partial snapshot
 * that snapshotToRecords turns into records: change detection and audit "before" values cost a
 * few batched queries per collection, whatever the size of the graph.
 */
import { PARTY_ROLES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import { NODE_STATEMENTS, relationshipStatementsFor } from '../queries/model-statements.ts';
import { CHILD_CITES } from '../queries/import-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import type { GraphSnapshot } from './graph-to-records.ts';
import type { CollectionName } from './record-schemas.ts';

const BATCH = 5000;

async function batched(store: GraphStore, run: (ids: string[]) => Promise<Row[]>, ids: readonly string[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += BATCH) for (const row of await run(ids.slice(i, i + BATCH))) out.push(row); // no spread: rows can be many
  return out;
}

export async function readSnapshotFor(store: GraphStore, keys: Partial<Record<CollectionName, readonly string[]>>): Promise<GraphSnapshot> {
  const snap: GraphSnapshot = { nodes: {} as GraphSnapshot['nodes'], rels: new Map() };
  const nodes = async (label: NodeLabel, ids: readonly string[]) => {
    const rows = ids.length ? await batched(store, (b) => store.read(NODE_STATEMENTS[label].getMany, { ids: b }), ids) : [];
    snap.nodes[label] = [...(snap.nodes[label] ?? []), ...rows];
    return rows;
  };
  /** Relationship rows `query` returns for `ids`, kept under `key` (`TYPE:From:To`). */
  const collect = async (key: string, query: Query, ids: readonly string[]) => {
    const rows = ids.length ? await batched(store, (b) => store.read(query, { ids: b }), ids) : [];
    snap.rels.set(key, [...(snap.rels.get(key) ?? []), ...rows]);
    return rows;
  };
  const rels = (type: RelationshipType, from: NodeLabel, to: NodeLabel, side: 'from' | 'to', ids: readonly string[]) => {
    const s = relationshipStatementsFor(type, from, to);
    return collect(`${type}:${from}:${to}`, side === 'from' ? s.byFrom : s.byTo, ids);
  };
  const ids = (rows: Row[], key: string) => rows.map((r) => String(r[key]));
  /** What the children's sources are, read from their parents (see CHILD_CITES). */
  const childCites = (query: Query, child: 'StatusEntry' | 'AmountReport', parentIds: readonly string[]) => collect(`CITES:${child}:Source`, query, parentIds);
  const children = async (parent: 'Deal' | 'Exclusivity', parentIds: readonly string[]) => {
    const entries = ids(await rels('HAS_STATUS', parent, 'StatusEntry', 'from', parentIds), 'to');
    await nodes('StatusEntry', entries);
    await childCites(parent === 'Deal' ? CHILD_CITES.DealStatusEntry : CHILD_CITES.ExclusivityStatusEntry, 'StatusEntry', parentIds);
  };

  for (const label of ['Organization', 'Chip', 'CloudService', 'Source', 'Deal', 'Exclusivity', 'StatusEntry', 'AmountReport'] as const) snap.nodes[label] = [];

  await nodes('Organization', keys.organizations ?? []);
  await nodes('Source', keys.sources ?? []);
  const chips = keys.chips ?? [];
  await nodes('Chip', chips);
  await rels('DESIGNS', 'Organization', 'Chip', 'to', chips);
  await rels('MANUFACTURES', 'Organization', 'Chip', 'to', chips);
  const services = keys.cloudServices ?? [];
  await nodes('CloudService', services);
  await rels('OPERATES', 'Organization', 'CloudService', 'to', services);
  await rels('OFFERS', 'CloudService', 'Chip', 'from', services);
  const deals = keys.deals ?? [];
  await nodes('Deal', deals);
  for (const t of Object.values(PARTY_ROLES)) await rels(t, 'Organization', 'Deal', 'to', deals);
  await rels('COVERS', 'Deal', 'Chip', 'from', deals);
  await rels('COVERS', 'Deal', 'CloudService', 'from', deals);
  await rels('CITES', 'Deal', 'Source', 'from', deals);
  await rels('SUPERSEDES', 'Deal', 'Deal', 'from', deals);
  await children('Deal', deals);
  const reports = ids(await rels('REPORTS_AMOUNT', 'Deal', 'AmountReport', 'from', deals), 'to');
  await nodes('AmountReport', reports);
  await childCites(CHILD_CITES.DealAmountReport, 'AmountReport', deals);
  const exclusivities = keys.exclusivities ?? [];
  await nodes('Exclusivity', exclusivities);
  await rels('HOLDS', 'Organization', 'Exclusivity', 'to', exclusivities);
  await rels('GRANTS', 'Organization', 'Exclusivity', 'to', exclusivities);
  await rels('PART_OF', 'Exclusivity', 'Deal', 'from', exclusivities);
  await rels('CITES', 'Exclusivity', 'Source', 'from', exclusivities);
  await children('Exclusivity', exclusivities);
  const pairs = new Set(keys.control ?? []);
  if (pairs.size) {
    const controllers = [...new Set([...pairs].map((p) => p.split('->')[0]!))];
    const all = await rels('CONTROLS', 'Organization', 'Organization', 'from', controllers);
    snap.rels.set('CONTROLS:Organization:Organization', all.filter((r) => pairs.has(`${String(r.from)}->${String(r.to)}`)));
  }
  return snap;
}
