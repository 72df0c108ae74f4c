/**
 * The analyst API over HTTP on the shipped seeds: every question answers with sourced results,
 * `asOf` moves answers through history, arguments are checked, errors carry codes and no internals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

type Org = { id: string; name?: string };
type SourceRef = { url: string; publisher?: string };

describe('suppliers', () => {
  const QUERY = `query ($of: ID!, $excluding: [ID!], $asOf: Date, $first: Int = 100, $after: String) {
    suppliers(of: $of, excluding: $excluding, asOf: $asOf, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node {
        supplier { id name controlledBy { controller { id } } }
        deals { id status announcedOn endedOn sources { url } }
        chips { id } cloudServices { id } committedUsd
        restrictedBy { id holder { id } grantor { id } scope }
      } }
    }
  }`;
  type Supply = {
    supplier: Org & { controlledBy: { controller: Org }[] };
    deals: { id: string; status: string; announcedOn: string; endedOn: string | null; sources: SourceRef[] }[];
    chips: Org[];
    cloudServices: Org[];
    committedUsd: number | null;
    restrictedBy: { id: string; holder: Org; grantor: Org; scope: string }[];
  };
  type Page = { suppliers: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Supply }[] } };
  const ask = async (variables: Record<string, unknown>) => {
    const r = await api.gql<Page>(QUERY, variables);
    expect(r.errors).toBeUndefined();
    return r.data!.suppliers.edges.map((e) => e.node);
  };

  it('answers who supplies OpenAI outside Microsoft, every deal sourced, nothing Microsoft controls', async () => {
    const suppliers = await ask({ of: 'openai', excluding: ['microsoft'] });
    const ids = suppliers.map((s) => s.supplier.id);
    expect(ids).toEqual(expect.arrayContaining(['oracle', 'aws', 'coreweave']));
    expect(ids).not.toContain('microsoft');
    for (const s of suppliers) {
      expect(s.supplier.controlledBy.map((c) => c.controller.id)).not.toContain('microsoft');
      expect(s.deals.length).toBeGreaterThan(0);
      for (const d of s.deals) expect(d.sources.length, d.id).toBeGreaterThan(0);
      for (const x of s.restrictedBy) {
        expect(x.grantor.id).toBe('openai');
        expect(x.holder.id).not.toBe(s.supplier.id);
      }
    }
    // Microsoft's exclusivities over OpenAI limit what AWS may do for it.
    const aws = suppliers.find((s) => s.supplier.id === 'aws')!;
    expect(aws.restrictedBy.some((x) => x.holder.id === 'microsoft')).toBe(true);
    expect(aws.chips.length + aws.cloudServices.length).toBeGreaterThan(0);
  });

  it('includes Microsoft when nothing is excluded, and excludes what an excluded parent controls', async () => {
    expect((await ask({ of: 'openai' })).map((s) => s.supplier.id)).toContain('microsoft');
    // AWS is controlled by Amazon.
    expect((await ask({ of: 'openai', excluding: ['amazon'] })).map((s) => s.supplier.id)).not.toContain('aws');
  });

  it('follows history: the AWS agreement of 3 November 2025 is absent the day before', async () => {
    const before = await ask({ of: 'openai', asOf: '2025-11-02' });
    const on = await ask({ of: 'openai', asOf: '2025-11-03' });
    const dealIds = (list: Supply[]) => list.flatMap((s) => s.deals.map((d) => d.id));
    expect(dealIds(before)).not.toContain('aws-openai-2025-cloud-agreement');
    expect(dealIds(on)).toContain('aws-openai-2025-cloud-agreement');
    for (const s of before) for (const d of s.deals) expect(d.announcedOn <= '2025-11-02').toBe(true);
  });

  it('pages the suppliers, largest committed amount first: pages join up to the whole list', async () => {
    const whole = await ask({ of: 'openai' });
    expect(whole.length).toBeGreaterThan(4);
    const committed = whole.map((s) => s.committedUsd ?? -1);
    expect(committed).toEqual([...committed].sort((a, b) => b - a));
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: { data?: Page; errors?: unknown } = await api.gql<Page>(QUERY, { of: 'openai', first: 3, after });
      expect(r.errors).toBeUndefined();
      const page = r.data!.suppliers;
      expect(page.totalCount).toBe(whole.length);
      expect(page.edges.length).toBeLessThanOrEqual(3);
      pages.push(...page.edges.map((e) => e.node.supplier.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(whole.map((s) => s.supplier.id));
    const tooMany = await api.gql(QUERY, { of: 'openai', first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.argument).toBe('first');
  });

  it('says NOT_FOUND for an unknown organization', async () => {
    const r = await api.gql(QUERY, { of: 'no-such-lab' });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toContain('no-such-lab');
  });

  it('restricts a supplier only by exclusivities covering what it supplies: on 2026-03-01 hosting and API exclusivities bind cloud suppliers of OpenAI, not chip vendors', async () => {
    type Restricted = {
      suppliers: { edges: { node: { supplier: { id: string; kind: string }; cloudServices: Org[]; restrictedBy: { id: string; covers: string[] }[] } }[] };
    };
    const r = await api.gql<Restricted>(
      `{ suppliers(of: "openai", asOf: "2026-03-01", first: 100) { edges { node {
        supplier { id kind } cloudServices { id } restrictedBy { id covers }
      } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.suppliers.edges.map((e) => e.node);
    const hostingOrApiOnly = (covers: string[]) => covers.length > 0 && covers.every((c) => c === 'CLOUD_HOSTING' || c === 'API_DISTRIBUTION');
    const chipVendors = rows.filter((s) => s.supplier.kind === 'CHIP_DESIGNER');
    expect(chipVendors.map((s) => s.supplier.id)).toEqual(expect.arrayContaining(['amd', 'broadcom']));
    for (const s of chipVendors)
      expect(
        s.restrictedBy.filter((x) => hostingOrApiOnly(x.covers)),
        s.supplier.id,
      ).toEqual([]);
    const cloud = rows.filter((s) => s.cloudServices.length > 0 && s.restrictedBy.some((x) => hostingOrApiOnly(x.covers)));
    expect(cloud.map((s) => s.supplier.id)).toContain('aws');
    // Every restriction shown names a scope; none is shown for the holder itself.
    for (const s of rows) for (const x of s.restrictedBy) expect(x.covers.length, `${s.supplier.id} ${x.id}`).toBeGreaterThan(0);
    expect(rows.find((s) => s.supplier.id === 'microsoft')?.restrictedBy.map((x) => x.id) ?? []).not.toContain('microsoft-openai-azure-api-exclusivity');
  });
});

describe('exclusivities', () => {
  const QUERY = `query ($holder: ID, $grantor: ID, $asOf: Date) {
    exclusivities(holder: $holder, grantor: $grantor, asOf: $asOf) { id kind status currentStatus scope validFrom validUntil until endedOn holder { id } grantor { id } sources { url publisher title publishedOn } statusHistory { status on sources { url } } }
  }`;
  type X = {
    id: string;
    status: string;
    currentStatus: string;
    endedOn: string | null;
    until: string;
    sources: SourceRef[];
    statusHistory: { status: string; on: string }[];
  };

  it('shows how Microsoft exclusivity over OpenAI changed over time', async () => {
    const at = async (asOf: string) =>
      (await api.gql<{ exclusivities: X[] }>(QUERY, { holder: 'microsoft', grantor: 'openai', asOf })).data!.exclusivities.map((x) => x.id);
    expect(await at('2024-06-01')).toContain('microsoft-openai-azure-exclusive-cloud');
    const mid2025 = await at('2025-06-01');
    expect(mid2025).not.toContain('microsoft-openai-azure-exclusive-cloud'); // ended 2025-01-21
    expect(mid2025).toContain('microsoft-openai-compute-rofr');
    expect(await at('2025-12-01')).not.toContain('microsoft-openai-compute-rofr'); // ended 2025-10-28
  });

  it('gives each exclusivity its sources, its end in words, and its history', async () => {
    const r = await api.gql<{ exclusivities: X[] }>(QUERY, { holder: 'microsoft', asOf: '2024-06-01' });
    const x = r.data!.exclusivities.find((e) => e.id === 'microsoft-openai-azure-exclusive-cloud')!;
    expect(x.sources.length).toBeGreaterThan(0);
    expect(x.until.length).toBeGreaterThan(0);
    // On the day asked it was in force; today it is superseded.
    expect(x.status).toBe('ACTIVE');
    expect(x.currentStatus).toBe('SUPERSEDED');
    expect(x.statusHistory.length).toBeGreaterThan(0);
  });
});

describe('deals', () => {
  const QUERY = `query ($filter: DealFilter, $first: Int, $after: String, $sort: DealSort) {
    deals(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind status announcedOn endedOn amountUsd amountQualifier parties { organization { id } role amountUsd } sources { url } } }
    }
  }`;
  type Conn = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        id: string;
        kind: string;
        status: string;
        announcedOn: string;
        endedOn: string | null;
        amountUsd: number | null;
        parties: { organization: Org; role: string }[];
      };
    }[];
  };

  it("pages a party's deals the same through the party-only path and the general one, in every order", async () => {
    // A filter that matches everything (announcedFrom) sends the general statement; the party alone the ids-first one.
    for (const sort of ['ANNOUNCED_DESC', 'ANNOUNCED_ASC', 'AMOUNT_DESC']) {
      for (const includeRetracted of [false, true]) {
        const page = async (filter: Record<string, unknown>, after: string | null) =>
          (await api.gql<{ deals: Conn }>(QUERY, { filter, first: 7, after, sort })).data!.deals;
        const plain = await page({ party: 'openai', includeRetracted }, null);
        const general = await page({ party: 'openai', includeRetracted, announcedFrom: '1900-01-01' }, null);
        expect(plain).toEqual(general);
        expect(await page({ party: 'openai', includeRetracted }, plain.pageInfo.endCursor)).toEqual(
          await page({ party: 'openai', includeRetracted, announcedFrom: '1900-01-01' }, general.pageInfo.endCursor),
        );
      }
    }
  });

  it('pages through a filtered list with a stable total', async () => {
    const filter = { party: 'openai' };
    const first = await api.gql<{ deals: Conn }>(QUERY, { filter, first: 5 });
    const c1 = first.data!.deals;
    expect(c1.totalCount).toBeGreaterThan(10);
    expect(c1.edges).toHaveLength(5);
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<{ deals: Conn }>(QUERY, { filter, first: 5, after: c1.pageInfo.endCursor });
    const c2 = second.data!.deals;
    expect(c2.totalCount).toBe(c1.totalCount);
    const ids = [...c1.edges, ...c2.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(10);
    for (const e of [...c1.edges, ...c2.edges]) expect(e.node.parties.map((p) => p.organization.id)).toContain('openai');
    const dates = ids.map((id) => [...c1.edges, ...c2.edges].find((e) => e.node.id === id)!.node.announcedOn);
    expect([...dates].sort().reverse()).toEqual(dates); // newest first
  });

  it('filters by counterparty, kinds, statuses, dates, amounts and asOf', async () => {
    const r = await api.gql<{ deals: Conn }>(QUERY, {
      filter: { party: 'openai', counterparty: 'microsoft', announcedFrom: '2019-01-01', announcedTo: '2023-12-31' },
      first: 50,
      sort: 'ANNOUNCED_ASC',
    });
    const deals = r.data!.deals.edges.map((e) => e.node);
    expect(deals.length).toBeGreaterThanOrEqual(2);
    for (const d of deals) {
      expect(d.announcedOn >= '2019-01-01' && d.announcedOn <= '2023-12-31').toBe(true);
      expect(d.parties.map((p) => p.organization.id)).toEqual(expect.arrayContaining(['openai', 'microsoft']));
    }
    const big = await api.gql<{ deals: Conn }>(QUERY, { filter: { minAmountUsd: 1e11, kinds: ['COMPUTE_CONTRACT'] }, first: 50, sort: 'AMOUNT_DESC' });
    const amounts = big.data!.deals.edges.map((e) => e.node.amountUsd!);
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => a >= 1e11)).toBe(true);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    expect(big.data!.deals.edges.every((e) => e.node.kind === 'COMPUTE_CONTRACT')).toBe(true);
    const ended = await api.gql<{ deals: Conn }>(QUERY, { filter: { statuses: ['SUPERSEDED', 'CALLED_OFF'] }, first: 100 });
    expect(ended.data!.deals.totalCount).toBeGreaterThan(3);
    const asOf = await api.gql<{ deals: Conn }>(QUERY, { filter: { asOf: '2025-06-30' }, first: 100 });
    for (const e of asOf.data!.deals.edges) {
      expect(e.node.announcedOn <= '2025-06-30').toBe(true);
      expect(e.node.endedOn === null || e.node.endedOn > '2025-06-30').toBe(true);
    }
  });

  it('records talks that never closed, and who superseded them', async () => {
    const r = await api.gql<{
      deal: {
        status: string;
        endedOn: string;
        supersededBy: Org[];
        statusHistory: { status: string; on: string; sources: SourceRef[] }[];
        otherReports: { amountUsd: number; sources: SourceRef[] }[];
      };
    }>(
      '{ deal(id: "amazon-openai-2025-investment-talks") { status endedOn supersededBy { id } statusHistory { status on sources { url } } otherReports { amountUsd amountQualifier note sources { url } } } }',
    );
    const d = r.data!.deal;
    expect(d.status).toBe('SUPERSEDED');
    expect(d.supersededBy.length).toBeGreaterThan(0);
    expect(d.statusHistory[0]!.status).toBe('IN_TALKS');
    expect(d.statusHistory.every((h) => h.sources.length > 0)).toBe(true);
    expect(d.otherReports.length).toBeGreaterThan(0);
  });
});

describe('investors, concentration, paths, neighborhood, changes, search, node', () => {
  it('lists who invested in Anthropic, with amounts and deals', async () => {
    const r = await api.gql<{ investors: { investor: Org; totalUsd: number | null; deals: { id: string; sources: SourceRef[] }[] }[] }>(
      '{ investors(in: "anthropic") { investor { id } totalUsd deals { id sources { url } } } }',
    );
    const byId = new Map(r.data!.investors.map((i) => [i.investor.id, i]));
    expect(byId.get('amazon')!.totalUsd).toBeGreaterThanOrEqual(8e9);
    expect(byId.get('google')!.totalUsd).toBeGreaterThan(0);
    expect([...byId.values()].every((i) => i.deals.every((d) => d.sources.length > 0))).toBe(true);
    const early = await api.gql<{ investors: { investor: Org }[] }>('{ investors(in: "anthropic", asOf: "2023-01-01") { investor { id } } }');
    expect(early.data!.investors.map((i) => i.investor.id)).not.toContain('amazon'); // first Amazon deal: September 2023
  });

  it('measures how concentrated OpenAI compute supply is (shares sum to 1, HHI from the shares)', async () => {
    const r = await api.gql<{ concentration: { totalCommittedUsd: number; hhi: number; shares: { supplier: Org; share: number; committedUsd: number }[] } }>(
      '{ concentration(of: "openai") { totalCommittedUsd hhi shares { supplier { id } share committedUsd } dealsWithoutAmount { id } } }',
    );
    const c = r.data!.concentration;
    expect(c.shares.length).toBeGreaterThan(2);
    expect(c.shares.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 6);
    expect(c.shares.reduce((n, s) => n + s.committedUsd, 0)).toBeCloseTo(c.totalCommittedUsd, 0);
    expect(c.hhi).toBeCloseTo(
      c.shares.reduce((n, s) => n + (100 * s.share) ** 2, 0),
      1,
    );
    expect(c.hhi).toBeGreaterThan(0);
    expect(c.hhi).toBeLessThanOrEqual(10_000);
  });

  it('finds how Amazon and Microsoft connect, through deals', async () => {
    const r = await api.gql<{ paths: { hops: number; nodes: ({ __typename: string } & Org)[]; steps: { from: Org; to: Org; relationship: string }[] }[] }>(
      '{ paths(from: "amazon", to: "microsoft", maxHops: 3) { hops nodes { __typename id } steps { from { id } to { id } relationship } } }',
    );
    const paths = r.data!.paths;
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.nodes[0]!.id).toBe('amazon');
      expect(p.nodes[p.nodes.length - 1]!.id).toBe('microsoft');
      expect(p.hops).toBeLessThanOrEqual(3);
      expect(p.steps).toHaveLength(p.nodes.length - 1);
    }
  });

  it('draws a neighbourhood whose edges join its nodes, capped, and travelling in time', async () => {
    const q =
      'query ($asOf: Date, $limit: Int) { neighborhood(id: "openai", depth: 2, asOf: $asOf, limit: $limit) { truncated nodes { id kind status } edges { source target type } } }';
    type N = {
      neighborhood: {
        truncated: boolean;
        nodes: { id: string; kind: string; status: string | null }[];
        edges: { source: string; target: string; type: string }[];
      };
    };
    const r = await api.gql<N>(q, { limit: 60 });
    const n = r.data!.neighborhood;
    expect(n.nodes.length).toBeLessThanOrEqual(60);
    expect(n.truncated).toBe(true);
    const ids = new Set(n.nodes.map((x) => x.id));
    for (const e of n.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // Each edge joins two different nodes (docs/ladybug-traps.md#union-all-columns-from-one-expression).
    expect(n.edges.filter((e) => e.source === e.target)).toEqual([]);
    const before = await api.gql<N>(q, { asOf: '2025-11-02', limit: 500 });
    expect(before.data!.neighborhood.nodes.map((x) => x.id)).not.toContain('aws-openai-2025-cloud-agreement');
  });

  it('draws the same truncated neighbourhood on every call, and says when it is whole', async () => {
    const q =
      'query ($id: ID!, $depth: Int, $limit: Int) { neighborhood(id: $id, depth: $depth, limit: $limit) { truncated nodes { id } edges { source target type } } }';
    type N = { neighborhood: { truncated: boolean; nodes: { id: string }[]; edges: { source: string; target: string; type: string }[] } };
    // Each relationship type and direction is read up to `limit` rows: OpenAI has more than 3 customer deals.
    const answers = await Promise.all([1, 2, 3, 4].map(() => api.gql<N>(q, { id: 'openai', depth: 1, limit: 3 })));
    for (const a of answers) {
      expect(a.data!.neighborhood.truncated).toBe(true);
      expect(a.data!.neighborhood.nodes.length).toBeLessThanOrEqual(3);
      expect(a.data).toEqual(answers[0]!.data);
    }
    // A chip's depth-1 neighbourhood fits: not truncated, and every edge touches the chip.
    const whole = await api.gql<N>(q, { id: 'trainium2', depth: 1, limit: 500 });
    expect(whole.data!.neighborhood.truncated).toBe(false);
    expect(whole.data!.neighborhood.nodes.length).toBeGreaterThan(1);
    for (const e of whole.data!.neighborhood.edges) expect([e.source, e.target]).toContain('trainium2');
    expect(whole.data!.neighborhood.edges.length).toBe(whole.data!.neighborhood.nodes.length - 1);
  });

  type ChangeRow = {
    on: string;
    kind: string;
    status: string;
    fact: { id: string; parties?: { organization: Org }[]; holder?: Org; grantor?: Org };
    sources: SourceRef[];
  };
  type ChangePage = { changes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ChangeRow }[] } };
  const CHANGES = `query ($from: Date!, $to: Date!, $organizations: [ID!], $kinds: [ChangeKind!], $first: Int = 100, $after: String) {
    changes(from: $from, to: $to, organizations: $organizations, kinds: $kinds, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { on kind status sources { url }
        fact { ... on Deal { id parties { organization { id } } } ... on Exclusivity { id holder { id } grantor { id } } } } }
    }
  }`;
  /** Every row of a window, page by page. */
  const allChanges = async (variables: Record<string, unknown>) => {
    const rows: ChangeRow[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r: { data?: ChangePage; errors?: unknown } = await api.gql<ChangePage>(CHANGES, { ...variables, after });
      expect(r.errors).toBeUndefined();
      rows.push(...r.data!.changes.edges.map((e) => e.node));
      expect(rows.length).toBeLessThanOrEqual(r.data!.changes.totalCount);
      if (!r.data!.changes.pageInfo.hasNextPage) {
        expect(rows.length).toBe(r.data!.changes.totalCount);
        return rows;
      }
      after = r.data!.changes.pageInfo.endCursor;
    }
    throw new Error('changes: more than 50 pages');
  };

  it('tells what happened in December 2025, with sources', async () => {
    const changes = await allChanges({ from: '2025-12-01', to: '2025-12-31' });
    expect(changes.some((c) => c.fact.id === 'amazon-openai-2025-investment-talks' && c.kind === 'ANNOUNCED')).toBe(true);
    for (const c of changes) {
      expect(c.on >= '2025-12-01' && c.on <= '2025-12-31').toBe(true);
      expect(c.sources.length).toBeGreaterThan(0);
    }
    expect([...changes.map((c) => c.on)].sort()).toEqual(changes.map((c) => c.on));
  });

  it("lists OpenAI's changes over any window once each (one row per fact, day and kind), each with OpenAI in it, paged", async () => {
    const windows = [
      ['2015-01-01', '2026-12-31'],
      ['2025-01-21', '2025-01-21'],
      ['2025-10-01', '2026-04-30'],
      ['2026-02-27', '2026-05-01'],
    ];
    for (const [from, to] of windows) {
      const rows = await allChanges({ from, to, organizations: ['openai'], first: 7 });
      const keys = rows.map((c) => `${c.fact.id} ${c.on} ${c.kind}`);
      expect(new Set(keys).size, `${from}..${to}`).toBe(keys.length);
      // A status entry on the day of the announcement or the end is part of that row, not a second one.
      const days = rows.map((c) => `${c.fact.id} ${c.on}`);
      const announcedOrEnded = new Set(rows.filter((c) => c.kind !== 'STATUS_CHANGED').map((c) => `${c.fact.id} ${c.on}`));
      for (const [i, c] of rows.entries()) if (c.kind === 'STATUS_CHANGED') expect(announcedOrEnded.has(days[i]!), keys[i]).toBe(false);
      for (const c of rows) {
        const orgs = [...(c.fact.parties ?? []).map((p) => p.organization.id), c.fact.holder?.id, c.fact.grantor?.id];
        expect(orgs, c.fact.id).toContain('openai');
        expect(c.on >= from! && c.on <= to!).toBe(true);
      }
    }
    // Microsoft's Azure API exclusivity: announced 2025-01-21, reaffirmed twice (no change), ended 2026-04-27.
    const all = await allChanges({ from: '2015-01-01', to: '2026-12-31', organizations: ['openai', 'microsoft'] });
    const azureApi = all.filter((c) => c.fact.id === 'microsoft-openai-azure-api-exclusivity').map((c) => [c.on, c.kind, c.status]);
    expect(azureApi).toEqual([
      ['2025-01-21', 'ANNOUNCED', 'ACTIVE'],
      ['2026-04-27', 'ENDED', 'TERMINATED'],
    ]);
    const ended = await allChanges({ from: '2015-01-01', to: '2026-12-31', organizations: ['openai', 'microsoft'], kinds: ['ENDED'] });
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.map((c) => `${c.fact.id} ${c.on}`)).toEqual(all.filter((c) => c.kind === 'ENDED').map((c) => `${c.fact.id} ${c.on}`));
  });

  it('refuses an organization that names nothing in changes, with a suggestion, and an empty list', async () => {
    const r = await api.gql(CHANGES, { from: '2025-01-01', to: '2025-12-31', organizations: ['opneai'] });
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.extensions?.argument).toBe('organizations');
    expect(r.errors?.[0]?.message).toContain('openai');
    const empty = await api.gql(CHANGES, { from: '2025-01-01', to: '2025-12-31', organizations: [] });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.argument).toBe('organizations');
  });

  it('searches names and aliases, best match first', async () => {
    const r = await api.gql<{ a: ({ __typename: string } & Org)[]; b: ({ __typename: string } & Org)[] }>(
      '{ a: search(text: "OpenAI") { __typename ... on Organization { id } } b: search(text: "trn2") { __typename ... on Chip { id } } }',
    );
    expect(r.data!.a[0]).toEqual({ __typename: 'Organization', id: 'openai' });
    expect(r.data!.b[0]).toEqual({ __typename: 'Chip', id: 'trainium2' });
  });

  it('resolves any node by id', async () => {
    const r = await api.gql<{ node: { __typename: string; name?: string } }>('{ node(id: "openai") { __typename ... on Organization { name } } }');
    expect(r.data!.node).toEqual({ __typename: 'Organization', name: 'OpenAI' });
    const none = await api.gql<{ node: null }>('{ node(id: "nothing-here") { id } }');
    expect(none.data!.node).toBeNull();
  });

  it('sorts organizations by dollars committed', async () => {
    const r = await api.gql<{ organizations: { totalCount: number; edges: { node: Org & { committedUsd: number | null } }[] } }>(
      '{ organizations(sort: DOLLARS_COMMITTED, first: 5) { totalCount edges { node { id committedUsd } } } }',
    );
    const usd = r.data!.organizations.edges.map((e) => e.node.committedUsd ?? 0);
    expect(usd[0]).toBeGreaterThan(0);
    expect([...usd].sort((a, b) => b - a)).toEqual(usd);
    expect(r.data!.organizations.totalCount).toBeGreaterThanOrEqual(80);
  });
});

describe('argument checks and errors', () => {
  it.each([
    ['maxHops above 6', '{ paths(from: "amazon", to: "microsoft", maxHops: 7) { hops } }', 'maxHops'],
    ['first above 100', '{ deals(first: 101) { totalCount } }', 'first'],
    ['first below 1', '{ search(text: "x", first: 0) { __typename } }', 'first'],
    ['depth above 3', '{ neighborhood(id: "openai", depth: 4) { truncated } }', 'depth'],
    ['from after to', '{ changes(from: "2026-01-01", to: "2025-01-01") { totalCount } }', 'from'],
    ['min above max', '{ deals(filter: { minAmountUsd: 10, maxAmountUsd: 1 }) { totalCount } }', 'filter.minAmountUsd'],
    ['a cursor it never issued', '{ deals(after: "bogus") { totalCount } }', 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, query, argument) => {
    const r = await api.gql(query);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.argument).toBe(argument);
    expect(r.errors?.[0]?.message).toContain(argument.split('.').pop()!);
  });

  it('refuses an impossible date, as a variable (BAD_USER_INPUT) or in the document (validation)', async () => {
    const asVariable = await api.gql('query ($d: Date) { suppliers(of: "openai", asOf: $d) { totalCount } }', { d: '2025-02-30' });
    expect(asVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(asVariable.errors?.[0]?.message).toMatch(/real calendar date/);
    const inline = await api.gql('{ suppliers(of: "openai", asOf: "2025-02-30") { totalCount } }');
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(inline.errors?.[0]?.extensions?.code);
    expect(inline.errors?.[0]?.message).toMatch(/real calendar date/);
    expect(inline.data).toBeUndefined();
  });

  it('never leaks internals: no stack traces, no Cypher', async () => {
    const r = await api.gql('{ paths(from: "amazon", to: "amazon") { hops } }');
    expect(JSON.stringify(r)).not.toMatch(/MATCH|stacktrace|at .*\.ts/);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
