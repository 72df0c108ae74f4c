/**
 * `aigraph coverage`: the report's counts and gaps on a small graph written for the purpose, and
 * the command on the shipped seeds and on a database, as a user runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../src/importer/read-inputs.ts';
import { coverageOf } from '../src/records/coverage.ts';
import { validateRecords } from '../src/records/validate-records.ts';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'graph.yaml'),
  `organizations:
  - { id: lab, name: Lab, kind: ai_lab, country: FR }
  - { id: cloud, name: Cloud, kind: hyperscaler, country: US }
  - { id: state, name: State, kind: government, country: UA }
  - { id: lonely, name: Lonely, kind: investor, country: ZZ }
sources:
  - { id: own, url: "https://example.org/own", publisher: Cloud, title: Own, publishedOn: 2024-03-01, tier: primary }
  - { id: blog, url: "https://example.org/blog", publisher: Blog, title: Blog, publishedOn: 2026-07-02, tier: secondary }
  - { id: untiered, url: "https://example.org/u", publisher: Wire, title: Wire, publishedOn: 2025-05-05 }
deals:
  - id: d-2024
    title: Compute
    kind: compute_contract
    status: signed
    announcedOn: 2024-03-01
    summary: Compute.
    parties: [{ org: lab, role: customer }, { org: cloud, role: supplier }]
    sources: [own]
  - id: d-2026
    title: Stake
    kind: equity_investment
    status: reported
    announcedOn: 2026-06-30
    summary: A stake, reported.
    parties: [{ org: state, role: investor }, { org: lab, role: investee }]
    sources: [blog, untiered]
    statusHistory:
      - { status: reported, on: 2026-07-01, sources: [blog] }
exclusivities:
  - id: x
    title: Exclusive hosting
    kind: exclusive
    holder: cloud
    grantor: lab
    scope: Hosting.
    status: active
    announcedOn: 2024-03-01
    sources: [own]
`,
);

describe('coverage report', () => {
  it('counts by year, kind, region and tier, and names the gaps', async () => {
    const { raw, issues } = await readInputs([dir]);
    expect(issues).toEqual([]);
    const { records } = await validateRecords(raw);
    const c = coverageOf(records);
    expect(c.totals.deals).toBe(2);
    expect(c.dealsByYear).toEqual({ 2024: 1, 2026: 1 });
    expect(c.dealsByKind).toEqual({ compute_contract: 1, equity_investment: 1 });
    expect(c.organizationsByRegion).toEqual({ Europe: 2, 'North America': 1, Other: 1 });
    expect(c.dealsByRegion).toEqual({ Europe: 2, 'North America': 1 });
    expect(c.countriesWithoutRegion).toEqual(['ZZ']);
    expect(c.sourcesByTier).toEqual({ primary: 1, press: 0, secondary: 1, ungraded: 1 });
    expect(c.dealsWithPrimaryOrPress).toEqual({ count: 1, share: 0.5 });
    expect(c.factsByConfidence).toEqual({ low: 1, medium: 0, high: 2 });
    expect(c.newestFact).toEqual({ id: 'd-2026', on: '2026-07-01', what: 'deal reported' });
    expect(c.newestSource?.id).toBe('blog');
    expect(c.organizationsWithoutRelationship).toEqual(['lonely']);
    expect(c.factsWithOnlySecondarySources).toEqual(['d-2026']);
    expect(c.sourcesWithoutTier).toEqual(['untiered']);
  });
});

describe('aigraph coverage', () => {
  it('reports on the seed files', async () => {
    const r = await runCli(['coverage', 'seeds']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Records:/);
    expect(r.stdout).toMatch(/Deals with a primary or press source: \d+ of \d+ \(\d+\.\d%\)/);
    expect(r.stdout).toMatch(/Newest fact: 2026-\d\d-\d\d/);
    const json = JSON.parse((await runCli(['coverage', 'seeds', '--json'])).stdout) as {
      totals: { deals: number };
      organizationsWithoutRelationship: string[];
      sourcesWithoutTier: string[];
    };
    expect(json.totals.deals).toBeGreaterThanOrEqual(400);
    // The seeds' own standards: every source graded, every organization in a relationship.
    expect(json.sourcesWithoutTier).toEqual([]);
    expect(json.organizationsWithoutRelationship).toEqual([]);
  });

  it('reports on the configured database, and refuses files with problems', async () => {
    const db = join(dir, 'graph.lbug');
    const env = { AIGRAPH_DB: db };
    expect((await runCli(['import', dir], env)).code).toBe(0);
    const r = await runCli(['coverage', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { organizationsWithoutRelationship: string[] }).organizationsWithoutRelationship).toEqual(['lonely']);
    writeFileSync(join(dir, 'bad.json'), '{ "deals": [ { "id": "Bad Id" } ] }');
    const bad = await runCli(['coverage', dir]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/bad\.json/);
  });
});
