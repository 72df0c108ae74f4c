/**
 * Strict ids on the seeds: every id argument that names nothing answers NOT_FOUND naming the
 * argument, with the closest ids suggested; nothing is silently ignored. `resolve` maps names
 * and aliases to ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
let editor: string;
beforeAll(async () => {
  api = await startApiServer();
  editor = api.key('editor', 'strict-ids-editor');
});
afterAll(async () => {
  await api?.close();
});

type Err = { message: string; extensions: { code: string; argument?: string; suggestions?: string[] } };

describe('a misspelt id in any argument', () => {
  it.each([
    ['suppliers.of', '{ suppliers(of: "opnai") { totalCount } }', 'of', 'openai'],
    ['suppliers.excluding', '{ suppliers(of: "openai", excluding: ["microsft"]) { totalCount } }', 'excluding', 'microsoft'],
    ['investors.in', '{ investors(in: "anthropc") { totalUsd } }', 'in', 'anthropic'],
    ['concentration.of', '{ concentration(of: "opeani") { hhi } }', 'of', 'openai'],
    ['exclusivities.holder', '{ exclusivities(holder: "microsof") { id } }', 'holder', 'microsoft'],
    ['exclusivities.grantor', '{ exclusivities(grantor: "openia") { id } }', 'grantor', 'openai'],
    ['paths.from', '{ paths(from: "amazn", to: "microsoft") { nodes { id } } }', 'from', 'amazon'],
    ['paths.to', '{ paths(from: "amazon", to: "mircosoft") { nodes { id } } }', 'to', 'microsoft'],
    ['neighborhood.id', '{ neighborhood(id: "nvidai") { nodes { id } } }', 'id', 'nvidia'],
    ['deals.filter.party', '{ deals(filter: { party: "opnai" }) { totalCount } }', 'filter.party', 'openai'],
    ['deals.filter.counterparty', '{ deals(filter: { party: "openai", counterparty: "amazn" }) { totalCount } }', 'filter.counterparty', 'amazon'],
    ['organization.id', '{ organization(id: "microsft") { id } }', 'id', 'microsoft'],
    ['node.id', '{ node(id: "microsft") { id } }', 'id', 'microsoft'],
    [
      'Organization.deals.filter',
      '{ organization(id: "openai") { deals(filter: { counterparty: "microsft" }) { totalCount } } }',
      'filter.counterparty',
      'microsoft',
    ],
  ])('%s answers NOT_FOUND naming the argument, with the suggestion', async (_name, query, argument, suggested) => {
    const r = await api.gql(query);
    const e = r.errors?.[0] as Err | undefined;
    expect(e?.extensions.code).toBe('NOT_FOUND');
    expect(e?.extensions.argument).toBe(argument);
    expect(e?.extensions.suggestions).toContain(suggested);
    expect(e?.message).toMatch(new RegExp(`argument "${argument.replace('.', '\\.')}".*Did you mean .*${suggested}`));
  });

  it('in a mutation that names an existing record', async () => {
    const r = await api.gql('mutation { retract(id: "amazon-openai-2026-investmnt", reason: "x", source: "x") { ... on Deal { id } } }', {}, editor);
    const e = r.errors?.[0] as Err;
    expect(e.extensions.code).toBe('NOT_FOUND');
    expect(e.extensions.suggestions).toContain('amazon-openai-2026-investment');
  });

  it('of the wrong kind says what it names', async () => {
    const r = await api.gql('{ suppliers(of: "aws-ec2") { totalCount } }');
    const e = r.errors?.[0] as Err;
    expect(e.extensions.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/"aws-ec2" is a cloud service, not an organization/);
  });

  it('that is far from every id gets no suggestion rather than a wrong one', async () => {
    const r = await api.gql('{ suppliers(of: "openai", excluding: ["qqqqqqqqqq"]) { totalCount } }');
    const e = r.errors?.[0] as Err;
    expect(e.extensions.code).toBe('NOT_FOUND');
    expect(e.extensions.suggestions).toEqual([]);
    expect(e.message).not.toMatch(/Did you mean/);
  });
});

describe('resolve', () => {
  it('maps names and aliases to ids, says when a name is unknown, and suggests', async () => {
    const r = await api.gql<{ resolve: { name: string; ids: string[]; suggestions: string[] }[] }>(
      '{ resolve(names: ["Microsoft", "Amazon Web Services", "OPEN-AI", "Microsfot", "zzzzzzzz"]) { name ids suggestions } }',
    );
    const [ms, aws, oa, typo, none] = r.data!.resolve;
    expect(ms!.ids).toEqual(['microsoft']);
    expect(aws!.ids).toContain('aws');
    expect(oa!.ids).toEqual(['openai']);
    expect(typo!.ids).toEqual([]);
    expect(typo!.suggestions).toContain('microsoft');
    expect(none).toEqual({ name: 'zzzzzzzz', ids: [], suggestions: [] });
  });
});
