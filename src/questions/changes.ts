/**
 * `changes(from, to, organizations, kinds)`: what happened between two dates, inclusive:
 * announcements, status changes and endings of deals and exclusivities that are not retracted,
 * oldest first (on one day: announcements, then status changes, then endings), one row per fact,
 * day and kind; with `minConfidence`, only facts at least that trusted.
 *
 * A status-history entry is a change only when it changes something: an entry on the day the
 * fact was announced is its first status (part of the ANNOUNCED row, whose sources it gives), an
 * entry on the day it ended is the ending (part of the ENDED row), an entry that repeats the
 * status before it (a reaffirmation) is no change, and of several entries on one day the last
 * stands. With `organizations`, only facts where one of them is a party, holder or grantor.
 */
import type { Confidence } from '../model/vocabulary.ts';
import { confidencesFrom } from './rules/confidence.ts';
import { ALL_ROLES } from './rules/deal-filter.ts';
import { confidentCypher } from './rules/in-force.ts';
import { childIndex } from '../records/records-to-graph.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';

const window = (v: string, prop: string) => `${v}.${prop} >= date($from) AND ${v}.${prop} <= date($to)`;

const LABELS = ['Deal', 'Exclusivity'] as const;

/** Announcements, endings, and the whole history up to `$to` of facts with a status entry in the window. */
function changesStatement(name: string, start: (label: (typeof LABELS)[number]) => string): Query {
  return {
    name,
    cypher: LABELS.flatMap((l) => [
      `${start(l)} WHERE ${window('f', 'announcedOn')} AND f.retractedOn IS NULL AND ${confidentCypher('f')} RETURN DISTINCT f.id AS id, '${l}' AS label, 'ANNOUNCED' AS kind, f.announcedOn AS happenedOn, '' AS entry, f.status AS status`,
      `${start(l)} WHERE f.retractedOn IS NULL AND ${confidentCypher('f')} MATCH (f)-[:HAS_STATUS]->(s:StatusEntry) WHERE ${window('s', 'changedOn')} ` +
        `MATCH (f)-[:HAS_STATUS]->(e:StatusEntry) WHERE e.changedOn <= date($to) RETURN DISTINCT f.id AS id, '${l}' AS label, 'STATUS_CHANGED' AS kind, e.changedOn AS happenedOn, e.id AS entry, e.status AS status`,
      `${start(l)} WHERE ${window('f', 'endedOn')} AND f.retractedOn IS NULL AND ${confidentCypher('f')} RETURN DISTINCT f.id AS id, '${l}' AS label, 'ENDED' AS kind, f.endedOn AS happenedOn, '' AS entry, f.status AS status`,
    ]).join(' UNION ALL '),
  };
}

/** Every fact's changes. */
export const CHANGES: Query = changesStatement('q.changes', (l) => `MATCH (f:${l})`);

/** The changes of facts where one of `$organizations` is a party, holder or grantor. */
export const CHANGES_OF: Query = changesStatement(
  'q.changes.of',
  (l) => `UNWIND $organizations AS oid MATCH (o:Organization {id: oid})-[:${l === 'Deal' ? ALL_ROLES : 'HOLDS|GRANTS'}]->(f:${l})`,
);

export const CHANGE_KINDS = ['ANNOUNCED', 'STATUS_CHANGED', 'ENDED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChangeFact {
  on: string;
  kind: ChangeKind;
  factId: string;
  factLabel: 'Deal' | 'Exclusivity';
  /** The status entry the row reports (its sources are the row's); null for the fact's own. */
  statusEntryId: string | null;
}

export interface ChangesRequest {
  from: string;
  to: string;
  /** Only facts where one of these is a party, holder or grantor; null for every fact. */
  organizations: readonly string[] | null;
  /** Only rows of these kinds; null for every kind. */
  kinds: readonly ChangeKind[] | null;
  /** Only facts at least this trusted; null for every fact. */
  minConfidence?: Confidence | null;
}

const ORDER = { ANNOUNCED: 0, STATUS_CHANGED: 1, ENDED: 2 } as const;

/** The position of a status entry in its history: the number at the end of its derived id. */

interface Entry {
  id: string;
  on: string;
  status: string;
}

export async function changesBetween(store: GraphStore, r: ChangesRequest): Promise<ChangeFact[]> {
  const params = { from: r.from, to: r.to, confidences: confidencesFrom(r.minConfidence) };
  const rows = r.organizations ? await store.read(CHANGES_OF, { ...params, organizations: [...r.organizations] }) : await store.read(CHANGES, params);
  const out = new Map<string, ChangeFact>();
  // Entry id -> entry, per fact: with several organizations a fact's history comes once for each.
  const histories = new Map<string, { label: ChangeFact['factLabel']; entries: Map<string, Entry> }>();
  for (const row of rows) {
    const factId = String(row.id);
    const factLabel = row.label as ChangeFact['factLabel'];
    const on = String(row.happenedOn);
    if (row.kind === 'STATUS_CHANGED') {
      if (!histories.has(factId)) histories.set(factId, { label: factLabel, entries: new Map() });
      histories.get(factId)!.entries.set(String(row.entry), { id: String(row.entry), on, status: String(row.status) });
    } else {
      const kind = row.kind as ChangeKind;
      out.set(`${factId} ${on} ${kind}`, { on, kind, factId, factLabel, statusEntryId: null });
    }
  }
  for (const [factId, { label, entries: byId }] of histories) {
    const entries = [...byId.values()].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : childIndex(a.id) - childIndex(b.id)));
    // The status the day before each entry's day stood at (the last entry of an earlier day).
    let before: string | null = null;
    for (const [i, e] of entries.entries()) {
      if (entries[i + 1]?.on === e.on) continue;
      const repeats = e.status === before;
      before = e.status;
      if (e.on < r.from) continue;
      // On the day of the announcement or the ending, the entry is that row's (and its sources).
      const sameDay = out.get(`${factId} ${e.on} ANNOUNCED`) ?? out.get(`${factId} ${e.on} ENDED`);
      if (sameDay) {
        sameDay.statusEntryId ??= e.id;
        continue;
      }
      if (!repeats) out.set(`${factId} ${e.on} STATUS_CHANGED`, { on: e.on, kind: 'STATUS_CHANGED', factId, factLabel: label, statusEntryId: e.id });
    }
  }
  const kinds = r.kinds ? new Set(r.kinds) : null;
  return [...out.values()]
    .filter((c) => !kinds || kinds.has(c.kind))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : ORDER[a.kind] - ORDER[b.kind] || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0)));
}
