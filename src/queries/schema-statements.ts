/**
 * Schema bootstrap, the first of the per-engine variants (dialect report section 3): LadybugDB
 * needs typed tables and a macro prelude, Neo4j needs uniqueness constraints and indexes. Both
 * derive from the model; every statement is idempotent, so bootstrap runs on every start.
 */
import {
  NODE_KEY,
  NODE_TYPES,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type PropertyType,
  type RelationshipType,
} from '../model/graph-model.ts';
import type { Query } from '../store/graph-store.ts';

const LADYBUG_TYPES: Record<PropertyType, string> = {
  string: 'STRING',
  'string[]': 'STRING[]',
  date: 'DATE',
  float: 'DOUBLE',
  boolean: 'BOOLEAN',
};

/**
 * Neo4j function names that LadybugDB lacks, back-filled as macros so the catalog can use the
 * Neo4j spelling on both engines. A macro cannot take a bare `$param` (report 1.3): bind first.
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
].map(([fn, cypher]) => ({ name: `schema.macro.${fn}`, cypher: { ladybug: cypher!} }));

function ladybugColumns(properties: Readonly<Record<string, { type: PropertyType }>>): [string, string][] {
  return Object.entries(properties).map(([k, def]) => [k, LADYBUG_TYPES[def.type]]);
}

function ladybugNodeTable(label: NodeLabel): Query[] {
  const cols = ladybugColumns(NODE_TYPES[label].properties).filter(([k]) => k !== NODE_KEY);
  const create = `CREATE NODE TABLE IF NOT EXISTS ${label}(${NODE_KEY} STRING PRIMARY KEY${cols.map(([k, t]) => `, ${k} ${t}`).join('')})`;
  // IF NOT EXISTS keeps an old definition silently (report 1.9): ALTER adds what a newer model declares.
  const alters = cols.map(([k, t]) => ({ name: `schema.ladybug.${label}.${k}`, cypher: { ladybug: `ALTER TABLE ${label} ADD IF NOT EXISTS ${k} ${t}`} }));
  return [{ name: `schema.ladybug.${label}`, cypher: { ladybug: create} }, ...alters];
}

function ladybugRelTable(type: RelationshipType): Query[] {
  const def = RELATIONSHIP_TYPES[type];
  const pairs = def.endpoints.map(([a, b]) => `FROM ${a} TO ${b}`);
  const cols = ladybugColumns(def.properties);
  const create = `CREATE REL TABLE IF NOT EXISTS ${type}(${[...pairs, ...cols.map(([k, t]) => `${k} ${t}`)].join(', ')})`;
  const pairAlters = def.endpoints.map(([a, b]) => ({
    name: `schema.ladybug.${type}.${a}.${b}`,
    cypher: { ladybug: `ALTER TABLE ${type} ADD IF NOT EXISTS FROM ${a} TO ${b}`},
  }));
  const colAlters = cols.map(([k, t]) => ({ name: `schema.ladybug.${type}.${k}`, cypher: { ladybug: `ALTER TABLE ${type} ADD IF NOT EXISTS ${k} ${t}`} }));
  return [{ name: `schema.ladybug.${type}`, cypher: { ladybug: create} }, ...pairAlters, ...colAlters];
}

function snake(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function neo4jNodeSchema(label: NodeLabel): Query[] {
  const out: Query[] = [
    {
      name: `schema.neo4j.${label}.key`,
      cypher: { neo4j: `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.${NODE_KEY} IS UNIQUE`},
    },
  ];
  // Range indexes on the properties the questions filter and sort by.
  for (const [prop, def] of Object.entries(NODE_TYPES[label].properties)) {
    if (prop === NODE_KEY) continue;
    if (def.type === 'date' || prop === 'name' || prop === 'status' || prop === 'kind' || prop === 'amountUsd') {
      out.push({
        name: `schema.neo4j.${label}.${prop}`,
        cypher: { neo4j: `CREATE INDEX ${snake(label)}_${snake(prop)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`},
      });
    }
  }
  return out;
}

export const LADYBUG_SCHEMA: readonly Query[] = [
  ...(Object.keys(NODE_TYPES) as NodeLabel[]).flatMap(ladybugNodeTable),
  ...(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap(ladybugRelTable),
];

export const NEO4J_SCHEMA: readonly Query[] = (Object.keys(NODE_TYPES) as NodeLabel[]).flatMap(neo4jNodeSchema);
