/**
 * `Deal.parties`: every party of a batch of deals with its role, in one statement, each deal's
 * parties in a fixed order (by role as the model lists them, then organization) whatever order
 * the engine returns rows in.
 */
import { PARTY_ROLES, RELATIONSHIP_TYPES, type PartyRole } from '../model/graph-model.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';
import { groupBy } from '../store/group-by.ts';

/** Every party of the deals `$ids`, with its role. */
export const DEAL_PARTIES: Query = {
  name: 'q.deal.parties',
  cypher: Object.entries(PARTY_ROLES)
    .map(([role, type]) => {
      const hasLead = 'lead' in RELATIONSHIP_TYPES[type].properties;
      return `UNWIND $ids AS id MATCH (d:Deal {id: id})<-[e:${type}]-(o:Organization) RETURN d.id AS deal, o.id AS org, '${role}' AS role, e.amountUsd AS amountUsd, ${hasLead ? 'e.lead' : 'toBoolean(NULL)'} AS lead`;
    })
    .join(' UNION ALL '),
};

export interface DealParty {
  orgId: string;
  role: PartyRole;
  amountUsd: number | null;
  lead: boolean | null;
}

/** Party roles in the order the model lists them. */
const ROLE_RANK = new Map(Object.keys(PARTY_ROLES).map((role, i) => [role, i]));

/** The parties of each deal of `dealIds`, in the order of `dealIds`. */
export async function dealParties(store: GraphStore, dealIds: readonly string[]): Promise<DealParty[][]> {
  const groups = groupBy(await store.read(DEAL_PARTIES, { ids: [...dealIds] }), 'deal');
  return dealIds.map((id) =>
    (groups.get(id) ?? [])
      .map((r) => ({ orgId: String(r.org), role: r.role as PartyRole, amountUsd: r.amountUsd as number | null, lead: r.lead as boolean | null }))
      .sort((a, b) => ROLE_RANK.get(a.role)! - ROLE_RANK.get(b.role)! || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0)),
  );
}
