/**
 * Browser apps and fair use, on the real server: CORS closed by default and opened to the listed
 * origins only, security headers on every response (answers, refusals, 404s, pages), and the
 * rate limit per API key or per address, answering 429 with Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

const LOOKUP = JSON.stringify({ query: '{ organization(id: "openai") { name } }' });
const post = (server: ApiServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: LOOKUP });
const preflight = (server: ApiServer, origin: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('CORS', () => {
  let open: ApiServer;
  let closed: ApiServer;
  beforeAll(async () => {
    [open, closed] = await Promise.all([startApiServer({ corsOrigins: ['http://app.example'] }), startApiServer()]);
  }, 120_000);
  afterAll(async () => {
    await open?.close();
    await closed?.close();
  });

  it('allows a preflight from a listed origin, with the Authorization header', async () => {
    const res = await preflight(open, 'http://app.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    const answer = await post(open, { origin: 'http://app.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(answer.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('does not allow any other origin, nor a look-alike of a listed one', async () => {
    for (const origin of ['http://evil.example', 'http://app.example.evil.example', 'https://app.example', 'null']) {
      const res = await preflight(open, origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const answer = await post(open, { origin });
      expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('is closed by default', async () => {
    const res = await preflight(closed, 'http://app.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads AIGRAPH_CORS_ORIGINS as a comma-separated list and refuses what is not an origin', () => {
    expect(loadConfig({ AIGRAPH_CORS_ORIGINS: 'http://app.example, https://b.example:8443' }).corsOrigins).toEqual([
      'http://app.example',
      'https://b.example:8443',
    ]);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(() => loadConfig({ AIGRAPH_CORS_ORIGINS: 'http://app.example/path' })).toThrow(/AIGRAPH_CORS_ORIGINS: expected origins/);
    expect(() => loadConfig({ AIGRAPH_CORS_ORIGINS: '*' })).toThrow(/AIGRAPH_CORS_ORIGINS/);
  });

  it('puts security headers on every response: answers, refusals, 404s and the pages', async () => {
    const responses = await Promise.all([
      post(closed),
      fetch(`${closed.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      fetch(`${closed.url}/no-such-path`),
      fetch(`${closed.url}/healthz`),
      fetch(`${closed.url}/graphiql`),
      fetch(`${closed.url}/`),
      fetch(`${closed.url}/metrics`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 400, 404, 200, 200, expect.any(Number), 200]);
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), res.url).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy'), res.url).toContain("frame-ancestors 'none'");
    }
    // The API's own policy allows nothing; GraphiQL's allows its inline script by hash, no other.
    expect(responses[0]!.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(responses[4]!.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(responses[4]!.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });
});

describe('rate limit', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer({ rateLimitPerMinute: 30 });
  }, 120_000);
  afterAll(() => api?.close());

  it('answers the 31st request of a minute from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(api)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await post(api);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(body.errors[0]!.message).toContain('at most 30 requests a minute');
    // Health, metrics and the pages are not counted.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${api.url}/graphiql`)).status).toBe(200);
  });

  it('counts each API key apart from the address it comes from', async () => {
    const key = api.key('reader', 'rate-limited-reader');
    const other = api.key('reader', 'second-reader');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(api, { authorization: `Bearer ${key}` })).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await post(api, { authorization: `Bearer ${other}` })).status).toBe(200);
  });
});
