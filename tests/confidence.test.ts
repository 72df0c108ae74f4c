/**
 * Graded sources and the confidence of facts, end to end on the real engine: the write path
 * derives each fact's confidence from its sources' tiers (the same rule as `confidenceOf`), a
 * re-graded source re-grades the facts citing it, and every question's `minConfidence` leaves
 * out the facts below it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidenceOf } from '../src/questions/rules/confidence.ts';
import { allNodes, startApiServer, type ApiServer } from './support/api-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-confidence-'));
const source = (id: string, publisher: string, tier: string) =>
  `  - { id: ${id}, url: "https://example.org/${id}", publisher: ${publisher}, title: "Report ${id}", publishedOn: 2025-01-10, tier: ${tier} }`;
const deal = (id: string, supplier: string, status: string, sources: string[]) => `  - id: ${id}
    title: Deal ${id}
    kind: compute_contract
    status: ${status}
    announcedOn: 2025-01-10
    amountUsd: 1000000000
    amountQualifier: exact
    summary: A compute contract.
    parties: [{ org: lab, role: customer }, { org: ${supplier}, role: supplier }]
    sources: [${sources.join(', ')}]`;

writeFileSync(
  join(dir, 'graph.yaml'),
  [
    'organizations:',
    ...['lab', 'cloud-a', 'cloud-b', 'cloud-c', 'cloud-d', 'cloud-e'].map((id) => `  - { id: ${id}, name: ${id}, kind: other, country: US }`),
    'sources:',
    source('own-release', 'Cloud A', 'primary'),
    source('wire-1', 'Reuters', 'press'),
    source('wire-2', 'Bloomberg', 'press'),
    source('wire-3', 'reuters', 'press'),
    source('blog-1', 'Some Blog', 'secondary'),
    'deals:',
    deal('deal-primary', 'cloud-a', 'signed', ['own-release']),
    deal('deal-two-press', 'cloud-b', 'signed', ['wire-1', 'wire-2']),
    deal('deal-one-press', 'cloud-c', 'signed', ['wire-1', 'wire-3', 'blog-1']),
    deal('deal-secondary', 'cloud-d', 'signed', ['blog-1']),
    deal('deal-reported', 'cloud-e', 'reported', ['own-release', 'wire-2']),
  ].join('\n'),
);

let api: ApiServer;
let seeds: ApiServer;
beforeAll(async () => {
  [api, seeds] = await Promise.all([startApiServer({ imports: [dir] }), startApiServer()]);
});
afterAll(async () => {
  await Promise.all([api?.close(), seeds?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

type Graded = { id: string; status: string; confidence: string; sources: { publisher: string; tier: string | null }[] };
const lower = (s: string | null) => (s ? s.toLowerCase() : null);

describe('confidence of facts', () => {
  it('follows the rule: a primary source or two press publishers is high, one press publisher medium, secondary low, unconfirmed at most medium', async () => {
    const r = await api.gql<{ deals: { edges: { node: { id: string; confidence: string } }[] } }>('{ deals(first: 100) { edges { node { id confidence } } } }');
    const by = Object.fromEntries(r.data!.deals.edges.map((e) => [e.node.id, e.node.confidence]));
    expect(by).toEqual({
      'deal-primary': 'HIGH',
      'deal-two-press': 'HIGH',
      'deal-one-press': 'MEDIUM',
      'deal-secondary': 'LOW',
      'deal-reported': 'MEDIUM',
    });
  });

  it('agrees with the in-memory rule on every seeded fact', async () => {
    const fields = 'id status: currentStatus confidence sources { publisher tier }';
    const facts = await allNodes<Graded>(
      seeds,
      `query($after: String) { deals(first: 50, after: $after, filter: { includeRetracted: true }) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
      'deals',
    );
    const x = await seeds.gql<{ exclusivities: Graded[] }>(`{ exclusivities(asOf: "2099-01-01") { ${fields} } }`);
    facts.push(...x.data!.exclusivities);
    expect(facts.length).toBeGreaterThan(100);
    for (const f of facts) {
      const expected = confidenceOf(
        f.sources.map((s) => ({ publisher: s.publisher, tier: lower(s.tier) as never })),
        lower(f.status) as never,
      );
      expect(f.confidence, f.id).toBe(expected.toUpperCase());
    }
  });

  it('re-grades the facts citing a source when its tier changes', async () => {
    const editor = api.key('editor');
    const up = await api.gql(
      'mutation { upsertSource(input: { id: "blog-1", title: "Report blog-1", url: "https://example.org/blog-1", publisher: "Some Blog", publishedOn: "2025-01-10", tier: PRIMARY }) { id tier } }',
      {},
      editor,
    );
    expect(up.errors).toBeUndefined();
    const r = await api.gql<{ a: { confidence: string }; b: { confidence: string } }>(
      '{ a: deal(id: "deal-secondary") { confidence } b: deal(id: "deal-one-press") { confidence } }',
    );
    expect(r.data).toEqual({ a: { confidence: 'HIGH' }, b: { confidence: 'HIGH' } });
    await api.gql(
      'mutation { upsertSource(input: { id: "blog-1", title: "Report blog-1", url: "https://example.org/blog-1", publisher: "Some Blog", publishedOn: "2025-01-10", tier: SECONDARY }) { id } }',
      {},
      editor,
    );
    const back = await api.gql<{ a: { confidence: string } }>('{ a: deal(id: "deal-secondary") { confidence } }');
    expect(back.data!.a.confidence).toBe('LOW');
  });
});

describe('minConfidence on every question', () => {
  const suppliersAt = async (min: string) => {
    const r = await api.gql<{ suppliers: { edges: { node: { supplier: { id: string } } }[] } }>(
      `{ suppliers(of: "lab", asOf: "2025-06-01", minConfidence: ${min}) { edges { node { supplier { id } } } } }`,
    );
    return r.data!.suppliers.edges.map((e) => e.node.supplier.id).sort();
  };

  it('suppliers: only suppliers whose deals are trusted enough', async () => {
    expect(await suppliersAt('LOW')).toEqual(['cloud-a', 'cloud-b', 'cloud-c', 'cloud-d', 'cloud-e']);
    expect(await suppliersAt('MEDIUM')).toEqual(['cloud-a', 'cloud-b', 'cloud-c', 'cloud-e']);
    expect(await suppliersAt('HIGH')).toEqual(['cloud-a', 'cloud-b']);
  });

  it('deals, concentration, neighbourhood, paths and changes leave out facts below the level', async () => {
    const r = await api.gql<{
      deals: { totalCount: number };
      concentration: { shares: { supplier: { id: string } }[] };
      neighborhood: { nodes: { id: string }[] };
      paths: unknown[];
      low: unknown[];
      changes: { totalCount: number };
    }>(`{
      deals(filter: { minConfidence: HIGH }) { totalCount }
      concentration(of: "lab", asOf: "2025-06-01", minConfidence: HIGH) { shares { supplier { id } } }
      neighborhood(id: "lab", depth: 1, minConfidence: HIGH) { nodes { id } }
      paths(from: "lab", to: "cloud-d", minConfidence: HIGH) { hops }
      low: paths(from: "lab", to: "cloud-d") { hops }
      changes(from: "2025-01-01", to: "2025-12-31", minConfidence: HIGH) { totalCount }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.deals.totalCount).toBe(2);
    expect(r.data!.concentration.shares.map((s) => s.supplier.id).sort()).toEqual(['cloud-a', 'cloud-b']);
    expect(r.data!.neighborhood.nodes.map((n) => n.id).sort()).toEqual(['deal-primary', 'deal-two-press', 'lab']);
    expect(r.data!.paths).toEqual([]);
    expect(r.data!.low).toHaveLength(1);
    expect(r.data!.changes.totalCount).toBe(2);
  });
});
