/**
 * The change feed on the real server and engine: every committed write gets a cursor in commit
 * order, `feed` pages through them (and filters by organization), and `/graphql/stream` delivers
 * a write to an open subscription within a second and replays what a client missed when it comes
 * back with its last cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';
import { openStream } from './support/sse.ts';

let api: ApiServer;
let editor: string;
beforeAll(async () => {
  api = await startApiServer();
  editor = api.key('editor', 'feed-editor');
}, 120_000);
afterAll(() => api?.close());

const FEED = `query ($after: String, $first: Int, $organizations: [ID!]) {
  feed(after: $after, first: $first, organizations: $organizations) {
    edges { cursor node { cursor at operation kind subject organizations node { id ... on Organization { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Change {
  cursor: string;
  operation: string;
  kind: string;
  subject: string;
  organizations: string[];
  node: { id: string; name?: string } | null;
}
interface FeedAnswer {
  feed: { edges: { cursor: string; node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const upsertOrg = (id: string, name: string) =>
  api.gql<{ upsertOrganization: { id: string } }>(
    'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
    { input: { id, name, kind: 'OTHER', country: 'AQ' } },
    editor,
  );
const feed = (variables: Record<string, unknown>) => api.gql<FeedAnswer>(FEED, variables);
const order = (cursor: string) => cursor.split('-').map(Number) as [number, number];
const before = (a: string, b: string) => {
  const [x, y] = [order(a), order(b)];
  return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
};

describe('feed', () => {
  it('records each committed write with a cursor in commit order, and pages after a cursor', async () => {
    const start = (await feed({ first: 100 })).data!.feed.pageInfo.endCursor;
    for (const [id, name] of [
      ['feed-org-a', 'Feed Org A'],
      ['feed-org-b', 'Feed Org B'],
      ['feed-org-a', 'Feed Org A renamed'],
    ])
      expect((await upsertOrg(id!, name!)).errors).toBeUndefined();

    const page = await feed({ after: start, first: 2 });
    expect(page.errors).toBeUndefined();
    const [one, two] = page.data!.feed.edges.map((e) => e.node);
    expect(one).toMatchObject({ operation: 'upsertOrganization', kind: 'CREATED', subject: 'feed-org-a', organizations: ['feed-org-a'] });
    expect(two).toMatchObject({ kind: 'CREATED', subject: 'feed-org-b' });
    expect(before(one!.cursor, two!.cursor)).toBe(true);
    expect(page.data!.feed.pageInfo).toEqual({ hasNextPage: true, endCursor: two!.cursor });

    const rest = await feed({ after: page.data!.feed.pageInfo.endCursor, first: 10 });
    const [three] = rest.data!.feed.edges.map((e) => e.node);
    // The node is as it is now; the change says what happened.
    expect(three).toMatchObject({ kind: 'UPDATED', subject: 'feed-org-a', node: { id: 'feed-org-a', name: 'Feed Org A renamed' } });
    expect(rest.data!.feed.pageInfo.hasNextPage).toBe(false);
    expect((await feed({ after: three!.cursor })).data!.feed.edges).toEqual([]);
  });

  it('keeps the changes involving some organizations: a deal is a change of each of its parties', async () => {
    const start = (await feed({ first: 100 })).data!.feed.pageInfo.endCursor;
    await upsertOrg('feed-org-c', 'Feed Org C');
    const source = await api.gql(
      'mutation ($input: SourceInput!) { upsertSource(input: $input) { id } }',
      {
        input: { id: 'feed-press-2026-11-01', title: 'Feed Org C rents from AWS', url: 'https://feed.example/1', publisher: 'Feed', publishedOn: '2026-11-01' },
      },
      editor,
    );
    expect(source.errors).toBeUndefined();
    const deal = await api.gql(
      'mutation ($input: DealInput!) { recordDeal(input: $input) { id } }',
      {
        input: {
          id: 'feed-org-c-aws-2026-compute',
          title: 'Feed Org C rents capacity on AWS',
          kind: 'COMPUTE_CONTRACT',
          status: 'SIGNED',
          announcedOn: '2026-11-01',
          summary: 'A compute contract recorded to test the feed.',
          parties: [
            { organization: 'feed-org-c', role: 'CUSTOMER' },
            { organization: 'aws', role: 'SUPPLIER' },
          ],
          sources: ['feed-press-2026-11-01'],
          statusHistory: [{ status: 'SIGNED', on: '2026-11-01', sources: ['feed-press-2026-11-01'] }],
        },
      },
      editor,
    );
    expect(deal.errors).toBeUndefined();
    const ofAws = await feed({ after: start, organizations: ['aws'] });
    expect(ofAws.data!.feed.edges.map((e) => [e.node.subject, e.node.organizations])).toEqual([['feed-org-c-aws-2026-compute', ['aws', 'feed-org-c']]]);
    const ofC = await feed({ after: start, organizations: ['feed-org-c'] });
    expect(ofC.data!.feed.edges.map((e) => e.node.subject)).toEqual(['feed-org-c', 'feed-org-c-aws-2026-compute']);
  });

  it('refuses a cursor it did not make, an unknown organization and an empty list, naming the argument', async () => {
    const bad = await feed({ after: 'bzox' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    const unknown = await feed({ organizations: ['microsft'] });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', argument: 'organizations' } });
    expect(unknown.errors?.[0]?.message).toContain('Did you mean microsoft');
    const empty = await feed({ organizations: [] });
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'organizations' } });
  });
});

describe('/graphql/stream', () => {
  const SUBSCRIBE =
    'subscription ($after: String, $organizations: [ID!]) { changed(after: $after, organizations: $organizations) { cursor subject node { id } } }';
  const stream = (variables: Record<string, unknown> = {}) => openStream(`${api.url}/graphql/stream`, SUBSCRIBE, variables);

  it('delivers a write to an open subscription within a second', async () => {
    const s = await stream();
    try {
      await s.opened;
      const started = performance.now();
      expect((await upsertOrg('stream-org-1', 'Stream Org 1')).errors).toBeUndefined();
      const event = await s.next(1000);
      const ms = performance.now() - started;
      expect(event.errors).toBeUndefined();
      expect(event.data).toMatchObject({ changed: { subject: 'stream-org-1', node: { id: 'stream-org-1' } } });
      expect(ms).toBeLessThan(1000);
    } finally {
      s.close();
    }
  });

  it('replays what a client missed when it reconnects with its last cursor, then goes on live', async () => {
    const first = await stream({ organizations: ['aws'] });
    let last: string;
    try {
      await first.opened;
      await upsertOrg('aws', 'Amazon Web Services');
      const seen = await first.next(2000);
      last = (seen.data!.changed as { cursor: string }).cursor;
    } finally {
      first.close();
    }
    // While the client is away: one write about AWS, one not.
    await upsertOrg('stream-org-2', 'Stream Org 2');
    await api.gql(
      'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
      { input: { id: 'aws', name: 'Amazon Web Services', kind: 'CLOUD_PROVIDER', country: 'US', description: 'Changed while the client was away.' } },
      editor,
    );
    const again = await stream({ organizations: ['aws'], after: last! });
    try {
      const missed = await again.next(2000);
      expect(missed.data).toMatchObject({ changed: { subject: 'aws' } });
      expect(before(last!, (missed.data!.changed as { cursor: string }).cursor)).toBe(true);
      await upsertOrg('aws', 'Amazon Web Services (live)');
      const live = await again.next(2000);
      expect(live.data).toMatchObject({ changed: { subject: 'aws' } });
    } finally {
      again.close();
    }
  });

  it('serves subscriptions only, and refuses a bad cursor', async () => {
    const res = await fetch(`${api.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: '{ organization(id: "openai") { name } }' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Only subscriptions are served at /graphql/stream');
    const s = await stream({ after: 'not-a-cursor' });
    try {
      const event = await s.next(2000);
      expect(event.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
    } finally {
      s.close();
    }
  });
});
