/**
 * `investors(in, asOf)`: who invested in an organization through deals in force on a date,
 * through which deals and how much, largest total first.
 */
import { addMoney, NO_MONEY, splitAmounts, splitMoney } from './rules/commitments.ts';
import type { When } from './rules/in-force.ts';
import type { SupplySource } from './supply-source.ts';

export interface Investment {
  investorId: string;
  dealIds: string[];
  totalUsd: number | null;
  /** Of the total, what binds on the day asked (the commitments rule); null when unknown. */
  committedUsd: number | null;
  /** What may flow: committed, ceilings, conditional tranches and unsigned deals; null when unknown. */
  potentialUsd: number | null;
}

/**
 * The investors of `target` on `asOf`, largest total first. Each round's amount is split among
 * its investors by the commitments rule; the rows hold every investor of each round, so the
 * count of investors per round needs no subquery. `totalUsd` is the reported amount (the
 * headline or the investor's own figure, whatever its status), kept as the field always said.
 */
export async function investors(supply: SupplySource, target: string, when: When): Promise<Investment[]> {
  const rows = (await supply.investmentRows(target, when)).map((r) => ({
    deal: r.deal,
    party: r.investor,
    partyAmountUsd: r.partyAmountUsd,
    dealAmountUsd: r.dealAmountUsd,
  }));
  const reported = splitAmounts(rows);
  const money = splitMoney(
    rows,
    await supply.money(
      rows.map((r) => r.deal),
      when,
    ),
  );
  const by = new Map<string, Investment>();
  for (const [deal, parties] of reported) {
    for (const [investor, value] of parties) {
      let f = by.get(investor);
      if (!f) by.set(investor, (f = { investorId: investor, dealIds: [], totalUsd: null, ...NO_MONEY }));
      f.dealIds.push(deal);
      if (value !== null) f.totalUsd = (f.totalUsd ?? 0) + value;
      Object.assign(f, addMoney(f, money.get(deal)?.get(investor) ?? NO_MONEY));
    }
  }
  return [...by.values()]
    .map((f) => ({ ...f, dealIds: f.dealIds.sort() }))
    .sort((a, b) => (b.totalUsd ?? -1) - (a.totalUsd ?? -1) || (a.investorId < b.investorId ? -1 : 1));
}
