/**
 * Answers hold as of their date on both clocks, on the shipped seeds: the status of each fact
 * is the one it had on the day asked (`currentStatus` is today's), `knownOn` shows only what
 * the public record said by then, and a lookup never passes today's version off as a past one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
});

type Fact = { id: string; status: string; currentStatus: string; knownSince: string | null; announcedOn: string };

describe('status as of the date', () => {
  it("shows Microsoft's Azure API exclusivity active on 17 December 2025, terminated today", async () => {
    const r = await api.gql<{ exclusivities: Fact[] }>('{ exclusivities(grantor: "openai", asOf: "2025-12-17") { id status currentStatus } }');
    const x = r.data!.exclusivities.find((e) => e.id === 'microsoft-openai-azure-api-exclusivity')!;
    expect(x.status).toBe('ACTIVE');
    expect(x.currentStatus).toBe('TERMINATED');
  });

  it('gives two aliased questions on two dates their own statuses', async () => {
    const r = await api.gql<{ before: Fact; after: Fact }>(
      '{ before: deal(id: "amazon-openai-2026-investment-talks", asOf: "2026-02-01") { status } after: deal(id: "amazon-openai-2026-investment-talks", asOf: "2026-03-01") { status } }',
    );
    expect(r.data!.before.status).toBe('IN_TALKS');
    expect(r.data!.after.status).toBe('SUPERSEDED');
  });

  it('looks a fact up by id as it stood that day, and refuses a day before it existed', async () => {
    const on = await api.gql<{ deal: Fact }>('{ deal(id: "amazon-openai-2026-investment-talks", asOf: "2026-02-01") { status currentStatus } }');
    expect(on.data!.deal).toEqual({ status: 'IN_TALKS', currentStatus: 'SUPERSEDED' });
    const before = await api.gql('{ deal(id: "amazon-openai-2026-investment-talks", asOf: "2025-06-01") { status } }');
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(before.errors?.[0]?.message).toMatch(/announced on 2026-01-29, after asOf 2025-06-01/);
  });

  it('gives each change row the status of its own day', async () => {
    const r = await api.gql<{ changes: { edges: { node: { on: string; kind: string; status: string; fact: { id: string; status: string } } }[] } }>(
      '{ changes(from: "2026-01-29", to: "2026-02-27", first: 100) { edges { node { on kind status fact { ... on Deal { id status } ... on Exclusivity { id status } } } } } }',
    );
    const rows = r.data!.changes.edges.map((e) => e.node);
    const talks = rows.filter((c) => c.fact.id === 'amazon-openai-2026-investment-talks');
    expect(talks.length).toBeGreaterThan(0);
    for (const c of rows) expect(c.fact.status, `${c.fact.id} ${c.on}`).toBe(c.status);
    expect(talks.find((c) => c.on === '2026-01-29')?.fact.status).toBe('IN_TALKS');
  });
});

describe('the two clocks', () => {
  const DEALS = '($filter: DealFilter) { deals(filter: $filter, first: 100) { edges { node { id status currentStatus announcedOn knownSince } } } }';
  const deals = async (filter: Record<string, unknown>) =>
    (await api.gql<{ deals: { edges: { node: Fact }[] } }>(`query ${DEALS}`, { filter })).data!.deals.edges.map((e) => e.node);

  it('known on 20 December 2025: the December talks with their status then, not the February 2026 outcome', async () => {
    const known = await deals({ party: 'openai', counterparty: 'amazon', knownOn: '2025-12-20' });
    const ids = known.map((d) => d.id);
    expect(ids).toContain('amazon-openai-2025-investment-talks');
    expect(ids).not.toContain('amazon-openai-2026-investment');
    expect(ids).not.toContain('amazon-openai-2026-investment-talks');
    expect(known.find((d) => d.id === 'amazon-openai-2025-investment-talks')!.status).toBe('IN_TALKS');
    for (const d of known) expect(d.knownSince! <= '2025-12-20').toBe(true);
  });

  it('differ on a fact reported after it took effect', async () => {
    // Announced (happened) on 16 December 2025, first reported on the 17th.
    const fact = (await deals({ party: 'openai', counterparty: 'amazon' })).find((d) => d.id === 'amazon-openai-2025-investment-talks')!;
    expect(fact.announcedOn < fact.knownSince!).toBe(true);
    const inWorld = await deals({ party: 'openai', counterparty: 'amazon', asOf: fact.announcedOn });
    const inRecord = await deals({ party: 'openai', counterparty: 'amazon', asOf: fact.announcedOn, knownOn: fact.announcedOn });
    expect(inWorld.map((d) => d.id)).toContain(fact.id);
    expect(inRecord.map((d) => d.id)).not.toContain(fact.id);
  });

  it('keeps an ended fact in force on the record clock until its end was reported', async () => {
    const asOf = '2026-05-01';
    const q = '($asOf: Date, $knownOn: Date) { exclusivities(grantor: "openai", asOf: $asOf, knownOn: $knownOn) { id status } }';
    const now = (await api.gql<{ exclusivities: Fact[] }>(`query ${q}`, { asOf })).data!.exclusivities.map((x) => x.id);
    const then = (await api.gql<{ exclusivities: Fact[] }>(`query ${q}`, { asOf, knownOn: '2026-04-01' })).data!.exclusivities;
    expect(now).not.toContain('microsoft-openai-azure-api-exclusivity');
    expect(then.find((x) => x.id === 'microsoft-openai-azure-api-exclusivity')?.status).toBe('ACTIVE');
  });
});

describe('a neighbourhood on a date', () => {
  it("badges each deal and exclusivity with its status that day, not today's", async () => {
    const r = await api.gql<{ neighborhood: { nodes: { id: string; status: string | null }[] } }>(
      '{ neighborhood(id: "openai", depth: 1, asOf: "2025-12-17", kinds: [ORGANIZATION, EXCLUSIVITY], limit: 500) { nodes { id status } } }',
    );
    const x = r.data!.neighborhood.nodes.find((n) => n.id === 'microsoft-openai-azure-api-exclusivity');
    expect(x?.status).toBe('ACTIVE');
  });
});
