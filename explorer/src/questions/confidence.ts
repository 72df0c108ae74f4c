/**
 * The confidence column: how well sourced a row is, from the API's `confidence` of its facts
 * (LOW, MEDIUM, HIGH by the API's sourcing rule). A row of several facts (a supplier's deals)
 * shows the highest: one well-sourced deal is enough to establish the supply. The column only
 * appears when the facts carry a confidence, so an answer whose query does not ask for it (or a
 * server that does not have it) shows no empty column.
 */
import { h } from '../dom';
import { humanize } from '../format';
import type { Column } from './answer-table';

const RANK: Readonly<Record<string, number>> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/** A fact that may carry the API's confidence (only when its query asked for it). */
type Graded = object;

const confidenceOf = (f: Graded): string | null => ('confidence' in f && typeof f.confidence === 'string' ? f.confidence : null);

export function highestConfidence(facts: readonly Graded[]): string | null {
  let best: string | null = null;
  for (const f of facts) {
    const c = confidenceOf(f);
    if (c && (best === null || (RANK[c] ?? 0) > (RANK[best] ?? 0))) best = c;
  }
  return best;
}

/** The column, when some row's facts carry a confidence; else none. */
export function confidenceColumn<R>(rows: readonly R[], factsOf: (row: R) => readonly Graded[]): Column<R>[] {
  if (!rows.some((r) => factsOf(r).some((f) => confidenceOf(f)))) return [];
  return [
    {
      key: 'confidence',
      label: 'Confidence',
      title: 'How well sourced, by the API’s rule (high: a primary source or two press publishers); for several deals, the highest',
      value: (r) => highestConfidence(factsOf(r)),
      sortValue: (r) => RANK[highestConfidence(factsOf(r)) ?? ''] ?? null,
      cell: (r) => {
        const c = highestConfidence(factsOf(r));
        return c ? h('span', { class: `badge confidence-${c.toLowerCase()}` }, humanize(c)) : '—';
      },
    },
  ];
}
