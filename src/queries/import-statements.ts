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

export const IMPORT_STATEMENTS: readonly Query[] = [...DELETE_DEAL_CHILDREN, ...DELETE_EXCLUSIVITY_CHILDREN];
