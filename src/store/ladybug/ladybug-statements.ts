/** The transaction statements LadybugDB takes as Cypher (Neo4j's driver has an API instead). */
import type { Query } from '../graph-store.ts';

export const BEGIN: Query = { name: 'tx.begin', cypher: { ladybug: 'BEGIN TRANSACTION' } };
export const COMMIT: Query = { name: 'tx.commit', cypher: { ladybug: 'COMMIT' } };
export const ROLLBACK: Query = { name: 'tx.rollback', cypher: { ladybug: 'ROLLBACK' } };
export const CHECKPOINT: Query = { name: 'tx.checkpoint', cypher: { ladybug: 'CHECKPOINT' } };
