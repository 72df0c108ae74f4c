/**
 * The API's contract: GraphQL-over-HTTP conformance (graphql-http's audits), the printed
 * schema and the Cypher each question sends (snapshots, so drift shows in review), generated
 * types that match the schema, and the N+1 guard on store queries.
 */
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.ts';
import { CATALOG } from '../src/queries/catalog.ts';
import { cypherFor } from '../src/store/graph-store.ts';
import { loadTypeDefs } from '../src/graphql/schema.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it('passes every MUST audit', async () => {
    const audits = serverAudits({ url: () => `${api.url}/graphql`, fetchFn: fetch });
    const failed: string[] = [];
    let must = 0;
    for (const audit of audits) {
      if (!audit.name.startsWith('MUST')) continue;
      must++;
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(must).toBeGreaterThan(10);
    expect(failed).toEqual([]);
  });

  it('answers GET queries too, and refuses a GET mutation-free CSRF-prone request without a preflight header', async () => {
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ organization(id: "openai") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { organization: { name: 'OpenAI' } } });
    const simple = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ organization(id: "openai") { name } }')}`);
    expect(simple.status).toBe(400); // CSRF prevention: a simple GET needs a preflight-forcing header
  });
});

describe('snapshots', () => {
  it('keeps the printed schema (review any change to the public contract)', async () => {
    const schema = buildSchema(loadTypeDefs().join('\n'));
    await expect(printSchema(lexicographicSortSchema(schema))).toMatchFileSnapshot('__snapshots__/schema.graphql');
  });

  const QUESTIONS: Record<string, string> = {
    suppliers:
      '{ suppliers(of: "openai", excluding: ["microsoft"], asOf: "2026-06-01") { edges { node { supplier { id } deals { id sources { url } } chips { id } cloudServices { id } restrictedBy { holder { id } scope } } } } }',
    exclusivities:
      '{ exclusivities(holder: "microsoft", grantor: "openai", asOf: "2025-06-01") { id holder { id } grantor { id } scope until status sources { url } } }',
    deals:
      '{ deals(filter: { party: "openai", kinds: [COMPUTE_CONTRACT], asOf: "2026-01-01" }, first: 5) { totalCount edges { node { id parties { organization { id } role } sources { url } } } } }',
    investors: '{ investors(in: "anthropic", asOf: "2026-01-01") { investor { id } totalUsd deals { id } } }',
    concentration: '{ concentration(of: "openai", asOf: "2026-06-01") { hhi shares { supplier { id } share } } }',
    paths: '{ paths(from: "amazon", to: "microsoft", maxHops: 2) { hops nodes { id } } }',
    neighborhood: '{ neighborhood(id: "openai", depth: 2, asOf: "2026-01-01", limit: 100) { nodes { id } edges { type } } }',
    availability: '{ availability(of: "openai", asOf: "2026-06-01") { id provider { id } cloudService { id } status confidence governedBy { id } } }',
    diversification:
      '{ diversification(for: "government-of-ukraine", outside: ["microsoft"], asOf: "2026-06-01") { dependencies { id } labs { lab { id } confidence channels { id } constraints { kind note } } clouds { cloudService { id } deals { id } confidence } restrictions { id } } }',
    changes:
      '{ changes(from: "2025-12-01", to: "2025-12-31", organizations: ["openai"]) { totalCount edges { node { on kind status fact { ... on Deal { id } } sources { url } } } } }',
    search: '{ search(text: "trainium") { ... on Chip { id } } }',
    organization: '{ organization(id: "openai") { name controls { controlled { id } } committedUsd deals(first: 3) { totalCount } } }',
  };

  it('keeps the Cypher each question sends', async () => {
    const byName = new Map(CATALOG.map((q) => [q.name, q]));
    const lines: string[] = [];
    for (const [question, query] of Object.entries(QUESTIONS)) {
      const { result, statements } = await api.recording(() => api.gql(query));
      expect(result.errors, question).toBeUndefined();
      lines.push(`## ${question}`, '', query, '');
      for (const name of [...new Set(statements)].sort()) {
        const q = byName.get(name)!;
        lines.push(`-- ${name}`, cypherFor(q, 'ladybug'));
        if (typeof q.cypher !== 'string') lines.push(`-- ${name} (neo4j)`, cypherFor(q, 'neo4j'));
      }
      lines.push('');
    }
    await expect(lines.join('\n')).toMatchFileSnapshot('__snapshots__/question-cypher.md');
  });
});

describe('no N+1', () => {
  const dealsQuery = (first: number) =>
    `{ deals(first: ${first}, sort: ANNOUNCED_ASC) { edges { node { id sources { url publisher } parties { role organization { id name controlledBy { controller { name } } } } chips { name } statusHistory { status sources { url } } } } } }`;

  it('sends a number of store queries bounded by the operation, not by the 50+ deals it returns', async () => {
    const before = await api.storeQueries();
    const many = await api.gql<{ deals: { edges: { node: { sources: unknown[]; parties: unknown[] } }[] } }>(dealsQuery(100));
    const afterMany = await api.storeQueries();
    expect(many.errors).toBeUndefined();
    const edges = many.data!.deals.edges;
    expect(edges.length).toBeGreaterThanOrEqual(50);
    expect(edges.every((e) => e.node.sources.length > 0 && e.node.parties.length >= 2)).toBe(true);
    const few = await api.gql(dealsQuery(50));
    const afterFew = await api.storeQueries();
    expect(few.errors).toBeUndefined();
    const forMany = afterMany - before;
    const forFew = afterFew - afterMany;
    // page + count, then one query per relationship per level: 100 deals cost no more than the
    // levels allow, as 50 do. (Not always the same count: the controllers of a page's parties are
    // read in the parties' batch when they are parties too, else in one more batch.)
    expect(forMany).toBeLessThanOrEqual(14);
    expect(forFew).toBeLessThanOrEqual(14);
  });

  it('exposes store, request and error metrics at /metrics', async () => {
    await api.gql('{ paths(from: "amazon", to: "microsoft", maxHops: 9) { hops } }');
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/^aigraph_store_queries_total\{name="q\.deals\.count",outcome="ok"\} \d+/m);
    expect(text).toMatch(/^aigraph_store_query_seconds_count\{name="q\.deals\.count"\} \d+/m);
    expect(text).toMatch(/^aigraph_http_requests_total\{route="\/graphql",status="200"\} \d+/m);
    expect(text).toMatch(/^aigraph_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/m);
  });
});

describe('generated types', () => {
  it('are current with schema/*.graphql (run `npm run codegen` after a schema change)', async () => {
    const outputs = (await generate({ ...codegenConfig, silent: true } as never, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs) expect(readFileSync(o.filename, 'utf8'), o.filename).toBe(o.content);
  }, 60_000);
});
