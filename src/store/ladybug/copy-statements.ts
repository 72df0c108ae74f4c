/**
 * Statements of LadybugDB's bulk copy (bulk-copy.ts), for an EMPTY store only. `COPY ... FROM`
 * takes its file path in the text, not as a parameter, so these are built per load; the
 * catalog lists them with a placeholder path (LADYBUG_BULK_STATEMENTS).
 */
import { NODE_KEY, NODE_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../model/graph-model.ts';
import type { Query } from '../graph-store.ts';
import { writeExpr } from '../write-expr.ts';

/** `$rows`: `{id, value}`: sets one property of nodes the CSV could not carry exactly. */
export function patchNodeProperty(label: NodeLabel, property: string): Query {
  const def = NODE_TYPES[label].properties[property];
  if (!def) throw new Error(`${label} has no property ${property}`);
  return {
    name: `bulk.${label}.${property}.patch`,
    cypher: `UNWIND $rows AS r MATCH (n:${label} {id: r.id}) SET n.${property} = ${writeExpr('r.value', def)}`,
  };
}

/** The columns of a table, in storage order: COPY maps CSV columns by position. */
export function tableInfo(table: NodeLabel | RelationshipType): Query {
  return { name: `bulk.${table}.columns`, cypher: { ladybug: `CALL table_info('${table}') RETURN *` } };
}

/** How the CSV files are quoted (csv-cells.ts writes them so). */
const COPY_OPTIONS = `header=true, auto_detect=false, delim=',', quote='"', escape='"'`;
const literal = (path: string) => `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** One file, or a list of them (loaded by one statement). */
const fromFiles = (files: string | readonly string[]) => (typeof files === 'string' ? literal(files) : `[${files.map(literal).join(', ')}]`);

/** Loads a node table from CSV files; `parallel` only where no quoted value holds a newline. */
export function copyNodes(label: NodeLabel, files: string | readonly string[], parallel: boolean): Query {
  return { name: `bulk.${label}.copy`, cypher: { ladybug: `COPY ${label} FROM ${fromFiles(files)} (${COPY_OPTIONS}, parallel=${parallel})` } };
}

/** Loads one FROM/TO pair of a relationship table from CSV files. */
export function copyRelationships(type: RelationshipType, from: NodeLabel, to: NodeLabel, files: string | readonly string[], parallel: boolean): Query {
  return {
    name: `bulk.${type}.${from}.${to}.copy`,
    cypher: { ladybug: `COPY ${type} FROM ${fromFiles(files)} (from='${from}', to='${to}', ${COPY_OPTIONS}, parallel=${parallel})` },
  };
}

const PAIRS = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((t) => RELATIONSHIP_TYPES[t].endpoints.map(([a, b]) => [t, a, b] as const));

/** Every statement of the bulk copy, COPY ones with a placeholder path: for the catalog and its tests. */
export const LADYBUG_BULK_STATEMENTS: readonly Query[] = [
  ...NODE_LABELS.flatMap((l) =>
    Object.keys(NODE_TYPES[l].properties)
      .filter((k) => k !== NODE_KEY)
      .map((k) => patchNodeProperty(l, k)),
  ),
  ...[...NODE_LABELS, ...(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[])].map(tableInfo),
  ...NODE_LABELS.map((l) => copyNodes(l, '/path/to/file.csv', true)),
  ...PAIRS.map(([t, a, b]) => copyRelationships(t, a, b, '/path/to/file.csv', true)),
];
