/**
 * Colours and shapes: one place for the graph's stylesheet and the legend. Organizations are
 * coloured by kind, deals by kind of deal, edges by the relationship they stand for.
 */
import type { GraphNodeKind } from '../gql/graphql';

export const ORGANIZATION_COLORS: Record<string, string> = {
  AI_LAB: '#7c3aed',
  HYPERSCALER: '#1d4ed8',
  CLOUD_PROVIDER: '#0284c7',
  NEOCLOUD: '#0f766e',
  CHIP_DESIGNER: '#ea580c',
  FOUNDRY: '#92400e',
  INVESTOR: '#15803d',
  SOVEREIGN_FUND: '#4d7c0f',
  GOVERNMENT: '#1e3a8a',
  DATA_CENTER_OPERATOR: '#475569',
  ENERGY: '#ca8a04',
  CONGLOMERATE: '#be185d',
  OTHER: '#6b7280',
};

export const DEAL_COLORS: Record<string, string> = {
  EQUITY_INVESTMENT: '#86efac',
  ACQUISITION: '#fcd34d',
  COMPUTE_CONTRACT: '#93c5fd',
  CHIP_SUPPLY: '#fdba74',
  CUSTOM_SILICON: '#f0abfc',
  JOINT_VENTURE: '#5eead4',
  PARTNERSHIP: '#cbd5e1',
  LICENSING: '#c4b5fd',
  DEBT_FINANCING: '#bef264',
};

export const CHIP_COLOR = '#f59e0b';
export const CLOUD_SERVICE_COLOR = '#38bdf8';
export const EXCLUSIVITY_COLOR = '#dc2626';
export const SOURCE_COLOR = '#e5e7eb';

/** Cytoscape node shapes by node kind. */
export const SHAPES: Record<GraphNodeKind, string> = {
  ORGANIZATION: 'ellipse',
  CHIP: 'hexagon',
  CLOUD_SERVICE: 'round-rectangle',
  DEAL: 'diamond',
  EXCLUSIVITY: 'octagon',
  SOURCE: 'rectangle',
};

export interface RelationshipGroup {
  readonly name: string;
  readonly color: string;
  readonly types: readonly string[];
}

/** Relationship types, grouped as the legend shows them. */
export const RELATIONSHIP_GROUPS: readonly RelationshipGroup[] = [
  { name: 'Investment', color: '#15803d', types: ['INVESTOR_IN', 'INVESTEE_IN'] },
  { name: 'Supply', color: '#1d4ed8', types: ['SUPPLIER_IN', 'CUSTOMER_IN', 'COVERS'] },
  { name: 'Partnership', color: '#0f766e', types: ['PARTNER_IN'] },
  { name: 'Acquisition', color: '#a16207', types: ['ACQUIRER_IN', 'ACQUIRED_IN'] },
  { name: 'Debt', color: '#65a30d', types: ['LENDER_IN', 'BORROWER_IN'] },
  { name: 'Exclusivity', color: '#dc2626', types: ['HOLDS', 'GRANTS', 'PART_OF'] },
  { name: 'Control', color: '#111827', types: ['CONTROLS'] },
  { name: 'Hardware & cloud', color: '#c2410c', types: ['DESIGNS', 'MANUFACTURES', 'OFFERS', 'OPERATES'] },
  { name: 'Model access', color: '#0369a1', types: ['AVAILABLE_THROUGH'] },
  { name: 'Supersedes', color: '#7c3aed', types: ['SUPERSEDES'] },
  { name: 'Cites', color: '#9ca3af', types: ['CITES'] },
];

const GROUP_OF = new Map(RELATIONSHIP_GROUPS.flatMap((g) => g.types.map((t) => [t, g] as const)));

export const relationshipColor = (type: string): string => GROUP_OF.get(type)?.color ?? '#6b7280';

/** What a node is filled with. */
export function nodeColor(kind: GraphNodeKind, subKind: string | null): string {
  switch (kind) {
    case 'ORGANIZATION':
      return ORGANIZATION_COLORS[subKind ?? 'OTHER'] ?? ORGANIZATION_COLORS.OTHER!;
    case 'DEAL':
      return DEAL_COLORS[subKind ?? ''] ?? '#e5e7eb';
    case 'CHIP':
      return CHIP_COLOR;
    case 'CLOUD_SERVICE':
      return CLOUD_SERVICE_COLOR;
    case 'EXCLUSIVITY':
      return EXCLUSIVITY_COLOR;
    default:
      return SOURCE_COLOR;
  }
}

/** Statuses drawn dashed (not agreed yet), faded (over) and marked (replaced). */
export const TENTATIVE = new Set(['IN_TALKS', 'RUMOURED', 'REPORTED']);
export const ENDED = new Set(['TERMINATED', 'CALLED_OFF', 'EXPIRED']);
export const SUPERSEDED = 'SUPERSEDED';

/** The status class a fact is drawn with. */
export function statusClass(status: string | null): 'tentative' | 'ended' | 'superseded' | null {
  if (!status) return null;
  if (TENTATIVE.has(status)) return 'tentative';
  if (ENDED.has(status)) return 'ended';
  if (status === SUPERSEDED) return 'superseded';
  return null;
}

/** Colours when nodes are coloured by status (the status on the view's day); things without a status are grey. */
export const STATUS_COLORS: Record<string, string> = {
  RUMOURED: '#e9d5ff',
  REPORTED: '#c4b5fd',
  IN_TALKS: '#fde68a',
  ANNOUNCED: '#93c5fd',
  SIGNED: '#3b82f6',
  ACTIVE: '#16a34a',
  COMPLETED: '#166534',
  EXPIRED: '#9ca3af',
  TERMINATED: '#6b7280',
  SUPERSEDED: '#a78bfa',
  CALLED_OFF: '#4b5563',
};
export const NO_STATUS_COLOR = '#e2e8f0';

/** Colours of communities, largest first; communities past the last share the last colour. */
export const COMMUNITY_COLORS = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#17becf', '#bcbd22', '#7f7f7f'];
