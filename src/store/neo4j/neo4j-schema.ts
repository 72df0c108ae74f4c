/**
 * Neo4j's schema bootstrap: a uniqueness constraint on each label's key and range indexes on
 * the properties the questions filter and sort by. Derived from the model; every statement is
 * idempotent, so bootstrap runs on every start (LadybugDB's counterpart is
 * ladybug/ladybug-schema.ts).
 */
import { NODE_KEY, NODE_TYPES, type NodeLabel } from '../../model/graph-model.ts';
import type { Query } from '../graph-store.ts';

function snake(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function neo4jNodeSchema(label: NodeLabel): Query[] {
  const out: Query[] = [
    {
      name: `schema.neo4j.${label}.key`,
      cypher: { neo4j: `CREATE CONSTRAINT ${snake(label)}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.${NODE_KEY} IS UNIQUE` },
    },
  ];
  // Range indexes on the properties the questions filter and sort by.
  for (const [prop, def] of Object.entries(NODE_TYPES[label].properties)) {
    if (prop === NODE_KEY) continue;
    if (def.type === 'date' || prop === 'name' || prop === 'status' || prop === 'kind' || prop === 'amountUsd') {
      out.push({
        name: `schema.neo4j.${label}.${prop}`,
        cypher: { neo4j: `CREATE INDEX ${snake(label)}_${snake(prop)} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})` },
      });
    }
  }
  return out;
}

export const NEO4J_SCHEMA: readonly Query[] = (Object.keys(NODE_TYPES) as NodeLabel[]).flatMap(neo4jNodeSchema);
