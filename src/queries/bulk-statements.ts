/**
 * Statements of the bulk load (src/importer/bulk-load.ts), for an EMPTY store only.
 * - Portable (both engines): batched `UNWIND $rows … CREATE`, one node pattern per MATCH (R5),
 *   typed conversions for nullable fields (R4). CREATE, not MERGE: on an empty store there is
 *   nothing to match, and MERGE of existing nodes is quadratic on LadybugDB (report section 4).
 * - LadybugDB only: `COPY … FROM` a CSV file, which loads about a million rows a second here;
 *   the file path is part of the text (COPY takes no parameter for it), so those statements are
 *   built per load by `copyNodes` / `copyRelationships`, on the templates in BULK_STATEMENTS.
 */
import { GRAPH_LABELS, NODE_KEY, NODE_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyDef, type RelationshipType } from '../model/graph-model.ts';
import { COUNT_ALL, writeExpr } from './model-statements.ts';
import type { Query } from '../store/graph-store.ts';


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

/** `$rows`: `{id, value}`: sets one property of nodes the CSV could not carry exactly. */
export function patchNodeProperty(label: NodeLabel, property: string): Query {
  const def = NODE_TYPES[label].properties[property];
  if (!def) throw new Error(`${label} has no property ${property}`);
  return { name: `bulk.${label}.${property}.patch`, cypher: `UNWIND $rows AS r MATCH (n:${label} {id: r.id}) SET n.${property} = ${writeExpr('r.value', def)}` };
}

/** The columns of a LadybugDB table, in storage order (COPY maps CSV columns by position). */
export function tableInfo(table: NodeLabel | RelationshipType): Query {
  return { name: `bulk.${table}.columns`, cypher: { ladybug: `CALL table_info('${table}') RETURN *` } };
}

const COPY_OPTIONS = `header=true, auto_detect=false, delim=',', quote='"', escape='"'`;
const literal = (path: string) => `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** LadybugDB: loads a node table from a CSV file written by the bulk loader. */
export function copyNodes(label: NodeLabel, file: string, parallel: boolean): Query {
  return { name: `bulk.${label}.copy`, cypher: { ladybug: `COPY ${label} FROM ${literal(file)} (${COPY_OPTIONS}, parallel=${parallel})` } };
}

/** LadybugDB: loads one FROM/TO pair of a relationship table from a CSV file. */
export function copyRelationships(type: RelationshipType, from: NodeLabel, to: NodeLabel, file: string, parallel: boolean): Query {
  return {
    name: `bulk.${type}.${from}.${to}.copy`,
    cypher: { ladybug: `COPY ${type} FROM ${literal(file)} (from='${from}', to='${to}', ${COPY_OPTIONS}, parallel=${parallel})` },
  };
}

/** Labels of the published graph (internal bookkeeping labels, such as a journal, excluded). */
export const BULK_LABELS: readonly NodeLabel[] = GRAPH_LABELS;

/** How many published-graph nodes exist, per label: the bulk load runs only when all are 0. */
export const COUNT_GRAPH_NODES: Query = COUNT_ALL;

const PAIRS = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((t) => RELATIONSHIP_TYPES[t].endpoints.map(([a, b]) => [t, a, b] as const));

/** Every bulk statement, COPY ones with a placeholder path: for the catalog and its tests. */
export const BULK_STATEMENTS: readonly Query[] = [
  ...NODE_LABELS.map(createNodes),
  ...PAIRS.map(([t, a, b]) => createRelationships(t, a, b)),
  ...NODE_LABELS.flatMap((l) => Object.keys(NODE_TYPES[l].properties).filter((k) => k !== NODE_KEY).map((k) => patchNodeProperty(l, k))),
  ...[...NODE_LABELS, ...(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[])].map(tableInfo),
  ...NODE_LABELS.map((l) => copyNodes(l, '/path/to/file.csv', true)),
  ...PAIRS.map(([t, a, b]) => copyRelationships(t, a, b, '/path/to/file.csv', true)),
];
