/**
 * Reads the whole graph back as import records (the inverse of records-to-graph.ts): the
 * source of `aigraph export` and of the importer's change detection. One query per label and
 * per relationship pair, whatever the size of the graph.
 */
import {
  GRAPH_LABELS,
  PARTY_ROLES,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type PartyRole,
  type RelationshipType,
} from '../model/graph-model.ts';
import { NODE_STATEMENTS, RELATIONSHIP_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';
import { groupBy } from '../store/group-by.ts';
import { canonicalRecord, compareText, recordKey } from './canonical.ts';
import { emptyRecords, type CollectionName, type RecordsByCollection } from './record-schemas.ts';

type Obj = Record<string, unknown>;

/** Everything in the store, as rows. */
export interface GraphSnapshot {
  nodes: Record<NodeLabel, Row[]>;
  /** Keyed `TYPE:From:To`. */
  rels: Map<string, Row[]>;
}

export async function readSnapshot(store: GraphStore): Promise<GraphSnapshot> {
  const nodes = {} as Record<NodeLabel, Row[]>;
  for (const label of GRAPH_LABELS) nodes[label] = await store.read(NODE_STATEMENTS[label].all);
  const rels = new Map<string, Row[]>();
  for (const s of RELATIONSHIP_STATEMENTS) rels.set(`${s.type}:${s.from}:${s.to}`, await store.read(s.all));
  return { nodes, rels };
}


const ROLE_OF = Object.fromEntries(Object.entries(PARTY_ROLES).map(([role, type]) => [type, role])) as Record<RelationshipType, PartyRole>;

/** Numeric suffix of a derived child id (`x-status-3` -> 3), so history keeps its order. */
const childIndex = (id: unknown) => Number(/-(\d+)$/.exec(String(id))?.[1] ?? 0);

export function snapshotToRecords(snap: GraphSnapshot): RecordsByCollection {
  const rel = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => snap.rels.get(`${type}:${from}:${to}`) ?? [];
  const out = emptyRecords();
  const by = (type: RelationshipType, from: NodeLabel, to: NodeLabel, key: 'from' | 'to') => groupBy(rel(type, from, to), key);
  const ids = (rows: Row[] | undefined, key: 'from' | 'to') => (rows ?? []).map((r) => String(r[key]));

  const statusNodes = new Map(snap.nodes.StatusEntry.map((n) => [String(n.id), n]));
  const statusCites = by('CITES', 'StatusEntry', 'Source', 'from');
  const historyOf = (rows: Row[] | undefined) =>
    (rows ?? [])
      .map((r) => statusNodes.get(String(r.to)))
      .filter((n): n is Row => n !== undefined)
      .sort((a, b) => childIndex(a.id) - childIndex(b.id))
      .map((n) => ({ status: n.status, on: n.changedOn, sources: ids(statusCites.get(String(n.id)), 'to'), note: n.note }));

  for (const n of snap.nodes.Organization) out.organizations.push(n as never);
  for (const n of snap.nodes.Source) out.sources.push(n as never);

  const designs = by('DESIGNS', 'Organization', 'Chip', 'to');
  const makes = by('MANUFACTURES', 'Organization', 'Chip', 'to');
  for (const n of snap.nodes.Chip) {
    out.chips.push({ ...n, designer: ids(designs.get(String(n.id)), 'from').sort()[0], manufacturer: ids(makes.get(String(n.id)), 'from').sort()[0] } as never);
  }

  const operates = by('OPERATES', 'Organization', 'CloudService', 'to');
  const offers = by('OFFERS', 'CloudService', 'Chip', 'from');
  for (const n of snap.nodes.CloudService) {
    out.cloudServices.push({ ...n, operator: ids(operates.get(String(n.id)), 'from').sort()[0], chips: ids(offers.get(String(n.id)), 'to') } as never);
  }

  const partyTypes = Object.values(PARTY_ROLES);
  const parties = new Map(partyTypes.map((t) => [t, by(t, 'Organization', 'Deal', 'to')]));
  const coversChips = by('COVERS', 'Deal', 'Chip', 'from');
  const coversServices = by('COVERS', 'Deal', 'CloudService', 'from');
  const dealCites = by('CITES', 'Deal', 'Source', 'from');
  const dealHistory = by('HAS_STATUS', 'Deal', 'StatusEntry', 'from');
  const reports = by('REPORTS_AMOUNT', 'Deal', 'AmountReport', 'from');
  const reportCites = by('CITES', 'AmountReport', 'Source', 'from');
  const amountNodes = new Map(snap.nodes.AmountReport.map((n) => [String(n.id), n]));
  const supersedes = by('SUPERSEDES', 'Deal', 'Deal', 'from');
  for (const n of snap.nodes.Deal) {
    const id = String(n.id);
    const { coverageNote, ...props } = n;
    const partyList: Obj[] = [];
    for (const t of partyTypes) {
      for (const r of parties.get(t)!.get(id) ?? []) {
        const defs = RELATIONSHIP_TYPES[t].properties as Record<string, unknown>;
        partyList.push({ org: r.from, role: ROLE_OF[t], amountUsd: 'amountUsd' in defs ? r.amountUsd : undefined, lead: 'lead' in defs ? r.lead : undefined });
      }
    }
    out.deals.push({
      ...props,
      parties: partyList,
      covers: { chips: ids(coversChips.get(id), 'to'), cloudServices: ids(coversServices.get(id), 'to'), note: coverageNote },
      sources: ids(dealCites.get(id), 'to'),
      statusHistory: historyOf(dealHistory.get(id)),
      otherReports: (reports.get(id) ?? [])
        .map((r) => amountNodes.get(String(r.to)))
        .filter((a): a is Row => a !== undefined)
        .sort((a, b) => childIndex(a.id) - childIndex(b.id))
        .map((a) => ({ amountUsd: a.amountUsd, amountQualifier: a.amountQualifier, sources: ids(reportCites.get(String(a.id)), 'to'), note: a.note })),
      supersedes: ids(supersedes.get(id), 'to'),
    } as never);
  }

  const holds = by('HOLDS', 'Organization', 'Exclusivity', 'to');
  const grants = by('GRANTS', 'Organization', 'Exclusivity', 'to');
  const partOf = by('PART_OF', 'Exclusivity', 'Deal', 'from');
  const exCites = by('CITES', 'Exclusivity', 'Source', 'from');
  const exHistory = by('HAS_STATUS', 'Exclusivity', 'StatusEntry', 'from');
  for (const n of snap.nodes.Exclusivity) {
    const id = String(n.id);
    out.exclusivities.push({
      ...n,
      holder: ids(holds.get(id), 'from').sort()[0],
      grantor: ids(grants.get(id), 'from').sort()[0],
      deal: ids(partOf.get(id), 'to').sort()[0],
      sources: ids(exCites.get(id), 'to'),
      statusHistory: historyOf(exHistory.get(id)),
    } as never);
  }

  for (const r of rel('CONTROLS', 'Organization', 'Organization')) {
    out.control.push({ controller: r.from, controlled: r.to, stakePct: r.stakePct, since: r.since, sources: r.sourceIds } as never);
  }

  for (const c of Object.keys(out) as CollectionName[]) {
    const list = out[c] as Obj[];
    const canon = list.map((r) => canonicalRecord(c, r));
    canon.sort((a, b) => compareText(recordKey(c, a), recordKey(c, b)));
    (out as unknown as Record<string, Obj[]>)[c] = canon;
  }
  return out;
}

export async function readRecords(store: GraphStore): Promise<RecordsByCollection> {
  return snapshotToRecords(await readSnapshot(store));
}
