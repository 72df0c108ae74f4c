import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LADYBUG_MACROS, LADYBUG_SCHEMA } from '../src/queries/schema-statements.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { DatabaseLockedError } from '../src/store/store-errors.ts';
import { defineStoreContract } from './support/store-contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-ladybug-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'nested', 'graph.lbug');
const open = () => LadybugStore.open({ path, schema: [...LADYBUG_SCHEMA, ...LADYBUG_MACROS], queryTimeoutMs: 10_000 });

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
    const store = await LadybugStore.open({ path: ':memory:', schema: [...LADYBUG_SCHEMA, ...LADYBUG_MACROS], queryTimeoutMs: 1000 });
    await store.bootstrap();
    await store.ping();
    await store.close();
  });
});

describe('the query catalog on LadybugDB', () => {
  it('compiles every statement meant for LadybugDB (parser and binder accept it)', async () => {
    const { CATALOG } = await import('../src/queries/catalog.ts');
    const store = await LadybugStore.open({ path: ':memory:', schema: [...LADYBUG_SCHEMA, ...LADYBUG_MACROS], queryTimeoutMs: 10_000 });
    try {
      await store.bootstrap();
      const failures: string[] = [];
      for (const q of CATALOG) {
        if (typeof q.cypher !== 'string' && q.cypher.ladybug === undefined) continue;
        if (q.name.startsWith('schema.') || q.name.startsWith('tx.')) continue; // already run by bootstrap / transaction control
        if (q.name.endsWith('.copy')) continue; // COPY binds its file at compile time; tests/bulk-load.test.ts runs them for real
        const error = await store.compile(q);
        if (error) failures.push(`${q.name}: ${error.split('\n')[0]}`);
      }
      expect(failures).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
