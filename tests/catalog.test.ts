/**
 * The catalog is proven valid for Neo4j without a Neo4j: Neo4j's own analyzer runs over every
 * statement meant for it, every identifier is checked against the model with exact case, and
 * statements meant for both engines avoid every construct that differs between the engines
 * (tests/support/portability-rules.ts, docs/ladybug-traps.md).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES, isNodeLabel } from '../src/model/graph-model.ts';
import { CATALOG, catalogEntries } from '../src/queries/catalog.ts';
import { NODE_STATEMENTS, RELATIONSHIP_STATEMENTS } from '../src/queries/model-statements.ts';
import { singleIdForm, specialize } from '../src/store/ladybug/id-forms.ts';
import { identifiersOf } from './support/cypher-identifiers.ts';
import { portabilityViolations } from './support/portability-rules.ts';

// The package's ESM build has extension-less imports that Node cannot resolve: load the CJS build.
const { lintCypherQuery, testData } = createRequire(import.meta.url)('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');
/** The analyzer is CPU-bound: hundreds of statements need minutes on a busy shared machine. */
const ANALYZER_TIMEOUT_MS = 600_000;

const entries = catalogEntries();
const forNeo4j = entries.filter((e) => e.engine !== 'ladybug');
const forBoth = entries.filter((e) => e.engine === 'both');
const DDL = /^\s*(CREATE|ALTER)\s+(NODE|REL)\s+TABLE|^\s*CREATE\s+MACRO|^\s*(BEGIN|COMMIT|ROLLBACK|CHECKPOINT)\b/i;

describe('the query catalog', () => {
  it('has unique names per engine', () => {
    const keys = entries.map((e) => `${e.name}@${e.engine}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has at least one statement per node label and relationship type of the model', () => {
    const text = entries.filter((e) => !DDL.test(e.cypher)).map((e) => e.cypher);
    for (const label of NODE_LABELS)
      expect(
        text.some((c) => identifiersOf(c).labels.includes(label)),
        label,
      ).toBe(true);
    for (const type of RELATIONSHIP_TYPE_NAMES)
      expect(
        text.some((c) => identifiersOf(c).relationshipTypes.includes(type)),
        type,
      ).toBe(true);
  });

  it(
    'passes Neo4j semantic analysis with zero errors for every statement meant for Neo4j',
    () => {
      const schema = testData.mockSchema;
      const failures: string[] = [];
      for (const e of forNeo4j) {
        const parameters = Object.fromEntries([...e.cypher.matchAll(/\$(\w+)/g)].map((m) => [m[1]!, null]));
        const diagnostics = lintCypherQuery(e.cypher, { functions: schema.functions, procedures: schema.procedures, parameters });
        const errors = diagnostics.filter((d) => d.severity === 1);
        if (errors.length) failures.push(`${e.name}: ${errors.map((d) => d.message).join('; ')}`);
      }
      expect(failures).toEqual([]);
      expect(forNeo4j.length).toBeGreaterThan(50);
    },
    ANALYZER_TIMEOUT_MS,
  );

  it('lets the analyzer catch a broken statement (the check can fail)', () => {
    const diagnostics = lintCypherQuery('MATCH (n:Organization {id: $id}) RETURN n.name AS name, nosuchfn(n) AS x', {
      functions: testData.mockSchema.functions,
      parameters: {},
    });
    expect(diagnostics.filter((d) => d.severity === 1).length).toBeGreaterThanOrEqual(2);
  });

  it('names only labels, relationship types and properties of the model, with exact case', () => {
    const problems: string[] = [];
    for (const e of entries) {
      if (DDL.test(e.cypher)) continue;
      // Variables are scoped per UNION branch: check each branch on its own.
      for (const branch of e.cypher.split(/\bUNION(?:\s+ALL)?\b/)) {
        const ids = identifiersOf(branch);
        for (const l of ids.labels) if (!isNodeLabel(l)) problems.push(`${e.name}: unknown label ${l}`);
        for (const t of ids.relationshipTypes) if (!Object.hasOwn(RELATIONSHIP_TYPES, t)) problems.push(`${e.name}: unknown relationship type ${t}`);
        for (const p of ids.properties) {
          const owners = p.ownerKind === 'label' ? [p.owner] : ids.bindings.get(p.owner);
          if (!owners) continue; // a row map from UNWIND or a WITH alias: not a stored property
          for (const o of owners) {
            const props = isNodeLabel(o)
              ? NODE_TYPES[o].properties
              : Object.hasOwn(RELATIONSHIP_TYPES, o)
                ? RELATIONSHIP_TYPES[o as keyof typeof RELATIONSHIP_TYPES].properties
                : undefined;
            if (props && !Object.hasOwn(props, p.property)) problems.push(`${e.name}: ${o} has no property ${p.property}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches a label or property in the wrong case (the check can fail)', () => {
    const ids = identifiersOf('MATCH (n:organization {ID: $id})-[:cites]->(s:Source) RETURN s.Url AS url');
    expect(ids.labels).toContain('organization');
    expect(isNodeLabel('organization')).toBe(false);
    expect(ids.properties).toContainEqual({ owner: 'organization', property: 'ID', ownerKind: 'label' });
    expect(ids.properties).toContainEqual({ owner: 's', property: 'Url', ownerKind: 'variable' });
  });

  it('uses no construct that differs between the engines in statements meant for both', () => {
    const problems = forBoth.flatMap((e) => portabilityViolations(e.cypher).map((why) => `${e.name}: ${why}`));
    expect(problems).toEqual([]);
    expect(portabilityViolations('MATCH (a:Organization) RETURN [x IN a.aliases | toLower(x)] AS l')).not.toEqual([]);
  });

  it('is printed by `aigraph queries --json` from the same list', () => {
    expect(CATALOG.length).toBeGreaterThan(0);
  });
});

describe('one-id forms', () => {
  it('rewrites a batched expansion to start from $id, and leaves other statements alone', () => {
    const cites = RELATIONSHIP_STATEMENTS.find((s) => s.type === 'CITES' && s.from === 'Deal')!;
    expect(singleIdForm(cites.byFrom)).toEqual({
      name: `${cites.byFrom.name}.one`,
      cypher: 'MATCH (a:Deal {id: $id})-[e:CITES]->(b:Source) RETURN a.id AS from, b.id AS to',
    });
    // Returns `... AS id`: the variable would be gone. A primary-key read without expansion is fast either way.
    expect(singleIdForm(NODE_STATEMENTS.Deal.getMany)).toBeNull();
    expect(singleIdForm(NODE_STATEMENTS.Deal.upsert)).toBeNull();
    // Already takes $id: the rewrite would overwrite it.
    expect(singleIdForm({ name: 't', cypher: 'UNWIND $ids AS id MATCH (a:Deal {id: id})-[:CITES]->(b:Source) WHERE b.id <> $id RETURN b.id AS s' })).toBeNull();
  });

  it('is sent for exactly one id', () => {
    const cites = RELATIONSHIP_STATEMENTS.find((s) => s.type === 'CITES' && s.from === 'Deal')!;
    expect(specialize(cites.byFrom, { ids: ['a'] })).toEqual({ query: singleIdForm(cites.byFrom), params: { id: 'a' } });
    expect(specialize(cites.byFrom, { ids: ['a', 'b'] }).query).toBe(cites.byFrom);
  });
});
