/**
 * The catalog statements every node and relationship type gets, generated from the model so a
 * new property is written, read and exported without hand-edited Cypher. Written in the
 * portable subset (docs/architecture.md#the-portable-subset): one node pattern per MATCH
 * (docs/ladybug-traps.md#comma-joined-match-is-a-cross-product), explicit SETs with typed
 * conversions (docs/ladybug-traps.md#all-null-fields-bind-as-strings), MERGE on the key, no map
 * parameters (docs/ladybug-traps.md#map-parameters).
 */
import {
  NODE_KEY,
  GRAPH_LABELS,
  NODE_LABELS,
  NODE_TYPES,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type PropertyDef,
  type RelationshipType,
} from '../model/graph-model.ts';
import type { Query } from '../store/graph-store.ts';
import { writeExpr } from '../store/write-expr.ts';

function propsOf(label: NodeLabel): [string, PropertyDef][] {
  return Object.entries(NODE_TYPES[label].properties);
}

/** `n.id AS id, n.name AS name, ...`: every property of the label, read from variable `v`. */
export function columnsOf(label: NodeLabel, v = 'n'): string {
  return propsOf(label)
    .map(([k]) => `${v}.${k} AS ${k}`)
    .join(', ');
}

export interface NodeStatements {
  /** `$rows`: one map per node with every property (string lists as arrays, never null). */
  readonly upsert: Query;
  /** `$ids`: the nodes with these ids (for batched loading). */
  readonly getMany: Query;
  /** `$id` */
  readonly get: Query;
  /** Every node of the label, ordered by id. */
  readonly all: Query;
  /** `$ids` */
  readonly delete: Query;
  readonly count: Query;
}

export function nodeStatements(label: NodeLabel): NodeStatements {
  const props = propsOf(label);
  const sets = props.filter(([k]) => k !== NODE_KEY).map(([k, def]) => `n.${k} = ${writeExpr(`r.${k}`, def)}`);
  const columns = columnsOf(label);
  return {
    getMany: { name: `node.${label}.getMany`, cypher: `UNWIND $ids AS id MATCH (n:${label} {${NODE_KEY}: id}) RETURN ${columns}` },
    upsert: {
      name: `node.${label}.upsert`,
      cypher: `UNWIND $rows AS r MERGE (n:${label} {${NODE_KEY}: r.${NODE_KEY}}) SET ${sets.join(', ')} RETURN count(*) AS written`,
    },
    get: { name: `node.${label}.get`, cypher: `MATCH (n:${label} {${NODE_KEY}: $id}) RETURN ${columns}` },
    all: { name: `node.${label}.all`, cypher: `MATCH (n:${label}) RETURN ${columns} ORDER BY id` },
    delete: { name: `node.${label}.delete`, cypher: `UNWIND $ids AS id MATCH (n:${label} {${NODE_KEY}: id}) DETACH DELETE n` },
    count: { name: `node.${label}.count`, cypher: `MATCH (n:${label}) RETURN count(n) AS total` },
  };
}

export interface RelationshipStatements {
  readonly type: RelationshipType;
  readonly from: NodeLabel;
  readonly to: NodeLabel;
  /** `$rows`: `{from, to, ...properties}` */
  readonly merge: Query;
  /** `$from`, `$to` */
  readonly get: Query;
  /** Every relationship of the type between the pair, ordered. */
  readonly all: Query;
  /** `$rows`: `{from, to}` */
  readonly delete: Query;
  /** `$ids`: the relationships leaving these nodes (batched loading). */
  readonly byFrom: Query;
  /** `$ids`: the relationships reaching these nodes (batched loading). */
  readonly byTo: Query;
  /** `$ids`: every relationship of the type leaving these nodes. */
  readonly deleteFrom: Query;
  /** `$ids`: every relationship of the type reaching these nodes. */
  readonly deleteTo: Query;
}

export function relationshipStatements(type: RelationshipType, from: NodeLabel, to: NodeLabel): RelationshipStatements {
  const props = Object.entries(RELATIONSHIP_TYPES[type].properties) as [string, PropertyDef][];
  const sets = props.map(([k, def]) => `e.${k} = ${writeExpr(`r.${k}`, def)}`);
  const setClause = sets.length ? ` SET ${sets.join(', ')}` : '';
  const columns = ['a.id AS from', 'b.id AS to', ...props.map(([k]) => `e.${k} AS ${k}`)].join(', ');
  const base = `rel.${type}.${from}.${to}`;
  return {
    type,
    from,
    to,
    merge: {
      name: `${base}.merge`,
      cypher: `UNWIND $rows AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) MERGE (a)-[e:${type}]->(b)${setClause} RETURN count(*) AS written`,
    },
    get: { name: `${base}.get`, cypher: `MATCH (a:${from} {id: $from})-[e:${type}]->(b:${to} {id: $to}) RETURN ${columns}` },
    all: { name: `${base}.all`, cypher: `MATCH (a:${from})-[e:${type}]->(b:${to}) RETURN ${columns} ORDER BY from, to` },
    delete: {
      name: `${base}.delete`,
      cypher: `UNWIND $rows AS r MATCH (a:${from} {id: r.from})-[e:${type}]->(b:${to} {id: r.to}) DELETE e`,
    },
    byFrom: { name: `${base}.byFrom`, cypher: `UNWIND $ids AS id MATCH (a:${from} {id: id})-[e:${type}]->(b:${to}) RETURN ${columns}` },
    byTo: { name: `${base}.byTo`, cypher: `UNWIND $ids AS id MATCH (b:${to} {id: id})<-[e:${type}]-(a:${from}) RETURN ${columns}` },
    deleteFrom: { name: `${base}.deleteFrom`, cypher: `UNWIND $ids AS id MATCH (a:${from} {id: id})-[e:${type}]->(b:${to}) DELETE e` },
    deleteTo: { name: `${base}.deleteTo`, cypher: `UNWIND $ids AS id MATCH (b:${to} {id: id})<-[e:${type}]-(a:${from}) DELETE e` },
  };
}

export const NODE_STATEMENTS = Object.fromEntries(NODE_LABELS.map((l) => [l, nodeStatements(l)])) as Record<NodeLabel, NodeStatements>;

export const RELATIONSHIP_STATEMENTS: readonly RelationshipStatements[] = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((type) =>
  RELATIONSHIP_TYPES[type].endpoints.map(([a, b]) => relationshipStatements(type, a, b)),
);

export function relationshipStatementsFor(type: RelationshipType, from: NodeLabel, to: NodeLabel): RelationshipStatements {
  const found = RELATIONSHIP_STATEMENTS.find((s) => s.type === type && s.from === from && s.to === to);
  if (!found) throw new Error(`The model has no ${type} relationship from ${from} to ${to}.`);
  return found;
}

/**
 * Which of `$ids` exist in the published graph, under which label: ids are unique across the
 * graph, not per label. A primary-key match per id and label, because `WHERE n.id IN $ids`
 * scans every table (docs/ladybug-traps.md#unwind-ids-scans-the-table).
 */
export const FIND_IDS: Query = {
  name: 'graph.findIds',
  cypher: GRAPH_LABELS.map((l) => `UNWIND $ids AS id MATCH (n:${l} {id: id}) RETURN n.id AS id, '${l}' AS label`).join(' UNION ALL '),
};

export const COUNT_ALL: Query = {
  name: 'graph.counts',
  cypher: GRAPH_LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS total`).join(' UNION ALL '),
};
