/**
 * The bulk path writes exactly what the incremental importer writes: the same seeds (and a
 * synthetic graph, and values a CSV file finds awkward) loaded both ways read back identical;
 * it refuses a store that is not empty, and a failure leaves nothing behind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoad, StoreNotEmptyError, type BulkMethod } from '../src/records/bulk-load.ts';
import { readRecords } from '../src/records/graph-to-records.ts';
import { importFiles, readInputs } from '../src/importer/import-graph.ts';
import { validateRecords } from '../src/records/validate-records.ts';
import type { RecordsByCollection } from '../src/records/record-schemas.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { synthesize } from '../src/synth/synthesize.ts';

const tmp = mkdtempSync(join(tmpdir(), 'aigraph-bulk-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function memoryStore(): Promise<GraphStore> {
  const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 60_000 });
  await store.bootstrap();
  return store;
}

async function validated(paths: string[]): Promise<RecordsByCollection> {
  const { raw, issues } = await readInputs(paths);
  const v = await validateRecords(raw);
  expect([...issues, ...v.issues]).toEqual([]);
  return v.records;
}

/** The graph the incremental importer writes, read back as records. */
async function viaImporter(paths: string[]): Promise<string> {
  const store = await memoryStore();
  try {
    await importFiles(store, paths);
    return JSON.stringify(await readRecords(store));
  } finally {
    await store.close();
  }
}

async function viaBulk(paths: string[], method: BulkMethod): Promise<string> {
  const store = await memoryStore();
  try {
    await bulkLoad(store, await validated(paths), { method, batchSize: 7 });
    return JSON.stringify(await readRecords(store));
  } finally {
    await store.close();
  }
}

const AWKWARD = `
organizations:
  - { id: org-a, name: 'Quote "A", comma', kind: ai_lab, country: US, aliases: ['a, with comma', "it's", 'back\\\\slash', '[bracketed]', plain alias] }
  - { id: org-b, name: "Multi\\nline name", kind: hyperscaler, country: US, aliases: ['null', 'NULL', 'ünïcödé'] }
sources:
  - { id: s-1, url: "https://example.org/a?b=c,d", publisher: 'Pub "X"', title: "Title, with\\nnewline", publishedOn: 2025-01-01 }
deals:
  - id: d-1
    title: "Deal; with # and , and \\"quotes\\""
    kind: compute_contract
    status: active
    announcedOn: 2025-01-01
    amountUsd: 1.5e12
    amountQualifier: approx
    summary: |
      Line one.
      Line two, with a comma.
    parties:
      - { org: org-b, role: supplier, amountUsd: 0.25 }
      - { org: org-a, role: customer }
    sources: [s-1, s-1]
control:
  - { controller: org-b, controlled: org-a, stakePct: 12.5, validFrom: 2020-02-29, validUntil: 2024-03-01, sources: [s-1] }
`;

describe('bulkLoad', () => {
  it.each(['copy', 'unwind'] as const)('writes the seeds exactly as the importer does (%s)', async (method) => {
    expect(await viaBulk(['seeds'], method)).toBe(await viaImporter(['seeds']));
  });

  it.each(['copy', 'unwind'] as const)('writes a synthetic graph and awkward values exactly as the importer does (%s)', async (method) => {
    const dir = join(tmp, `synth-${method}`);
    await synthesize({ orgs: 300, deals: 1500, seed: 3, out: dir, dealsPerFile: 400 });
    writeFileSync(join(dir, 'awkward.yaml'), AWKWARD);
    expect(await viaBulk([dir], method)).toBe(await viaImporter([dir]));
  });

  it('refuses a store that already holds the graph, writing nothing', async () => {
    const store = await memoryStore();
    try {
      await importFiles(store, ['tests/fixtures/import/valid']);
      const before = JSON.stringify(await readRecords(store));
      await expect(bulkLoad(store, await validated(['seeds']))).rejects.toBeInstanceOf(StoreNotEmptyError);
      expect(JSON.stringify(await readRecords(store))).toBe(before);
    } finally {
      await store.close();
    }
  });

  it.each(['copy', 'unwind'] as const)('leaves nothing behind when a write fails (%s)', async (method) => {
    const store = await memoryStore();
    try {
      const records = await validated(['seeds']);
      // A relationship to a deal that is not there: caught late, by the engine.
      records.deals[records.deals.length - 1]!.supersedes = ['no-such-deal'];
      await expect(bulkLoad(store, records, { method })).rejects.toThrow();
      expect(JSON.stringify(await readRecords(store))).toBe(JSON.stringify(await readRecords(await memoryStore())));
    } finally {
      await store.close();
    }
  });
});
