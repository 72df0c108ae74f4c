/**
 * The query catalog: every Cypher statement the server can send, named. Statements that run on
 * both engines are plain strings; the few per-engine variants sit side by side in one Query
 * (the shortest path), and what only one engine runs (its schema, LadybugDB's transactions and
 * bulk copy) comes from that engine's folder under src/store/. `aigraph queries --json` prints it.
 */
import { PING, type Engine, type Query } from '../store/graph-store.ts';
import { LADYBUG_BULK_STATEMENTS } from '../store/ladybug/copy-statements.ts';
import { singleIdForm } from '../store/ladybug/id-forms.ts';
import { LADYBUG_MACROS, LADYBUG_SCHEMA } from '../store/ladybug/ladybug-schema.ts';
import { BEGIN, CHECKPOINT, COMMIT, NODE_COUNT, ROLLBACK } from '../store/ladybug/ladybug-statements.ts';
import { NEO4J_SCHEMA } from '../store/neo4j/neo4j-schema.ts';
import { BULK_STATEMENTS } from './bulk-statements.ts';
import { IMPORT_STATEMENTS } from './import-statements.ts';
import { COUNT_ALL, FIND_IDS, NODE_STATEMENTS, RELATIONSHIP_STATEMENTS } from './model-statements.ts';
import { QUESTION_STATEMENTS } from '../questions/statements.ts';
import { WRITE_STATEMENTS } from './write-statements.ts';

const STATEMENTS: readonly Query[] = [
  ...LADYBUG_SCHEMA,
  ...LADYBUG_MACROS,
  ...NEO4J_SCHEMA,
  BEGIN,
  COMMIT,
  ROLLBACK,
  CHECKPOINT,
  NODE_COUNT,
  PING,
  FIND_IDS,
  COUNT_ALL,
  ...Object.values(NODE_STATEMENTS).flatMap((s) => [s.upsert, s.getMany, s.get, s.all, s.delete, s.count]),
  ...RELATIONSHIP_STATEMENTS.flatMap((s) => [s.merge, s.get, s.all, s.byFrom, s.byTo, s.delete, s.deleteFrom, s.deleteTo]),
  ...QUESTION_STATEMENTS,
  ...IMPORT_STATEMENTS,
  ...BULK_STATEMENTS,
  ...LADYBUG_BULK_STATEMENTS,
  ...WRITE_STATEMENTS,
];

/**
 * Every statement, each followed by its one-id form where it has one: the LadybugDB adapter
 * sends that form for a single id (docs/ladybug-traps.md#unwind-ids-scans-the-table), and the
 * form is portable, so both engines' checks cover it.
 */
export const CATALOG: readonly Query[] = STATEMENTS.flatMap((q) => {
  const one = singleIdForm(q);
  return one ? [q, one] : [q];
});

export interface CatalogEntry {
  readonly name: string;
  readonly engine: Engine | 'both';
  readonly cypher: string;
}

/** The catalog flattened: one entry per statement text, with the engine it is meant for. */
export function catalogEntries(catalog: readonly Query[] = CATALOG): CatalogEntry[] {
  return catalog.flatMap((q): CatalogEntry[] => {
    if (typeof q.cypher === 'string') return [{ name: q.name, engine: 'both', cypher: q.cypher }];
    const out: CatalogEntry[] = [];
    if (q.cypher.neo4j !== undefined) out.push({ name: q.name, engine: 'neo4j', cypher: q.cypher.neo4j });
    if (q.cypher.ladybug !== undefined) out.push({ name: q.name, engine: 'ladybug', cypher: q.cypher.ladybug });
    return out;
  });
}
