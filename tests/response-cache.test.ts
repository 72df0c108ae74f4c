/** The read cache answers a repeated query without the store, and forgets everything on a write. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { responseCachePlugin, type ResponseCacheStats } from '../src/server/response-cache.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer({ cacheEntries: 100 });
}, 120_000);
afterAll(() => api?.close());

const SUPPLIERS = '{ suppliers(of: "openai", excluding: ["microsoft"]) { edges { node { supplier { id name } deals { id sources { url } } } } } }';

describe('the read cache', () => {
  it('answers a repeated query from memory, identically', async () => {
    const first = await api.gql(SUPPLIERS);
    const before = await api.storeQueries();
    const second = await api.gql(SUPPLIERS);
    expect(await api.storeQueries()).toBe(before);
    expect(second).toEqual(first);
  });

  it('keys on variables', async () => {
    const q = 'query ($id: ID!) { organization(id: $id) { name } }';
    const a = await api.gql<{ organization: { name: string } }>(q, { id: 'openai' });
    const b = await api.gql<{ organization: { name: string } }>(q, { id: 'anthropic' });
    expect(a.data!.organization.name).toBe('OpenAI');
    expect(b.data!.organization.name).toBe('Anthropic');
  });

  it('is invalidated by every write', async () => {
    const q = '{ organization(id: "openai") { name aliases } }';
    const old = await api.gql<{ organization: { aliases: string[] } }>(q);
    await api.gql(
      'mutation { upsertOrganization(input: { id: "openai", name: "OpenAI", aliases: ["OpenAI Group PBC", "Cache Test Alias"] }) { id } }',
      {},
      api.key('editor'),
    );
    const before = await api.storeQueries();
    const fresh = await api.gql<{ organization: { aliases: string[] } }>(q);
    expect(await api.storeQueries()).toBeGreaterThan(before);
    expect(fresh.data!.organization.aliases).toContain('Cache Test Alias');
    expect(fresh.data!.organization.aliases).not.toEqual(old.data!.organization.aliases);
  });

  it('does not cache errors', async () => {
    const q = '{ paths(from: "amazon", to: "amazon") { hops } }';
    await api.gql(q);
    const again = await api.gql(q);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the read cache, bounded by size', () => {
  it('keeps answers up to the entry size, and evicts the oldest past the total', async () => {
    const stats: ResponseCacheStats = { hits: 0, misses: 0 };
    const apollo = new ApolloServer<never>({
      typeDefs: 'type Query { text(n: Int!): String! }',
      resolvers: { Query: { text: (_: unknown, { n }: { n: number }) => 'x'.repeat(n) } },
      plugins: [responseCachePlugin({ version: 1 }, 100, stats, { maxJsonBytes: 1000, maxEntryJsonBytes: 400 })],
    });
    await apollo.start();
    const ask = async (n: number) => {
      const r = await apollo.executeOperation({ query: `{ text(n: ${n}) }` }, { contextValue: { today: '2026-11-27', principal: null } as never });
      expect(r.body.kind === 'single' && r.body.singleResult.data?.text).toBe('x'.repeat(n));
    };
    await ask(10);
    await ask(10);
    expect(stats).toEqual({ hits: 1, misses: 1 });
    await ask(500); // larger than one entry may be: never cached
    await ask(500);
    expect(stats).toEqual({ hits: 1, misses: 3 });
    for (const n of [300, 301, 302, 303]) await ask(n); // 4 x ~320 bytes > 1000: the first ones go
    await ask(303);
    expect(stats.hits).toBe(2);
    await ask(10);
    expect(stats.hits).toBe(2);
    await apollo.stop();
  });
});
