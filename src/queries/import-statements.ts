/** Statements the importer needs beyond the generated ones: removing a record's child nodes. */
import type { Query } from '../store/graph-store.ts';

/** `$ids`: deals whose status entries and amount reports are replaced. */
export const DELETE_DEAL_CHILDREN: readonly Query[] = [
  { name: 'import.deleteDealStatusEntries', cypher: 'UNWIND $ids AS id MATCH (p:Deal {id: id})-[:HAS_STATUS]->(c:StatusEntry) DETACH DELETE c' },
  { name: 'import.deleteDealAmountReports', cypher: 'UNWIND $ids AS id MATCH (p:Deal {id: id})-[:REPORTS_AMOUNT]->(c:AmountReport) DETACH DELETE c' },
];

/** `$ids`: exclusivities whose status entries are replaced. */
export const DELETE_EXCLUSIVITY_CHILDREN: readonly Query[] = [
  { name: 'import.deleteExclusivityStatusEntries', cypher: 'UNWIND $ids AS id MATCH (p:Exclusivity {id: id})-[:HAS_STATUS]->(c:StatusEntry) DETACH DELETE c' },
];

/**
 * `$ids`: deals or exclusivities; the sources their child nodes cite, reached from the parents:
 * from the children's own ids (an UNWIND over the status entries) LadybugDB scans the whole
 * child table (docs/ladybug-traps.md#unwind-ids-scans-the-table).
 */
const childCites = (parent: 'Deal' | 'Exclusivity', via: 'HAS_STATUS' | 'REPORTS_AMOUNT', child: 'StatusEntry' | 'AmountReport'): Query => ({
  name: `import.citesOf${child}Of${parent}`,
  cypher: `UNWIND $ids AS id MATCH (p:${parent} {id: id})-[:${via}]->(a:${child})-[:CITES]->(b:Source) RETURN a.id AS from, b.id AS to`,
});
export const CHILD_CITES = {
  DealStatusEntry: childCites('Deal', 'HAS_STATUS', 'StatusEntry'),
  ExclusivityStatusEntry: childCites('Exclusivity', 'HAS_STATUS', 'StatusEntry'),
  DealAmountReport: childCites('Deal', 'REPORTS_AMOUNT', 'AmountReport'),
};

export const IMPORT_STATEMENTS: readonly Query[] = [...DELETE_DEAL_CHILDREN, ...DELETE_EXCLUSIVITY_CHILDREN, ...Object.values(CHILD_CITES)];
