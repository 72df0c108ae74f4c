/**
 * The graph model, declared once. The LadybugDB DDL, the Neo4j constraints and indexes, the
 * zod validators of entity input and the generated part of the query catalog all derive from
 * these declarations; nothing else names a label, relationship type or property on its own.
 *
 * Names are case-sensitive on Neo4j and case-insensitive on LadybugDB, so a test checks every
 * identifier in the catalog against this file with exact case.
 */
import {
  ACCESS_KINDS,
  AMOUNT_QUALIFIERS,
  CHIP_KINDS,
  CONFIDENCES,
  CLOUD_SERVICE_KINDS,
  DEAL_KINDS,
  EXCLUSIVITY_KINDS,
  EXCLUSIVITY_SCOPES,
  ORGANIZATION_KINDS,
  RESTRICTED_ITEMS,
  RESTRICTION_KINDS,
  SOURCE_TIERS,
  STATUSES,
  TRANCHE_KINDS,
} from './vocabulary.ts';

export type PropertyType = 'string' | 'string[]' | 'date' | 'float' | 'boolean';

export interface PropertyDef {
  readonly type: PropertyType;
  readonly required?: boolean;
  /** Closed vocabulary for a string property, or for each item of a string[] property. */
  readonly vocabulary?: readonly string[];
  /** Extra syntax a string (or each item of a string[]) must have. */
  readonly format?: 'slug' | 'url' | 'country' | 'percent';
  /**
   * Computed by the write path from other facts (never written by hand, never in a record or an
   * import file): see src/records/derived.ts.
   */
  readonly derived?: boolean;
  /** For a slug property that names another node: the label (a NodeLabel) it must have. */
  readonly references?: string;
  readonly description: string;
}

export interface NodeTypeDef {
  readonly properties: Readonly<Record<string, PropertyDef>>;
  readonly description: string;
  /** Bookkeeping of the server (audit, journal position), not part of the published graph. */
  readonly internal?: boolean;
}

export interface RelationshipTypeDef {
  /** Every (from label, to label) pair the relationship may join. */
  readonly endpoints: readonly (readonly [NodeLabel, NodeLabel])[];
  readonly properties: Readonly<Record<string, PropertyDef>>;
  readonly description: string;
}

/** Every node has exactly one label and is keyed by `id`, a slug unique across the whole graph. */
export const NODE_KEY = 'id';

const id = { type: 'string', required: true, format: 'slug', description: 'Stable lowercase slug, unique across the graph.' } as const satisfies PropertyDef;
const aliases = { type: 'string[]', description: 'Other names it is known by.' } as const satisfies PropertyDef;
const status = { type: 'string', required: true, vocabulary: STATUSES, description: 'Current status.' } as const satisfies PropertyDef;
/** The second clock: when the public record first knew of a fact (its earliest source). */
const knownSince = {
  type: 'date',
  derived: true,
  description: 'Day its earliest source was published: from then on the public record knew of it.',
} as const satisfies PropertyDef;
/** How far the fact can be trusted, from its sources' tiers: src/questions/rules/confidence.ts. */
const confidence = {
  type: 'string',
  derived: true,
  vocabulary: CONFIDENCES,
  description: 'How far it can be trusted (high, medium, low), from the tiers of its sources.',
} as const satisfies PropertyDef;
/** When the public record first knew that a fact had ended (its first ended status entry). */
const endKnownSince = {
  type: 'date',
  derived: true,
  description: 'Day the public record first knew it had ended (the earliest source of its first ended status); empty when no entry says.',
} as const satisfies PropertyDef;

const nodeTypeDefs = {
  Organization: {
    description: 'A company, lab, fund or public body.',
    properties: {
      id,
      name: { type: 'string', required: true, description: 'Common name.' },
      kind: { type: 'string', required: true, vocabulary: ORGANIZATION_KINDS, description: 'What kind of organization it is.' },
      country: { type: 'string', required: true, format: 'country', description: 'ISO 3166-1 alpha-2 code of its headquarters.' },
      aliases,
      description: { type: 'string', description: 'One sentence on what it does.' },
    },
  },
  Chip: {
    description: 'An AI accelerator or processor.',
    properties: {
      id,
      name: { type: 'string', required: true, description: 'Product name.' },
      kind: { type: 'string', required: true, vocabulary: CHIP_KINDS, description: 'Architecture class.' },
      announcedOn: { type: 'date', description: 'Day it was announced.' },
      aliases,
    },
  },
  CloudService: {
    description: 'A cloud offering through which compute is rented.',
    properties: {
      id,
      name: { type: 'string', required: true, description: 'Product name.' },
      kind: { type: 'string', required: true, vocabulary: CLOUD_SERVICE_KINDS, description: 'Kind of service.' },
      aliases,
    },
  },
  Deal: {
    description: 'An agreement binding organizations: investment, compute or chip contract, joint venture...',
    properties: {
      id,
      title: { type: 'string', required: true, description: 'Short headline of the deal.' },
      kind: { type: 'string', required: true, vocabulary: DEAL_KINDS, description: 'Kind of deal.' },
      status,
      announcedOn: { type: 'date', required: true, description: 'Day it was first announced or reported.' },
      effectiveFrom: { type: 'date', description: 'Day it took effect.' },
      effectiveUntil: { type: 'date', description: 'Day it is due to end.' },
      term: { type: 'string', description: 'The term in words, when open-ended or vague.' },
      endedOn: { type: 'date', description: 'Day it stopped holding (terminated, superseded, called off, expired).' },
      amountUsd: { type: 'float', description: 'Headline amount in US dollars.' },
      amountQualifier: { type: 'string', vocabulary: AMOUNT_QUALIFIERS, description: 'How exact the amount is.' },
      capacityGw: { type: 'float', description: 'Data-centre or deployment capacity the deal covers, in gigawatts, as reported.' },
      capacityGwQualifier: { type: 'string', vocabulary: AMOUNT_QUALIFIERS, description: 'How exact the capacity is.' },
      chipCount: { type: 'float', description: 'Number of chips (accelerators) the deal covers, as reported.' },
      chipCountQualifier: { type: 'string', vocabulary: AMOUNT_QUALIFIERS, description: 'How exact the chip count is.' },
      round: { type: 'string', description: 'Funding round, for investments.' },
      summary: { type: 'string', required: true, description: 'What the deal includes.' },
      coverageNote: { type: 'string', description: 'Quantities supplied, in words, as reported.' },
      retractedOn: { type: 'date', description: 'Day it was retracted (a soft delete: hidden unless asked for).' },
      retractionReason: { type: 'string', description: 'Why it was retracted.' },
      retractionSource: { type: 'string', format: 'slug', references: 'Source', description: 'Id of the source that shows it was wrong.' },
      knownSince,
      endKnownSince,
      confidence,
    },
  },
  Exclusivity: {
    description: 'An exclusive right or right of first refusal that one organization grants another.',
    properties: {
      id,
      title: { type: 'string', required: true, description: 'Short name of the right.' },
      kind: { type: 'string', required: true, vocabulary: EXCLUSIVITY_KINDS, description: 'Kind of right.' },
      scope: { type: 'string', required: true, description: 'What the right covers, in words.' },
      covers: {
        type: 'string[]',
        vocabulary: EXCLUSIVITY_SCOPES,
        description: 'What the right covers, from a closed vocabulary (which supplies it restricts follows from it).',
      },
      status,
      announcedOn: { type: 'date', required: true, description: 'Day it was first announced or reported.' },
      validFrom: { type: 'date', description: 'Day it took effect.' },
      validUntil: { type: 'date', description: 'Day it is due to end.' },
      term: { type: 'string', description: 'The term in words, when open-ended.' },
      endedOn: { type: 'date', description: 'Day it stopped holding.' },
      retractedOn: { type: 'date', description: 'Day it was retracted (a soft delete: hidden unless asked for).' },
      retractionReason: { type: 'string', description: 'Why it was retracted.' },
      retractionSource: { type: 'string', format: 'slug', references: 'Source', description: 'Id of the source that shows it was wrong.' },
      knownSince,
      endKnownSince,
      confidence,
    },
  },
  Channel: {
    description: "A way a lab's models can be had: its own API, a cloud's model platform, a marketplace, a reseller, on premises, open weights.",
    properties: {
      id,
      title: { type: 'string', required: true, description: 'Short name of the channel, e.g. "OpenAI models on Amazon Bedrock".' },
      access: { type: 'string', required: true, vocabulary: ACCESS_KINDS, description: 'How the models are had through it.' },
      models: { type: 'string', description: 'Which models it offers, in words, as reported.' },
      terms: { type: 'string', description: 'Its terms in words (billing, regions, exclusivity, restrictions), as reported.' },
      status,
      announcedOn: { type: 'date', required: true, description: 'Day it was first announced or reported.' },
      availableFrom: { type: 'date', description: 'Day the models became available through it (preview or general availability).' },
      availableUntil: { type: 'date', description: 'Day it is due to close.' },
      term: { type: 'string', description: 'How long it runs, in words, when open-ended or vague.' },
      endedOn: { type: 'date', description: 'Day it closed (the models stopped being offered through it).' },
      retractedOn: { type: 'date', description: 'Day it was retracted (a soft delete: hidden unless asked for).' },
      retractionReason: { type: 'string', description: 'Why it was retracted.' },
      retractionSource: { type: 'string', format: 'slug', references: 'Source', description: 'Id of the source that shows it was wrong.' },
      knownSince,
      endKnownSince,
      confidence,
    },
  },
  Restriction: {
    description: 'A dated government measure on AI: an export control, a sanction, a ban on use; what it restricts and which countries it bears on.',
    properties: {
      id,
      title: { type: 'string', required: true, description: 'Short name of the measure.' },
      kind: { type: 'string', required: true, vocabulary: RESTRICTION_KINDS, description: 'Kind of measure.' },
      restricts: { type: 'string[]', required: true, vocabulary: RESTRICTED_ITEMS, description: 'What it restricts, from a closed vocabulary.' },
      countries: {
        type: 'string[]',
        format: 'country',
        description: 'ISO 3166-1 alpha-2 codes of the countries it bears on by name (destinations of an export control, users of a ban).',
      },
      worldwide: { type: 'boolean', description: 'True when it bears on every country except those in exemptCountries.' },
      exemptCountries: { type: 'string[]', format: 'country', description: 'Countries a worldwide measure leaves out.' },
      appliesTo: { type: 'string', description: 'Which countries, tiers or parties it applies to, in words, as published.' },
      summary: { type: 'string', required: true, description: 'What it requires or forbids, in one to three sentences.' },
      status,
      announcedOn: { type: 'date', required: true, description: 'Day it was first announced or reported.' },
      validFrom: { type: 'date', description: 'Day it took (or was due to take) effect.' },
      validUntil: { type: 'date', description: 'Day it is due to lapse.' },
      term: { type: 'string', description: 'How long it runs, in words.' },
      endedOn: { type: 'date', description: 'Day it stopped holding (rescinded, lifted, replaced).' },
      retractedOn: { type: 'date', description: 'Day it was retracted (a soft delete: hidden unless asked for).' },
      retractionReason: { type: 'string', description: 'Why it was retracted.' },
      retractionSource: { type: 'string', format: 'slug', references: 'Source', description: 'Id of the source that shows it was wrong.' },
      knownSince,
      endKnownSince,
      confidence,
    },
  },
  Source: {
    description: 'A published report that facts cite.',
    properties: {
      id,
      url: { type: 'string', required: true, format: 'url', description: 'Where it can be read.' },
      publisher: { type: 'string', required: true, description: 'Who published it.' },
      title: { type: 'string', required: true, description: 'Its headline.' },
      publishedOn: { type: 'date', required: true, description: 'Day it was published.' },
      tier: {
        type: 'string',
        vocabulary: SOURCE_TIERS,
        description:
          "How close it is to the fact: primary (the parties' own release or filing), press (own reporting), secondary (syndication, aggregator, blog).",
      },
    },
  },
  StatusEntry: {
    description: 'One dated, sourced step in the status history of a deal or exclusivity.',
    properties: {
      id,
      status,
      changedOn: { type: 'date', required: true, description: 'Day the status was reported.' },
      note: { type: 'string', description: 'What happened.' },
      knownSince,
    },
  },
  AmountReport: {
    description: 'A reported amount that differs from the headline one, with its own sources.',
    properties: {
      id,
      amountUsd: { type: 'float', required: true, description: 'Amount in US dollars.' },
      amountQualifier: { type: 'string', required: true, vocabulary: AMOUNT_QUALIFIERS, description: 'How exact it is.' },
      note: { type: 'string', description: 'Whose figure it is.' },
      knownSince,
    },
  },
  Tranche: {
    description: "One part of a deal's money: paid or due upfront, or only when a condition is met.",
    properties: {
      id,
      amountUsd: { type: 'float', required: true, description: 'Amount in US dollars.' },
      amountQualifier: { type: 'string', required: true, vocabulary: AMOUNT_QUALIFIERS, description: 'How exact it is.' },
      kind: { type: 'string', required: true, vocabulary: TRANCHE_KINDS, description: 'Upfront (unconditional) or conditional.' },
      condition: { type: 'string', description: 'For a conditional tranche: what must happen, in words, as reported.' },
      knownSince,
    },
  },
  AuditEntry: {
    description: 'One committed write: who, with which role, when, what, and the values before and after.',
    internal: true,
    properties: {
      id,
      at: { type: 'string', required: true, description: 'When it was committed (ISO 8601 UTC instant).' },
      actor: { type: 'string', required: true, description: 'Name or id of the API key that wrote.' },
      role: { type: 'string', required: true, description: 'Role of that key.' },
      operation: { type: 'string', required: true, description: 'The mutation.' },
      subject: { type: 'string', required: true, description: 'Id of the record written.' },
      before: { type: 'string', description: 'The record before, as JSON (absent when created).' },
      after: { type: 'string', description: 'The record after, as JSON (absent when deleted).' },
      seq: {
        type: 'float',
        description: "The write's place in commit order (the journal's sequence, or the write lock's count without a journal): the change feed's cursor.",
      },
      pos: { type: 'float', description: 'Its place among the entries of one write (1, 2, ...).' },
      label: { type: 'string', description: 'The label of the node written (absent for a control link or a bulk import).' },
      organizations: {
        type: 'string[]',
        description: 'Ids of the organizations the record involves (itself, its parties, holder, grantor, designer, ...), before and after.',
      },
    },
  },
  Meta: {
    description: 'Server bookkeeping, such as the last journal entry applied.',
    internal: true,
    properties: {
      id,
      journalSeq: { type: 'float', description: 'Sequence number of the last journal entry applied.' },
    },
  },
} as const satisfies Record<string, NodeTypeDef>;

export type NodeLabel = keyof typeof nodeTypeDefs;
export const NODE_TYPES: Readonly<Record<NodeLabel, NodeTypeDef>> = nodeTypeDefs;
export const NODE_LABELS = Object.keys(nodeTypeDefs) as NodeLabel[];
/** The labels of the published graph (what import, export, search and views see). */
export const GRAPH_LABELS = NODE_LABELS.filter((l) => !(NODE_TYPES[l] as NodeTypeDef).internal);

const noProps = {} as const;
const partyAmount = { type: 'float', description: "This party's own amount in US dollars." } as const satisfies PropertyDef;

const relationshipTypeDefs = {
  CONTROLS: {
    description: 'Ownership or control: the controller owns or controls the controlled organization.',
    endpoints: [['Organization', 'Organization']],
    properties: {
      stakePct: { type: 'float', format: 'percent', description: 'Share owned, in percent.' },
      validFrom: { type: 'date', description: 'Day control began; empty when no source dates it (the link then holds on every day before its end).' },
      validUntil: { type: 'date', description: 'Day control ended (it no longer holds on that day); empty while it holds.' },
      sourceIds: { type: 'string[]', required: true, description: 'Ids of the sources that report it.' },
    },
  },
  OPERATES: { description: 'The organization runs the cloud service.', endpoints: [['Organization', 'CloudService']], properties: noProps },
  DESIGNS: { description: 'The organization designs the chip.', endpoints: [['Organization', 'Chip']], properties: noProps },
  MANUFACTURES: { description: 'The foundry makes the chip.', endpoints: [['Organization', 'Chip']], properties: noProps },
  OFFERS: { description: 'The cloud service rents out the chip.', endpoints: [['CloudService', 'Chip']], properties: noProps },
  INVESTOR_IN: {
    description: 'The organization invests in the deal.',
    endpoints: [['Organization', 'Deal']],
    properties: { amountUsd: partyAmount, lead: { type: 'boolean', description: 'Lead investor of the round.' } },
  },
  INVESTEE_IN: { description: 'The organization receives the investment.', endpoints: [['Organization', 'Deal']], properties: { amountUsd: partyAmount } },
  SUPPLIER_IN: {
    description: 'The organization supplies compute, capacity or chips.',
    endpoints: [['Organization', 'Deal']],
    properties: { amountUsd: partyAmount },
  },
  CUSTOMER_IN: {
    description: 'The organization buys compute, capacity or chips.',
    endpoints: [['Organization', 'Deal']],
    properties: { amountUsd: partyAmount },
  },
  PARTNER_IN: {
    description: 'The organization is a partner of a joint venture or partnership.',
    endpoints: [['Organization', 'Deal']],
    properties: { amountUsd: partyAmount },
  },
  ACQUIRER_IN: { description: 'The organization acquires.', endpoints: [['Organization', 'Deal']], properties: { amountUsd: partyAmount } },
  ACQUIRED_IN: { description: 'The organization is acquired.', endpoints: [['Organization', 'Deal']], properties: { amountUsd: partyAmount } },
  LENDER_IN: { description: 'The organization lends.', endpoints: [['Organization', 'Deal']], properties: { amountUsd: partyAmount } },
  BORROWER_IN: { description: 'The organization borrows.', endpoints: [['Organization', 'Deal']], properties: { amountUsd: partyAmount } },
  COVERS: {
    description: 'The deal covers the supply of this chip or service.',
    endpoints: [
      ['Deal', 'Chip'],
      ['Deal', 'CloudService'],
    ],
    properties: noProps,
  },
  HOLDS: { description: 'The organization holds the exclusive right.', endpoints: [['Organization', 'Exclusivity']], properties: noProps },
  GRANTS: { description: 'The organization granted the exclusive right.', endpoints: [['Organization', 'Exclusivity']], properties: noProps },
  PART_OF: { description: 'The exclusivity was granted as part of the deal.', endpoints: [['Exclusivity', 'Deal']], properties: noProps },
  SUPERSEDES: { description: 'The deal replaced an earlier one.', endpoints: [['Deal', 'Deal']], properties: noProps },
  DISTRIBUTES: { description: "The channel offers this lab's models.", endpoints: [['Channel', 'Organization']], properties: noProps },
  RUNS: {
    description: 'The organization runs the channel (the cloud, the reseller, or the lab for its own API).',
    endpoints: [['Organization', 'Channel']],
    properties: noProps,
  },
  THROUGH: { description: 'The channel is offered through this cloud service.', endpoints: [['Channel', 'CloudService']], properties: noProps },
  GOVERNED_BY: { description: 'An exclusivity or first right that governs the channel.', endpoints: [['Channel', 'Exclusivity']], properties: noProps },
  OPENED_BY: { description: 'The deal under which the channel was opened.', endpoints: [['Channel', 'Deal']], properties: noProps },
  ISSUES: { description: 'The government or agency that issued the restriction.', endpoints: [['Organization', 'Restriction']], properties: noProps },
  TARGETS: {
    description: 'An organization the restriction names (an exporter, a lab, a buyer).',
    endpoints: [['Restriction', 'Organization']],
    properties: noProps,
  },
  RESTRICTS_CHIP: { description: 'A chip the restriction covers.', endpoints: [['Restriction', 'Chip']], properties: noProps },
  HAS_STATUS: {
    description: 'A step of the status history.',
    endpoints: [
      ['Deal', 'StatusEntry'],
      ['Exclusivity', 'StatusEntry'],
      ['Channel', 'StatusEntry'],
      ['Restriction', 'StatusEntry'],
    ],
    properties: noProps,
  },
  REPORTS_AMOUNT: { description: 'A disagreeing report of the amount.', endpoints: [['Deal', 'AmountReport']], properties: noProps },
  HAS_TRANCHE: { description: "A tranche of the deal's money.", endpoints: [['Deal', 'Tranche']], properties: noProps },
  CITES: {
    description: 'The fact is reported by the source.',
    endpoints: [
      ['Deal', 'Source'],
      ['Exclusivity', 'Source'],
      ['Channel', 'Source'],
      ['Restriction', 'Source'],
      ['StatusEntry', 'Source'],
      ['AmountReport', 'Source'],
      ['Tranche', 'Source'],
    ],
    properties: noProps,
  },
} as const satisfies Record<string, RelationshipTypeDef>;

export type RelationshipType = keyof typeof relationshipTypeDefs;
export const RELATIONSHIP_TYPES: Readonly<Record<RelationshipType, RelationshipTypeDef>> = relationshipTypeDefs;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(relationshipTypeDefs) as RelationshipType[];

/** The role a party plays in a deal, and the relationship type that records it. */
export const PARTY_ROLES = {
  investor: 'INVESTOR_IN',
  investee: 'INVESTEE_IN',
  supplier: 'SUPPLIER_IN',
  customer: 'CUSTOMER_IN',
  partner: 'PARTNER_IN',
  acquirer: 'ACQUIRER_IN',
  acquired: 'ACQUIRED_IN',
  lender: 'LENDER_IN',
  borrower: 'BORROWER_IN',
} as const satisfies Record<string, RelationshipType>;
export type PartyRole = keyof typeof PARTY_ROLES;
export const PARTY_ROLE_NAMES = Object.keys(PARTY_ROLES) as PartyRole[];

/** Every property key of the model, node and relationship alike. */
export function allPropertyKeys(): Set<string> {
  const keys = new Set<string>();
  for (const def of [...Object.values(NODE_TYPES), ...Object.values(RELATIONSHIP_TYPES)]) {
    for (const k of Object.keys(def.properties)) keys.add(k);
  }
  return keys;
}

/** The properties of a label that records carry (all but the derived ones), in declared order. */
export function recordPropertyKeys(label: NodeLabel): string[] {
  return Object.entries(NODE_TYPES[label].properties as Record<string, PropertyDef>)
    .filter(([, def]) => !def.derived)
    .map(([k]) => k);
}

export function isNodeLabel(name: string): name is NodeLabel {
  return Object.hasOwn(NODE_TYPES, name);
}

type TsOf<D> = D extends { type: 'string'; vocabulary: readonly (infer V)[] }
  ? V
  : D extends { type: 'string' }
    ? string
    : D extends { type: 'string[]' }
      ? string[]
      : D extends { type: 'date' }
        ? string
        : D extends { type: 'float' }
          ? number
          : D extends { type: 'boolean' }
            ? boolean
            : never;

type PropsOf<P> = { -readonly [K in keyof P as P[K] extends { required: true } ? K : never]: TsOf<P[K]> } & {
  -readonly [K in keyof P as P[K] extends { required: true } ? never : K]?: TsOf<P[K]> | null;
};

/** The plain-value properties of a node of label L, as the model declares them. */
export type NodeProps<L extends NodeLabel> = PropsOf<(typeof nodeTypeDefs)[L]['properties']>;
/** The properties of a relationship of type T. */
export type RelationshipProps<T extends RelationshipType> = PropsOf<(typeof relationshipTypeDefs)[T]['properties']>;
