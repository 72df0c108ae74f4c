/**
 * `deals(filter, sort, first, after)`: a page of deals and how many pass the filter. With a
 * party the statements start from it; with only a party (the usual page of an organization) a
 * cheaper pair of statements sorts ids alone and the page's rows are read by key, because
 * LadybugDB reads every property a statement names for every deal it visits, switched-off
 * filters included.
 */
import { NODE_STATEMENTS, columnsOf } from '../queries/model-statements.ts';
import { pageWithinCount } from './rules/page-within-count.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { DEAL_FILTER, DEAL_FILTER_REST, dealFilterParams, HIDE_RETRACTED, partyDeals, type DealFilterInput } from './rules/deal-filter.ts';
import { perDealSort, type DealSortKey } from './rules/deal-order.ts';

const FROM_PARTY = partyDeals(DEAL_FILTER_REST);
const FROM_PARTY_PLAIN = partyDeals(HIDE_RETRACTED);

/** A page of deals: the filter parameters plus `$skip`, `$limit`. */
export const DEALS_PAGE = perDealSort(
  (k, order): Query => ({
    name: `q.deals.page.${k}`,
    cypher: `MATCH (d:Deal) WHERE ${DEAL_FILTER} RETURN ${columnsOf('Deal', 'd')} ORDER BY ${order} SKIP $skip LIMIT $limit`,
  }),
);

/** The same page when the filter names a party (`$party` never ''). */
export const DEALS_PAGE_OF_PARTY = perDealSort(
  (k, order): Query => ({
    name: `q.deals.pageOfParty.${k}`,
    cypher: `${FROM_PARTY} RETURN ${columnsOf('Deal', 'd')} ORDER BY ${order} SKIP $skip LIMIT $limit`,
  }),
);

export const DEALS_COUNT: Query = { name: 'q.deals.count', cypher: `MATCH (d:Deal) WHERE ${DEAL_FILTER} RETURN count(d) AS total` };
export const DEALS_COUNT_OF_PARTY: Query = { name: 'q.deals.countOfParty', cypher: `${FROM_PARTY} RETURN count(d) AS total` };

/** A party's deals with no filter but retraction, ids only (`$party`, `$hideRetracted`). */
export const DEAL_IDS_OF_PARTY = perDealSort(
  (k, order): Query => ({
    name: `q.deals.idsOfParty.${k}`,
    cypher: `${FROM_PARTY_PLAIN} RETURN d.id AS id ORDER BY ${order} SKIP $skip LIMIT $limit`,
  }),
);
export const DEALS_COUNT_OF_PARTY_PLAIN: Query = { name: 'q.deals.countOfPartyPlain', cypher: `${FROM_PARTY_PLAIN} RETURN count(d) AS total` };

export interface DealPage {
  rows: Row[];
  totalCount: number;
  offset: number;
}

/** Only a party, and perhaps retracted deals shown: nothing that needs a deal property but retraction. */
function onlyParty(f: DealFilterInput): boolean {
  const { party, includeRetracted: _includeRetracted, ...rest } = f;
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

export const DEALS_STATEMENTS: readonly Query[] = [
  ...Object.values(DEALS_PAGE),
  DEALS_COUNT,
  ...Object.values(DEALS_PAGE_OF_PARTY),
  DEALS_COUNT_OF_PARTY,
  ...Object.values(DEAL_IDS_OF_PARTY),
  DEALS_COUNT_OF_PARTY_PLAIN,
];
