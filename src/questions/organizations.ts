/**
 * `organizations(filter, sort, first, after)`: a page of organizations by kind and country,
 * sorted by name, or by dollars committed (then the whole filtered list is ranked here, since
 * the amount comes from the commitments rule, not from a stored property).
 */
import { columnsOf } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { committedUsdOfAll } from './committed-usd.ts';
import { pageWithinCount } from './rules/page-within-count.ts';

const ORG_FILTER = "(NOT $useKinds OR o.kind IN $kinds) AND ($country = '' OR o.country = $country)";

export const ORGANIZATIONS_PAGE: Query = {
  name: 'q.organizations.page',
  cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN ${columnsOf('Organization', 'o')} ORDER BY o.name, o.id SKIP $skip LIMIT $limit`,
};
export const ORGANIZATIONS_COUNT: Query = { name: 'q.organizations.count', cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN count(o) AS total` };
/** Ids of every organization matching the filter (for sorting by an aggregate). */
export const ORGANIZATION_IDS: Query = { name: 'q.organizations.ids', cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN o.id AS id, o.name AS name` };

export interface OrganizationFilterInput {
  kinds?: readonly string[] | null;
  country?: string | null;
}

/** The filter as parameters: switches and sentinels, never nulls (see rules/deal-filter.ts). */
function orgFilterParams(filter: OrganizationFilterInput | null | undefined) {
  const kinds = filter?.kinds?.length ? [...filter.kinds] : null;
  return { useKinds: kinds !== null, kinds: kinds ?? [''], country: filter?.country ?? '' };
}

export interface OrganizationsRequest {
  filter: OrganizationFilterInput | null | undefined;
  sort: 'NAME' | 'DOLLARS_COMMITTED';
  /** The date committed dollars are counted on. */
  asOf: string;
  offset: number;
  first: number;
}

/** A page of organization rows and how many pass the filter; `load` reads rows by id. */
export async function organizationsPage(
  store: GraphStore,
  load: (ids: string[]) => Promise<Row[]>,
  r: OrganizationsRequest,
): Promise<{ rows: Row[]; totalCount: number }> {
  const params = orgFilterParams(r.filter);
  if (r.sort === 'DOLLARS_COMMITTED') {
    const [ids, totals] = await Promise.all([store.read(ORGANIZATION_IDS, params), committedUsdOfAll(store, { asOf: r.asOf })]);
    const ranked = ids
      .map((row) => ({ id: String(row.id), name: String(row.name), usd: totals.get(String(row.id)) ?? -1 }))
      .sort((a, b) => b.usd - a.usd || (a.name < b.name ? -1 : 1));
    return { rows: await load(ranked.slice(r.offset, r.offset + r.first).map((o) => o.id)), totalCount: ranked.length };
  }
  const { rows, total } = await pageWithinCount(
    r.offset,
    async () => Number((await store.read(ORGANIZATIONS_COUNT, params))[0]?.total ?? 0),
    () => store.read(ORGANIZATIONS_PAGE, { ...params, skip: r.offset, limit: r.first }),
  );
  return { rows, totalCount: total };
}
