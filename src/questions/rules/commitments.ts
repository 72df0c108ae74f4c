/**
 * How a deal's money is split among its parties on one side (its suppliers, its investors, its
 * paying parties). A party's own reported amount counts first; the deal's headline amount goes
 * to a party only when it is the deal's only party on that side, so a multi-party round is never
 * counted once per investor. Otherwise the party's share is unknown (null), never guessed.
 */
import { ENDED_STATUSES, type AmountQualifier, type Status, type TrancheKind } from '../../model/vocabulary.ts';

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

/**
 * Committed and potential money. A deal binds only in a binding status: signed, active or
 * completed. `announced` is not binding: the seeds use it for letters of intent and plans the
 * parties announced without a signed contract (Samsung's and SK Hynix's memory letters, Stargate
 * sites); `rumoured`, `reported` (never confirmed by the parties) and `in_talks` are not
 * agreements at all. An ended status (expired,
 * terminated, superseded, called off) holds no money, committed or potential.
 *
 * - committed: in a binding status, the amounts reported exact, approximate or at least (an
 *   "up to" figure is a ceiling, not a commitment); when the deal has tranches, only the upfront
 *   ones, each by the same qualifier rule;
 * - potential: everything that may flow: the committed money, up-to ceilings, conditional
 *   tranches, and the amounts of deals not (yet) binding.
 * When the deal has tranches they are its money (the headline amount is their sum as reported);
 * without tranches, its headline amount. Without either, both are unknown (null).
 */

export const BINDING_STATUSES = ['signed', 'active', 'completed'] as const satisfies readonly Status[];

export interface TrancheAmount {
  readonly amountUsd: number;
  readonly amountQualifier: AmountQualifier;
  readonly kind: TrancheKind;
}

/** What the rule reads of a deal: its status on the day asked and the money reported by then. */
export interface DealAmounts {
  readonly status: Status;
  readonly amountUsd: number | null;
  readonly amountQualifier: AmountQualifier | null;
  readonly tranches: readonly TrancheAmount[];
}

export interface Money {
  readonly committedUsd: number | null;
  readonly potentialUsd: number | null;
}

/** A deal's money, with what decides how a party's own amount divides. */
export interface DealMoney extends Money {
  readonly binding: boolean;
  readonly ended: boolean;
}

const isBinding = (s: Status) => (BINDING_STATUSES as readonly string[]).includes(s);
const isEndedStatus = (s: Status) => (ENDED_STATUSES as readonly string[]).includes(s);
/** An amount that is a commitment when binding: exact, approximate or a floor (not a ceiling). */
const isFirm = (q: AmountQualifier | null) => q !== 'up_to';

export function dealMoney(d: DealAmounts): DealMoney {
  const binding = isBinding(d.status);
  const ended = isEndedStatus(d.status);
  let committed: number | null;
  let potential: number | null;
  if (d.tranches.length > 0) {
    potential = d.tranches.reduce((n, t) => n + t.amountUsd, 0);
    committed = d.tranches.filter((t) => t.kind === 'upfront' && isFirm(t.amountQualifier)).reduce((n, t) => n + t.amountUsd, 0);
  } else if (d.amountUsd !== null) {
    potential = d.amountUsd;
    committed = isFirm(d.amountQualifier) ? d.amountUsd : 0;
  } else {
    return { committedUsd: null, potentialUsd: null, binding, ended };
  }
  if (ended) return { committedUsd: 0, potentialUsd: 0, binding, ended };
  return { committedUsd: binding ? committed : 0, potentialUsd: potential, binding, ended };
}

/**
 * A party's part of a deal's money from its own reported amount: all of it potential, and
 * committed in the deal's proportion of committed to potential money (so Amazon's own $50bn in a
 * deal of $15bn upfront and $35bn conditional is $15bn committed). Without deal money to divide
 * by, the status alone decides: all committed when binding, none otherwise.
 */
export function partyMoney(ownUsd: number, deal: DealMoney): Money {
  if (deal.ended) return { committedUsd: 0, potentialUsd: 0 };
  const { committedUsd: c, potentialUsd: p } = deal;
  if (c !== null && p !== null && p > 0) return { committedUsd: ownUsd === p ? c : (ownUsd * c) / p, potentialUsd: ownUsd };
  return { committedUsd: deal.binding ? ownUsd : 0, potentialUsd: ownUsd };
}

/** One party of one deal on one side, with its own reported amount (null when none). */
export interface PartyMoneyRow {
  readonly deal: string;
  readonly party: string;
  readonly partyAmountUsd: number | null;
}

/**
 * The money of each party of each deal, by the split rule above: a party's own amount (its
 * largest, when it appears in several paying roles) through `partyMoney`; the deal's money for
 * its only party; unknown (null) for a party without its own amount among several.
 */
export function splitMoney(rows: readonly PartyMoneyRow[], deals: ReadonlyMap<string, DealMoney>): Map<string, Map<string, Money>> {
  const own = new Map<string, Map<string, number | null>>();
  for (const r of rows) {
    let parties = own.get(r.deal);
    if (!parties) own.set(r.deal, (parties = new Map()));
    const prev = parties.get(r.party) ?? null;
    parties.set(r.party, r.partyAmountUsd !== null ? Math.max(prev ?? 0, r.partyAmountUsd) : prev);
  }
  const out = new Map<string, Map<string, Money>>();
  for (const [deal, parties] of own) {
    const money = deals.get(deal);
    if (!money) throw new Error(`No money read for deal ${deal}`);
    const split = new Map<string, Money>();
    for (const [party, amount] of parties) split.set(party, partOf(amount, parties.size, money));
    out.set(deal, split);
  }
  return out;
}

/**
 * One party's part of a deal's money, from its own amount (its largest, null when it reported
 * none) and how many parties the deal has on its side: the split rule above for one party.
 */
export function partOf(ownUsd: number | null, partiesOnSide: number, deal: DealMoney): Money {
  if (ownUsd !== null) return partyMoney(ownUsd, deal);
  return partiesOnSide === 1 ? { committedUsd: deal.committedUsd, potentialUsd: deal.potentialUsd } : NO_MONEY;
}

/** Adds money: each side is the sum of the known values, null when none is known. */
export function addMoney(a: Money, b: Money): Money {
  return { committedUsd: addKnown(a.committedUsd, b.committedUsd), potentialUsd: addKnown(a.potentialUsd, b.potentialUsd) };
}

// At module level: the money questions call addMoney per deal, and a closure made per call costs
// more than the addition (tsx keeps function names, so each one is also renamed when made).
const addKnown = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : x + y);

/**
 * The capacity a deal counts for on a day (gigawatts or chips, as reported, whatever the
 * qualifier: capacity figures are deployment plans, most of them targets or ceilings): counted
 * once the parties announced or signed it, not while it is only rumoured, reported or in talks, and not
 * once it ended. Null when no figure is reported.
 */
export function countedCapacity(status: Status, reported: number | null): number | null {
  if (reported === null) return null;
  return status === 'rumoured' || status === 'reported' || status === 'in_talks' || isEndedStatus(status) ? 0 : reported;
}

export const NO_MONEY: Money = { committedUsd: null, potentialUsd: null };
