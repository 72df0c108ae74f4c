/**
 * The parallel import (worker threads read, check and write rows; the main thread checks ids
 * across files; one COPY unit) writes exactly what the serial importer writes, and keeps its
 * promises: problems found by a worker or between files are reported where the serial importer
 * reports them, in its words, and then nothing is written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles, expandInputs } from '../src/importer/import-graph.ts';
import { ImportError } from '../src/importer/import-issue.ts';
import { parallelImporter, readImportInputs } from '../src/importer/import-inputs.ts';
import { readRecords } from '../src/records/graph-to-records.ts';
import { COUNT_GRAPH_NODES } from '../src/queries/bulk-statements.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { synthesize } from '../src/synth/synthesize.ts';
import { GraphWriter, WriteRejected, type WriteOutcome } from '../src/writes/graph-writer.ts';
import { journaledImport } from '../src/importer/journaled-import.ts';
import { Journal, journalFileFor } from '../src/writes/journal.ts';

const tmp = mkdtempSync(join(tmpdir(), 'aigraph-parallel-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function memoryStore(): Promise<GraphStore> {
  const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 60_000 });
  await store.bootstrap();
  return store;
}

const nodeCount = async (store: GraphStore) => (await store.read(COUNT_GRAPH_NODES)).reduce((n, r) => n + Number(r.total), 0);

/** Imports `paths` through the writer with the parallel importer taking every size. */
async function viaParallel(store: GraphStore, paths: string[]): Promise<WriteOutcome> {
  const { files } = await expandInputs(paths);
  const writer = new GraphWriter(store, null, null, readImportInputs, parallelImporter({ minBytes: 0, workers: 2 }));
  return writer.apply({ actor: 'test', role: 'admin' }, 'import', { kind: 'import', files: files.map((name) => ({ name, sha256: '', copy: '' })) });
}

/** The problems the serial importer reports for `paths`. */
async function serialIssues(paths: string[]): Promise<ImportError> {
  const store = await memoryStore();
  try {
    const err = await importFiles(store, paths).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  } finally {
    await store.close();
  }
}

async function parallelRejection(paths: string[]): Promise<{ err: WriteRejected; nodes: number }> {
  const store = await memoryStore();
  try {
    const err = await viaParallel(store, paths).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRejected);
    return { err: err as WriteRejected, nodes: await nodeCount(store) };
  } finally {
    await store.close();
  }
}

const AWKWARD = `
organizations:
  - { id: org-a, name: 'Quote "A", comma', kind: ai_lab, country: US, aliases: ['a, with comma', "it's", '[bracketed]', plain alias] }
  - { id: org-b, name: "Multi\\nline name", kind: hyperscaler, country: US, aliases: ['null', 'ünïcödé'] }
sources:
  - { id: s-1, url: "https://example.org/a?b=c,d", publisher: 'Pub "X"', title: "Title, with\\nnewline", publishedOn: 2025-01-01 }
deals:
  - { id: d-1, title: 'Deal, "quoted"', kind: compute_contract, status: active, announcedOn: 2025-01-01, summary: 'A deal.', parties: [{ org: org-b, role: supplier }, { org: org-a, role: customer }], sources: [s-1, s-1] }
`;

describe('parallel import', () => {
  it('writes the same graph as the serial importer, from JSON and YAML files read by several workers', async () => {
    const dir = join(tmp, 'same');
    await synthesize({ orgs: 300, deals: 1500, seed: 5, out: dir, dealsPerFile: 300 });
    writeFileSync(join(dir, 'awkward.yaml'), AWKWARD);

    const serial = await memoryStore();
    const parallel = await memoryStore();
    try {
      const counts = await importFiles(serial, [dir]);
      const outcome = await viaParallel(parallel, [dir]);
      expect(outcome.counts).toEqual(counts);
      expect(outcome.created).toBeGreaterThan(3000);
      expect(JSON.stringify(await readRecords(parallel))).toBe(JSON.stringify(await readRecords(serial)));
      // The derived properties are computed as after any bulk load.
      const derived = 'MATCH (d:Deal) WHERE d.knownSince IS NULL RETURN count(d) AS n';
      expect((await parallel.read({ name: 'test.derived', cypher: derived }))[0]!.n).toBe(0);
      // Importing the same files again (the store is no longer empty: the ordinary path) finds
      // what it finds after the serial import: nothing new (the awkward deal, which lists a
      // source twice, reads back once and so counts as updated either way).
      const again = await viaParallel(parallel, [dir]);
      expect(again.created).toBe(0);
      expect(again.counts).toEqual(await importFiles(serial, [dir]));
    } finally {
      await serial.close();
      await parallel.close();
    }
  }, 120_000);

  it('reports a bad record read by a worker with its file:line and field path, and writes nothing', async () => {
    const dir = join(tmp, 'bad-record');
    await synthesize({ orgs: 100, deals: 400, seed: 6, out: dir, dealsPerFile: 200 });
    const bad = join(dir, 'zz-bad.json');
    writeFileSync(
      bad,
      '{\n"organizations": [\n{"id":"org-ok","name":"OK","kind":"ai_lab","country":"US"},\n{"id":"org-bad","name":"Bad","kind":"ai_lab","country":"US","foundedOn":"2024-02-30"}\n]\n}\n',
    );
    const { err, nodes } = await parallelRejection([dir]);
    expect(nodes).toBe(0);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ file: bad, line: 4, path: 'organizations[1].foundedOn' });
    expect(err.issues).toEqual((await serialIssues([dir])).issues);
  }, 120_000);

  it('locates duplicate ids across files and unknown references as the serial importer does', async () => {
    const dir = join(tmp, 'between');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.json'),
      '{"organizations": [\n{"id":"org-x","name":"X","kind":"ai_lab","country":"US"},\n{"id":"org-y","name":"Y","kind":"ai_lab","country":"US"}\n]}\n',
    );
    writeFileSync(
      join(dir, 'b.json'),
      '{"organizations": [\n{"id":"org-x","name":"X again","kind":"ai_lab","country":"US"}\n],\n"sources": [\n{"id":"s-1","url":"https://example.org/","publisher":"P","title":"T","publishedOn":"2025-01-01"}\n],\n' +
        '"deals": [\n{"id":"d-1","title":"D","kind":"partnership","status":"active","announcedOn":"2025-01-01","summary":"S","parties":[{"org":"org-y","role":"partner"},{"org":"org-nope","role":"partner"}],"sources":["s-1","org-x"]}\n]}\n',
    );
    const { err, nodes } = await parallelRejection([dir]);
    expect(nodes).toBe(0);
    const serial = await serialIssues([dir]);
    expect(err.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^duplicate id "org-x": already defined as an organization at .*a\.json:2:/),
      'unknown organization "org-nope"',
      '"org-x" is an organization, not a source',
    ]);
    expect([...err.issues]).toEqual(serial.issues);
  }, 120_000);

  it(`stops at the problem limit counted over the files in order, as the serial reader does`, async () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    const org = (i: number) => `{"id":"org-${i}","name":"O${i}","kind":"ai_lab","country":"nowhere"}`;
    for (const f of ['a', 'b', 'c']) {
      writeFileSync(join(dir, `${f}.json`), `{"organizations": [\n${Array.from({ length: 60 }, (_, i) => org(i)).join(',\n')}\n]}\n`);
    }
    const { err, nodes } = await parallelRejection([dir]);
    expect(nodes).toBe(0);
    expect(err.stopped).toBe(true);
    expect(err.issues).toHaveLength(100);
    const serial = await serialIssues([dir]);
    expect(serial.stopped).toBe(true);
    expect([...err.issues]).toEqual(serial.issues);
  }, 120_000);

  it('journals the import with its kept files and one audit entry, and a rebuild replays it to the same graph', async () => {
    const dir = join(tmp, 'journaled');
    await synthesize({ orgs: 120, deals: 500, seed: 7, out: dir, dealsPerFile: 250 });
    const dbFile = join(tmp, 'journaled.lbug');
    const store = await LadybugStore.open({ path: dbFile, queryTimeoutMs: 60_000 });
    await store.bootstrap();
    let imported: string;
    try {
      const counts = await journaledImport(store, [dir], { actor: 'test', databaseFile: dbFile, parallel: { minBytes: 0, workers: 2 } });
      expect(counts.deals.created).toBe(500);
      imported = JSON.stringify(await readRecords(store));
      const audit = await store.read({ name: 'test.audit', cypher: 'MATCH (a:AuditEntry) RETURN a.subject AS subject, a.seq AS seq' });
      expect(audit).toEqual([{ subject: expect.stringMatching(/^import:/), seq: 1 }]);
    } finally {
      await store.close();
    }
    const journal = new Journal(journalFileFor(dbFile));
    const rebuilt = await memoryStore();
    try {
      const entries = journal.entries();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.change.kind).toBe('import');
      const writer = new GraphWriter(rebuilt, journal, null, readImportInputs, parallelImporter({ minBytes: 0, workers: 2 }));
      expect(await writer.replay(true)).toBe(1);
      expect(JSON.stringify(await readRecords(rebuilt))).toBe(imported);
    } finally {
      journal.close();
      await rebuilt.close();
    }
  }, 120_000);
});
