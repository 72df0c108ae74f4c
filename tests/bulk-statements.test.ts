/**
 * The bulk-load statements meet the catalog's rules (tests/catalog.test.ts): the portable ones
 * pass Neo4j's analyzer and avoid every construct that differs between the engines
 * (tests/support/portability-rules.ts), every identifier
 * is the model's with exact case, and LadybugDB compiles every one but COPY (whose file must
 * exist; tests/bulk-load.test.ts runs it).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isNodeLabel, NODE_TYPES, RELATIONSHIP_TYPES } from '../src/model/graph-model.ts';
import { BULK_STATEMENTS } from '../src/queries/bulk-statements.ts';
import { LADYBUG_BULK_STATEMENTS } from '../src/store/ladybug/copy-statements.ts';
import { catalogEntries } from '../src/queries/catalog.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { identifiersOf } from './support/cypher-identifiers.ts';
import { portabilityViolations } from './support/portability-rules.ts';

const { lintCypherQuery, testData } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');
/** The analyzer is CPU-bound: hundreds of statements need minutes on a busy shared machine. */
const ANALYZER_TIMEOUT_MS = 600_000;

/** The portable ones and LadybugDB's bulk copy (its patches are portable too). */
const ALL = [...BULK_STATEMENTS, ...LADYBUG_BULK_STATEMENTS];
const entries = catalogEntries(ALL);

describe('the bulk-load statements', () => {
  it(
    'pass Neo4j semantic analysis where meant for Neo4j',
    () => {
      const failures: string[] = [];
      for (const e of entries.filter((x) => x.engine !== 'ladybug')) {
        const parameters = Object.fromEntries([...e.cypher.matchAll(/\$(\w+)/g)].map((m) => [m[1]!, null]));
        const errors = lintCypherQuery(e.cypher, { functions: testData.mockSchema.functions, procedures: testData.mockSchema.procedures, parameters }).filter(
          (d) => d.severity === 1,
        );
        if (errors.length) failures.push(`${e.name}: ${errors.map((d) => d.message).join('; ')}`);
      }
      expect(failures).toEqual([]);
    },
    ANALYZER_TIMEOUT_MS,
  );

  it('use no construct that differs between the engines where meant for both', () => {
    expect(entries.filter((e) => e.engine === 'both').flatMap((e) => portabilityViolations(e.cypher).map((why) => `${e.name}: ${why}`))).toEqual([]);
  });

  it('name only labels, relationship types and properties of the model, with exact case', () => {
    const problems: string[] = [];
    for (const e of entries) {
      const ids = identifiersOf(e.cypher);
      for (const l of ids.labels) if (!isNodeLabel(l)) problems.push(`${e.name}: unknown label ${l}`);
      for (const t of ids.relationshipTypes) if (!Object.hasOwn(RELATIONSHIP_TYPES, t)) problems.push(`${e.name}: unknown relationship type ${t}`);
      for (const p of ids.properties) {
        for (const o of (p.ownerKind === 'label' ? [p.owner] : ids.bindings.get(p.owner)) ?? []) {
          const props = isNodeLabel(o)
            ? NODE_TYPES[o].properties
            : Object.hasOwn(RELATIONSHIP_TYPES, o)
              ? RELATIONSHIP_TYPES[o as keyof typeof RELATIONSHIP_TYPES].properties
              : undefined;
          if (props && !Object.hasOwn(props, p.property)) problems.push(`${e.name}: ${o} has no property ${p.property}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('compile on LadybugDB (all but COPY)', async () => {
    const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 60_000 });
    try {
      await store.bootstrap();
      const failures: string[] = [];
      for (const q of ALL.filter((s) => !s.name.endsWith('.copy'))) {
        const message = await store.compile(q);
        if (message) failures.push(`${q.name}: ${message}`);
      }
      expect(failures).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
