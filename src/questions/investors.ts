/**
 * `investors(in, asOf)`: who invested in an organization through deals in force on a date,
 * through which deals and how much, largest total first.
 */
import type { GraphStore, Query } from '../store/graph-store.ts';
import { inForceCypher } from './rules/in-force.ts';

/** Investments in `$target` (not `$in`: a keyword LadybugDB cannot parse as a parameter name) in force on `$asOf`. */
export const INVESTORS: Query = {
  name: 'q.investors',
  cypher:
    `MATCH (t:Organization {id: $target})-[:INVESTEE_IN]->(d:Deal) WHERE ${inForceCypher('d')} ` +
    'MATCH (i:Organization)-[e:INVESTOR_IN]->(d) ' +
    'RETURN DISTINCT i.id AS investor, d.id AS deal, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd, ' +
    'COUNT { MATCH (y:Organization)-[:INVESTOR_IN]->(d) } AS investorsInDeal',
};

export interface Investment {
  investorId: string;
  dealIds: string[];
  totalUsd: number | null;
}

export async function investors(store: GraphStore, target: string, asOf: string): Promise<Investment[]> {
  const rows = await store.read(INVESTORS, { target, asOf });
  const by = new Map<string, Investment & { seen: Set<string> }>();
  for (const r of rows) {
    const investor = String(r.investor);
    const deal = String(r.deal);
    // Its own amount; else the round's amount when it was the round's only investor.
    const value = (r.partyAmountUsd as number | null) ?? (Number(r.investorsInDeal) === 1 ? (r.dealAmountUsd as number | null) : null);
    let f = by.get(investor);
    if (!f) by.set(investor, (f = { investorId: investor, dealIds: [], totalUsd: null, seen: new Set() }));
    if (f.seen.has(deal)) continue;
    f.seen.add(deal);
    f.dealIds.push(deal);
    if (value !== null) f.totalUsd = (f.totalUsd ?? 0) + value;
  }
  return [...by.values()]
    .map(({ seen: _seen, ...f }) => ({ ...f, dealIds: f.dealIds.sort() }))
    .sort((a, b) => (b.totalUsd ?? -1) - (a.totalUsd ?? -1) || (a.investorId < b.investorId ? -1 : 1));
}
