/**
 * How a deal's money is split among its parties on one side (its suppliers, its investors, its
 * paying parties). A party's own reported amount counts first; the deal's headline amount goes
 * to a party only when it is the deal's only party on that side, so a multi-party round is never
 * counted once per investor. Otherwise the party's share is unknown (null), never guessed.
 */

/** One party of one deal, with the amounts the graph holds (null when not reported). */
export interface PartyAmountRow {
  readonly deal: string;
  readonly party: string;
  readonly partyAmountUsd: number | null;
  readonly dealAmountUsd: number | null;
}

/**
 * The amount each party of each deal committed, or null when unknown. A party may appear in
 * several rows of one deal (several paying roles): its largest reported amount counts once.
 */
export function splitAmounts(rows: readonly PartyAmountRow[]): Map<string, Map<string, number | null>> {
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

/** Total committed per party over every deal: the sum of its known amounts, null when none is known. */
export function totalsByParty(split: ReadonlyMap<string, ReadonlyMap<string, number | null>>): Map<string, number | null> {
  const totals = new Map<string, number | null>();
  for (const parties of split.values()) {
    for (const [party, amount] of parties) {
      const prev = totals.get(party) ?? null;
      totals.set(party, amount === null ? prev : (prev ?? 0) + amount);
    }
  }
  return totals;
}
