import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LADYBUG_SCHEMA } from '../src/store/ladybug/ladybug-schema.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { idForm } from '../src/store/ladybug/id-forms.ts';
import { DatabaseLockedError } from '../src/store/store-errors.ts';
import { defineStoreContract } from './support/store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-ladybug-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'nested', 'graph.lbug');
const open = () => LadybugStore.open({ path, queryTimeoutMs: 10_000 });

defineStoreContract('LadybugDB', { open });

describe('LadybugStore', () => {
  it('refuses a second Database on the same file in one process', async () => {
    const p = join(dir, 'single.lbug');
    const first = await LadybugStore.open({ path: p, schema: LADYBUG_SCHEMA, queryTimeoutMs: 1000 });
    try {
      await expect(LadybugStore.open({ path: p, schema: LADYBUG_SCHEMA, queryTimeoutMs: 1000 })).rejects.toBeInstanceOf(DatabaseLockedError);
    } finally {
      await first.close();
    }
    // Once closed, the file opens again.
    const again = await LadybugStore.open({ path: p, schema: LADYBUG_SCHEMA, queryTimeoutMs: 1000 });
    await again.close();
  });

  it('runs in memory', async () => {
    const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 1000 });
    await store.bootstrap();
    await store.ping();
    await store.close();
  });

  it('offers a bulk copy, and names its database file only when it has one', async () => {
    const memory = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 1000 });
    const p = join(dir, 'capabilities.lbug');
    const file = await LadybugStore.open({ path: p, queryTimeoutMs: 1000 });
    try {
      expect(memory.capabilities).toEqual({ bulkCopy: true, databaseFile: null });
      expect(file.capabilities).toEqual({ bulkCopy: true, databaseFile: p });
    } finally {
      await memory.close();
      await file.close();
    }
  });
});

describe('the query catalog on LadybugDB', () => {
  it('compiles every statement meant for LadybugDB (parser and binder accept it)', async () => {
    const { CATALOG } = await import('../src/queries/catalog.ts');
    const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 10_000 });
    try {
      await store.bootstrap();
      const failures: string[] = [];
      for (const q of CATALOG) {
        if (typeof q.cypher !== 'string' && q.cypher.ladybug === undefined) continue;
        if (q.name.startsWith('schema.') || q.name.startsWith('tx.')) continue; // already run by bootstrap / transaction control
        if (q.name.endsWith('.copy')) continue; // COPY binds its file at compile time; tests/bulk-load.test.ts runs them for real
        // With the branch form the adapter sends for small batches on a large graph (idForm).
        for (const form of [q, idForm(q, 3)]) {
          if (!form) continue;
          const error = await store.compile(form);
          if (error) failures.push(`${form.name}: ${error.split('\n')[0]}`);
        }
      }
      expect(failures).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('small batches as one branch per id', () => {
  it('answers as the UNWIND form does, for reads with several ids', async () => {
    const { NODE_STATEMENTS, relationshipStatementsFor } = await import('../src/queries/model-statements.ts');
    const { DEAL_PARTIES } = await import('../src/questions/deal-parties.ts');
    const seen: string[] = [];
    const open = (branchesFromNodes: number, p: string) =>
      LadybugStore.open({ path: p, queryTimeoutMs: 10_000, branchesFromNodes, observe: (e) => seen.push(e.name) });
    const p = join(dir, 'branches.lbug');
    const fill = async (store: LadybugStore) => {
      await store.bootstrap();
      const deal = (id: string) => ({
        id,
        title: id,
        kind: 'investment',
        status: 'announced',
        announcedOn: '2025-01-01',
        effectiveFrom: null,
        effectiveUntil: null,
        term: null,
        endedOn: null,
        amountUsd: null,
        amountQualifier: null,
        capacityGw: null,
        capacityGwQualifier: null,
        chipCount: null,
        chipCountQualifier: null,
        round: null,
        summary: null,
        coverageNote: null,
        retractedOn: null,
        retractionReason: null,
        retractionSource: null,
        knownSince: null,
        endKnownSince: null,
        confidence: null,
      });
      await store.write(NODE_STATEMENTS.Deal.upsert, { rows: ['d1', 'd2', 'd3'].map(deal) });
      await store.write(NODE_STATEMENTS.Organization.upsert, {
        rows: ['o1', 'o2'].map((id) => ({ id, name: id, kind: 'ai_lab', country: null, aliases: [], description: null })),
      });
      const investor = relationshipStatementsFor('INVESTOR_IN', 'Organization', 'Deal');
      await store.write(investor.merge, {
        rows: [
          { from: 'o1', to: 'd1', amountUsd: 1, lead: true },
          { from: 'o2', to: 'd1', amountUsd: 2, lead: false },
          { from: 'o2', to: 'd2', amountUsd: null, lead: null },
        ],
      });
    };
    const ask = async (store: LadybugStore) => {
      const investor = relationshipStatementsFor('INVESTOR_IN', 'Organization', 'Deal');
      const sort = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
      return {
        byTo: sort(await store.read(investor.byTo, { ids: ['d1', 'd2', 'd3'] })),
        byFrom: sort(await store.read(investor.byFrom, { ids: ['o1', 'o2'] })),
        parties: sort(await store.read(DEAL_PARTIES, { ids: ['d3', 'd2', 'd1'] })),
      };
    };
    // A store that counts itself large from 0 nodes on: branches; then the same file as a small graph: UNWIND.
    let store = await open(0, p);
    let branched: { byTo: string[]; byFrom: string[]; parties: string[] };
    try {
      await fill(store);
      await store.read(NODE_STATEMENTS.Deal.count); // the first read starts the size check
      await new Promise((r) => setTimeout(r, 200));
      branched = await ask(store);
    } finally {
      await store.close();
    }
    expect(seen).toContain(`${DEAL_PARTIES.name}.x3`);
    seen.length = 0;
    store = await open(Number.MAX_SAFE_INTEGER, p);
    try {
      await store.read(NODE_STATEMENTS.Deal.count);
      await new Promise((r) => setTimeout(r, 200));
      expect(await ask(store)).toEqual(branched);
    } finally {
      await store.close();
    }
    expect(seen).toContain(DEAL_PARTIES.name);
    expect(branched.byTo).toHaveLength(3);
    expect(branched.parties).toHaveLength(3);
  });
});
