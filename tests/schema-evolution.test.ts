/**
 * Schema evolution: the schema compared with the last released one (schema/released.graphql)
 * with graphql-js's findBreakingChanges. Additions pass (others add fields and enum values all
 * the time); a removal passes only when the released schema had deprecated it; any other
 * breaking change fails, naming it.
 */
import { buildSchema, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { publicSchema, releasedSchema, unannouncedBreakingChanges } from '../src/graphql/schema-evolution.ts';

const RELEASED = `
  type Query {
    organization(id: ID!, asOf: String): Organization
    old: String @deprecated(reason: "Use organization.")
  }
  type Organization { id: ID! name: String! country: String }
  enum Kind { LAB CLOUD LEGACY @deprecated(reason: "Use CLOUD.") }
  input Filter { kind: Kind, name: String }
  extend type Query { list(filter: Filter): [Organization!]! }
`;

describe('schema evolution', () => {
  it('finds no unannounced breaking change between the released schema and this one', () => {
    const released = releasedSchema();
    expect(released).toBeInstanceOf(GraphQLSchema);
    expect(unannouncedBreakingChanges(released, publicSchema())).toEqual([]);
  });

  it('lets additions and the removal of what was deprecated through', () => {
    const next = buildSchema(`
      type Query { organization(id: ID!, asOf: String, knownOn: String): Organization  list(filter: Filter): [Organization!]!  extra: Int }
      type Organization { id: ID! name: String! country: String aliases: [String!]! }
      enum Kind { LAB CLOUD GOVERNMENT }
      input Filter { kind: Kind, name: String, country: String }
    `);
    expect(unannouncedBreakingChanges(buildSchema(RELEASED), next)).toEqual([]);
  });

  it('fails on a removal that was not deprecated, and on a changed type, naming each', () => {
    const next = buildSchema(`
      type Query { organization(id: ID!): Organization  list(filter: Filter): [Organization!]! }
      type Organization { id: ID! name: String }
      enum Kind { CLOUD }
      input Filter { kind: Kind!, name: String }
    `);
    const problems = unannouncedBreakingChanges(buildSchema(RELEASED), next);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Organization.country was removed. It was not @deprecated'),
        expect.stringContaining('LAB was removed from enum type Kind. It was not @deprecated'),
        expect.stringContaining('Query.organization arg asOf was removed.'),
        expect.stringMatching(/Organization\.name changed type from String! to String\. \(FIELD_CHANGED_KIND\)/),
        expect.stringContaining('Filter.kind'),
      ]),
    );
    expect(problems.some((p) => p.includes('LEGACY'))).toBe(false);
    expect(problems.some((p) => p.includes('Query.old'))).toBe(false);
  });
});
