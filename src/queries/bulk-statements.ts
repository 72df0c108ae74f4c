/**
 * Portable statements of the bulk load (the importer's bulk path), for an EMPTY store only:
 * batched `UNWIND $rows ... CREATE`, one node pattern per MATCH
 * (docs/ladybug-traps.md#comma-joined-match-is-a-cross-product), typed conversions for
 * nullable fields (docs/ladybug-traps.md#all-null-fields-bind-as-strings). CREATE, not MERGE:
 * on an empty store there is nothing to match, and MERGE of existing nodes slows with the
 * table's size on LadybugDB (docs/ladybug-traps.md#merge-of-existing-nodes-is-quadratic).
 * Where the store has `capabilities.bulkCopy`, the importer uses the store's bulk load instead.
 */
import { GRAPH_LABELS, NODE_KEY, NODE_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import type { Query } from '../store/graph-store.ts';
import { writeExpr } from '../store/write-expr.ts';
import { COUNT_ALL } from './model-statements.ts';

/** `$rows`: one map per node with every property of the label. */
export function createNodes(label: NodeLabel): Query {
  const props = Object.entries(NODE_TYPES[label].properties).map(([k, def]) => `${k}: ${k === NODE_KEY ? `r.${k}` : writeExpr(`r.${k}`, def)}`);
  return { name: `bulk.${label}.create`, cypher: `UNWIND $rows AS r CREATE (n:${label} {${props.join(', ')}})` };
}

/** `$rows`: `{from, to, ...properties}`; returns how many were written (a missing end writes none). */
export function createRelationships(type: RelationshipType, from: NodeLabel, to: NodeLabel): Query {
  const props = Object.entries(RELATIONSHIP_TYPES[type].properties).map(([k, def]) => `${k}: ${writeExpr(`r.${k}`, def)}`);
  const map = props.length ? ` {${props.join(', ')}}` : '';
  return {
    name: `bulk.${type}.${from}.${to}.create`,
    cypher: `UNWIND $rows AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) CREATE (a)-[e:${type}${map}]->(b) RETURN count(*) AS written`,
  };
}

/** Labels of the published graph (internal bookkeeping labels, such as a journal, excluded). */
export const BULK_LABELS: readonly NodeLabel[] = GRAPH_LABELS;

/** How many published-graph nodes exist, per label: the bulk load runs only when all are 0. */
export const COUNT_GRAPH_NODES: Query = COUNT_ALL;

const PAIRS = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((t) => RELATIONSHIP_TYPES[t].endpoints.map(([a, b]) => [t, a, b] as const));

/** The portable statements of the bulk load (LadybugDB's bulk copy adds its own: ladybug/copy-statements.ts). */
export const BULK_STATEMENTS: readonly Query[] = [...NODE_LABELS.map(createNodes), ...PAIRS.map(([t, a, b]) => createRelationships(t, a, b))];
