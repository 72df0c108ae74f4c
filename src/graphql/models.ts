/**
 * The backing models resolvers return (codegen mappers): plain values read from the store,
 * kept apart from the GraphQL types so relationships are resolved lazily and in batches.
 */
import type { NodeLabel, NodeProps } from '../model/graph-model.ts';

export type OrganizationModel = NodeProps<'Organization'>;
export type ChipModel = NodeProps<'Chip'>;
export type CloudServiceModel = NodeProps<'CloudService'>;
export type DealModel = NodeProps<'Deal'>;
export type ExclusivityModel = NodeProps<'Exclusivity'>;
export type SourceModel = NodeProps<'Source'>;
export type ChannelModel = NodeProps<'Channel'>;
export type RestrictionModel = NodeProps<'Restriction'>;
export type StatusEntryModel = NodeProps<'StatusEntry'>;
export type AmountReportModel = NodeProps<'AmountReport'>;
export type TrancheModel = NodeProps<'Tranche'>;

/** Any node, tagged with its label so Node and Fact resolve their concrete type. */
export type NodeModel = { __label: NodeLabel } & { id: string } & Record<string, unknown>;

export interface ControlModel {
  controller: string;
  controlled: string;
  stakePct: number | null;
  validFrom: string | null;
  validUntil: string | null;
  sourceIds: string[];
}

/** The answers of the questions, as src/questions/ shapes them. */
export type { DealParty as DealPartyModel } from '../questions/deal-parties.ts';
export type { Supply as SupplyModel } from '../questions/suppliers.ts';
export type { Investment as InvestmentModel } from '../questions/investors.ts';
export type { SupplierShare as SupplierShareModel, Concentration as ConcentrationModel } from '../questions/concentration.ts';
export type { Path as PathModel } from '../questions/paths.ts';
export type { GraphNode as GraphNodeModel } from '../questions/neighborhood.ts';
export type { ChangeFact as ChangeModel } from '../questions/changes.ts';
export type {
  LabOption as LabOptionModel,
  CloudOption as CloudOptionModel,
  Constraint as ConstraintModel,
  Diversification as DiversificationModel,
} from '../questions/diversification.ts';
