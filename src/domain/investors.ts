/** Who invested in an organization, through which deals, and how much. */
import { INVESTORS } from '../queries/question-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface InvestorFacts {
  investorId: string;
  dealIds: string[];
  totalUsd: number | null;
}

export async function investorFacts(store: GraphStore, target: string, asOf: string): Promise<InvestorFacts[]> {
  const rows = await store.read(INVESTORS, { target, asOf });
  const by = new Map<string, InvestorFacts & { seen: Set<string> }>();
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
