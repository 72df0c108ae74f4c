/** Statements of the LadybugDB adapter itself: transactions as Cypher (Neo4j's driver has an API instead), and the graph's size. */
import type { Query } from '../graph-store.ts';

export const BEGIN: Query = { name: 'tx.begin', cypher: { ladybug: 'BEGIN TRANSACTION' } };
export const COMMIT: Query = { name: 'tx.commit', cypher: { ladybug: 'COMMIT' } };
export const ROLLBACK: Query = { name: 'tx.rollback', cypher: { ladybug: 'ROLLBACK' } };
export const CHECKPOINT: Query = { name: 'tx.checkpoint', cypher: { ladybug: 'CHECKPOINT' } };
/** Every node of every label: how the adapter tells a large graph (see LadybugStore.read). */
export const NODE_COUNT: Query = { name: 'store.nodeCount', cypher: { ladybug: 'MATCH (n) RETURN count(*) AS nodes' } };
