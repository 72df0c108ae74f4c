/**
 * The records of the import format, declared once as data. A record is what a person writes
 * in `seeds/`, what `aigraph import` reads, what `aigraph export` writes and what the API's
 * mutations build: one node of the graph with the links and children it owns (a deal with its
 * parties, covered chips, sources, status history...), or one relationship (a control link).
 *
 * Everything that handles records is derived from these declarations in `src/records/`: the
 * zod schemas, record -> graph rows, graph -> record, the canonical form, validation
 * (references, derived ids, consistency checks) and what an update replaces. A node property
 * declared in graph-model.ts appears in its record at the top level unless a `prop` part
 * places it elsewhere, so a new optional scalar is one line in graph-model.ts
 * (docs/adding-a-field.md).
 *
 * The order of `parts` is the order of the record's keys after its node properties, in the
 * canonical form and so in exports.
 */
import { PARTY_ROLES, type NodeLabel, type RelationshipType } from './graph-model.ts';
import {
  datesInOrder,
  endedMatchesStatus,
  historyInDateOrder,
  historyMatchesStatus,
  countriesOrWorldwide,
  partiesDistinct,
  retractionComplete,
  type RecordCheck,
} from './record-checks.ts';

/** Where a part sits in a record: `['designer']`, or `['covers', 'chips']` inside a group. */
export type FieldPath = readonly [string] | readonly [string, string];

/**
 * A link the record owns: a relationship between the record's node and another node.
 * `side: 'out'` is record -[type]-> target; `'in'` is target -[type]-> record.
 */
export interface LinkPart {
  readonly part: 'link';
  readonly path: FieldPath;
  readonly type: RelationshipType;
  readonly target: NodeLabel;
  readonly side: 'out' | 'in';
  /** `one`: a required id; `optional`: an id or nothing; `many`: a list of ids (sorted in canonical form). */
  readonly cardinality: 'one' | 'optional' | 'many';
  /** For a required list: the least number of ids and the message when fewer are given. */
  readonly min?: { readonly count: number; readonly message: string };
}

/** The parties of a deal: organizations, each with a role that selects the relationship type. */
export interface PartiesPart {
  readonly part: 'parties';
  readonly path: readonly ['parties'];
  readonly roles: typeof PARTY_ROLES;
  /** Relationship properties each party may carry (declared on the role types in graph-model.ts). */
  readonly props: readonly string[];
  readonly min: { readonly count: number; readonly message: string };
  /** Names of the party's keys in the API's input where they differ (`org` is `organization`). */
  readonly inputNames: Readonly<Record<string, string>>;
}

/** One key of a child record: a property of the child node, or `sources` (what the child cites). */
export type ChildField = readonly [key: string, prop: string] | readonly ['sources', '@cites'];

/** An ordered list of child nodes owned by the record (status history, other amount reports). */
export interface ChildrenPart {
  readonly part: 'children';
  readonly path: readonly [string];
  readonly label: NodeLabel;
  readonly via: RelationshipType;
  /** Child ids are derived: `<parent id>-<infix>-<1-based position>`. */
  readonly idInfix: string;
  readonly fields: readonly ChildField[];
}

/** A node property that the record keeps somewhere else than at its top level. */
export interface PropPart {
  readonly part: 'prop';
  readonly path: FieldPath;
  readonly prop: string;
}

export type RecordPart = LinkPart | PartiesPart | ChildrenPart | PropPart;

export interface NodeCollection {
  readonly shape: 'node';
  readonly label: NodeLabel;
  /** The property that names a record for people (lists, messages). */
  readonly caption: string;
  readonly parts: readonly RecordPart[];
  /** Groups (`covers`) whose keys are top-level in the API's input rather than nested. */
  readonly flatInInput?: readonly string[];
  /** Rules between the fields of one record, run after its schema passed. */
  readonly checks: readonly RecordCheck[];
  /** Pairs of keys given together or not at all, checked with the schema. */
  readonly together?: readonly (readonly [value: string, qualifier: string, hint: string])[];
}

/** A record that is one relationship, keyed by its two ends. */
export interface EdgeCollection {
  readonly shape: 'edge';
  readonly type: RelationshipType;
  readonly from: { readonly key: string; readonly label: NodeLabel };
  readonly to: { readonly key: string; readonly label: NodeLabel };
  /** Record key -> relationship property, in record order; `sources` is a list of source ids. */
  readonly fields: readonly (readonly [key: string, prop: string])[];
  readonly caption: string;
  /** Rules between the fields of one record, run after its schema passed. */
  readonly checks: readonly RecordCheck[];
}

export type CollectionDecl = NodeCollection | EdgeCollection;

const sources = (path: FieldPath = ['sources']): LinkPart => ({
  part: 'link',
  path,
  type: 'CITES',
  target: 'Source',
  side: 'out',
  cardinality: 'many',
  min: { count: 1, message: 'expected at least one source id' },
});

const statusHistory: ChildrenPart = {
  part: 'children',
  path: ['statusHistory'],
  label: 'StatusEntry',
  via: 'HAS_STATUS',
  idInfix: 'status',
  fields: [
    ['status', 'status'],
    ['on', 'changedOn'],
    ['sources', '@cites'],
    ['note', 'note'],
  ],
};

/** Checks shared by deals, exclusivities, channels and restrictions: the lifecycle of a dated, sourced fact. */
const factChecks = (from: string, until: string): RecordCheck[] => [
  endedMatchesStatus,
  datesInOrder('announcedOn', 'endedOn'),
  retractionComplete,
  datesInOrder(from, until),
  historyInDateOrder,
  historyMatchesStatus,
];

/** The collections of the format, in the order they are written (referenced kinds first). */
export const RECORDS = {
  organizations: { shape: 'node', label: 'Organization', caption: 'name', parts: [], checks: [] },
  chips: {
    shape: 'node',
    label: 'Chip',
    caption: 'name',
    parts: [
      { part: 'link', path: ['designer'], type: 'DESIGNS', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['manufacturer'], type: 'MANUFACTURES', target: 'Organization', side: 'in', cardinality: 'optional' },
    ],
    checks: [],
  },
  cloudServices: {
    shape: 'node',
    label: 'CloudService',
    caption: 'name',
    parts: [
      { part: 'link', path: ['operator'], type: 'OPERATES', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['chips'], type: 'OFFERS', target: 'Chip', side: 'out', cardinality: 'many' },
    ],
    checks: [],
  },
  sources: { shape: 'node', label: 'Source', caption: 'title', parts: [], checks: [] },
  deals: {
    shape: 'node',
    label: 'Deal',
    caption: 'title',
    parts: [
      {
        part: 'parties',
        path: ['parties'],
        roles: PARTY_ROLES,
        props: ['amountUsd', 'lead'],
        min: { count: 2, message: 'expected at least two parties' },
        inputNames: { org: 'organization' },
      },
      { part: 'link', path: ['covers', 'chips'], type: 'COVERS', target: 'Chip', side: 'out', cardinality: 'many' },
      { part: 'link', path: ['covers', 'cloudServices'], type: 'COVERS', target: 'CloudService', side: 'out', cardinality: 'many' },
      { part: 'prop', path: ['covers', 'note'], prop: 'coverageNote' },
      sources(),
      statusHistory,
      {
        part: 'children',
        path: ['otherReports'],
        label: 'AmountReport',
        via: 'REPORTS_AMOUNT',
        idInfix: 'amount',
        fields: [
          ['amountUsd', 'amountUsd'],
          ['amountQualifier', 'amountQualifier'],
          ['sources', '@cites'],
          ['note', 'note'],
        ],
      },
      {
        part: 'children',
        path: ['tranches'],
        label: 'Tranche',
        via: 'HAS_TRANCHE',
        idInfix: 'tranche',
        fields: [
          ['amountUsd', 'amountUsd'],
          ['amountQualifier', 'amountQualifier'],
          ['kind', 'kind'],
          ['condition', 'condition'],
          ['sources', '@cites'],
        ],
      },
      { part: 'link', path: ['supersedes'], type: 'SUPERSEDES', target: 'Deal', side: 'out', cardinality: 'many' },
    ],
    flatInInput: ['covers'],
    checks: [...factChecks('effectiveFrom', 'effectiveUntil'), partiesDistinct],
    together: [
      ['amountUsd', 'amountQualifier', 'exact, up_to, at_least or approx'],
      ['capacityGw', 'capacityGwQualifier', 'exact, up_to, at_least or approx'],
      ['chipCount', 'chipCountQualifier', 'exact, up_to, at_least or approx'],
    ],
  },
  exclusivities: {
    shape: 'node',
    label: 'Exclusivity',
    caption: 'title',
    parts: [
      { part: 'link', path: ['holder'], type: 'HOLDS', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['grantor'], type: 'GRANTS', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['deal'], type: 'PART_OF', target: 'Deal', side: 'out', cardinality: 'optional' },
      sources(),
      statusHistory,
    ],
    checks: factChecks('validFrom', 'validUntil'),
  },
  channels: {
    shape: 'node',
    label: 'Channel',
    caption: 'title',
    parts: [
      { part: 'link', path: ['lab'], type: 'DISTRIBUTES', target: 'Organization', side: 'out', cardinality: 'one' },
      { part: 'link', path: ['provider'], type: 'RUNS', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['cloudService'], type: 'THROUGH', target: 'CloudService', side: 'out', cardinality: 'optional' },
      { part: 'link', path: ['governedBy'], type: 'GOVERNED_BY', target: 'Exclusivity', side: 'out', cardinality: 'many' },
      { part: 'link', path: ['deal'], type: 'OPENED_BY', target: 'Deal', side: 'out', cardinality: 'optional' },
      sources(),
      statusHistory,
    ],
    checks: factChecks('availableFrom', 'availableUntil'),
  },
  restrictions: {
    shape: 'node',
    label: 'Restriction',
    caption: 'title',
    parts: [
      { part: 'link', path: ['issuer'], type: 'ISSUES', target: 'Organization', side: 'in', cardinality: 'one' },
      { part: 'link', path: ['targets'], type: 'TARGETS', target: 'Organization', side: 'out', cardinality: 'many' },
      { part: 'link', path: ['chips'], type: 'RESTRICTS_CHIP', target: 'Chip', side: 'out', cardinality: 'many' },
      sources(),
      statusHistory,
    ],
    checks: [...factChecks('validFrom', 'validUntil'), countriesOrWorldwide],
  },
  control: {
    shape: 'edge',
    type: 'CONTROLS',
    from: { key: 'controller', label: 'Organization' },
    to: { key: 'controlled', label: 'Organization' },
    fields: [
      ['stakePct', 'stakePct'],
      ['validFrom', 'validFrom'],
      ['validUntil', 'validUntil'],
      ['sources', 'sourceIds'],
    ],
    caption: 'controller',
    checks: [datesInOrder('validFrom', 'validUntil')],
  },
} as const satisfies Record<string, CollectionDecl>;

export type CollectionName = keyof typeof RECORDS;
export const COLLECTION_NAMES = Object.keys(RECORDS) as CollectionName[];
export const COLLECTIONS_BY_NAME: Readonly<Record<CollectionName, CollectionDecl>> = RECORDS;

/** The collection whose records are nodes of this label, if any. */
export function collectionOfLabel(label: NodeLabel): CollectionName | undefined {
  return COLLECTION_NAMES.find((c) => {
    const d = COLLECTIONS_BY_NAME[c];
    return d.shape === 'node' && d.label === label;
  });
}
