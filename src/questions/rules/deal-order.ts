/**
 * The orders a list of deals can be sorted in, once as Cypher (`ORDER BY` on `d`) and once in
 * memory for lists paged here; the two must agree. Sort keys cannot be parameters, so each order
 * gets its own statements.
 */
import type { Row } from '../../store/graph-store.ts';

export const DEAL_SORTS = {
  ANNOUNCED_DESC: 'd.announcedOn DESC, d.id',
  ANNOUNCED_ASC: 'd.announcedOn, d.id',
  AMOUNT_DESC: 'coalesce(d.amountUsd, -1.0) DESC, d.announcedOn DESC, d.id',
} as const;
export type DealSortKey = keyof typeof DEAL_SORTS;

/** One statement per order: `statement(name, orderBy)` for each key of `DEAL_SORTS`. */
export function perDealSort<T>(statement: (key: DealSortKey, orderBy: string) => T): Record<DealSortKey, T> {
  return Object.fromEntries(Object.entries(DEAL_SORTS).map(([k, order]) => [k, statement(k as DealSortKey, order)])) as Record<DealSortKey, T>;
}

/** The same order as the Cypher `ORDER BY` of each sort, for deal rows. */
export function compareDeals(sort: DealSortKey): (a: Row, b: Row) => number {
  const str = (r: Row, k: string) => String(r[k] ?? '');
  const byId = (a: Row, b: Row) => (str(a, 'id') < str(b, 'id') ? -1 : str(a, 'id') > str(b, 'id') ? 1 : 0);
  const byDate = (a: Row, b: Row) => (str(a, 'announcedOn') < str(b, 'announcedOn') ? -1 : str(a, 'announcedOn') > str(b, 'announcedOn') ? 1 : 0);
  const amount = (r: Row) => (typeof r.amountUsd === 'number' ? r.amountUsd : -1);
  switch (sort) {
    case 'ANNOUNCED_ASC':
      return (a, b) => byDate(a, b) || byId(a, b);
    case 'ANNOUNCED_DESC':
      return (a, b) => byDate(b, a) || byId(a, b);
    case 'AMOUNT_DESC':
      return (a, b) => amount(b) - amount(a) || byDate(b, a) || byId(a, b);
  }
}
