/**
 * The GraphStore contract, written once and run against every engine (like Apollo's shared
 * integration suite): LadybugDB always, Neo4j wherever a container runtime exists.
 */
import { readFeed, START } from '../../src/questions/feed.ts';
import { GraphVersion } from '../../src/writes/graph-version.ts';
import { GraphWriter } from '../../src/writes/graph-writer.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_LABELS, NODE_LABELS, NODE_TYPES } from '../../src/model/graph-model.ts';
import { NODE_STATEMENTS, RELATIONSHIP_STATEMENTS, FIND_IDS, COUNT_ALL, nodeStatements } from '../../src/queries/model-statements.ts';
import type { GraphStore, Query } from '../../src/store/graph-store.ts';
import { DuplicateKeyError, StoreError, UnitOfWorkAbortedError } from '../../src/store/store-errors.ts';
import { sampleNode, sampleRelProps } from './model-samples.ts';

export interface ContractHarness {
  /** Opens a store on the harness's database (the same one each time). */
  open(): Promise<GraphStore>;
  /** Empties the database between cases. */
  reset?(store: GraphStore): Promise<void>;
}

const CREATE_ORG: Query = {
  name: 'test.createOrganization',
  cypher: 'UNWIND $rows AS r CREATE (n:Organization {id: r.id}) SET n.name = r.name, n.kind = r.kind, n.country = r.country, n.aliases = r.aliases',
};
const FAILING: Query = { name: 'test.syntaxError', cypher: 'MATCH (n:Organization RETURN n' };

function org(id: string) {
  return { id, name: `Org ${id}`, kind: 'ai_lab', country: 'US', aliases: [], description: null };
}

export function defineStoreContract(engineName: string, harness: ContractHarness): void {
  describe(`GraphStore contract on ${engineName}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await harness.open();
      await store.bootstrap();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('runs bootstrap a second time without error or change', async () => {
      await store.bootstrap();
      await store.ping();
    });

    it.each(NODE_LABELS)('round-trips a %s node with every property', async (label) => {
      const id = `rt-${label.toLowerCase()}`;
      const row = sampleNode(label, id);
      const s = NODE_STATEMENTS[label];
      await store.write(s.upsert, { rows: [row] });
      const [got] = await store.read(s.get, { id });
      expect(got).toEqual(row);
      // An upsert of the same id updates in place.
      const [field] = Object.entries(NODE_TYPES[label].properties).find(([k, d]) => k !== 'id' && d.type === 'string' && !d.vocabulary && !d.format) ?? [];
      if (field) {
        await store.write(s.upsert, { rows: [{ ...row, [field]: 'updated' }] });
        expect(await store.read(s.get, { id })).toEqual([{ ...row, [field]: 'updated' }]);
      }
    });

    it('writes nulls and empty lists, and reads them back as null and []', async () => {
      const s = NODE_STATEMENTS.Organization;
      await store.write(s.upsert, { rows: [org('rt-sparse')] });
      const [got] = await store.read(s.get, { id: 'rt-sparse' });
      expect(got).toEqual({ ...org('rt-sparse') });
    });

    it.each(RELATIONSHIP_STATEMENTS.map((s) => [`${s.type} ${s.from}->${s.to}`, s] as const))(
      'round-trips a %s relationship with every property',
      async (_name, s) => {
        const from = `rel-${s.type.toLowerCase()}-${s.from.toLowerCase()}-from`.replaceAll('_', '-');
        const to = `rel-${s.type.toLowerCase()}-${s.to.toLowerCase()}-to`.replaceAll('_', '-');
        // Self-relationships (Organization -> Organization) need two nodes of one label: ids differ anyway.
        await store.write(nodeStatements(s.from).upsert, { rows: [sampleNode(s.from, from)] });
        await store.write(nodeStatements(s.to).upsert, { rows: [sampleNode(s.to, to)] });
        const props = sampleRelProps(s.type, from);
        await store.write(s.merge, { rows: [{ from, to, ...props }] });
        await store.write(s.merge, { rows: [{ from, to, ...props }] }); // MERGE: still one
        const got = await store.read(s.get, { from, to });
        expect(got).toEqual([{ from, to, ...props }]);
        const all = await store.read(s.all);
        expect(all.filter((r) => r.from === from && r.to === to)).toHaveLength(1);
        // One id and two ids read the same rows (LadybugDB sends one id as the one-id form, MATCH ... {id: $id}).
        const one = await store.read(s.byFrom, { ids: [from] });
        expect(one).toEqual([{ from, to, ...props }]);
        expect(await store.read(s.byFrom, { ids: [from, 'not-there'] })).toEqual(one);
        expect(await store.read(s.byTo, { ids: [to] })).toEqual(one);
        expect(await store.read(s.byTo, { ids: ['not-there', to] })).toEqual(one);
        await store.write(s.delete, { rows: [{ from, to }] });
        expect(await store.read(s.get, { from, to })).toEqual([]);
      },
    );

    it('finds ids across labels', async () => {
      await store.write(NODE_STATEMENTS.Organization.upsert, { rows: [org('find-me')] });
      const rows = await store.read(FIND_IDS, { ids: ['find-me', 'not-there'] });
      expect(rows).toEqual([{ id: 'find-me', label: 'Organization' }]);
      const counts = await store.read(COUNT_ALL);
      expect(counts.map((r) => r.label).sort()).toEqual([...GRAPH_LABELS].sort());
    });

    it('treats an empty batch as nothing to do', async () => {
      await expect(store.write(NODE_STATEMENTS.Organization.upsert, { rows: [] })).resolves.toEqual([]);
    });

    it('gives a DuplicateKeyError naming the key when an id is created twice', async () => {
      await store.write(CREATE_ORG, { rows: [org('dup-1')] });
      const err = await store.write(CREATE_ORG, { rows: [org('dup-1')] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DuplicateKeyError);
      expect((err as DuplicateKeyError).message).toContain('dup-1');
    });

    it('leaves nothing behind when a unit of work fails', async () => {
      const err = await store
        .transaction(async (tx) => {
          await tx.run(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-a')] });
          await tx.run(CREATE_ORG, { rows: [org('tx-b')] });
          await tx.run(CREATE_ORG, { rows: [org('tx-b')] }); // duplicate: fails
          await tx.run(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-c')] });
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DuplicateKeyError);
      const left = await store.read(FIND_IDS, { ids: ['tx-a', 'tx-b', 'tx-c'] });
      expect(left).toEqual([]);
    });

    it('refuses the rest of a unit of work after a statement failed, even if the error was caught', async () => {
      const err = await store
        .transaction(async (tx) => {
          await tx.run(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-d')] });
          await tx.run(FAILING).catch(() => undefined); // swallowed by careless code
          await tx.run(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-e')] });
        })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnitOfWorkAbortedError);
      expect(await store.read(FIND_IDS, { ids: ['tx-d', 'tx-e'] })).toEqual([]);
      // The store still writes afterwards.
      await store.write(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-after')] });
      expect(await store.read(FIND_IDS, { ids: ['tx-after'] })).toHaveLength(1);
    });

    it('commits a unit of work that succeeds', async () => {
      const out = await store.transaction(async (tx) => {
        await tx.run(NODE_STATEMENTS.Organization.upsert, { rows: [org('tx-ok-1'), org('tx-ok-2')] });
        return tx.run(NODE_STATEMENTS.Organization.count);
      });
      expect(out[0]?.total).toBeGreaterThanOrEqual(2);
      expect(await store.read(FIND_IDS, { ids: ['tx-ok-1', 'tx-ok-2'] })).toHaveLength(2);
    });

    it('applies 50 concurrent writes, none lost', async () => {
      const ids = Array.from({ length: 50 }, (_, i) => `conc-${i}`);
      await Promise.all(ids.map((id) => store.write(NODE_STATEMENTS.Organization.upsert, { rows: [org(id)] })));
      expect(await store.read(FIND_IDS, { ids })).toHaveLength(50);
    });

    it('maps a malformed statement to a StoreError', async () => {
      const err = await store.read(FAILING).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).publicMessage).not.toMatch(/MATCH|Parser/);
    });

    it('records every write in the change feed in commit order, from any writer, and moves the shared graph version', async () => {
      // Two writers on one store stand for two API replicas on one database.
      const [a, b] = [new GraphWriter(store, null), new GraphWriter(store, null)];
      const other = new GraphVersion({ version: 0 }, store);
      await other.refresh();
      const before = other.version;
      const orgRecord = (id: string, name: string) => ({
        kind: 'records' as const,
        records: { organizations: [{ id, name, kind: 'other' as const, country: 'AQ' }] },
      });
      await a.apply({ actor: 'a', role: 'editor' }, 'upsertOrganization', orgRecord('feed-a', 'Feed A'));
      await b.apply({ actor: 'b', role: 'editor' }, 'upsertOrganization', orgRecord('feed-b', 'Feed B'));
      await a.apply({ actor: 'a', role: 'editor' }, 'upsertOrganization', orgRecord('feed-a', 'Feed A again'));
      // Other cases of this suite write audit entries of their own (sample rows): keep this case's.
      const page = await readFeed(store, START, 100);
      expect(page.entries.filter((e) => e.subject.startsWith('feed-')).map((e) => [e.subject, e.kind, e.organizations])).toEqual([
        ['feed-a', 'CREATED', ['feed-a']],
        ['feed-b', 'CREATED', ['feed-b']],
        ['feed-a', 'UPDATED', ['feed-a']],
      ]);
      const seqs = page.entries.filter((e) => e.subject.startsWith('feed-')).map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(new Set(seqs).size).toBe(3);
      await other.refresh();
      if (store.capabilities.shared) expect(other.version).toBeGreaterThan(before);
      else expect(other.version).toBe(before);
    });

    it('keeps data across close and reopen', async () => {
      await store.write(NODE_STATEMENTS.Organization.upsert, { rows: [org('durable')] });
      await store.close();
      store = await harness.open();
      await store.bootstrap();
      const [got] = await store.read(NODE_STATEMENTS.Organization.get, { id: 'durable' });
      expect(got?.name).toBe('Org durable');
    });
  });
}
