/**
 * The server's security regression suite (docs/security.md lists each limit): documents that
 * would stall validation or slip past the cost limit, bounded store work (the read gate, its 503,
 * cancellation, the per-client cap of costly operations, a burst of the costliest legitimate
 * queries), HTTP timeouts and the connection cap, and the smaller points (forged cursors, deep
 * variables, prototype names in asset lookups, suggestions, /metrics behind a key). Everything
 * runs on loopback against the real server on LadybugDB, with bounded loops.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_NODES } from '../src/server/query-cost.ts';
import { MAX_VARIABLES_DEPTH } from '../src/server/variables-depth.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

async function post(server: ApiServer, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The 1.4 KB document whose fragments spread each other twice: 2^29 copies of F0 once expanded. */
function fanOut(levels = 30): string {
  let doc = `query { ...F${levels - 1} }\nfragment F0 on Query { organizations(first: 1) { totalCount } }\n`;
  for (let i = 1; i < levels; i++) doc += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return doc;
}

/** `count` aliased depth-3 neighbourhoods, each on another day, so no two share a cached answer. */
function neighbourhoods(count: number, limit: number, day = 1): string {
  const one = (i: number) => {
    const date = new Date(Date.UTC(2024, 0, day + i)).toISOString().slice(0, 10);
    return `n${i}: neighborhood(id: "openai", depth: 3, asOf: "${date}", limit: ${limit}) { truncated nodes { id kind label } edges { source target type } }`;
  };
  return `{ ${Array.from({ length: count }, (_, i) => one(i)).join(' ')} }`;
}

const LOOKUP = '{ organization(id: "openai") { name } }';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('costs, computed once and with the variables', () => {
  it('refuses the fragment fan-out document at once, and /healthz answers meanwhile', async () => {
    const doc = fanOut();
    expect(doc.length).toBeLessThan(1500);
    const before = await api.storeQueries();
    const started = performance.now();
    const [r, health] = await Promise.all([post(api, { query: doc }), fetch(`${api.url}/healthz`)]);
    const ms = performance.now() - started;
    expect(r.status).toBe(400);
    expect(r.text).toContain(`more than ${MAX_QUERY_NODES} selections once its fragments are expanded`);
    expect(health.status).toBe(200);
    expect(await api.storeQueries()).toBe(before);
    // Bound that only catches an exponential walk (it took 851 s); the time is in BENCHMARKS.md.
    expect(ms).toBeLessThan(2000);
  });

  it('prices page sizes given as variables like written ones', async () => {
    const query = 'query($n: Int) { organizations(first: $n) { edges { node { name deals(first: $n) { edges { node { id title } } } } } } }';
    const before = await api.storeQueries();
    const started = performance.now();
    const big = await post(api, { query, variables: { n: 100 } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(big.status).toBe(400);
    expect(big.text).toMatch(/Query cost \d+ exceeds the limit of 100000/);
    expect(await api.storeQueries()).toBe(before);
    const small = await post(api, { query, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(JSON.parse(small.text).data.organizations.edges).toHaveLength(2);
  });

  it("prices a neighbourhood's store work by depth and limit", async () => {
    const tooMuch = await post(api, { query: neighbourhoods(15, 200) });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.text).toMatch(/Query cost \d+ exceeds/);
    const fits = await post(api, { query: neighbourhoods(15, 150) });
    expect(fits.status).toBe(200);
    expect(Object.keys(JSON.parse(fits.text).data)).toHaveLength(15);
  });

  it('prices paths by the hops they may take', async () => {
    const paths = (n: number, hops: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: paths(from: "openai", to: "nvidia", maxHops: ${hops}) { hops }`).join(' ')} }`;
    expect((await post(api, { query: paths(3, 6) })).status).toBe(400);
    expect((await post(api, { query: paths(2, 6) })).status).toBe(200);
    expect((await post(api, { query: paths(15, 2) })).status).toBe(200);
  });

  it('refuses variables that do not fit the operation with 400, naming the variable', async () => {
    const r = await post(api, { query: 'query($n: Int) { organizations(first: $n) { totalCount } }', variables: { n: 'many' } });
    expect(r.status).toBe(400);
    expect(r.text).toContain('$n');
  });
});

describe('bounded store work', () => {
  it('answers 503 with Retry-After when the read queue is full, and skips nothing it accepted', async () => {
    const tight = await startApiServer({ limits: { readsRunning: 1, readsQueued: 1 } });
    try {
      let release!: () => void;
      const blocker = tight.gate.run(() => new Promise<void>((r) => (release = r)));
      const queued = tight.gate.run(async () => 'queued');
      const r = await post(tight, { query: LOOKUP });
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('1');
      expect(JSON.parse(r.text).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      release();
      await blocker;
      expect(await queued).toBe('queued');
      expect((await post(tight, { query: LOOKUP })).status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('skips the queued reads of a request whose client went away, and of one past its deadline', async () => {
    const tight = await startApiServer({ limits: { readsRunning: 1, readsQueued: 50, operationTimeoutMs: 400 } });
    try {
      let release!: () => void;
      const blocker = tight.gate.run(() => new Promise<void>((r) => (release = r)));
      const before = await tight.storeQueries();

      // A client that gives up after 100 ms.
      const body = JSON.stringify({ query: LOOKUP });
      const gone = new Promise<void>((resolve) => {
        const req = httpRequest(`${tight.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        });
        req.on('error', () => resolve());
        req.end(body);
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100);
      });
      await gone;
      await wait(100);
      expect(tight.gate.stats().skipped).toBe(1);

      // A request still waiting at its 400 ms deadline.
      const late = await post(tight, { query: LOOKUP });
      expect(JSON.parse(late.text).errors[0].extensions.code).toBe('TIMEOUT');
      expect(tight.gate.stats().skipped).toBe(2);

      release();
      await blocker;
      expect(await tight.storeQueries()).toBe(before); // neither read was ever sent
      expect(tight.gate.stats()).toMatchObject({ running: 0, queued: 0 });
    } finally {
      await tight.close();
    }
  });

  it('caps the costly operations one client runs at once (429 with Retry-After), not its cheap ones', async () => {
    const tight = await startApiServer({ limits: { readsRunning: 1, readsQueued: 50, costlyPerClient: 1, costlyQueuedPerClient: 0 } });
    try {
      let release!: () => void;
      const blocker = tight.gate.run(() => new Promise<void>((r) => (release = r)));
      const costly = neighbourhoods(4, 150);
      const first = post(tight, { query: costly }); // holds the client's one slot, its reads waiting
      await wait(200);
      const second = await post(tight, { query: costly });
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(JSON.parse(second.text).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      // Another key is another client.
      const other = post(tight, { query: costly }, { authorization: `Bearer ${tight.key('reader')}` });
      // A cheap lookup is not capped, and its reads go before the costly operations' waiting ones.
      const lookup = post(tight, { query: LOOKUP });
      release();
      await blocker;
      expect((await lookup).status).toBe(200);
      expect((await first).status).toBe(200);
      expect((await other).status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('under a burst of the costliest legitimate queries a lookup still answers, and the backlog is gone soon after', async () => {
    const costliest = (i: number) => neighbourhoods(15, 150, 1 + (i % 300));
    expect((await post(api, { query: costliest(0) })).status).toBe(200); // legitimate: under the cost limit

    const BURST_MS = 3000;
    const CLIENTS = 40;
    const end = Date.now() + BURST_MS;
    const statuses = new Map<number, number>();
    let sent = 0;
    const client = async () => {
      while (Date.now() < end && sent < 5000) {
        const r = await post(api, { query: costliest(sent++) });
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    };
    const lookups: number[] = [];
    const prober = async () => {
      await wait(300);
      while (Date.now() < end) {
        const started = performance.now();
        const r = await post(api, { query: LOOKUP });
        expect(r.status).toBe(200);
        lookups.push(performance.now() - started);
        await wait(200);
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, client), prober()]);

    expect(lookups.length).toBeGreaterThan(3);
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(429)).toBeGreaterThan(0); // the per-address cap shed the rest
    expect([...statuses.keys()].every((s) => s === 200 || s === 429)).toBe(true);
    // A bound that only catches unbounded queueing; the figures are in BENCHMARKS.md (bench/burst.ts).
    expect(Math.max(...lookups)).toBeLessThan(3000);

    // Every client has its answer, so nothing may remain queued or running.
    expect(api.gate.stats()).toMatchObject({ running: 0, queued: 0 });
    const started = performance.now();
    expect((await post(api, { query: LOOKUP })).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3000);
  }, 60_000);
});

describe('HTTP timeouts and the connection cap', () => {
  let tight: ApiServer;
  beforeAll(async () => {
    tight = await startApiServer({ limits: { requestTimeoutMs: 1000, headersTimeoutMs: 1000, idleTimeoutMs: 5000, maxConnections: 8 } });
  }, 120_000);
  afterAll(() => tight?.close());

  const open = (url: string) =>
    new Promise<Socket>((resolve, reject) => {
      const { hostname, port } = new URL(url);
      const s = connect(Number(port), hostname, () => resolve(s));
      s.on('error', reject);
    });

  it('closes a client that sends its body one byte at a time once the request timeout passes', async () => {
    const socket = await open(tight.url);
    const started = performance.now();
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now() - started)));
    socket.on('error', () => undefined);
    socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    let sentBytes = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sentBytes >= 50) return clearInterval(trickle);
      socket.write(' ');
      sentBytes++;
    }, 200);
    const ms = await closed;
    clearInterval(trickle);
    expect(sentBytes).toBeLessThan(50); // closed by the server, not by running out of bytes
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it('closes connections beyond the cap as they arrive, and serves again once they go', async () => {
    const held = await Promise.all(Array.from({ length: 8 }, () => open(tight.url)));
    await wait(100);
    const extra = await open(tight.url);
    const closedAt = await new Promise<boolean>((resolve) => {
      extra.on('close', () => resolve(true));
      extra.on('error', () => undefined);
      extra.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      setTimeout(() => resolve(false), 3000);
    });
    expect(closedAt).toBe(true);
    for (const s of held) s.destroy();
    await wait(200);
    expect((await fetch(`${tight.url}/healthz`)).status).toBe(200);
  });
});

describe('the smaller points', () => {
  const cursor = (text: string) => Buffer.from(text).toString('base64url');

  it('refuses a forged cursor with a huge offset as BAD_USER_INPUT', async () => {
    for (const forged of ['o:99999999999999999999', `o:${'9'.repeat(400)}`, 'o:100000000']) {
      const r = await api.gql(`{ organizations(first: 1, after: "${cursor(forged)}") { totalCount } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.extensions?.argument).toBe('after');
    }
    const farButValid = await api.gql<{ organizations: { edges: unknown[] } }>(
      `{ organizations(first: 1, after: "${cursor('o:99999998')}") { edges { cursor } } }`,
    );
    expect(farButValid.errors).toBeUndefined();
    expect(farButValid.data!.organizations.edges).toEqual([]);
  });

  it('refuses deeply nested variables with 400 before anything walks them', async () => {
    const before = await api.storeQueries();
    // Written as text: the test's own JSON.stringify would overflow on a value this deep.
    const body = `{"query":"query($f: DealFilter) { deals(filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}}}`;
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (x) => ({
      status: x.status,
      text: await x.text(),
    }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toContain(`more than ${MAX_VARIABLES_DEPTH} levels deep`);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const get = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('query($f: DealFilter) { deals(filter: $f) { totalCount } }')}&variables=${encodeURIComponent(`{"f":${'{"a":'.repeat(500)}1${'}'.repeat(500)}}`)}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(get.status).toBe(400);
    expect(await api.storeQueries()).toBe(before);
    // Nesting within the limit is GraphQL's to judge, as before.
    const shallow = await post(api, { query: 'query($f: DealFilter) { deals(filter: $f) { totalCount } }', variables: { f: { statuses: ['ACTIVE'] } } });
    expect(shallow.status).toBe(200);
  });

  it('finds no asset named after an Object.prototype property', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect((await fetch(`${api.url}/graphiql/assets/${name}`)).status).toBe(404);
      expect((await fetch(`${api.url}/assets/${name}`)).status).toBe(404);
    }
    expect((await fetch(`${api.url}/graphiql/assets/graphiql.css`)).status).toBe(200);
  });

  it('hides "Did you mean" for enum values as for fields, written or in variables', async () => {
    const written = await post(api, { query: '{ deals(filter: { statuses: [ACTIV] }) { totalCount } }' });
    expect(written.status).toBe(400);
    expect(written.text).toContain('ACTIV');
    expect(written.text).not.toMatch(/Did you mean/i);
    const variable = await post(api, { query: 'query($s: [Status!]) { deals(filter: { statuses: $s }) { totalCount } }', variables: { s: ['ACTIV'] } });
    expect(variable.status).toBe(400);
    expect(variable.text).toContain('ACTIV');
    expect(variable.text).not.toMatch(/Did you mean/i);
    const field = await post(api, { query: '{ organization(id: "openai") { nam } }' });
    expect(field.text).not.toMatch(/Did you mean/i);
  });

  it('keeps /metrics behind a key when reads need one', async () => {
    expect((await fetch(`${api.url}/metrics`)).status).toBe(200);
    const locked = await startApiServer({ readsRequireKey: true });
    try {
      const anonymous = await fetch(`${locked.url}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain('aigraph_');
      expect((await fetch(`${locked.url}/metrics`, { headers: { authorization: 'Bearer aig_not-a-key' } })).status).toBe(401);
      const withKey = await fetch(`${locked.url}/metrics`, { headers: { authorization: `Bearer ${locked.key('reader')}` } });
      expect(withKey.status).toBe(200);
      expect(await withKey.text()).toContain('aigraph_http_requests_total');
    } finally {
      await locked.close();
    }
  });
});
