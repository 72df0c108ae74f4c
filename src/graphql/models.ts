/**
 * The backing models resolvers return (codegen mappers): plain values read from the store,
 * kept apart from the GraphQL types so relationships are resolved lazily and in batches.
 */
import type { NodeLabel, NodeProps, PartyRole } from '../model/graph-model.ts';

export type OrganizationModel = NodeProps<'Organization'>;
export type ChipModel = NodeProps<'Chip'>;
export type CloudServiceModel = NodeProps<'CloudService'>;
export type DealModel = NodeProps<'Deal'>;
export type ExclusivityModel = NodeProps<'Exclusivity'>;
export type SourceModel = NodeProps<'Source'>;
export type StatusEntryModel = NodeProps<'StatusEntry'>;
export type AmountReportModel = NodeProps<'AmountReport'>;

/** Any node, tagged with its label so Node and Fact resolve their concrete type. */
export type NodeModel = { __label: NodeLabel } & { id: string } & Record<string, unknown>;

export interface DealPartyModel {
  orgId: string;
  role: PartyRole;
  amountUsd: number | null;
  lead: boolean | null;
}

export interface ControlModel {
  controller: string;
  controlled: string;
  stakePct: number | null;
  since: string | null;
  sourceIds: string[];
}

export interface SupplyModel {
  supplierId: string;
  dealIds: string[];
  committedUsd: number | null;
  restrictedByIds: string[];
}

export interface InvestmentModel {
  investorId: string;
  dealIds: string[];
  totalUsd: number | null;
}

export interface SupplierShareModel {
  supplierId: string;
  committedUsd: number;
  share: number;
  dealIds: string[];
}

export interface ConcentrationModel {
  organizationId: string;
  asOf: string;
  totalCommittedUsd: number;
  hhi: number;
  shares: SupplierShareModel[];
  dealsWithoutAmountIds: string[];
}

export interface PathModel {
  hops: number;
  nodeIds: string[];
  steps: { from: string; to: string; relationship: string }[];
}

export interface GraphNodeModel {
  id: string;
  kind: NodeLabel;
  label: string;
  status: string | null;
  amountUsd: number | null;
}

export type { ChangeFact as ChangeModel } from '../questions/changes.ts';
