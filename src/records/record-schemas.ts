/**
 * The zod schemas of the import format (docs/seed-format.md), derived from the record
 * declarations (src/model/records.ts) and the model's property validators, so a field's rules
 * are stated once. Seeds, `aigraph import`, the export and the API's mutations share them:
 * whatever export writes, these schemas accept.
 */
import { z } from 'zod';
import { NODE_TYPES, RELATIONSHIP_TYPES, recordPropertyKeys, type NodeProps, type PartyRole, type PropertyDef } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionDecl, type CollectionName, type NodeCollection, type RecordPart } from '../model/records.ts';
import { boundedList } from '../model/limits.ts';
import { nodeValidators, propertySchema, slug } from '../model/validators.ts';
import type { AmountQualifier, Status, TrancheKind } from '../model/vocabulary.ts';

export { COLLECTION_NAMES, type CollectionName };

const optional = (def: PropertyDef | undefined, base: z.ZodType) => (def?.required ? base : base.nullish());

/** The schema of one part of a record (without its group). */
function partSchema(part: Exclude<RecordPart, { part: 'prop' }>): z.ZodType {
  switch (part.part) {
    case 'link': {
      if (part.cardinality === 'one') return slug;
      if (part.cardinality === 'optional') return slug.nullish();
      const list = boundedList(slug);
      return part.min ? list.min(part.min.count, { message: part.min.message }) : list.nullish();
    }
    case 'parties': {
      const shape: Record<string, z.ZodType> = { org: slug, role: z.enum(Object.keys(part.roles) as [PartyRole, ...PartyRole[]]) };
      for (const key of part.props) {
        const def = Object.values(part.roles)
          .map((t) => (RELATIONSHIP_TYPES[t].properties as Record<string, PropertyDef>)[key])
          .find((d) => d !== undefined)!;
        shape[key] = propertySchema(def, key).nullish();
      }
      return boundedList(z.object(shape).strict()).min(part.min.count, { message: part.min.message });
    }
    case 'children': {
      const props = NODE_TYPES[part.label].properties as Record<string, PropertyDef>;
      const shape: Record<string, z.ZodType> = {};
      for (const [key, prop] of part.fields) {
        shape[key] =
          prop === '@cites'
            ? boundedList(slug).min(1, { message: 'expected at least one source id' })
            : optional(props[prop], propertySchema(props[prop]!, prop));
      }
      return boundedList(z.object(shape).strict()).nullish();
    }
  }
}

function nodeSchema(decl: NodeCollection): z.ZodType {
  const props = NODE_TYPES[decl.label].properties as Record<string, PropertyDef>;
  const moved = decl.parts.flatMap((p) => (p.part === 'prop' ? [p.prop] : []));
  const own = recordPropertyKeys(decl.label);
  const shape: Record<string, z.ZodType> = Object.fromEntries(
    Object.entries(nodeValidators[decl.label].shape).filter(([k]) => own.includes(k) && !moved.includes(k)),
  );
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const part of decl.parts) {
    const schema = part.part === 'prop' ? optional(props[part.prop], propertySchema(props[part.prop]!, part.prop)) : partSchema(part);
    if (part.path.length === 1) shape[part.path[0]] = schema;
    else {
      if (!groups.has(part.path[0])) {
        groups.set(part.path[0], {});
        shape[part.path[0]] = z.never(); // placeholder keeps the group's place in the key order
      }
      groups.get(part.path[0])![part.path[1]!] = schema;
    }
  }
  for (const [name, members] of groups) shape[name] = z.object(members).strict().nullish();
  const object = z.object(shape).strict();
  const together = decl.together ?? [];
  if (!together.length) return object;
  return object.superRefine((v: Record<string, unknown>, ctx) => {
    for (const [value, qualifier, hint] of together) {
      if (v[value] != null && v[qualifier] == null) ctx.addIssue({ code: 'custom', path: [qualifier], message: `required when ${value} is given (${hint})` });
      if (v[value] == null && v[qualifier] != null) ctx.addIssue({ code: 'custom', path: [value], message: `required when ${qualifier} is given` });
    }
  });
}

function edgeSchema(decl: Extract<CollectionDecl, { shape: 'edge' }>): z.ZodType {
  const props = RELATIONSHIP_TYPES[decl.type].properties as Record<string, PropertyDef>;
  const shape: Record<string, z.ZodType> = { [decl.from.key]: slug, [decl.to.key]: slug };
  for (const [key, prop] of decl.fields) {
    shape[key] =
      key === 'sources' ? boundedList(slug).min(1, { message: 'expected at least one source id' }) : optional(props[prop], propertySchema(props[prop]!, prop));
  }
  return z.object(shape).strict();
}

export const COLLECTIONS = Object.fromEntries(
  COLLECTION_NAMES.map((c) => {
    const decl: CollectionDecl = RECORDS[c];
    return [c, decl.shape === 'node' ? nodeSchema(decl) : edgeSchema(decl)];
  }),
) as Record<CollectionName, z.ZodType>;

type Nullish<T> = T | null | undefined;
type StatusEntryRecord = { status: Status; on: string; sources: string[]; note?: Nullish<string> };

// The TypeScript view of the records, for code that builds them (synth, mutations, tests).
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
  tranches?: Nullish<{ amountUsd: number; amountQualifier: AmountQualifier; kind: TrancheKind; condition?: Nullish<string>; sources: string[] }[]>;
  supersedes?: Nullish<string[]>;
};
export type ExclusivityRecord = NodeProps<'Exclusivity'> & {
  holder: string;
  grantor: string;
  deal?: Nullish<string>;
  sources: string[];
  statusHistory?: Nullish<StatusEntryRecord[]>;
};
export type ChannelRecord = NodeProps<'Channel'> & {
  lab: string;
  provider: string;
  cloudService?: Nullish<string>;
  governedBy?: Nullish<string[]>;
  deal?: Nullish<string>;
  sources: string[];
  statusHistory?: Nullish<StatusEntryRecord[]>;
};
export type RestrictionRecord = NodeProps<'Restriction'> & {
  issuer: string;
  targets?: Nullish<string[]>;
  chips?: Nullish<string[]>;
  sources: string[];
  statusHistory?: Nullish<StatusEntryRecord[]>;
};
export type ControlRecord = {
  controller: string;
  controlled: string;
  stakePct?: Nullish<number>;
  validFrom?: Nullish<string>;
  validUntil?: Nullish<string>;
  sources: string[];
};

export interface RecordsByCollection {
  organizations: OrganizationRecord[];
  chips: ChipRecord[];
  cloudServices: CloudServiceRecord[];
  sources: SourceRecord[];
  deals: DealRecord[];
  exclusivities: ExclusivityRecord[];
  channels: ChannelRecord[];
  restrictions: RestrictionRecord[];
  control: ControlRecord[];
}

export function emptyRecords(): RecordsByCollection {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as RecordsByCollection;
}
