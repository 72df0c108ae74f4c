/**
 * Who pays how much in which deal. A party's own reported amount counts first; a deal's
 * headline amount is attributed to a party only when it is the deal's only party on that
 * side, so a multi-party round is never counted once per investor.
 */
import type { Row } from '../store/graph-store.ts';

export interface PartyAmountRow {
  deal: string;
  party: string;
  partyAmountUsd: number | null;
  dealAmountUsd: number | null;
}

/** The amount each party of each deal committed, or null when unknown. */
export function attribute(rows: readonly PartyAmountRow[]): Map<string, Map<string, number | null>> {
  const byDeal = new Map<string, PartyAmountRow[]>();
  for (const r of rows) {
    let list = byDeal.get(r.deal);
    if (!list) byDeal.set(r.deal, (list = []));
    list.push(r);
  }
  const out = new Map<string, Map<string, number | null>>();
  for (const [deal, list] of byDeal) {
    const parties = new Map<string, number | null>();
    for (const r of list) {
      const prev = parties.get(r.party) ?? null;
      parties.set(r.party, r.partyAmountUsd !== null ? Math.max(prev ?? 0, r.partyAmountUsd) : prev);
    }
    if (parties.size === 1) {
      const [only] = parties.keys();
      if (parties.get(only!) === null) parties.set(only!, list[0]!.dealAmountUsd);
    }
    out.set(deal, parties);
  }
  return out;
}

/** Total committed per organization from COMMITMENTS rows (deal, org, partyAmountUsd, dealAmountUsd). */
export function committedByOrganization(rows: readonly Row[]): Map<string, number | null> {
  const attributed = attribute(
    rows.map((r) => ({ deal: String(r.deal), party: String(r.org), partyAmountUsd: r.partyAmountUsd as number | null, dealAmountUsd: r.dealAmountUsd as number | null })),
  );
  const totals = new Map<string, number | null>();
  for (const parties of attributed.values()) {
    for (const [org, amount] of parties) {
      const prev = totals.get(org) ?? null;
      totals.set(org, amount === null ? prev : (prev ?? 0) + amount);
    }
  }
  return totals;
}
