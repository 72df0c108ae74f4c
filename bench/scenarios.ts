/** The operations the benchmark drives, and how it picks their targets in a data set. */
import type { GraphStore, Query } from '../src/store/graph-store.ts';

export interface Scenario {
  /** Short key, used in JSON and tables. */
  readonly key: string;
  readonly title: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export interface Targets {
  /** An organization to look up. */
  lookup: string;
  /** A lab that receives much supply: the suppliers and concentration questions ask about it. */
  lab: string;
  /** A supplier of `lab` to leave out. */
  excluded: string;
  /** A node whose depth-2 neighbourhood is drawn (a hub). */
  hub: string;
  /** Search text. */
  text: string;
  /** A lab of median-ish size (synthetic data only): suppliers again, away from the hubs. */
  midLab?: string;
}

export const SEED_TARGETS: Targets = { lookup: 'aws', lab: 'openai', excluded: 'microsoft', hub: 'openai', text: 'trainium' };

export const TRIVIAL: Scenario = { key: 'typename', title: '`{ __typename }`', query: '{ __typename }', variables: {} };

export function scenarios(t: Targets): Scenario[] {
  const suppliers = (key: string, title: string, of: string): Scenario => ({
    key,
    title,
    query:
      'query Suppliers($of: ID!, $excluding: [ID!]) { suppliers(of: $of, excluding: $excluding) { totalCount edges { node { supplier { id name } committedUsd deals { id status announcedOn } restrictedBy { id until } } } } }',
    variables: { of, excluding: [t.excluded] },
  });
  return [
    {
      key: 'lookup',
      title: 'entity lookup',
      query: 'query Org($id: ID!) { organization(id: $id) { id name kind country aliases description } }',
      variables: { id: t.lookup },
    },
    {
      key: 'search',
      title: 'search',
      query:
        'query Search($text: String!) { search(text: $text, first: 10) { __typename ... on Organization { id name } ... on Chip { id name } ... on Deal { id title } } }',
      variables: { text: t.text },
    },
    suppliers('suppliers', 'suppliers question', t.lab),
    ...(t.midLab ? [suppliers('suppliersMid', 'suppliers question (mid-size lab)', t.midLab)] : []),
    {
      key: 'neighborhood',
      title: 'depth-2 neighbourhood (≤ 500 nodes)',
      query: 'query Hood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 500) { truncated nodes { id kind label } edges { source target type } } }',
      variables: { id: t.hub },
    },
    {
      key: 'concentration',
      title: 'concentration',
      query:
        'query Conc($of: ID!) { concentration(of: $of) { totalCommittedUsd hhi shares { supplier { id } committedUsd share } dealsWithoutAmount { id } } }',
      variables: { of: t.lab },
    },
    {
      key: 'dealsPage',
      title: 'a page of deals',
      query:
        'query Deals($party: ID!) { deals(filter: { party: $party }, first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status announcedOn amountUsd } } } }',
      variables: { party: t.lab },
    },
  ];
}

const TOP_CUSTOMERS: Query = {
  name: 'bench.topCustomers',
  cypher: 'MATCH (o:Organization)-[:CUSTOMER_IN]->(d:Deal) RETURN o.id AS id, o.name AS name, count(d) AS deals ORDER BY deals DESC, id LIMIT 200',
};
const TOP_SUPPLIER_OF: Query = {
  name: 'bench.topSupplierOf',
  cypher:
    'MATCH (o:Organization {id: $id})-[:CUSTOMER_IN]->(d:Deal) MATCH (s:Organization)-[:SUPPLIER_IN]->(d) RETURN s.id AS id, count(d) AS deals ORDER BY deals DESC, id LIMIT 1',
};

/** Targets in any data set: the biggest customer of supply deals, its biggest supplier, a mid-size customer. */
export async function findTargets(store: GraphStore): Promise<Targets & { labDeals: number; midLabDeals: number }> {
  const top = await store.read(TOP_CUSTOMERS);
  if (!top.length) throw new Error('The data set has no supply deals to benchmark.');
  const lab = top[0]!;
  const mid = top[Math.min(top.length - 1, 99)]!;
  const [sup] = await store.read(TOP_SUPPLIER_OF, { id: String(lab.id) });
  return {
    lookup: String(lab.id),
    lab: String(lab.id),
    labDeals: Number(lab.deals),
    excluded: String(sup?.id ?? lab.id),
    hub: String(lab.id),
    text: String(lab.name).split(' ')[0]!.toLowerCase(),
    midLab: String(mid.id),
    midLabDeals: Number(mid.deals),
  };
}
