/**
 * Money and capacity as numbers, on the shipped seeds: committed apart from potential (binding
 * statuses, firm amounts, upfront tranches), tranches with their conditions, and concentration by
 * dollars committed or by gigawatts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(async () => {
  await api?.close();
});

type Money = { committedUsd: number | null; potentialUsd: number | null };

describe('committed and potential money', () => {
  it("shows Amazon's 2026 investment in OpenAI as $15B committed and $50B potential, with its tranches", async () => {
    const r = await api.gql<{
      deal: Money & { tranches: { amountUsd: number; kind: string; condition: string | null; sources: { id: string }[] }[] };
    }>('{ deal(id: "amazon-openai-2026-investment") { committedUsd potentialUsd tranches { amountUsd kind condition sources { id } } } }');
    expect(r.errors).toBeUndefined();
    const d = r.data!.deal;
    expect(d.committedUsd).toBe(15e9);
    expect(d.potentialUsd).toBe(50e9);
    expect(d.tranches.map((t) => [t.amountUsd, t.kind])).toEqual([
      [15e9, 'UPFRONT'],
      [35e9, 'CONDITIONAL'],
    ]);
    expect(d.tranches[1]!.condition).toMatch(/IPO/);
    expect(d.tranches.every((t) => t.sources.length > 0)).toBe(true);
  });

  it('gives Amazon, as an investor in OpenAI, $15B committed and $50B potential', async () => {
    const r = await api.gql<{ investors: ({ investor: { id: string } } & Money)[] }>(
      '{ investors(in: "openai", asOf: "2026-06-01") { investor { id } committedUsd potentialUsd } }',
    );
    expect(r.errors).toBeUndefined();
    const amazon = r.data!.investors.find((i) => i.investor.id === 'amazon')!;
    expect(amazon).toMatchObject({ committedUsd: 15e9, potentialUsd: 50e9 });
  });

  it('counts talks as potential only, on the day they were talks', async () => {
    const r = await api.gql<{ deal: Money & { status: string } }>(
      '{ deal(id: "amazon-openai-2026-investment-talks", asOf: "2026-02-01") { status committedUsd potentialUsd } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.deal).toEqual({ status: 'IN_TALKS', committedUsd: 0, potentialUsd: 50e9 });
  });

  it('gives each supplier committed and potential dollars, never committed above potential', async () => {
    const r = await api.gql<{ suppliers: { edges: { node: { supplier: { id: string } } & Money }[] } }>(
      '{ suppliers(of: "openai", first: 100) { edges { node { supplier { id } committedUsd potentialUsd } } } }',
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.suppliers.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(3);
    for (const n of nodes) if (n.committedUsd !== null) expect(n.committedUsd).toBeLessThanOrEqual(n.potentialUsd!);
  });
});

describe('concentration by dollars or gigawatts', () => {
  type C = {
    concentration: {
      by: string;
      total: number;
      hhi: number;
      shares: ({ supplier: { id: string }; value: number; share: number; capacityGw: number | null } & Money)[];
    };
  };
  const q = (by: string) =>
    `{ concentration(of: "openai", by: ${by}) { by total hhi shares { supplier { id } value share capacityGw committedUsd potentialUsd } } }`;

  it('includes AMD and Broadcom by GW, with the gigawatts their deals report', async () => {
    const r = await api.gql<C>(q('GW'));
    expect(r.errors).toBeUndefined();
    const c = r.data!.concentration;
    expect(c.by).toBe('GW');
    const byId = new Map(c.shares.map((s) => [s.supplier.id, s]));
    expect(byId.get('amd')?.value).toBeGreaterThanOrEqual(6);
    expect(byId.get('broadcom')?.value).toBeGreaterThanOrEqual(10);
    expect(c.shares.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 6);
    expect(c.shares.reduce((n, s) => n + s.value, 0)).toBeCloseTo(c.total, 6);
  });

  it('measures by committed dollars by default, and no share is of unsigned money', async () => {
    const r = await api.gql<C>('{ concentration(of: "openai") { by total hhi shares { supplier { id } value share capacityGw committedUsd potentialUsd } } }');
    expect(r.errors).toBeUndefined();
    const c = r.data!.concentration;
    expect(c.by).toBe('USD');
    for (const s of c.shares) expect(s.value).toBe(s.committedUsd);
  });
});
