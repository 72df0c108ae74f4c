/**
 * The importer refuses every bad input with a located error and leaves the store as it was;
 * it is idempotent, detects changes, and export -> import -> export is identical.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readRecords } from '../src/records/graph-to-records.ts';
import { formatIssue, ImportError } from '../src/importer/import-issue.ts';
import { importFiles } from '../src/importer/import-graph.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';

const FIXTURES = 'tests/fixtures/import';
const VALID = `${FIXTURES}/valid`;
const bad = (f: string) => `${FIXTURES}/bad/${f}`;
const tmp = mkdtempSync(join(tmpdir(), 'aigraph-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function memoryStore(): Promise<GraphStore> {
  const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 60_000 });
  await store.bootstrap();
  return store;
}

async function importError(store: GraphStore, paths: string[]): Promise<string[]> {
  const err = await importFiles(store, paths).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return (err as ImportError).issues.map(formatIssue);
}

/** Line and column (1-based) of the first occurrence of `needle` in a file. */
function where(file: string, needle: string, nth = 0): string {
  const text = readFileSync(file, 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split('\n');
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('the importer', () => {
  let store: GraphStore;
  let before: string;

  beforeAll(async () => {
    store = await memoryStore();
    const counts = await importFiles(store, [VALID]);
    expect(counts.organizations).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(counts.channels).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(counts.restrictions).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(counts.deals).toEqual({ created: 2, updated: 0, unchanged: 0 });
    before = JSON.stringify(await readRecords(store));
  });
  afterAll(() => store.close());

  const unchanged = async () => expect(JSON.stringify(await readRecords(store))).toBe(before);

  it('loads every collection of a valid input', async () => {
    const r = await readRecords(store);
    expect(r.organizations.map((o) => o.id)).toEqual(['chipco', 'cloud-b', 'cloud-b-infra', 'gov-d', 'lab-a']);
    expect(r.chips).toHaveLength(1);
    expect(r.cloudServices[0]).toMatchObject({ operator: 'cloud-b-infra', chips: ['chip-x1'] });
    const talks = r.deals.find((d) => d.id === 'cloud-b-lab-a-talks')!;
    expect(talks.statusHistory).toHaveLength(2);
    expect(talks.otherReports).toEqual([{ amountUsd: 15000000000, amountQualifier: 'approx', sources: ['src-two'], note: "Example Daily's figure" }]);
    expect(r.deals.find((d) => d.id === 'cloud-b-lab-a-deal')).toMatchObject({ amountUsd: 12500000000.5, supersedes: ['cloud-b-lab-a-talks'] });
    expect(r.exclusivities[0]).toMatchObject({ holder: 'cloud-b', grantor: 'lab-a', deal: 'cloud-b-lab-a-deal' });
    expect(r.channels[0]).toMatchObject({
      lab: 'lab-a',
      provider: 'cloud-b',
      cloudService: 'cloud-b-compute',
      governedBy: ['lab-a-cloud-b-rofr'],
      deal: 'cloud-b-lab-a-deal',
      availableFrom: '2026-02-01',
    });
    expect(r.channels[0]!.statusHistory).toHaveLength(2);
    expect(r.restrictions[0]).toMatchObject({
      issuer: 'gov-d',
      targets: ['chipco'],
      chips: ['chip-x1'],
      countries: ['CN', 'RU'],
      restricts: ['chips', 'model_weights'],
    });
    expect(r.control).toEqual([{ controller: 'cloud-b', controlled: 'cloud-b-infra', stakePct: 100, validFrom: '2006-03-14', sources: ['src-one'] }]);
  });

  it('changes nothing when the same input is imported again', async () => {
    const counts = await importFiles(store, [VALID]);
    for (const c of Object.values(counts)) expect(c.created + c.updated).toBe(0);
    expect(counts.deals.unchanged).toBe(2);
    await unchanged();
  });

  it('refuses malformed YAML with its location', async () => {
    const issues = await importError(store, [VALID, bad('malformed.yaml')]);
    expect(issues.join('\n')).toMatch(new RegExp(`^${bad('malformed.yaml')}:\\d+:\\d+: malformed YAML`, 'm'));
    await unchanged();
  });

  it('refuses a wrong type, naming the field path', async () => {
    const issues = await importError(store, [VALID, bad('wrong-types.yaml')]);
    expect(issues).toEqual([`${where(bad('wrong-types.yaml'), '"ten billion"')} deals[0].amountUsd: expected number, received string`]);
    await unchanged();
  });

  it('refuses unknown references, each located', async () => {
    const issues = await importError(store, [VALID, bad('unknown-reference.yaml')]);
    expect(issues).toEqual([
      `${where(bad('unknown-reference.yaml'), 'no-such-org')} deals[0].parties[1].org: unknown organization "no-such-org"`,
      `${where(bad('unknown-reference.yaml'), 'no-such-source')} deals[0].sources[1]: unknown source "no-such-source"`,
    ]);
    await unchanged();
  });

  it('refuses ids repeated across files and kinds', async () => {
    const issues = await importError(store, [VALID, bad('duplicate-id.yaml')]);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toContain(
      `${where(bad('duplicate-id.yaml'), 'lab-a,')} organizations[0].id: duplicate id "lab-a": already defined as an organization at ${where(`${VALID}/graph.yaml`, 'lab-a')}`,
    );
    expect(issues[1]).toContain('organizations[1].id: duplicate id "src-one": already defined as a source at');
    await unchanged();
  });

  it('refuses impossible calendar dates', async () => {
    const issues = await importError(store, [VALID, bad('impossible-date.yaml')]);
    expect(issues).toEqual([
      `${where(bad('impossible-date.yaml'), '2025-02-29')} sources[0].publishedOn: expected a real calendar date written YYYY-MM-DD`,
      `${where(bad('impossible-date.yaml'), '2025-13-01')} sources[1].publishedOn: expected a real calendar date written YYYY-MM-DD`,
    ]);
    await unchanged();
  });

  it('refuses negative amounts', async () => {
    const issues = await importError(store, [VALID, bad('negative-amount.yaml')]);
    expect(issues).toEqual([`${where(bad('negative-amount.yaml'), '-5')} deals[0].amountUsd: expected an amount >= 0`]);
    await unchanged();
  });

  it('refuses invalid UTF-8 with the position of the bad byte', async () => {
    const issues = await importError(store, [VALID, bad('invalid-utf8.yaml')]);
    expect(issues).toEqual([`${bad('invalid-utf8.yaml')}:2:29: invalid UTF-8 (byte 0xe9 at offset 43)`]);
    await unchanged();
  });

  it('refuses malformed JSON with its location', async () => {
    const issues = await importError(store, [VALID, bad('malformed.json')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${bad('malformed.json')}:4:\\d+ organizations\\[1\\]: malformed JSON`));
    await unchanged();
  });

  it('refuses unknown fields and collections', async () => {
    const issues = await importError(store, [VALID, bad('unknown-field.yaml')]);
    expect(issues).toEqual([
      `${where(bad('unknown-field.yaml'), 'website')} organizations[0].website: unknown field "website"`,
      `${where(bad('unknown-field.yaml'), 'reports')} reports: unknown collection "reports"; expected one of organizations, chips, cloudServices, sources, deals, exclusivities, channels, restrictions, control`,
    ]);
    await unchanged();
  });

  it('reports all problems at once: missing fields, vocabularies, statuses without end dates', async () => {
    const issues = await importError(store, [VALID, bad('missing-and-vocabulary.yaml'), bad('negative-amount.yaml')]);
    const text = issues.join('\n');
    expect(text).toContain('deals[0].title: required');
    expect(text).toContain('deals[0].kind: expected one of equity_investment');
    expect(text).toContain('deals[0].status: expected one of rumoured');
    expect(text).toContain('deals[0].parties[1].role: expected one of investor');
    expect(text).toContain(`${where(bad('missing-and-vocabulary.yaml'), 'id: ended-deal')} deals[1].endedOn: required when status is terminated`);
    expect(text).toContain('negative-amount.yaml');
    await unchanged();
  });

  it('streams a 10 MB JSON file and locates a bad record deep inside it', async () => {
    const file = join(tmp, 'big.json');
    const orgs = Array.from({ length: 48_000 }, (_, i) => ({
      id: `bulk-org-${i}`,
      name: `Bulk Organization ${i}`,
      kind: 'other',
      country: i === 41_234 ? 'USA' : 'US',
      aliases: [`Bulk ${i}`, `B${i}`],
      description: 'A generated organization that pads this file to ten megabytes of JSON input.',
    }));
    const text = `{\n  "organizations": [\n${orgs.map((o) => `    ${JSON.stringify(o)}`).join(',\n')}\n  ]\n}\n`;
    writeFileSync(file, text);
    expect(text.length).toBeGreaterThan(10_000_000);
    const issues = await importError(store, [VALID, file]);
    const line = 3 + 41_234;
    const column = `    ${JSON.stringify(orgs[41_234])}`.indexOf('"USA"') + 1;
    expect(issues).toEqual([`${file}:${line}:${column} organizations[41234].country: expected an ISO 3166-1 alpha-2 country code like "US"`]);
    await unchanged();
  });

  it('writes nothing on a dry run', async () => {
    const file = join(tmp, 'new.yaml');
    writeFileSync(file, stringify({ organizations: [{ id: 'dry-org', name: 'Dry', kind: 'other', country: 'US' }] }));
    const counts = await importFiles(store, [VALID, file], { dryRun: true });
    expect(counts.organizations).toEqual({ created: 1, updated: 0, unchanged: 5 });
    await unchanged();
  });

  it('updates a changed record in place, replacing its relationships', async () => {
    const other = await memoryStore();
    try {
      await importFiles(other, [VALID]);
      const records = await readRecords(other);
      const deal = records.deals.find((d) => d.id === 'cloud-b-lab-a-deal')!;
      deal.parties = deal.parties.filter((p) => p.role !== 'supplier');
      deal.status = 'completed';
      const file = join(tmp, 'changed.json');
      writeFileSync(file, JSON.stringify({ deals: [deal] }));
      const counts = await importFiles(other, [file]);
      expect(counts.deals).toEqual({ created: 0, updated: 1, unchanged: 0 });
      const after = (await readRecords(other)).deals.find((d) => d.id === 'cloud-b-lab-a-deal')!;
      expect(after.status).toBe('completed');
      expect(after.parties.map((p) => p.role)).toEqual(['investor', 'investee']);
    } finally {
      await other.close();
    }
  });

  it('round-trips: export, import into an empty store, export again is identical (JSON and YAML)', async () => {
    const exported = await readRecords(store);
    for (const [name, text] of [
      ['export.json', JSON.stringify(exported, null, 2)],
      ['export.yaml', stringify(exported)],
    ] as const) {
      const file = join(tmp, name);
      writeFileSync(file, text);
      const fresh = await memoryStore();
      try {
        await importFiles(fresh, [file]);
        expect(JSON.stringify(await readRecords(fresh))).toBe(JSON.stringify(exported));
      } finally {
        await fresh.close();
      }
    }
  });
});
