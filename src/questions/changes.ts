/**
 * `changes(from, to)`: what happened between two dates, inclusive: announcements, status changes
 * and endings of deals and exclusivities that are not retracted, oldest first (on one day:
 * announcements, then status changes, then endings).
 */
import type { GraphStore, Query } from '../store/graph-store.ts';

const window = (v: string, prop: string) => `${v}.${prop} >= date($from) AND ${v}.${prop} <= date($to)`;

/** Announcements, status changes and endings of deals and exclusivities between `$from` and `$to`. */
export const CHANGES: Query = {
  name: 'q.changes',
  cypher: (['Deal', 'Exclusivity'] as const)
    .flatMap((l) => [
      `MATCH (f:${l}) WHERE ${window('f', 'announcedOn')} AND f.retractedOn IS NULL RETURN f.id AS id, '${l}' AS label, 'ANNOUNCED' AS kind, f.announcedOn AS happenedOn, f.status AS status, '' AS entry`,
      `MATCH (f:${l})-[:HAS_STATUS]->(s:StatusEntry) WHERE ${window('s', 'changedOn')} AND f.retractedOn IS NULL RETURN f.id AS id, '${l}' AS label, 'STATUS_CHANGED' AS kind, s.changedOn AS happenedOn, s.status AS status, s.id AS entry`,
      `MATCH (f:${l}) WHERE ${window('f', 'endedOn')} AND f.retractedOn IS NULL RETURN f.id AS id, '${l}' AS label, 'ENDED' AS kind, f.endedOn AS happenedOn, f.status AS status, '' AS entry`,
    ])
    .join(' UNION ALL '),
};

export interface ChangeFact {
  on: string;
  kind: 'ANNOUNCED' | 'STATUS_CHANGED' | 'ENDED';
  status: string;
  factId: string;
  factLabel: 'Deal' | 'Exclusivity';
  statusEntryId: string | null;
}

const ORDER = { ANNOUNCED: 0, STATUS_CHANGED: 1, ENDED: 2 } as const;

export async function changesBetween(store: GraphStore, from: string, to: string): Promise<ChangeFact[]> {
  const rows = await store.read(CHANGES, { from, to });
  return rows
    .map((r) => ({
      on: String(r.happenedOn),
      kind: r.kind as ChangeFact['kind'],
      status: String(r.status),
      factId: String(r.id),
      factLabel: r.label as ChangeFact['factLabel'],
      statusEntryId: r.entry ? String(r.entry) : null,
    }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : ORDER[a.kind] - ORDER[b.kind] || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0)));
}
