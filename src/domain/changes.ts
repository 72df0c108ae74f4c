/** What happened between two dates: announcements, status changes and endings, oldest first. */
import { CHANGES } from '../queries/question-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

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
