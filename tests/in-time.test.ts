/**
 * Control and paths in time, over the API on a small fixture (tests/fixtures/in-time): an
 * acquisition and a divestiture move what `excluding` leaves out and what `restrictedBy`
 * counts as related; `paths` walks only what held on the day asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ imports: ['tests/fixtures/in-time'] });
}, 120_000);
afterAll(() => api?.close());

type Supply = { supplier: { id: string }; restrictedBy: { id: string }[] };

async function suppliersOf(of: string, asOf: string, excluding: string[] = []): Promise<Supply[]> {
  const r = await api.gql<{ suppliers: { edges: { node: Supply }[] } }>(
    'query ($of: ID!, $asOf: Date, $excluding: [ID!]) { suppliers(of: $of, asOf: $asOf, excluding: $excluding) { edges { node { supplier { id } restrictedBy { id } } } } }',
    { of, asOf, excluding },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.suppliers.edges.map((e) => e.node);
}

const ids = (list: Supply[]) => list.map((s) => s.supplier.id);

describe('control in time', () => {
  it('reports each link with validFrom, validUntil and the deprecated since', async () => {
    const r = await api.gql<{ organization: { controlledBy: { controller: { id: string }; validFrom: string; validUntil: string | null; since: string }[] } }>(
      '{ organization(id: "neo") { controlledBy { controller { id } validFrom validUntil since } } }',
    );
    expect(r.errors).toBeUndefined();
    const links = [...r.data!.organization.controlledBy].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
    expect(links).toEqual([
      { controller: { id: 'old-parent' }, validFrom: '2019-01-01', validUntil: '2023-06-01', since: '2019-01-01' },
      { controller: { id: 'new-parent' }, validFrom: '2023-06-01', validUntil: null, since: '2023-06-01' },
    ]);
  });

  it('excludes a subsidiary with the parent that controlled it on the day asked: the seller before the sale, the buyer after', async () => {
    expect(ids(await suppliersOf('lab', '2022-01-01', ['old-parent']))).toEqual([]);
    expect(ids(await suppliersOf('lab', '2022-01-01', ['new-parent']))).toEqual(['neo']);
    expect(ids(await suppliersOf('lab', '2023-05-31', ['old-parent']))).toEqual([]);
    expect(ids(await suppliersOf('lab', '2023-06-01', ['old-parent']))).toEqual(['neo']);
    expect(ids(await suppliersOf('lab', '2023-06-01', ['new-parent']))).toEqual([]);
  });

  it("stops counting an exclusivity held by the supplier's parent as a restriction once the parent controls it", async () => {
    const before = await suppliersOf('lab', '2022-01-01');
    const after = await suppliersOf('lab', '2024-01-01');
    expect(before.find((s) => s.supplier.id === 'neo')!.restrictedBy.map((x) => x.id)).toEqual(['lab-new-parent-hosting']);
    expect(after.find((s) => s.supplier.id === 'neo')!.restrictedBy).toEqual([]);
  });

  it('refuses a control link that ends before it begins, naming the field', async () => {
    const { importFiles } = await import('../src/importer/import-graph.ts');
    const { LadybugStore } = await import('../src/store/ladybug/ladybug-store.ts');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'aigraph-control-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'organizations:',
        '  - { id: p, name: P, kind: other, country: US }',
        '  - { id: c, name: C, kind: other, country: US }',
        'sources:',
        '  - { id: s, url: "https://example.org/s", publisher: X, title: T, publishedOn: 2020-01-01 }',
        'control:',
        '  - { controller: p, controlled: c, validFrom: 2021-01-01, validUntil: 2020-01-01, sources: [s] }',
        '',
      ].join('\n'),
    );
    const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 30_000 });
    try {
      await store.bootstrap();
      const err = await importFiles(store, [file]).then(
        () => null,
        (e: unknown) => String(e instanceof Error ? `${e.message} ${JSON.stringify(e)}` : e),
      );
      expect(err).toMatch(/validUntil \(2020-01-01\) is before validFrom \(2021-01-01\)/);
      expect(err).toMatch(/bad\.yaml:7/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

type PathAnswer = { hops: number; nodes: { id: string }[]; steps: { from: { id: string }; to: { id: string }; relationship: string }[] };

async function pathsOn(from: string, to: string, vars: { asOf?: string; knownOn?: string; statuses?: string[]; maxHops?: number }): Promise<PathAnswer[]> {
  const r = await api.gql<{ paths: PathAnswer[] }>(
    'query ($from: ID!, $to: ID!, $asOf: Date, $knownOn: Date, $statuses: [Status!], $maxHops: Int = 3) { paths(from: $from, to: $to, maxHops: $maxHops, asOf: $asOf, knownOn: $knownOn, statuses: $statuses) { hops nodes { id } steps { from { id } to { id } relationship } } }',
    { from, to, ...vars },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.paths;
}

const chains = (paths: PathAnswer[]) => paths.map((p) => p.nodes.map((n) => n.id).join(' > '));

describe('paths in time', () => {
  it('walks a fact in force on the day, never a retracted one', async () => {
    expect(chains(await pathsOn('lab', 'fund', { asOf: '2020-06-01' }))).toEqual(['lab > fund-lab-talks > fund']);
  });

  it('leaves out called-off and rumoured facts by default; statuses lets them through', async () => {
    expect(await pathsOn('lab', 'fund', { asOf: '2022-01-01' })).toEqual([]);
    expect(chains(await pathsOn('lab', 'fund', { asOf: '2022-01-01', statuses: ['RUMOURED'] }))).toEqual(['lab > fund-lab-rumour > fund']);
    expect(chains(await pathsOn('lab', 'fund', { asOf: '2022-01-01', statuses: ['CALLED_OFF'] }))).toEqual(['lab > fund-lab-talks > fund']);
  });

  it('finds a longer chain once its facts exist, and not on the record of a day before they were reported', async () => {
    const paths = await pathsOn('lab', 'fund', { asOf: '2025-06-01' });
    expect(chains(paths)).toEqual(['lab > neo-lab-supply > neo > fund-neo-investment > fund']);
    expect(paths[0]!.hops).toBe(2);
    expect(paths[0]!.steps.map((s) => s.relationship)).toEqual(['CUSTOMER_IN', 'SUPPLIER_IN', 'INVESTEE_IN', 'INVESTOR_IN']);
    expect(await pathsOn('lab', 'fund', { asOf: '2025-06-01', knownOn: '2024-12-31' })).toEqual([]);
  });

  it('walks a control link only while it holds', async () => {
    expect(chains(await pathsOn('neo', 'old-parent', { asOf: '2022-01-01' }))).toEqual(['neo > old-parent']);
    expect(await pathsOn('neo', 'old-parent', { asOf: '2024-01-01' })).toEqual([]);
    const after = await pathsOn('neo', 'new-parent', { asOf: '2024-01-01' });
    expect(after.map((p) => [p.hops, p.steps.map((s) => s.relationship)])).toEqual([[1, ['CONTROLS']]]);
    // Before the acquisition New Parent is reached through the exclusivity Lab granted it.
    expect(chains(await pathsOn('neo', 'new-parent', { asOf: '2022-01-01' }))).toEqual(['neo > neo-lab-supply > lab > lab-new-parent-hosting > new-parent']);
  });
});
