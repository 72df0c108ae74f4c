/**
 * Turns import records into the rows the catalog writes: nodes per label, relationships per
 * (type, from, to). Every row carries every property of its label or type (null when absent),
 * because a batch whose rows lack a key cannot bind on LadybugDB (dialect report R4).
 */
import {
  NODE_TYPES,
  PARTY_ROLES,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../model/graph-model.ts';
import type { Value } from '../store/graph-store.ts';
import type {
  ChipRecord,
  CloudServiceRecord,
  ControlRecord,
  DealRecord,
  ExclusivityRecord,
  OrganizationRecord,
  SourceRecord,
  CollectionName,
} from './record-schemas.ts';

export type Row = Record<string, Value>;

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

export const statusEntryId = (parentId: string, i: number) => `${parentId}-status-${i + 1}`;
export const amountReportId = (dealId: string, i: number) => `${dealId}-amount-${i + 1}`;

function statusHistory(g: GraphRows, parent: 'Deal' | 'Exclusivity', id: string, history: DealRecord['statusHistory']): void {
  (history ?? []).forEach((h, i) => {
    const sid = statusEntryId(id, i);
    g.node('StatusEntry', { id: sid, status: h.status, changedOn: h.on, note: h.note });
    g.rel('HAS_STATUS', parent, id, 'StatusEntry', sid);
    for (const s of h.sources) g.rel('CITES', 'StatusEntry', sid, 'Source', s);
  });
}

export function organizationToGraph(g: GraphRows, r: OrganizationRecord): void {
  g.node('Organization', r);
}

export function chipToGraph(g: GraphRows, r: ChipRecord): void {
  const { designer, manufacturer, ...props } = r;
  g.node('Chip', props);
  g.rel('DESIGNS', 'Organization', designer, 'Chip', r.id);
  if (manufacturer) g.rel('MANUFACTURES', 'Organization', manufacturer, 'Chip', r.id);
}

export function cloudServiceToGraph(g: GraphRows, r: CloudServiceRecord): void {
  const { operator, chips, ...props } = r;
  g.node('CloudService', props);
  g.rel('OPERATES', 'Organization', operator, 'CloudService', r.id);
  for (const c of chips ?? []) g.rel('OFFERS', 'CloudService', r.id, 'Chip', c);
}

export function sourceToGraph(g: GraphRows, r: SourceRecord): void {
  g.node('Source', r);
}

export function dealToGraph(g: GraphRows, r: DealRecord): void {
  const { parties, covers, sources, statusHistory: history, otherReports, supersedes, ...props } = r;
  g.node('Deal', { ...props, coverageNote: covers?.note });
  for (const p of parties) g.rel(PARTY_ROLES[p.role], 'Organization', p.org, 'Deal', r.id, { amountUsd: p.amountUsd, lead: p.lead });
  for (const c of covers?.chips ?? []) g.rel('COVERS', 'Deal', r.id, 'Chip', c);
  for (const c of covers?.cloudServices ?? []) g.rel('COVERS', 'Deal', r.id, 'CloudService', c);
  for (const s of sources) g.rel('CITES', 'Deal', r.id, 'Source', s);
  statusHistory(g, 'Deal', r.id, history);
  (otherReports ?? []).forEach((o, i) => {
    const aid = amountReportId(r.id, i);
    g.node('AmountReport', { id: aid, amountUsd: o.amountUsd, amountQualifier: o.amountQualifier, note: o.note });
    g.rel('REPORTS_AMOUNT', 'Deal', r.id, 'AmountReport', aid);
    for (const s of o.sources) g.rel('CITES', 'AmountReport', aid, 'Source', s);
  });
  for (const d of supersedes ?? []) g.rel('SUPERSEDES', 'Deal', r.id, 'Deal', d);
}

export function exclusivityToGraph(g: GraphRows, r: ExclusivityRecord): void {
  const { holder, grantor, deal, sources, statusHistory: history, ...props } = r;
  g.node('Exclusivity', props);
  g.rel('HOLDS', 'Organization', holder, 'Exclusivity', r.id);
  g.rel('GRANTS', 'Organization', grantor, 'Exclusivity', r.id);
  if (deal) g.rel('PART_OF', 'Exclusivity', r.id, 'Deal', deal);
  for (const s of sources) g.rel('CITES', 'Exclusivity', r.id, 'Source', s);
  statusHistory(g, 'Exclusivity', r.id, history);
}

export function controlToGraph(g: GraphRows, r: ControlRecord): void {
  g.rel('CONTROLS', 'Organization', r.controller, 'Organization', r.controlled, { stakePct: r.stakePct, since: r.since, sourceIds: r.sources });
}

/** The mapping of each collection's records to graph rows. */
export const RECORD_TO_GRAPH: Record<CollectionName, (g: GraphRows, r: never) => void> = {
  organizations: organizationToGraph,
  chips: chipToGraph,
  cloudServices: cloudServiceToGraph,
  sources: sourceToGraph,
  deals: dealToGraph,
  exclusivities: exclusivityToGraph,
  control: controlToGraph,
};
