/**
 * Statements the record layer needs beyond the generated ones, derived from the children that
 * the record declarations (src/model/records.ts) give deals and exclusivities: removing a
 * record's child nodes before it is written again, and reading the sources its children cite.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { ENDED_STATUSES } from '../model/vocabulary.ts';
import { COLLECTION_NAMES, RECORDS, type ChildrenPart, type CollectionDecl } from '../model/records.ts';
import { SET_CONFIDENCE_CYPHER } from '../questions/rules/confidence.ts';
import type { Query } from '../store/graph-store.ts';

export interface ChildStatements {
  readonly parent: NodeLabel;
  readonly part: ChildrenPart;
  /** `$ids`: parents whose children of this part are removed. */
  readonly delete: Query;
  /**
   * `$ids`: parents; the sources their children cite, as rows `from` (child id), `to` (source id).
   * Read from the parents: from the children's own ids LadybugDB scans the whole child table
   * (docs/ladybug-traps.md#unwind-ids-scans-the-table).
   */
  readonly cites: Query;
}

const plural = (label: string) => (label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`);

function childStatements(parent: NodeLabel, part: ChildrenPart): ChildStatements {
  const { label: child, via } = part;
  return {
    parent,
    part,
    delete: {
      name: `import.delete${parent}${plural(child)}`,
      cypher: `UNWIND $ids AS id MATCH (p:${parent} {id: id})-[:${via}]->(c:${child}) DETACH DELETE c`,
    },
    cites: {
      name: `import.citesOf${child}Of${parent}`,
      cypher: `UNWIND $ids AS id MATCH (p:${parent} {id: id})-[:${via as RelationshipType}]->(a:${child})-[:CITES]->(b:Source) RETURN a.id AS from, b.id AS to`,
    },
  };
}

/** The child statements of every collection, by the parent label. */
export const CHILD_STATEMENTS: readonly ChildStatements[] = COLLECTION_NAMES.flatMap((c) => {
  const decl: CollectionDecl = RECORDS[c];
  if (decl.shape !== 'node') return [];
  return decl.parts.flatMap((p) => (p.part === 'children' ? [childStatements(decl.label, p)] : []));
});

export const childStatementsOf = (parent: NodeLabel): readonly ChildStatements[] => CHILD_STATEMENTS.filter((s) => s.parent === parent);

/** Labels whose nodes carry the derived `knownSince` (their earliest source's publication day). */
export const KNOWN_SINCE_LABELS = [
  'Deal',
  'Exclusivity',
  'Channel',
  'Restriction',
  'StatusEntry',
  'AmountReport',
  'Tranche',
] as const satisfies readonly NodeLabel[];
export type KnownSinceLabel = (typeof KNOWN_SINCE_LABELS)[number];

/** Statements that keep `knownSince` true: for given nodes, for every node, and the facts citing given sources. */
export const KNOWN_SINCE = Object.fromEntries(
  KNOWN_SINCE_LABELS.map((label) => [
    label,
    {
      /** `$ids`: nodes of the label whose sources changed. */
      of: {
        name: `derive.knownSinceOf${label}`,
        cypher: `UNWIND $ids AS id MATCH (f:${label} {id: id})-[:CITES]->(s:Source) WITH f, min(s.publishedOn) AS k SET f.knownSince = k`,
      },
      /** Every node of the label (after a bulk load, or on a database written before the property existed). */
      all: { name: `derive.knownSinceOfAll${label}`, cypher: `MATCH (f:${label})-[:CITES]->(s:Source) WITH f, min(s.publishedOn) AS k SET f.knownSince = k` },
      /** `$ids`: sources; the nodes of the label that cite them. */
      citing: { name: `derive.${label}Citing`, cypher: `UNWIND $ids AS id MATCH (s:Source {id: id})<-[:CITES]-(f:${label}) RETURN DISTINCT f.id AS id` },
      /** How many nodes of the label have no `knownSince` yet. */
      missing: { name: `derive.knownSinceMissing${label}`, cypher: `MATCH (f:${label}) WHERE f.knownSince IS NULL RETURN count(f) AS n` },
    },
  ]),
) as Record<KnownSinceLabel, { of: Query; all: Query; citing: Query; missing: Query }>;

/** The dated facts: nodes with a status history, an end and the derived `endKnownSince`. */
export const FACT_LABELS = ['Deal', 'Exclusivity', 'Channel', 'Restriction'] as const satisfies readonly KnownSinceLabel[];
export type FactLabel = (typeof FACT_LABELS)[number];

/** Facts with an end: `endKnownSince` from the known day of their first ended status entry (run after KNOWN_SINCE). */
const ENDED = ENDED_STATUSES.map((s) => `'${s}'`).join(', ');
export const END_KNOWN_SINCE = Object.fromEntries(
  FACT_LABELS.map((label) => [
    label,
    {
      of: {
        name: `derive.endKnownSinceOf${label}`,
        cypher: `UNWIND $ids AS id MATCH (f:${label} {id: id})-[:HAS_STATUS]->(e:StatusEntry) WHERE e.status IN [${ENDED}] WITH f, min(e.knownSince) AS k SET f.endKnownSince = k`,
      },
      all: {
        name: `derive.endKnownSinceOfAll${label}`,
        cypher: `MATCH (f:${label})-[:HAS_STATUS]->(e:StatusEntry) WHERE e.status IN [${ENDED}] WITH f, min(e.knownSince) AS k SET f.endKnownSince = k`,
      },
    },
  ]),
) as Record<FactLabel, { of: Query; all: Query }>;

/** Facts' `confidence` from their sources' tiers (the rule: src/questions/rules/confidence.ts). */
export const CONFIDENCE = Object.fromEntries(
  FACT_LABELS.map((label) => [
    label,
    {
      of: { name: `derive.confidenceOf${label}`, cypher: `UNWIND $ids AS id MATCH (f:${label} {id: id})-[:CITES]->(s:Source) ${SET_CONFIDENCE_CYPHER}` },
      all: { name: `derive.confidenceOfAll${label}`, cypher: `MATCH (f:${label})-[:CITES]->(s:Source) ${SET_CONFIDENCE_CYPHER}` },
      missing: { name: `derive.confidenceMissing${label}`, cypher: `MATCH (f:${label}) WHERE f.confidence IS NULL RETURN count(f) AS n` },
    },
  ]),
) as Record<FactLabel, { of: Query; all: Query; missing: Query }>;

export const DERIVE_STATEMENTS: readonly Query[] = [
  ...Object.values(KNOWN_SINCE).flatMap((s) => [s.of, s.all, s.citing, s.missing]),
  ...Object.values(END_KNOWN_SINCE).flatMap((s) => [s.of, s.all]),
  ...Object.values(CONFIDENCE).flatMap((s) => [s.of, s.all, s.missing]),
];

export const IMPORT_STATEMENTS: readonly Query[] = [...CHILD_STATEMENTS.map((s) => s.delete), ...CHILD_STATEMENTS.map((s) => s.cites), ...DERIVE_STATEMENTS];
