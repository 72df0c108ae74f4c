/**
 * `Organization.committedUsd(asOf)` and the `DOLLARS_COMMITTED` order of `organizations`: the
 * dollars an organization pays into deals in force on a date, as investor, customer, acquirer or
 * lender, split among each deal's paying parties by the commitments rule.
 */
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { splitAmounts, totalsByParty } from './rules/commitments.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** Roles through which an organization commits money. */
const PAYING_ROLES = 'INVESTOR_IN|CUSTOMER_IN|ACQUIRER_IN|LENDER_IN';

/** Every paying party of the deals in force on `$asOf` that `$ids` pay into. */
export const COMMITMENTS_OF: Query = {
  name: 'q.commitments.of',
  cypher:
    `UNWIND $ids AS id MATCH (o:Organization {id: id})-[:${PAYING_ROLES}]->(d:Deal) WHERE ${inForceCypher('d')} WITH d ` +
    `MATCH (p:Organization)-[e:${PAYING_ROLES}]->(d) ` +
    'RETURN DISTINCT d.id AS deal, p.id AS org, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd',
};

/** Every paying party of every deal in force on `$asOf` (for sorting organizations by it). */
export const COMMITMENTS_ALL: Query = {
  name: 'q.commitments.all',
  cypher: `MATCH (p:Organization)-[e:${PAYING_ROLES}]->(d:Deal) WHERE ${inForceCypher('d')} RETURN d.id AS deal, p.id AS org, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd`,
};

/** Total committed per organization from rows of either statement. */
function committedByOrganization(rows: readonly Row[]): Map<string, number | null> {
  return totalsByParty(
    splitAmounts(
      rows.map((r) => ({
        deal: String(r.deal),
        party: String(r.org),
        partyAmountUsd: r.partyAmountUsd as number | null,
        dealAmountUsd: r.dealAmountUsd as number | null,
      })),
    ),
  );
}

/** What each of `ids` committed on `asOf`, in the order of `ids` (null: nothing known). */
export async function committedUsdOf(store: GraphStore, ids: readonly string[], when: When): Promise<(number | null)[]> {
  const totals = committedByOrganization(await store.read(COMMITMENTS_OF, { ids: [...ids], ...whenParams(when) }));
  return ids.map((id) => totals.get(id) ?? null);
}

/** What every organization committed on `asOf` (absent or null: nothing known). */
export async function committedUsdOfAll(store: GraphStore, when: When): Promise<Map<string, number | null>> {
  return committedByOrganization(await store.read(COMMITMENTS_ALL, whenParams(when)));
}
