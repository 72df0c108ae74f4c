/**
 * The change feed (`feed`) and its live form (`changed`, a subscription served over SSE at
 * /graphql/stream). Both read the recorded changes (src/questions/feed.ts). A live subscription
 * first sends what was recorded after its `after` cursor, then waits: woken at once by a write this
 * process commits, and at least every POLL_MS otherwise, so writes committed by another replica
 * on the same Neo4j arrive too.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { NodeLabel } from '../../model/graph-model.ts';
import { type FeedCursor, type FeedEntry, lastFeedCursor, parseFeedCursor, readFeed, START } from '../../questions/feed.ts';
import { arg, firstArg } from '../args.ts';
import type { GraphContext } from '../context.ts';
import { badInput } from '../errors.ts';
import { ORG, requireIds } from '../strict-ids.ts';
import { loadAnyNode } from './node-helpers.ts';

/** The longest a live subscription waits before looking for changes committed elsewhere. */
export const POLL_MS = 1000;
const LIVE_BATCH = 100;

function cursorArg(after: string | null | undefined): FeedCursor | null {
  if (after == null) return null;
  const c = parseFeedCursor(after);
  if (!c) throw badInput(`Argument "after" is not a feed cursor (expected "<write>-<position>", such as "12-1"): "${after.slice(0, 40)}".`, 'after');
  return c;
}

async function organizationsArg(ctx: GraphContext, organizations: readonly string[] | null | undefined): Promise<string[] | undefined> {
  if (organizations == null) return undefined;
  if (organizations.length === 0)
    throw badInput('Argument "organizations" must name at least one organization (leave it out for every change).', 'organizations');
  await requireIds(ctx, 'organizations', organizations, ORG);
  return [...new Set(organizations)];
}

/** Resolves once a write commits in this process, or after `ms`, or when `signal` fires. */
function nextCommit(ctx: GraphContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      ctx.request.signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = ctx.writer.onCommit(done);
    ctx.request.signal.addEventListener('abort', done, { once: true });
  });
}

async function* liveChanges(ctx: GraphContext, after: FeedCursor | null, organizations: string[] | undefined): AsyncGenerator<{ changed: FeedEntry }> {
  let cursor = after ?? (await lastFeedCursor(ctx.store));
  while (!ctx.request.signal.aborted) {
    const page = await readFeed(ctx.store, cursor, LIVE_BATCH, organizations);
    for (const entry of page.entries) yield { changed: entry };
    if (page.endCursor) cursor = parseFeedCursor(page.endCursor) ?? cursor;
    if (!page.hasNextPage) await nextCommit(ctx, POLL_MS);
  }
}

export const feedResolvers: Resolvers = {
  Query: {
    feed: async (_p, args, ctx) => {
      const first = arg(firstArg, args.first, 'first');
      const after = cursorArg(args.after) ?? START;
      const organizations = await organizationsArg(ctx, args.organizations);
      const page = await readFeed(ctx.store, after, first, organizations);
      return {
        edges: page.entries.map((e) => ({ cursor: e.cursor, node: e as never })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
  },
  Subscription: {
    changed: {
      subscribe: async (_p, args, ctx) => {
        const after = cursorArg(args.after);
        const organizations = await organizationsArg(ctx, args.organizations);
        return liveChanges(ctx, after, organizations) as never;
      },
    },
  },
  RecordedChange: {
    node: async (c, _a, ctx) => {
      const e = c as unknown as FeedEntry;
      return e.label && e.kind !== 'DELETED' ? ((await loadAnyNode(ctx, e.subject, e.label as NodeLabel)) as never) : null;
    },
    organizations: (c) => (c as unknown as FeedEntry).organizations as string[],
  },
};
