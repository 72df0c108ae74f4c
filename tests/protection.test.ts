/**
 * Abuse is refused before it costs anything: deep queries (introspection included), alias
 * floods, huge documents and bodies get 400 or 413 and cause zero store queries, also when the
 * abuse hides in fragments; no field suggestions leak the schema; limits are checked on reads
 * that need a key when so configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

async function post(body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, text: await res.text() };
}

/** Sends a document and returns its HTTP status and how many store queries it caused. */
async function attempt(query: string): Promise<{ status: number; text: string; storeQueries: number }> {
  const before = await api.storeQueries();
  const r = await post(JSON.stringify({ query }));
  return { ...r, storeQueries: (await api.storeQueries()) - before };
}

const nested = (depth: number, leaf: string, wrap: (inner: string) => string) => {
  let q = leaf;
  for (let i = 0; i < depth; i++) q = wrap(q);
  return q;
};

describe('refused before any store query', () => {
  it('a 50-deep query', async () => {
    // organization -> controls -> controlled -> controls -> ... 50 levels
    const body = nested(25, 'name', (inner) => `controls { controlled { ${inner} } }`);
    const r = await attempt(`{ organization(id: "amazon") { ${body} } }`);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/depth/i);
    expect(r.storeQueries).toBe(0);
  });

  it('a 50-deep introspection query', async () => {
    const body = nested(48, 'name', (inner) => `ofType { ${inner} }`);
    const r = await attempt(`{ __schema { types { fields { type { ${body} } } } } }`);
    expect(r.status).toBe(400);
    expect(r.storeQueries).toBe(0);
  });

  it('depth hidden in fragments', async () => {
    const frags = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Organization { controls { controlled { ${i < 29 ? `...F${i + 1}` : 'name'} } } }`,
    ).join('\n');
    const r = await attempt(`{ organization(id: "amazon") { ...F0 } }\n${frags}`);
    expect(r.status).toBe(400);
    expect(r.storeQueries).toBe(0);
  });

  it('100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: organization(id: "openai") { name }`).join(' ');
    const r = await attempt(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/alias/i);
    expect(r.storeQueries).toBe(0);
  });

  it('aliases hidden in a fragment', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: name`).join(' ');
    const r = await attempt(`{ organization(id: "openai") { ...A } } fragment A on Organization { ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.storeQueries).toBe(0);
  });

  it('a 2,500-token document', async () => {
    const fields = Array.from({ length: 2500 }, () => 'name').join(' '); // 2,500 name tokens plus the rest
    const r = await attempt(`{ organization(id: "openai") { ${fields} } }`);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/token/i);
    expect(r.storeQueries).toBe(0);
  });

  it('a 2 MB body (413)', async () => {
    const before = await api.storeQueries();
    const r = await post(JSON.stringify({ query: `{ organization(id: "openai") { name } } #${'x'.repeat(2 * 1024 * 1024)}` }));
    expect(r.status).toBe(413);
    expect(await api.storeQueries()).toBe(before);
  });

  it('a page-size bomb: nested lists whose first: multiply', async () => {
    const r = await attempt(
      '{ deals(first: 100) { edges { node { parties { organization { deals(first: 100) { edges { node { id sources { url } } } } } } } } } }',
    );
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/cost/i);
    expect(r.storeQueries).toBe(0);
  });

  it('a batch of operations (batching is off)', async () => {
    const r = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(r.status).toBe(400);
  });
});

describe('what still works', () => {
  it("GraphiQL's full introspection query", async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const r = await post(JSON.stringify({ query: getIntrospectionQuery() }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).data.__schema.queryType.name).toBe('Query');
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const r = await post(JSON.stringify({ query: '{ organization(id: "openai") { nam } }' }));
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/Did you mean/i);
  });
});

describe('reads that need a key', () => {
  it('refuses anonymous reads with UNAUTHENTICATED when configured, and accepts a reader key', async () => {
    const locked = await startApiServer({ readsRequireKey: true });
    try {
      const anonymous = await locked.gql('{ organization(id: "openai") { name } }');
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const withKey = await locked.gql<{ organization: { name: string } }>('{ organization(id: "openai") { name } }', {}, locked.key('reader'));
      expect(withKey.data!.organization.name).toBe('OpenAI');
    } finally {
      await locked.close();
    }
  });
});
