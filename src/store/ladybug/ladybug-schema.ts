/**
 * LadybugDB's schema bootstrap: a typed table per node label and relationship type, then the
 * macro prelude. Derived from the model; every statement is idempotent, so bootstrap runs on
 * every start (Neo4j's counterpart is neo4j/neo4j-schema.ts).
 */
import { NODE_KEY, NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyType, type RelationshipType } from '../../model/graph-model.ts';
import type { Query } from '../graph-store.ts';

const LADYBUG_TYPES: Record<PropertyType, string> = {
  string: 'STRING',
  'string[]': 'STRING[]',
  date: 'DATE',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
};

/**
 * Neo4j function names that LadybugDB lacks, back-filled as macros so the catalog can use the
 * Neo4j spelling on both engines (docs/ladybug-traps.md#missing-functions). A macro cannot take
 * a bare `$param` (docs/ladybug-traps.md#macro-with-a-bare-parameter): bind it first.
 */
export const LADYBUG_MACROS: readonly Query[] = [
  ['toString', 'CREATE MACRO toString(x) AS to_string(x)'],
  ['toInteger', 'CREATE MACRO toInteger(x) AS CAST(x AS INT64)'],
  ['toFloat', 'CREATE MACRO toFloat(x) AS CAST(x AS DOUBLE)'],
  ['toBoolean', 'CREATE MACRO toBoolean(x) AS CAST(x AS BOOL)'],
  ['split', 'CREATE MACRO split(s, d) AS string_split(s, d)'],
  ['head', 'CREATE MACRO head(l) AS list_extract(l, 1)'],
  ['last', 'CREATE MACRO last(l) AS list_extract(l, -1)'],
  ['type', 'CREATE MACRO type(r) AS label(r)'],
].map(([fn, cypher]) => ({ name: `schema.macro.${fn}`, cypher: { ladybug: cypher! } }));

function ladybugColumns(properties: Readonly<Record<string, { type: PropertyType }>>): [string, string][] {
  return Object.entries(properties).map(([k, def]) => [k, LADYBUG_TYPES[def.type]]);
}

function ladybugNodeTable(label: NodeLabel): Query[] {
  const cols = ladybugColumns(NODE_TYPES[label].properties).filter(([k]) => k !== NODE_KEY);
  const create = `CREATE NODE TABLE IF NOT EXISTS ${label}(${NODE_KEY} STRING PRIMARY KEY${cols.map(([k, t]) => `, ${k} ${t}`).join('')})`;
  // IF NOT EXISTS keeps an old definition silently: ALTER adds what a newer model declares
  // (docs/ladybug-traps.md#if-not-exists-keeps-the-old-table).
  const alters = cols.map(([k, t]) => ({ name: `schema.ladybug.${label}.${k}`, cypher: { ladybug: `ALTER TABLE ${label} ADD IF NOT EXISTS ${k} ${t}` } }));
  return [{ name: `schema.ladybug.${label}`, cypher: { ladybug: create } }, ...alters];
}

function ladybugRelTable(type: RelationshipType): Query[] {
  const def = RELATIONSHIP_TYPES[type];
  const pairs = def.endpoints.map(([a, b]) => `FROM ${a} TO ${b}`);
  const cols = ladybugColumns(def.properties);
  const create = `CREATE REL TABLE IF NOT EXISTS ${type}(${[...pairs, ...cols.map(([k, t]) => `${k} ${t}`)].join(', ')})`;
  const pairAlters = def.endpoints.map(([a, b]) => ({
    name: `schema.ladybug.${type}.${a}.${b}`,
    cypher: { ladybug: `ALTER TABLE ${type} ADD IF NOT EXISTS FROM ${a} TO ${b}` },
  }));
  const colAlters = cols.map(([k, t]) => ({ name: `schema.ladybug.${type}.${k}`, cypher: { ladybug: `ALTER TABLE ${type} ADD IF NOT EXISTS ${k} ${t}` } }));
  return [{ name: `schema.ladybug.${type}`, cypher: { ladybug: create } }, ...pairAlters, ...colAlters];
}

export const LADYBUG_SCHEMA: readonly Query[] = [
  ...(Object.keys(NODE_TYPES) as NodeLabel[]).flatMap(ladybugNodeTable),
  ...(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap(ladybugRelTable),
];

/** Everything bootstrap runs, in order: tables first, then the macros. */
export const LADYBUG_BOOTSTRAP: readonly Query[] = [...LADYBUG_SCHEMA, ...LADYBUG_MACROS];
