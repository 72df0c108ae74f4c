/**
 * The statements behind the analyst questions. Optional filters never use null parameters:
 * LadybugDB types a null parameter as BOOL and then fails to compare it (probed: "Value x is
 * not a valid boolean", "Cannot change parameter expression data type from BOOL to STRING"),
 * so every optional filter comes with a boolean switch or a sentinel ('' for "any id").
 * Sort orders and path lengths cannot be parameters either, so they are separate statements.
 */
import { PARTY_ROLES, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import type { Query } from '../store/graph-store.ts';
import { columnsOf } from './model-statements.ts';

const ALL_ROLES = Object.values(PARTY_ROLES).join('|');
/** Roles through which an organization receives supply. */
const RECEIVING_ROLES = 'CUSTOMER_IN|INVESTEE_IN|PARTNER_IN|BORROWER_IN';
/** Roles through which an organization commits money. */
const PAYING_ROLES = 'INVESTOR_IN|CUSTOMER_IN|ACQUIRER_IN|LENDER_IN';

/** In force on `$asOf`: announced by then, not ended by then, and never retracted. */
const inForce = (v: string) => `${v}.announcedOn <= date($asOf) AND (${v}.endedOn IS NULL OR ${v}.endedOn > date($asOf)) AND ${v}.retractedOn IS NULL`;

const HIDE_RETRACTED = '(NOT $hideRetracted OR d.retractedOn IS NULL)';

/** The filter on `d` except the party (which the party-anchored statements match first). */
const DEAL_FILTER_REST = [
  `($counterparty = '' OR EXISTS { MATCH (c:Organization {id: $counterparty})-[:${ALL_ROLES}]->(d) })`,
  '(NOT $useKinds OR d.kind IN $kinds)',
  '(NOT $useStatuses OR d.status IN $statuses)',
  'd.announcedOn >= date($announcedFrom) AND d.announcedOn <= date($announcedTo)',
  `(NOT $useAsOf OR (${inForce('d')}))`,
  '(NOT $useMin OR d.amountUsd >= $minAmountUsd)',
  '(NOT $useMax OR d.amountUsd <= $maxAmountUsd)',
  HIDE_RETRACTED,
].join(' AND ');

const DEAL_FILTER = `($party = '' OR EXISTS { MATCH (p:Organization {id: $party})-[:${ALL_ROLES}]->(d) }) AND ${DEAL_FILTER_REST}`;

/**
 * With a party, start from it: its deals are found through its relationships instead of
 * testing an EXISTS subquery on every deal of the graph (1.3 s at a million deals).
 */
const partyDeals = (where: string) => `MATCH (p:Organization {id: $party})-[:${ALL_ROLES}]->(x:Deal) WITH DISTINCT x AS d WHERE ${where}`;
const FROM_PARTY = partyDeals(DEAL_FILTER_REST);

export const DEAL_SORTS = {
  ANNOUNCED_DESC: 'd.announcedOn DESC, d.id',
  ANNOUNCED_ASC: 'd.announcedOn, d.id',
  AMOUNT_DESC: 'coalesce(d.amountUsd, -1.0) DESC, d.announcedOn DESC, d.id',
} as const;
export type DealSortKey = keyof typeof DEAL_SORTS;

/** A page of deals: the filter parameters plus `$skip`, `$limit`. */
export const DEALS_PAGE = Object.fromEntries(
  Object.entries(DEAL_SORTS).map(([k, order]) => [
    k,
    { name: `q.deals.page.${k}`, cypher: `MATCH (d:Deal) WHERE ${DEAL_FILTER} RETURN ${columnsOf('Deal', 'd')} ORDER BY ${order} SKIP $skip LIMIT $limit` },
  ]),
) as Record<DealSortKey, Query>;

/** The same page when the filter names a party (`$party` never ''). */
export const DEALS_PAGE_OF_PARTY = Object.fromEntries(
  Object.entries(DEAL_SORTS).map(([k, order]) => [
    k,
    { name: `q.deals.pageOfParty.${k}`, cypher: `${FROM_PARTY} RETURN ${columnsOf('Deal', 'd')} ORDER BY ${order} SKIP $skip LIMIT $limit` },
  ]),
) as Record<DealSortKey, Query>;

export const DEALS_COUNT: Query = { name: 'q.deals.count', cypher: `MATCH (d:Deal) WHERE ${DEAL_FILTER} RETURN count(d) AS total` };
export const DEALS_COUNT_OF_PARTY: Query = { name: 'q.deals.countOfParty', cypher: `${FROM_PARTY} RETURN count(d) AS total` };

/**
 * A party's deals with no filter but retraction (the usual page of an organization), ids only:
 * LadybugDB reads every property a statement names for every deal of the party, switched-off
 * filters included (at a million deals the general page took 350 ms for 644 deals, 690 ms for
 * 43,000; this one 40 and 105 ms). The page's rows are then read by primary key.
 */
const FROM_PARTY_PLAIN = partyDeals(HIDE_RETRACTED);
export const DEAL_IDS_OF_PARTY = Object.fromEntries(
  Object.entries(DEAL_SORTS).map(([k, order]) => [k, { name: `q.deals.idsOfParty.${k}`, cypher: `${FROM_PARTY_PLAIN} RETURN d.id AS id ORDER BY ${order} SKIP $skip LIMIT $limit` }]),
) as Record<DealSortKey, Query>;
export const DEALS_COUNT_OF_PARTY_PLAIN: Query = { name: 'q.deals.countOfPartyPlain', cypher: `${FROM_PARTY_PLAIN} RETURN count(d) AS total` };

/** The deals of several organizations at once (`$ids`), with the same filter; paged in memory. */
export const DEALS_OF_PARTIES: Query = {
  name: 'q.deals.ofParties',
  cypher: `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:${ALL_ROLES}]->(d:Deal) WHERE ${DEAL_FILTER} RETURN DISTINCT o.id AS party, ${columnsOf('Deal', 'd')}`,
};

/** Every party of the deals `$ids`, with its role, in one statement. */
export const DEAL_PARTIES: Query = {
  name: 'q.deal.parties',
  cypher: Object.entries(PARTY_ROLES)
    .map(([role, type]) => {
      const hasLead = 'lead' in RELATIONSHIP_TYPES[type].properties;
      return `UNWIND $ids AS id MATCH (d:Deal {id: id})<-[e:${type}]-(o:Organization) RETURN d.id AS deal, o.id AS org, '${role}' AS role, e.amountUsd AS amountUsd, ${hasLead ? 'e.lead' : 'toBoolean(NULL)'} AS lead`;
    })
    .join(' UNION ALL '),
};

/**
 * Supply deals in force on `$asOf` where `$of` receives, with every supplier of each. Exclusions
 * and the count of suppliers per deal are worked out from these rows: on LadybugDB a `COUNT {}`
 * subquery here aggregates every SUPPLIER_IN edge of the graph and `NOT s.id IN $list` filters
 * after the joins (108 ms -> 44-52 ms without them at a million deals, BENCHMARKS.md).
 */
export const SUPPLIERS: Query = {
  name: 'q.suppliers',
  cypher:
    `MATCH (o:Organization {id: $of})-[:${RECEIVING_ROLES}]->(d:Deal) WHERE ${inForce('d')} ` +
    'MATCH (s:Organization)-[e:SUPPLIER_IN]->(d) WHERE s.id <> $of ' +
    'RETURN DISTINCT s.id AS supplier, d.id AS deal, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd',
};

/**
 * Exclusivities in force on `$asOf`, by `$holder` and `$grantor` ('' for any). With a holder or
 * a grantor the statement starts from that organization (one primary-key match and one hop)
 * instead of joining every HOLDS with every GRANTS relationship.
 */
const exclusivities = (name: string, start: string) => ({
  name: `q.exclusivities.${name}`,
  cypher:
    `${start} ` +
    `WHERE ($holder = '' OR h.id = $holder) AND ($grantor = '' OR g.id = $grantor) AND ${inForce('x')} ` +
    `RETURN ${columnsOf('Exclusivity', 'x')}, h.id AS holderId, g.id AS grantorId ORDER BY x.announcedOn, x.id`,
});
export const EXCLUSIVITIES = {
  any: exclusivities('any', 'MATCH (h:Organization)-[:HOLDS]->(x:Exclusivity) MATCH (g:Organization)-[:GRANTS]->(x)'),
  ofGrantor: exclusivities('ofGrantor', 'MATCH (g:Organization {id: $grantor})-[:GRANTS]->(x:Exclusivity)<-[:HOLDS]-(h:Organization)'),
  ofHolder: exclusivities('ofHolder', 'MATCH (h:Organization {id: $holder})-[:HOLDS]->(x:Exclusivity)<-[:GRANTS]-(g:Organization)'),
} satisfies Record<string, Query>;

/** Investments in `$target` (not `$in`: a keyword LadybugDB cannot parse as a parameter name) in force on `$asOf`. */
export const INVESTORS: Query = {
  name: 'q.investors',
  cypher:
    `MATCH (t:Organization {id: $target})-[:INVESTEE_IN]->(d:Deal) WHERE ${inForce('d')} ` +
    'MATCH (i:Organization)-[e:INVESTOR_IN]->(d) ' +
    'RETURN DISTINCT i.id AS investor, d.id AS deal, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd, ' +
    'COUNT { MATCH (y:Organization)-[:INVESTOR_IN]->(d) } AS investorsInDeal',
};

/** Every paying party of the deals in force on `$asOf` that `$ids` pay into. */
export const COMMITMENTS_OF: Query = {
  name: 'q.commitments.of',
  cypher:
    `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:${PAYING_ROLES}]->(d:Deal) WHERE ${inForce('d')} ` +
    `MATCH (p:Organization)-[e:${PAYING_ROLES}]->(d) ` +
    'RETURN DISTINCT d.id AS deal, p.id AS org, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd',
};

/** Every paying party of every deal in force on `$asOf` (for sorting organizations by it). */
export const COMMITMENTS_ALL: Query = {
  name: 'q.commitments.all',
  cypher: `MATCH (p:Organization)-[e:${PAYING_ROLES}]->(d:Deal) WHERE ${inForce('d')} RETURN d.id AS deal, p.id AS org, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd`,
};

const ORG_FILTER = "(NOT $useKinds OR o.kind IN $kinds) AND ($country = '' OR o.country = $country)";

export const ORGANIZATIONS_PAGE: Query = {
  name: 'q.organizations.page',
  cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN ${columnsOf('Organization', 'o')} ORDER BY o.name, o.id SKIP $skip LIMIT $limit`,
};
export const ORGANIZATIONS_COUNT: Query = { name: 'q.organizations.count', cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN count(o) AS total` };
/** Ids of every organization matching the filter (for sorting by an aggregate). */
export const ORGANIZATION_IDS: Query = { name: 'q.organizations.ids', cypher: `MATCH (o:Organization) WHERE ${ORG_FILTER} RETURN o.id AS id, o.name AS name` };

const PATH_TYPES = [...Object.values(PARTY_ROLES), 'HOLDS', 'GRANTS', 'CONTROLS'].join('|');
export const MAX_HOPS = 6;

/**
 * Shortest paths between `$from` and `$to`, per engine (dialect report section 3): a hop is one
 * organization-to-organization step, through a deal or exclusivity (two relationships) or a
 * control link (one), so n hops allow 2n relationships. Bounds cannot be parameters.
 */
export const PATHS: Query[] = Array.from({ length: MAX_HOPS }, (_, i) => {
  const rels = 2 * (i + 1);
  const start = 'MATCH (a:Organization {id: $from}) MATCH (b:Organization {id: $to}) ';
  return {
    name: `q.paths.${i + 1}`,
    cypher: {
      neo4j: `${start}MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..${rels}]-(b)) RETURN nodes(p) AS nodes, relationships(p) AS rels LIMIT 25`,
      ladybug: `${start}MATCH p = (a)-[:${PATH_TYPES}* ALL SHORTEST 1..${rels}]-(b) RETURN nodes(p) AS nodes, relationships(p) AS rels LIMIT 25`,
    },
  };
});

/** Relationship pairs a graph view shows (provenance internals such as status entries excluded). */
export const VIEW_LABELS = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity', 'Source'] as const satisfies readonly NodeLabel[];
export type ViewLabel = (typeof VIEW_LABELS)[number];
export const isViewLabel = (l: string): l is ViewLabel => (VIEW_LABELS as readonly string[]).includes(l);
const VIEW_PAIRS = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((type) =>
  RELATIONSHIP_TYPES[type].endpoints.filter(([a, b]) => isViewLabel(a) && isViewLabel(b)).map(([a, b]) => ({ type, a, b })),
);

/**
 * One level of a neighbourhood from `$ids`, nodes of one label: the shown relationships touching
 * them, both ways, at most `$limit` rows per relationship type and direction, so that a hub with
 * tens of thousands of deals costs what its first few hundred do (an unbounded level took 9 s
 * at a million deals, BENCHMARKS.md). Deals and exclusivities on the far side are dropped when
 * retracted, or when `$useAsOf` and not in force on `$asOf`. `far` says which end is the
 * neighbour. For one id the adapters send the one-id form (`singleIdForm`). A LIMIT without
 * ORDER BY returns rows in the engine's order: `serial` asks for the same rows on every call
 * (ordering the hub's deals first took 90 ms). (No branch may return one expression under two names, such as
 * `y.id AS target, y.id AS other`: LadybugDB 0.19 then fills later UNION ALL branches' columns
 * from the wrong expressions, and edges come back with source = target.)
 */
function neighbourStatement(label: NodeLabel): Query {
  const anchor = (v: string) => `UNWIND $ids AS id MATCH (${v}:${label} {id: id})`;
  const shown = (v: string, l: NodeLabel) => (l === 'Deal' || l === 'Exclusivity' ? ` WHERE ${v}.retractedOn IS NULL AND (NOT $useAsOf OR (${inForce(v)}))` : '');
  const branches = VIEW_PAIRS.flatMap(({ type, a, b }) => [
    ...(a === label ? [`${anchor('x')}-[:${type}]->(y:${b})${shown('y', b)} RETURN x.id AS source, y.id AS target, '${type}' AS type, 'target' AS far, '${b}' AS otherLabel LIMIT $limit`] : []),
    ...(b === label ? [`${anchor('y')}<-[:${type}]-(x:${a})${shown('x', a)} RETURN x.id AS source, y.id AS target, '${type}' AS type, 'source' AS far, '${a}' AS otherLabel LIMIT $limit`] : []),
  ]);
  return { name: `q.neighbours.${label}`, cypher: branches.join(' UNION ALL '), serial: true };
}

export const NEIGHBOURS = Object.fromEntries(VIEW_LABELS.map((l) => [l, neighbourStatement(l)])) as Record<ViewLabel, Query>;

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

/** Named things whose name or an alias contains `$q` (lower case). */
export const SEARCH_NAMED: Query = {
  name: 'q.search.named',
  cypher: (['Organization', 'Chip', 'CloudService'] as const)
    .map(
      (l) =>
        `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.name) CONTAINS q OR any(a IN n.aliases WHERE toLower(a) CONTAINS q) RETURN n.id AS id, '${l}' AS label, n.name AS name, n.aliases AS aliases`,
    )
    .join(' UNION ALL '),
};

/** Deals and exclusivities whose title contains `$q` (lower case). */
export const SEARCH_TITLED: Query = {
  name: 'q.search.titled',
  cypher: (['Deal', 'Exclusivity'] as const)
    .map((l) => `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.title) CONTAINS q AND n.retractedOn IS NULL RETURN n.id AS id, '${l}' AS label, n.title AS name`)
    .join(' UNION ALL '),
};

export const QUESTION_STATEMENTS: readonly Query[] = [
  ...Object.values(DEALS_PAGE),
  DEALS_COUNT,
  ...Object.values(DEALS_PAGE_OF_PARTY),
  DEALS_COUNT_OF_PARTY,
  ...Object.values(DEAL_IDS_OF_PARTY),
  DEALS_COUNT_OF_PARTY_PLAIN,
  DEALS_OF_PARTIES,
  DEAL_PARTIES,
  SUPPLIERS,
  ...Object.values(EXCLUSIVITIES),
  INVESTORS,
  COMMITMENTS_OF,
  COMMITMENTS_ALL,
  ORGANIZATIONS_PAGE,
  ORGANIZATIONS_COUNT,
  ORGANIZATION_IDS,
  ...PATHS,
  ...Object.values(NEIGHBOURS),
  CHANGES,
  SEARCH_NAMED,
  SEARCH_TITLED,
];
