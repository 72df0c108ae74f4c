/**
 * `Organization.deals(filter, sort)`: the deals of every organization of one nesting level at
 * once, with the same filter as `deals`, grouped by organization and sorted here (the caller
 * pages each list).
 */
import { columnsOf } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { ALL_ROLES, DEAL_FILTER, dealFilterParams, type DealFilterInput } from './rules/deal-filter.ts';
import { compareDeals, type DealSortKey } from './rules/deal-order.ts';

/** The deals of several organizations at once (`$ids`), with the deal filter. */
export const DEALS_OF_PARTIES: Query = {
  name: 'q.deals.ofParties',
  cypher: `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:${ALL_ROLES}]->(d:Deal) WHERE ${DEAL_FILTER} RETURN DISTINCT o.id AS party, ${columnsOf('Deal', 'd')}`,
};

/** Deals of several parties at once, grouped by party and sorted. */
export async function dealsOfParties(store: GraphStore, partyIds: readonly string[], filter: DealFilterInput, sort: DealSortKey): Promise<Map<string, Row[]>> {
  const rows = await store.read(DEALS_OF_PARTIES, { ...dealFilterParams({ ...filter, party: null }), ids: [...partyIds] });
  const out = new Map<string, Row[]>(partyIds.map((id) => [id, []]));
  for (const { party, ...deal } of rows) out.get(String(party))?.push(deal);
  for (const list of out.values()) list.sort(compareDeals(sort));
  return out;
}
