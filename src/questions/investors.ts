/**
 * `investors(in, asOf)`: who invested in an organization through deals in force on a date,
 * through which deals and how much, largest total first.
 */
import type { GraphStore, Query } from '../store/graph-store.ts';
import { splitAmounts } from './rules/commitments.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** Investments in `$target` (not `$in`: a keyword LadybugDB cannot parse as a parameter name) in force on `$asOf`, with every investor of each. */
export const INVESTORS: Query = {
  name: 'q.investors',
  cypher:
    `MATCH (t:Organization {id: $target})-[:INVESTEE_IN]->(d:Deal) WHERE ${inForceCypher('d')} ` +
    'MATCH (i:Organization)-[e:INVESTOR_IN]->(d) ' +
    'RETURN DISTINCT i.id AS investor, d.id AS deal, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd',
};

export interface Investment {
  investorId: string;
  dealIds: string[];
  totalUsd: number | null;
}

/**
 * The investors of `target` on `asOf`, largest total first. Each round's amount is split among
 * its investors by the commitments rule; the rows hold every investor of each round, so the
 * count of investors per round needs no subquery.
 */
export async function investors(store: GraphStore, target: string, when: When): Promise<Investment[]> {
  const rows = await store.read(INVESTORS, { target, ...whenParams(when) });
  const split = splitAmounts(
    rows.map((r) => ({
      deal: String(r.deal),
      party: String(r.investor),
      partyAmountUsd: r.partyAmountUsd as number | null,
      dealAmountUsd: r.dealAmountUsd as number | null,
    })),
  );
  const by = new Map<string, Investment>();
  for (const [deal, parties] of split) {
    for (const [investor, value] of parties) {
      let f = by.get(investor);
      if (!f) by.set(investor, (f = { investorId: investor, dealIds: [], totalUsd: null }));
      f.dealIds.push(deal);
      if (value !== null) f.totalUsd = (f.totalUsd ?? 0) + value;
    }
  }
  return [...by.values()]
    .map((f) => ({ ...f, dealIds: f.dealIds.sort() }))
    .sort((a, b) => (b.totalUsd ?? -1) - (a.totalUsd ?? -1) || (a.investorId < b.investorId ? -1 : 1));
}
