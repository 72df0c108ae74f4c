/**
 * Trusted documents on the real server: the explorer's operations, persisted when it is built
 * (explorer/src/gql/persisted-documents.json), are run by their hash; with
 * AIGRAPH_TRUSTED_DOCUMENTS_ONLY, clients without a key may run only those, while a key runs anything.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSISTED_DOCUMENTS_FILE } from '../src/server/trusted-documents.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

const manifest = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
const [searchHash] = Object.entries(manifest).find(([, text]) => text.startsWith('query Search('))!;

const post = async (api: ApiServer, body: object, key?: string) => {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] } };
};
const byHash = (hash: string, variables: object) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe('trusted documents', () => {
  let open: ApiServer;
  let strict: ApiServer;
  beforeAll(async () => {
    [open, strict] = await Promise.all([startApiServer(), startApiServer({ trustedDocumentsOnly: true })]);
  }, 120_000);
  afterAll(async () => {
    await open?.close();
    await strict?.close();
  });

  it('holds every operation of the explorer, each under the sha256 of its text', () => {
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(5);
    for (const [hash, text] of Object.entries(manifest)) expect(createHash('sha256').update(text).digest('hex')).toBe(hash);
  });

  it('runs a persisted document sent by its hash alone', async () => {
    const r = await post(open, byHash(searchHash, { text: 'openai', first: 3 }));
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data!.search as { id: string }[])[0]!.id).toBe('openai');
    // An unknown hash is Apollo's PERSISTED_QUERY_NOT_FOUND, which the explorer answers with the text.
    const unknown = await post(open, byHash('0'.repeat(64), {}));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('with AIGRAPH_TRUSTED_DOCUMENTS_ONLY, refuses other operations from clients without a key, and runs them with one', async () => {
    expect((await post(strict, byHash(searchHash, { text: 'openai' }))).body.errors).toBeUndefined();
    expect((await post(strict, { query: manifest[searchHash], variables: { text: 'openai' } })).body.errors).toBeUndefined();
    const other = await post(strict, { query: '{ organization(id: "openai") { name } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    const unknown = await post(strict, byHash('0'.repeat(64), {}));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    const stream = await fetch(`${strict.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { changed { cursor } }' }),
    });
    expect(stream.status).toBe(400);
    expect(await stream.text()).toContain('PERSISTED_QUERY_NOT_TRUSTED');
    const key = strict.key('reader', 'trusted-reader');
    const withKey = await post(strict, { query: '{ organization(id: "openai") { name } }' }, key);
    expect(withKey.body.data).toEqual({ organization: { name: 'OpenAI' } });
  });
});
