/**
 * The change feed: every committed write, one entry per record it touched, in commit order. An
 * entry is the write's audit entry (written in the write's unit of work, src/writes/graph-writer.ts),
 * so the feed is exactly what committed, lives where the graph lives (the database file, or Neo4j),
 * and a journal replay or `aigraph rebuild` recreates it with the same cursors.
 *
 * A cursor is `<seq>-<pos>`: the write's place in commit order (the journal's sequence on the
 * embedded engine, the write lock's count on Neo4j, both increasing) and the entry's place in
 * that write. Entries after a cursor are read a batch at a time, ordered by (seq, pos);
 * `organizations` keeps entries that involve one of them (involved-organizations.ts). A page
 * filtered by organizations reads at most MAX_SCANNED entries: when fewer match, it ends early with
 * `hasNextPage` and an `endCursor` past what it read, so the next page goes on from there.
 */
import type { GraphStore, Query, Row } from '../store/graph-store.ts';

export interface FeedEntry {
  readonly cursor: string;
  readonly seq: number;
  readonly pos: number;
  readonly at: string;
  readonly operation: string;
  readonly kind: 'CREATED' | 'UPDATED' | 'DELETED' | 'IMPORTED';
  /** The record's key: a node id, or `controller->controlled` for a control link. */
  readonly subject: string;
  /** The node's label, or null for a control link or a bulk import. */
  readonly label: string | null;
  readonly organizations: readonly string[];
}

export interface FeedPage {
  readonly entries: FeedEntry[];
  readonly hasNextPage: boolean;
  /** The cursor to continue after: the last entry's, or past what a filtered page read. */
  readonly endCursor: string | null;
}

export interface FeedCursor {
  readonly seq: number;
  readonly pos: number;
}

const COLUMNS =
  'a.seq AS seq, a.pos AS pos, a.at AS at, a.operation AS operation, a.subject AS subject, a.label AS label, a.organizations AS organizations, ' +
  'a.before IS NULL AS created, a.after IS NULL AS deleted';

/** Up to `$limit` entries after (`$seq`, `$pos`), in commit order. */
export const FEED_AFTER: Query = {
  name: 'q.feed.after',
  cypher: `WITH $seq AS s, $pos AS p MATCH (a:AuditEntry) WHERE a.seq > s OR (a.seq = s AND a.pos > p) RETURN ${COLUMNS} ORDER BY seq, pos LIMIT $limit`,
};

/** The last entry written (where a live subscription without a cursor starts). */
export const FEED_LAST: Query = {
  name: 'q.feed.last',
  cypher: 'MATCH (a:AuditEntry) WHERE a.seq IS NOT NULL RETURN a.seq AS seq, a.pos AS pos ORDER BY seq DESC, pos DESC LIMIT 1',
};

/** As FEED_AFTER, with the records before and after each change (for delta files). */
export const FEED_RECORDS_AFTER: Query = {
  name: 'q.feed.records',
  cypher: `WITH $seq AS s, $pos AS p MATCH (a:AuditEntry) WHERE a.seq > s OR (a.seq = s AND a.pos > p) RETURN ${COLUMNS}, a.before AS before, a.after AS after ORDER BY seq, pos LIMIT $limit`,
};

export const FEED_STATEMENTS: readonly Query[] = [FEED_AFTER, FEED_LAST, FEED_RECORDS_AFTER];

/** Entries one filtered page reads at most. */
export const MAX_SCANNED = 5000;
const BATCH = 500;

const CURSOR = /^(\d{1,15})-(\d{1,9})$/;

export const START: FeedCursor = { seq: 0, pos: 0 };

export function encodeFeedCursor(c: FeedCursor): string {
  return `${c.seq}-${c.pos}`;
}

/** The cursor a string names, or null when it is not one. */
export function parseFeedCursor(s: string): FeedCursor | null {
  const m = CURSOR.exec(s);
  return m ? { seq: Number(m[1]), pos: Number(m[2]) } : null;
}

function entryOf(r: Row): FeedEntry {
  const seq = Number(r.seq);
  const pos = Number(r.pos);
  const subject = String(r.subject);
  // A bulk import into an empty store has one entry naming its files (`import:<hashes>`), no node.
  const kind = subject.startsWith('import:') ? 'IMPORTED' : r.created ? 'CREATED' : r.deleted ? 'DELETED' : 'UPDATED';
  return {
    cursor: encodeFeedCursor({ seq, pos }),
    seq,
    pos,
    at: String(r.at),
    operation: String(r.operation),
    kind,
    subject,
    label: (r.label as string | null) ?? null,
    organizations: (r.organizations as string[] | null) ?? [],
  };
}

/** Up to `first` entries after `after`, of `organizations` when given (non-empty). */
export async function readFeed(store: GraphStore, after: FeedCursor, first: number, organizations?: readonly string[]): Promise<FeedPage> {
  const wanted = organizations ? new Set(organizations) : null;
  const entries: FeedEntry[] = [];
  let cursor = after;
  let scanned = 0;
  for (;;) {
    const limit = wanted ? BATCH : first + 1;
    const rows = await store.read(FEED_AFTER, { seq: cursor.seq, pos: cursor.pos, limit });
    for (const r of rows) {
      const e = entryOf(r);
      scanned++;
      if (!wanted || e.organizations.some((o) => wanted.has(o))) {
        if (entries.length === first) return { entries, hasNextPage: true, endCursor: entries.at(-1)!.cursor };
        entries.push(e);
      }
      cursor = e;
    }
    if (rows.length < limit) {
      // Unfiltered: the last entry's cursor; filtered: past every entry read, matching or not.
      const end = wanted ? cursor : (entries.at(-1) ?? after);
      return { entries, hasNextPage: false, endCursor: end.seq === 0 && end.pos === 0 ? null : encodeFeedCursor(end) };
    }
    if (wanted && scanned >= MAX_SCANNED) return { entries, hasNextPage: true, endCursor: encodeFeedCursor(cursor) };
  }
}

/** Every change after `after` with the records before and after it, a batch at a time, in order. */
export async function* feedWithRecords(store: GraphStore, after: FeedCursor): AsyncGenerator<FeedEntry & { before: unknown; after: unknown }> {
  let cursor = after;
  for (;;) {
    const rows = await store.read(FEED_RECORDS_AFTER, { seq: cursor.seq, pos: cursor.pos, limit: BATCH });
    for (const r of rows) {
      const e = entryOf(r);
      cursor = e;
      const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);
      yield { ...e, before: json(r.before), after: json(r.after) };
    }
    if (rows.length < BATCH) return;
  }
}

/** The cursor of the last entry (START when the feed is empty). */
export async function lastFeedCursor(store: GraphStore): Promise<FeedCursor> {
  const [r] = await store.read(FEED_LAST);
  return r ? { seq: Number(r.seq), pos: Number(r.pos) } : START;
}
