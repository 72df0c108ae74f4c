/**
 * The neighbourhood's read model (src/questions/view-graph.ts) against the Cypher statements it
 * replaces (`neighborhood` in src/questions/neighborhood.ts, the reference), on the real engine:
 * for organizations, deals, chips and sources, at depths 1 and 2, without a date, on a day of both
 * clocks, at a confidence level and with a kinds filter, the two draw the same view wherever the
 * reference is whole; a truncated view is the first nodes by id and the same on every call; and
 * the server's answer follows imports, recorded deals and retractions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loaders } from '../src/graphql/loaders.ts';
import { importFiles } from '../src/importer/import-graph.ts';
import type { NodeLabel } from '../src/model/graph-model.ts';
import { neighborhood, type Neighborhood, type NeighborhoodRequest } from '../src/questions/neighborhood.ts';
import { ViewGraph } from '../src/questions/view-graph.ts';
import type { Row } from '../src/store/graph-store.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

type Filter = Pick<NeighborhoodRequest, 'asOf' | 'knownOn' | 'minConfidence' | 'kinds'>;
const FILTERS: Filter[] = [
  { asOf: null, knownOn: null, minConfidence: null, kinds: null },
  { asOf: '2025-06-30', knownOn: '2025-03-01', minConfidence: null, kinds: null },
  { asOf: '2026-06-01', knownOn: null, minConfidence: 'medium', kinds: ['Organization', 'Deal', 'Exclusivity'] },
];

let api: ApiServer;
let editor: string;
const dir = mkdtempSync(join(tmpdir(), 'aigraph-view-graph-'));

beforeAll(async () => {
  api = await startApiServer();
  editor = api.key('editor');
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The reference answer: the Cypher statements, level by level. */
function reference(r: NeighborhoodRequest): Promise<Neighborhood> {
  const loaders = new Loaders(api.store);
  return neighborhood(api.store, (label, ids) => loaders.nodes<Row>(label, ids), r);
}

const byId = (n: Neighborhood) => ({ ...n, nodes: [...n.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)) });

/** Subjects of every shown label: every `stride`-th node of each (by id), organizations three times as often. */
async function subjects(stride: number): Promise<{ id: string; label: NodeLabel }[]> {
  const out: { id: string; label: NodeLabel }[] = [];
  for (const label of ['Organization', 'Deal', 'Exclusivity', 'Chip', 'CloudService', 'Source'] as const) {
    const rows = await api.store.read({ name: 'test.viewSubjects', cypher: `MATCH (n:${label}) RETURN n.id AS id ORDER BY id` });
    const every = label === 'Organization' ? Math.max(1, Math.floor(stride / 3)) : stride;
    rows.forEach((r, i) => {
      if (i % every === 0) out.push({ id: String(r.id), label });
    });
  }
  return out;
}

/** Asserts that a view graph built now draws what the statements draw, wherever they are whole. */
async function expectAgreement(depths: number[], filters: Filter[], stride: number, also: { id: string; label: NodeLabel }[] = []): Promise<number> {
  const graph = await ViewGraph.read(api.store);
  let compared = 0;
  let edges = 0;
  for (const root of [...also, ...(await subjects(stride))]) {
    for (const depth of depths) {
      for (const filter of filters) {
        const r: NeighborhoodRequest = { root, depth, limit: 500, ...filter };
        const [mine, ref] = [graph.neighborhood(r), await reference(r)];
        const what = `${root.id} at depth ${depth}, ${JSON.stringify(filter)}`;
        if (ref.truncated) {
          // The reference reads at most `limit` rows per relationship type: a cut there is a cut here.
          expect(mine.truncated, what).toBe(true);
          continue;
        }
        expect(byId(mine), what).toEqual(byId(ref));
        compared++;
        edges += mine.edges.length;
      }
    }
  }
  expect(edges).toBeGreaterThan(compared);
  return compared;
}

describe('the neighbourhood read model', () => {
  it('draws what the statements draw after the seeds are imported', async () => {
    expect(await expectAgreement([1, 2], FILTERS, 12)).toBeGreaterThan(400);
  }, 300_000); // a bound on a hang: about 1,000 reference views, slow on a busy machine

  it('cuts a hub at the limit by id order, the same on every call', async () => {
    const graph = await ViewGraph.read(api.store);
    const whole = graph.neighborhood({
      root: { id: 'openai', label: 'Organization' },
      depth: 1,
      limit: 500,
      asOf: null,
      knownOn: null,
      minConfidence: null,
      kinds: null,
    });
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(40);
    const cut = { root: { id: 'openai', label: 'Organization' as const }, depth: 2, limit: 25, asOf: null, knownOn: null, minConfidence: null, kinds: null };
    const a = graph.neighborhood(cut);
    expect(a.truncated).toBe(true);
    expect(a.nodes).toHaveLength(25);
    // Level one is full, so the view is the root and its 24 neighbours of smallest id.
    const firstIds = whole.nodes
      .slice(1)
      .map((n) => n.id)
      .sort()
      .slice(0, 24);
    expect(a.nodes.slice(1).map((n) => n.id)).toEqual(firstIds);
    expect(graph.neighborhood(cut)).toEqual(a);
    expect((await ViewGraph.read(api.store)).neighborhood(cut)).toEqual(a);
    const ids = new Set(a.nodes.map((n) => n.id));
    for (const e of a.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('follows an import, a recorded deal and a retraction, on the server too', async () => {
    writeFileSync(
      join(dir, 'more.yaml'),
      [
        'organizations:',
        '  - { id: vg-cloud, name: VG Cloud, kind: cloud_provider, country: US }',
        'sources:',
        '  - { id: vg-wire, url: "https://example.org/vg-wire", publisher: Reuters, title: "VG Cloud wins Anthropic", publishedOn: 2025-03-01, tier: press }',
        'deals:',
        '  - id: vg-anthropic-compute',
        '    title: Anthropic rents VG Cloud',
        '    kind: compute_contract',
        '    status: signed',
        '    announcedOn: 2025-03-01',
        '    summary: Capacity for inference.',
        '    parties: [{ org: anthropic, role: customer }, { org: vg-cloud, role: supplier }]',
        '    sources: [vg-wire]',
      ].join('\n'),
    );
    await importFiles(api.store, [dir]);
    const touched = [
      { id: 'vg-cloud', label: 'Organization' as const },
      { id: 'vg-anthropic-compute', label: 'Deal' as const },
      { id: 'vg-wire', label: 'Source' as const },
    ];
    expect(await expectAgreement([2], FILTERS.slice(0, 1), 24, touched)).toBeGreaterThan(50);
    const q = '{ neighborhood(id: "vg-cloud", depth: 2, limit: 500) { truncated nodes { id kind } edges { source target type } } }';
    type N = { neighborhood: { truncated: boolean; nodes: { id: string; kind: string }[]; edges: { source: string; target: string; type: string }[] } };
    const ids = async () => (await api.gql<N>(q)).data!.neighborhood.nodes.map((n) => n.id);
    expect(await ids()).toEqual(expect.arrayContaining(['vg-cloud', 'vg-anthropic-compute', 'vg-wire', 'anthropic']));
    const record = await api.gql(
      'mutation ($input: DealInput!) { recordDeal(input: $input) { id } }',
      {
        input: {
          id: 'vg-openai-chips',
          title: 'OpenAI buys chips from VG Cloud',
          kind: 'CHIP_SUPPLY',
          status: 'SIGNED',
          announcedOn: '2025-09-01',
          summary: 'Chips.',
          parties: [
            { organization: 'openai', role: 'CUSTOMER' },
            { organization: 'vg-cloud', role: 'SUPPLIER' },
          ],
          sources: ['vg-wire'],
        },
      },
      editor,
    );
    expect(record.errors).toBeUndefined();
    expect(await ids()).toEqual(expect.arrayContaining(['vg-openai-chips', 'openai']));
    const retract = await api.gql('mutation { retract(id: "vg-openai-chips", reason: "Misread.", source: "vg-wire") { ... on Deal { id } } }', {}, editor);
    expect(retract.errors).toBeUndefined();
    expect(await ids()).not.toContain('vg-openai-chips');
    const served = (await api.gql<N>(q)).data!.neighborhood;
    const ref = await reference({
      root: { id: 'vg-cloud', label: 'Organization' },
      depth: 2,
      limit: 500,
      asOf: null,
      knownOn: null,
      minConfidence: null,
      kinds: null,
    });
    expect(served.truncated).toBe(ref.truncated);
    expect(served.nodes.map((n) => n.id).sort()).toEqual(ref.nodes.map((n) => n.id).sort());
    expect(served.edges).toEqual(ref.edges);
  }, 300_000); // a bound on a hang, as above
});
