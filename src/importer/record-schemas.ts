/**
 * The import format (docs/seed-format.md) as zod schemas, built on the model's property
 * validators so a property's rules are stated once. Seeds, `aigraph import` and the export
 * share it: whatever export writes, these schemas accept.
 */
import { z } from 'zod';
import { PARTY_ROLE_NAMES, type NodeProps, type PartyRole } from '../model/graph-model.ts';
import { boundedList, FIELD_LIMITS } from '../model/limits.ts';
import { calendarDate, nodeValidators, nonNegativeAmount, slug, text } from '../model/validators.ts';
import { AMOUNT_QUALIFIERS, STATUSES, type AmountQualifier, type Status } from '../model/vocabulary.ts';

const sourceIds = boundedList(slug).min(1, { message: 'expected at least one source id' });

const statusEntry = z
  .object({ status: z.enum(STATUSES), on: calendarDate, sources: sourceIds, note: text(FIELD_LIMITS.text).nullish() })
  .strict();

const amountReport = z
  .object({
    amountUsd: nonNegativeAmount,
    amountQualifier: z.enum(AMOUNT_QUALIFIERS),
    sources: sourceIds,
    note: text(FIELD_LIMITS.text).nullish(),
  })
  .strict();

const party = z
  .object({ org: slug, role: z.enum(PARTY_ROLE_NAMES), amountUsd: nonNegativeAmount.nullish(), lead: z.boolean().nullish() })
  .strict();

function requireQualifierWithAmount(v: { amountUsd?: number | null; amountQualifier?: string | null }, ctx: z.RefinementCtx) {
  if (v.amountUsd != null && v.amountQualifier == null) {
    ctx.addIssue({ code: 'custom', path: ['amountQualifier'], message: 'required when amountUsd is given (exact, up_to, at_least or approx)' });
  }
  if (v.amountUsd == null && v.amountQualifier != null) {
    ctx.addIssue({ code: 'custom', path: ['amountUsd'], message: 'required when amountQualifier is given' });
  }
}

export const organizationRecord = nodeValidators.Organization;

export const chipRecord = nodeValidators.Chip.extend({ designer: slug, manufacturer: slug.nullish() }).strict();

export const cloudServiceRecord = nodeValidators.CloudService.extend({ operator: slug, chips: boundedList(slug).nullish() }).strict();

export const sourceRecord = nodeValidators.Source;

export const dealRecord = nodeValidators.Deal.omit({ coverageNote: true })
  .extend({
    parties: boundedList(party).min(2, { message: 'expected at least two parties' }),
    covers: z
      .object({ chips: boundedList(slug).nullish(), cloudServices: boundedList(slug).nullish(), note: text(FIELD_LIMITS.text).nullish() })
      .strict()
      .nullish(),
    sources: sourceIds,
    statusHistory: boundedList(statusEntry).nullish(),
    otherReports: boundedList(amountReport).nullish(),
    supersedes: boundedList(slug).nullish(),
  })
  .strict()
  .superRefine(requireQualifierWithAmount);

export const exclusivityRecord = nodeValidators.Exclusivity.extend({
  holder: slug,
  grantor: slug,
  deal: slug.nullish(),
  sources: sourceIds,
  statusHistory: boundedList(statusEntry).nullish(),
}).strict();

export const controlRecord = z
  .object({
    controller: slug,
    controlled: slug,
    stakePct: z.number().finite().min(0).max(100, { message: 'expected a percentage from 0 to 100' }).nullish(),
    since: calendarDate.nullish(),
    sources: sourceIds,
  })
  .strict();

type Nullish<T> = T | null | undefined;
type StatusEntryRecord = { status: Status; on: string; sources: string[]; note?: Nullish<string> };

export type OrganizationRecord = NodeProps<'Organization'>;
export type ChipRecord = NodeProps<'Chip'> & { designer: string; manufacturer?: Nullish<string> };
export type CloudServiceRecord = NodeProps<'CloudService'> & { operator: string; chips?: Nullish<string[]> };
export type SourceRecord = NodeProps<'Source'>;
export type DealRecord = Omit<NodeProps<'Deal'>, 'coverageNote'> & {
  parties: { org: string; role: PartyRole; amountUsd?: Nullish<number>; lead?: Nullish<boolean> }[];
  covers?: Nullish<{ chips?: Nullish<string[]>; cloudServices?: Nullish<string[]>; note?: Nullish<string> }>;
  sources: string[];
  statusHistory?: Nullish<StatusEntryRecord[]>;
  otherReports?: Nullish<{ amountUsd: number; amountQualifier: AmountQualifier; sources: string[]; note?: Nullish<string> }[]>;
  supersedes?: Nullish<string[]>;
};
export type ExclusivityRecord = NodeProps<'Exclusivity'> & {
  holder: string;
  grantor: string;
  deal?: Nullish<string>;
  sources: string[];
  statusHistory?: Nullish<StatusEntryRecord[]>;
};
export type ControlRecord = { controller: string; controlled: string; stakePct?: Nullish<number>; since?: Nullish<string>; sources: string[] };

/** The collections of the format, in the order they are written (referenced kinds first). */
export const COLLECTIONS = {
  organizations: organizationRecord,
  chips: chipRecord,
  cloudServices: cloudServiceRecord,
  sources: sourceRecord,
  deals: dealRecord,
  exclusivities: exclusivityRecord,
  control: controlRecord,
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export interface RecordsByCollection {
  organizations: OrganizationRecord[];
  chips: ChipRecord[];
  cloudServices: CloudServiceRecord[];
  sources: SourceRecord[];
  deals: DealRecord[];
  exclusivities: ExclusivityRecord[];
  control: ControlRecord[];
}

export function emptyRecords(): RecordsByCollection {
  return { organizations: [], chips: [], cloudServices: [], sources: [], deals: [], exclusivities: [], control: [] };
}
