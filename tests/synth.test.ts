/**
 * `aigraph synth` is deterministic, writes files the importer accepts, and has the shape the
 * benchmarks need: a few hubs far above the median organization, every deal sourced.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../src/importer/import-graph.ts';
import { validateRecords } from '../src/records/validate-records.ts';
import { synthesize } from '../src/synth/synthesize.ts';

const tmp = mkdtempSync(join(tmpdir(), 'aigraph-synth-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('aigraph synth', () => {
  it('writes the same files for the same seed, and other files for another', async () => {
    const options = { orgs: 400, deals: 3000, dealsPerFile: 1000 };
    await synthesize({ ...options, seed: 5, out: join(tmp, 'a') });
    await synthesize({ ...options, seed: 5, out: join(tmp, 'b') });
    await synthesize({ ...options, seed: 6, out: join(tmp, 'c') });
    expect(files(join(tmp, 'a'))).toEqual(files(join(tmp, 'b')));
    expect(files(join(tmp, 'a'))).not.toEqual(files(join(tmp, 'c')));
    expect(Object.keys(files(join(tmp, 'a')))).toEqual(['control.json', 'deals-0001.json', 'deals-0002.json', 'deals-0003.json', 'organizations.json']);
  });

  it('writes what the importer validates, with hubs and a sourced deal everywhere', async () => {
    const out = join(tmp, 'v');
    const summary = await synthesize({ orgs: 1000, deals: 8000, seed: 1, out });
    const { raw, issues } = await readInputs([out]);
    const v = await validateRecords(raw);
    expect([...issues, ...v.issues]).toEqual([]);
    expect(v.records.deals).toHaveLength(8000);
    expect(v.records.organizations).toHaveLength(1000);
    expect(v.records.deals.every((d) => d.sources.length >= 1 && d.parties.length >= 2)).toBe(true);
    for (const k of ['exclusivities', 'control', 'chips', 'cloudServices'] as const) expect(v.records[k].length, k).toBeGreaterThan(0);
    expect(v.records.deals.some((d) => d.supersedes?.length)).toBe(true);
    // Power law: the biggest organization has far more deals than the median one.
    const degree = new Map<string, number>();
    for (const d of v.records.deals) for (const p of d.parties) degree.set(p.org, (degree.get(p.org) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBe(summary.hubs[0]!.deals);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
    const years = new Set(v.records.deals.map((d) => d.announcedOn.slice(0, 4)));
    expect(years.size).toBeGreaterThan(10);
  });

  it('refuses a folder that already holds import files', async () => {
    await expect(synthesize({ orgs: 10, deals: 10, seed: 1, out: join(tmp, 'a') })).rejects.toThrow(/--force/);
  });
});
