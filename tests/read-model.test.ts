/**
 * The money questions' read model (src/questions/supply-graph.ts) against the facts it
 * summarises, on the real engine: for every organization that receives supply or investment and
 * on several days on both clocks and confidence levels, the in-process graph returns what the
 * Cypher statements return (storeSupply, the reference), after the seeds' import, an import of
 * more facts, recorded deals, status changes, a re-graded source and a retraction; and the
 * server answers from a read model rebuilt for each graph version.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/importer/import-graph.ts';
import type { SupplierFacts } from '../src/questions/customer-supply.ts';
import type { When } from '../src/questions/rules/in-force.ts';
import { SupplyGraph } from '../src/questions/supply-graph.ts';
import { DEAL_FACT_COLUMNS, storeSupply } from '../src/questions/supply-source.ts';
import { suppliers } from '../src/questions/suppliers.ts';
import { ControlLinks } from '../src/questions/rules/control-closure.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

const WHENS: When[] = [
  { asOf: '2024-06-30' },
  { asOf: '2025-12-17' },
  { asOf: '2026-06-01', knownOn: '2025-06-01' },
  { asOf: '2026-12-01', minConfidence: 'high' },
];

const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
/** Supplier facts as plain objects, in order (the order is part of the answer). */
const plain = (facts: SupplierFacts[]) => facts.map((f) => ({ ...f }));

let api: ApiServer;
let editor: string;
const dir = mkdtempSync(join(tmpdir(), 'aigraph-read-model-'));

beforeAll(async () => {
  api = await startApiServer();
  editor = api.key('editor');
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every organization that receives through a deal, with every deal id. */
async function subjects(): Promise<{ orgs: string[]; deals: string[] }> {
  const orgs = await api.store.read({
    name: 'test.receivers',
    cypher: 'MATCH (o:Organization)-[:CUSTOMER_IN|INVESTEE_IN|PARTNER_IN|BORROWER_IN]->(d:Deal) RETURN DISTINCT o.id AS id',
  });
  const deals = await api.store.read({ name: 'test.deals', cypher: 'MATCH (d:Deal) RETURN d.id AS id' });
  return { orgs: orgs.map((r) => String(r.id)).sort(), deals: deals.map((r) => String(r.id)) };
}

/** Asserts that the read model built now agrees with the statements on every subject and day. */
async function expectAgreement(): Promise<void> {
  const graph = await SupplyGraph.read(api.store);
  const ref = storeSupply(api.store);
  const { orgs, deals } = await subjects();
  expect(orgs.length).toBeGreaterThan(5);
  let rows = 0;
  let granted = 0;
  for (const when of WHENS) {
    for (const of of orgs) {
      const [a, b] = await Promise.all([graph.supplyRows(of, when), ref.supplyRows(of, when)]);
      expect(sorted(a), `supply of ${of} on ${JSON.stringify(when)}`).toEqual(sorted(b));
      const supplied = new Set(b.map((r) => r.deal));
      const [ca, cb] = await Promise.all([graph.supplyCovers(of, when, supplied), ref.supplyCovers(of, when, supplied)]);
      expect(sorted(ca.covers)).toEqual(sorted(cb.covers));
      expect(sorted(ca.makers)).toEqual(sorted(cb.makers));
      const [ia, ib] = await Promise.all([graph.investmentRows(of, when), ref.investmentRows(of, when)]);
      expect(sorted(ia), `investors of ${of} on ${JSON.stringify(when)}`).toEqual(sorted(ib));
      // The whole answer the money questions work on, with nothing excluded and with the first
      // supplier excluded (its share must not pass to the others).
      for (const excluded of [new Set<string>(), new Set(b.slice(0, 1).map((r) => r.supplier))]) {
        const [fa, fb] = await Promise.all([graph.customerSupply(of, excluded, when), ref.customerSupply(of, excluded, when)]);
        expect(plain(fa.facts), `customer supply of ${of} on ${JSON.stringify(when)} without ${[...excluded]}`).toEqual(plain(fb.facts));
        for (const f of fb.facts) {
          for (const d of f.dealIds) {
            expect(fa.kindOf(d)).toBe(fb.kindOf(d));
            expect([...fa.suppliersOf(d)].sort()).toEqual([...fb.suppliersOf(d)].sort());
            expect(fa.moneyOf(d)).toEqual(fb.moneyOf(d));
          }
        }
      }
      const [ga, gb] = await Promise.all([graph.granted(of, when), ref.granted(of, when)]);
      expect(sorted(ga), `exclusivities granted by ${of} on ${JSON.stringify(when)}`).toEqual(sorted(gb));
      expect(ga.map((x) => x.id)).toEqual(gb.map((x) => x.id));
      granted += ga.length;
      rows += a.length + ia.length;
    }
    const [ma, mb] = await Promise.all([graph.money(deals, when), ref.money(deals, when)]);
    // The deal properties answers read from the model (when a selection asks for no more).
    const [da, db] = await Promise.all([graph.dealFacts([...deals, 'no-such-deal']), ref.dealFacts([...deals, 'no-such-deal'])]);
    const pick = (r: Record<string, unknown>) => DEAL_FACT_COLUMNS.map((c) => [c, r[c] ?? null]);
    expect(da.map(pick)).toEqual(db.map(pick));
    expect(da.map((r) => r.id)).toEqual(deals);
    expect(ma.size).toBe(deals.length);
    expect([...ma.entries()].sort()).toEqual([...mb.entries()].sort());
  }
  expect(rows).toBeGreaterThan(50);
  expect(granted).toBeGreaterThan(0);
}

/** Deal fields the server answers from the read model when nothing else is asked. */
const DEAL_FIELDS = 'status currentStatus kind announcedOn endedOn knownSince confidence amountUsd amountQualifier capacityGw';
const SUPPLIERS_QUERY = `{ suppliers(of: "openai", asOf: "2026-06-01", first: 100) { totalCount edges { node { supplier { id } dealIds: deals { id ${DEAL_FIELDS} } committedUsd potentialUsd } } } }`;

/** The server's suppliers answer against the same question computed from the statements. */
async function expectServerAgrees(): Promise<void> {
  const served = await api.gql<{
    suppliers: { totalCount: number; edges: { node: { supplier: { id: string }; dealIds: Record<string, unknown>[]; committedUsd: number | null } }[] };
  }>(SUPPLIERS_QUERY);
  expect(served.errors).toBeUndefined();
  const control = new ControlLinks([]).on('2026-06-01');
  const ref = await suppliers(storeSupply(api.store), control, { of: 'openai', excluding: [], when: { asOf: '2026-06-01' }, offset: 0, first: 100 });
  expect(served.data!.suppliers.totalCount).toBe(ref.totalCount);
  expect(served.data!.suppliers.edges.map((e) => [e.node.supplier.id, e.node.dealIds.map((d) => d.id), e.node.committedUsd])).toEqual(
    ref.page.map((p) => [p.supplierId, p.dealIds, p.committedUsd]),
  );
  // The page's deals come from the read model, their statuses too (primed for Deal.status): the
  // same as each deal read from the store, its status on that day from its history.
  const dealsServed = served.data!.suppliers.edges.flatMap((e) => e.node.dealIds);
  expect(dealsServed.length).toBeGreaterThan(5);
  for (const d of dealsServed) {
    const own = await api.gql<{ deal: Record<string, unknown> }>(`{ deal(id: "${d.id}", asOf: "2026-06-01") { id ${DEAL_FIELDS} } }`);
    expect(d, String(d.id)).toEqual(own.data!.deal);
  }
}

async function mutate(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const r = await api.gql(query, variables, editor);
  expect(r.errors, query).toBeUndefined();
  return r.data!;
}

describe('the supply read model agrees with the facts', () => {
  it('after the seeds are imported', async () => {
    await expectAgreement();
    await expectServerAgrees();
  }, 180_000); // a bound on a hang: it compares every organization on four days, slow on a busy machine

  it('after an import of more facts', async () => {
    writeFileSync(
      join(dir, 'more.yaml'),
      [
        'organizations:',
        '  - { id: rm-cloud, name: RM Cloud, kind: cloud_provider, country: US }',
        'sources:',
        '  - { id: rm-wire, url: "https://example.org/rm-wire", publisher: Reuters, title: "RM Cloud wins OpenAI", publishedOn: 2025-03-01, tier: press }',
        'deals:',
        '  - id: rm-openai-compute',
        '    title: OpenAI rents RM Cloud',
        '    kind: compute_contract',
        '    status: signed',
        '    announcedOn: 2025-03-01',
        '    amountUsd: 2000000000',
        '    amountQualifier: exact',
        '    summary: Capacity for training.',
        '    parties: [{ org: openai, role: customer }, { org: rm-cloud, role: supplier }, { org: microsoft, role: supplier, amountUsd: 500000000 }]',
        '    sources: [rm-wire]',
      ].join('\n'),
    );
    await importFiles(api.store, [dir]);
    await expectAgreement();
  }, 180_000); // a bound on a hang: it compares every organization on four days, slow on a busy machine

  it('after recorded deals, status changes, a re-graded source and a retraction, on the server too', async () => {
    await mutate('mutation ($input: DealInput!) { recordDeal(input: $input) { id } }', {
      input: {
        id: 'rm-openai-chips',
        title: 'OpenAI buys chips from RM Cloud',
        kind: 'CHIP_SUPPLY',
        status: 'SIGNED',
        announcedOn: '2025-09-01',
        summary: 'Chips.',
        amountUsd: 3e9,
        amountQualifier: 'EXACT',
        parties: [
          { organization: 'openai', role: 'CUSTOMER' },
          { organization: 'rm-cloud', role: 'SUPPLIER' },
        ],
        sources: ['rm-wire'],
      },
    });
    await expectServerAgrees();
    await mutate('mutation { setDealStatus(id: "rm-openai-compute", status: TERMINATED, on: "2026-01-15", sources: ["rm-wire"]) { id } }');
    await expectServerAgrees();
    await mutate('mutation { setDealStatus(id: "rm-openai-chips", status: ACTIVE, on: "2025-12-01", sources: ["rm-wire"]) { id } }');
    await mutate(
      'mutation { upsertSource(input: { id: "rm-wire", url: "https://example.org/rm-wire", publisher: "Reuters", title: "RM Cloud wins OpenAI", publishedOn: "2025-03-01", tier: SECONDARY }) { id } }',
    );
    await expectAgreement();
    await expectServerAgrees();
    const served = await api.gql<{ suppliers: { edges: { node: { supplier: { id: string } } }[] } }>(SUPPLIERS_QUERY);
    expect(served.data!.suppliers.edges.map((e) => e.node.supplier.id)).toContain('rm-cloud');
    await mutate('mutation { retract(id: "rm-openai-chips", reason: "Misread.", source: "rm-wire") { ... on Deal { id } } }');
    await expectAgreement();
    await expectServerAgrees();
  }, 180_000); // a bound on a hang: it compares every organization on four days, slow on a busy machine
});
