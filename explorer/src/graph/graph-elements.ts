/**
 * The elements a view draws, built from neighbourhoods and question answers: nodes keyed by id,
 * edges by source, type and target, each with what the stylesheet needs (colour, size, status
 * as of the view's day as the API reports it, the label with the amount). Deals between
 * organizations can be drawn as one grouped link per pair of organizations instead.
 */
import type { ElementDefinition } from 'cytoscape';
import { formatAmount, shorten } from '../format';
import type { GraphNodeKind, NeighborhoodQuery } from '../gql/graphql';
import { nodeColor, relationshipColor, statusClass } from './palette';

export interface NodeData {
  id: string;
  kind: GraphNodeKind;
  /** Kind of organization, deal, chip...; null when unknown. */
  subKind: string | null;
  /** Full name or title. */
  name: string;
  /** Status on the view's date (facts only). */
  status: string | null;
  /** Status today, as the graph records it. */
  currentStatus: string | null;
  amountUsd: number | null;
  amountQualifier: string | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
}

type NeighborhoodNode = NeighborhoodQuery['neighborhood']['nodes'][number];

export const edgeId = (source: string, type: string, target: string): string => `${source}|${type}|${target}`;

const SIZE: Record<GraphNodeKind, number> = { ORGANIZATION: 34, CHIP: 24, CLOUD_SERVICE: 26, DEAL: 18, EXCLUSIVITY: 22, SOURCE: 14 };

/** Deals grow with their amount: $100m is the smallest, $1tn the largest. */
function nodeSize(n: NodeData): number {
  if (n.kind === 'DEAL' && n.amountUsd) return Math.round(18 + 5 * Math.max(0, Math.min(4, Math.log10(n.amountUsd / 1e8))));
  return SIZE[n.kind];
}

const STATUS_TAG: Record<string, string> = {
  IN_TALKS: 'in talks',
  RUMOURED: 'rumoured',
  REPORTED: 'reported, unconfirmed',
  TERMINATED: 'terminated',
  CALLED_OFF: 'called off',
  EXPIRED: 'expired',
  SUPERSEDED: 'superseded',
};

/** The text under a node: names for things, amounts (or the kind) for deals, with unusual statuses spelt out. */
export function displayLabel(n: NodeData): string {
  const tag = n.status ? STATUS_TAG[n.status] : undefined;
  let main: string;
  // A deal's colour tells its kind; its label tells its amount, when known.
  if (n.kind === 'DEAL') main = n.amountUsd ? formatAmount(n.amountUsd, n.amountQualifier) : '';
  else if (n.kind === 'EXCLUSIVITY') main = shorten(n.name, 28);
  else main = shorten(n.name, 30);
  return tag ? (main ? `${main}\n${tag}` : tag) : main;
}

export class ElementSet {
  readonly nodes = new Map<string, NodeData>();
  readonly edges = new Map<string, EdgeData>();

  addNode(n: NodeData): void {
    const had = this.nodes.get(n.id);
    // Keep the richer record when two answers describe the same node.
    if (!had || (had.subKind === null && n.subKind !== null)) this.nodes.set(n.id, n);
  }

  addEdge(source: string, type: string, target: string): void {
    const id = edgeId(source, type, target);
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, type });
  }

  addNeighborhood(result: NeighborhoodQuery['neighborhood']): void {
    for (const n of result.nodes) this.addNode(this.fromNeighborhood(n));
    for (const e of result.edges) this.addEdge(e.source, e.type, e.target);
  }

  /** A fact (deal or exclusivity) as known from a question's answer. */
  fact(
    id: string,
    kind: 'DEAL' | 'EXCLUSIVITY',
    name: string,
    status: string | null,
    subKind: string | null = null,
    amountUsd: number | null = null,
    amountQualifier: string | null = null,
  ): void {
    this.addNode({ id, kind, subKind, name, status, currentStatus: status, amountUsd, amountQualifier });
  }

  organization(id: string, name: string, orgKind: string | null): void {
    this.addNode({ id, kind: 'ORGANIZATION', subKind: orgKind, name, status: null, currentStatus: null, amountUsd: null, amountQualifier: null });
  }

  cloudService(id: string, name: string): void {
    this.addNode({ id, kind: 'CLOUD_SERVICE', subKind: null, name, status: null, currentStatus: null, amountUsd: null, amountQualifier: null });
  }

  private fromNeighborhood(n: NeighborhoodNode): NodeData {
    const node = n.node;
    let subKind: string | null = null;
    let amountQualifier: string | null = null;
    let currentStatus: string | null = null;
    switch (node.__typename) {
      case 'Organization':
        subKind = node.orgKind;
        break;
      case 'Chip':
        subKind = node.chipKind;
        break;
      case 'CloudService':
        subKind = node.serviceKind;
        break;
      case 'Deal':
        subKind = node.dealKind;
        currentStatus = node.currentStatus;
        amountQualifier = node.amountQualifier ?? null;
        break;
      case 'Exclusivity':
        subKind = node.exclusivityKind;
        currentStatus = node.currentStatus;
        break;
      default:
        break;
    }
    return {
      id: n.id,
      kind: n.kind,
      subKind,
      name: n.label,
      // The API reports the status on the day asked (as known on the record day): one rule, the server's.
      status: n.status ?? null,
      currentStatus: currentStatus ?? n.status ?? null,
      amountUsd: n.amountUsd ?? null,
      amountQualifier,
    };
  }

  /**
   * Cytoscape element definitions: data for the stylesheet, classes for status and kind. With
   * `groupDeals`, a deal between two or more organizations is not drawn as a node: each pair of
   * its parties gets one grouped link, shared by every such deal between them (its width grows
   * with their number, its label gives the number and the total amount).
   */
  toDefinitions(roots: ReadonlySet<string>, groupDeals = false): ElementDefinition[] {
    const out: ElementDefinition[] = [];
    const grouped = groupDeals ? this.groupedDeals(roots) : null;
    for (const n of this.nodes.values()) {
      if (grouped?.deals.has(n.id)) continue;
      const cls = [n.kind.toLowerCase().replace('_', '-'), statusClass(n.status), roots.has(n.id) ? 'root' : null].filter(Boolean);
      out.push({
        group: 'nodes',
        data: { ...n, label: displayLabel(n), color: nodeColor(n.kind, n.subKind), size: roots.has(n.id) ? 50 : nodeSize(n) },
        classes: cls.join(' '),
      });
    }
    for (const e of this.edges.values()) {
      if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
      if (grouped && (grouped.deals.has(e.source) || grouped.deals.has(e.target))) continue;
      // An edge to a fact is drawn in the fact's status (dashed for talks, faded when over).
      const fact = [this.nodes.get(e.source)!, this.nodes.get(e.target)!].find((n) => n.kind === 'DEAL' || n.kind === 'EXCLUSIVITY');
      const cls = statusClass(fact?.status ?? null);
      out.push({ group: 'edges', data: { ...e, label: e.type.toLowerCase().replace(/_/g, ' '), color: relationshipColor(e.type) }, classes: cls ?? '' });
    }
    for (const g of grouped?.links.values() ?? []) out.push({ group: 'edges', data: g, classes: 'grouped' });
    return out;
  }

  /** The deals drawn as grouped links, and those links, keyed by their pair of organizations. */
  private groupedDeals(roots: ReadonlySet<string>): { deals: Set<string>; links: Map<string, GroupedLink> } {
    const parties = new Map<string, Set<string>>();
    for (const e of this.edges.values()) {
      const [a, b] = [this.nodes.get(e.source), this.nodes.get(e.target)];
      if (a?.kind === 'ORGANIZATION' && b?.kind === 'DEAL') parties.set(b.id, (parties.get(b.id) ?? new Set()).add(a.id));
    }
    const deals = new Set<string>();
    const links = new Map<string, GroupedLink>();
    for (const [dealId, orgs] of parties) {
      if (orgs.size < 2 || roots.has(dealId)) continue;
      deals.add(dealId);
      const deal = this.nodes.get(dealId)!;
      const ids = [...orgs].sort();
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const id = `deals|${ids[i]}|${ids[j]}`;
          const link = links.get(id) ?? {
            id,
            source: ids[i]!,
            target: ids[j]!,
            type: 'DEALS',
            deals: [],
            dealNames: [],
            amountUsd: 0,
            count: 0,
            label: '',
            color: '#334155',
            width: 2,
          };
          link.deals.push(dealId);
          link.dealNames.push(deal.name);
          link.amountUsd += deal.amountUsd ?? 0;
          link.count += 1;
          // One deal's link says its amount (as its node would); several say how many, and their total.
          link.label =
            link.count === 1
              ? link.amountUsd
                ? formatAmount(link.amountUsd, null)
                : ''
              : `${link.count} deals${link.amountUsd ? ` · ${formatAmount(link.amountUsd, null)}` : ''}`;
          link.width = Math.min(9, 1.5 + 1.5 * Math.log2(1 + link.count));
          links.set(id, link);
        }
    }
    return { deals, links };
  }
}

/** One link standing for every deal between two organizations. */
export interface GroupedLink extends EdgeData {
  deals: string[];
  dealNames: string[];
  /** The sum of their headline amounts, where reported. */
  amountUsd: number;
  count: number;
  label: string;
  color: string;
  width: number;
}
