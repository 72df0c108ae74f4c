/** Listing deals: the filter as statement parameters (switches and sentinels, never nulls). */
import { pageWithinCount } from './page-within-count.ts';
import type { Params, Row } from '../store/graph-store.ts';
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import {
  DEAL_IDS_OF_PARTY,
  DEALS_COUNT,
  DEALS_COUNT_OF_PARTY,
  DEALS_COUNT_OF_PARTY_PLAIN,
  DEALS_OF_PARTIES,
  DEALS_PAGE,
  DEALS_PAGE_OF_PARTY,
  type DealSortKey,
} from '../queries/question-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface DealFilterInput {
  party?: string | null;
  counterparty?: string | null;
  kinds?: readonly string[] | null;
  statuses?: readonly string[] | null;
  announcedFrom?: string | null;
  announcedTo?: string | null;
  asOf?: string | null;
  minAmountUsd?: number | null;
  maxAmountUsd?: number | null;
  includeRetracted?: boolean | null;
}

/** A never-matching pad: an empty list parameter binds as NULL on LadybugDB. */
const nonEmpty = (xs: readonly string[] | null | undefined) => (xs && xs.length ? [...xs] : ['']);

export function dealFilterParams(f: DealFilterInput = {}): Params {
  return {
    party: f.party ?? '',
    counterparty: f.counterparty ?? '',
    useKinds: Boolean(f.kinds && f.kinds.length),
    kinds: nonEmpty(f.kinds),
    useStatuses: Boolean(f.statuses && f.statuses.length),
    statuses: nonEmpty(f.statuses),
    announcedFrom: f.announcedFrom ?? '0001-01-01',
    announcedTo: f.announcedTo ?? '9999-12-31',
    useAsOf: Boolean(f.asOf),
    asOf: f.asOf ?? '9999-12-31',
    useMin: f.minAmountUsd != null,
    minAmountUsd: f.minAmountUsd ?? 0,
    useMax: f.maxAmountUsd != null,
    maxAmountUsd: f.maxAmountUsd ?? 0,
    hideRetracted: !f.includeRetracted,
  };
}

export interface DealPage {
  rows: Row[];
  totalCount: number;
  offset: number;
}

/** Only a party, and perhaps retracted deals shown: nothing that needs a deal property but retraction. */
function onlyParty(f: DealFilterInput): boolean {
  const { party, includeRetracted, ...rest } = f;
  return Boolean(party) && Object.values(rest).every((v) => v == null || (Array.isArray(v) && v.length === 0));
}

export async function dealPage(store: GraphStore, filter: DealFilterInput, sort: DealSortKey, offset: number, limit: number): Promise<DealPage> {
  const params = dealFilterParams(filter);
  if (onlyParty(filter)) {
    const plain = { party: params.party, hideRetracted: params.hideRetracted };
    const { rows: ids, total } = await pageWithinCount(
      offset,
      async () => Number((await store.read(DEALS_COUNT_OF_PARTY_PLAIN, plain))[0]?.total ?? 0),
      () => store.read(DEAL_IDS_OF_PARTY[sort], { ...plain, skip: offset, limit }),
    );
    const byId = new Map<string, Row>((await store.read(NODE_STATEMENTS.Deal.getMany, { ids: ids.map((r) => String(r.id)) })).map((r) => [String(r.id), r]));
    const rows = ids.map((r) => byId.get(String(r.id))).filter((r): r is Row => r !== undefined);
    return { rows, totalCount: total, offset };
  }
  const anchored = Boolean(filter.party);
  const { rows, total } = await pageWithinCount(
    offset,
    async () => Number((await store.read(anchored ? DEALS_COUNT_OF_PARTY : DEALS_COUNT, params))[0]?.total ?? 0),
    () => store.read((anchored ? DEALS_PAGE_OF_PARTY : DEALS_PAGE)[sort], { ...params, skip: offset, limit }),
  );
  return { rows, totalCount: total, offset };
}

/** The same order as the Cypher ORDER BY of each sort, for pages built in memory. */
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

/** Deals of several parties at once, grouped by party and sorted. */
export async function dealsOfParties(store: GraphStore, partyIds: readonly string[], filter: DealFilterInput, sort: DealSortKey): Promise<Map<string, Row[]>> {
  const rows = await store.read(DEALS_OF_PARTIES, { ...dealFilterParams({ ...filter, party: null }), ids: [...partyIds] });
  const out = new Map<string, Row[]>(partyIds.map((id) => [id, []]));
  for (const { party, ...deal } of rows) out.get(String(party))?.push(deal);
  for (const list of out.values()) list.sort(compareDeals(sort));
  return out;
}
