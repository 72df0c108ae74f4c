/**
 * What an organization receives through its supply deals in force on a day, supplier by supplier:
 * the shape both `SupplySource` implementations return, and the reference way to build it from
 * supply rows and deal money (the statements' way; the read model builds the same from its
 * columns, supply-graph.ts). The money of a deal is split among all its suppliers before
 * exclusions (the commitments rule, `partOf`), so excluding a co-supplier never hands its share
 * to another.
 */
import type { DealKind } from '../model/vocabulary.ts';
import type { DealMoneyOn } from './deal-money.ts';
import { addMoney, NO_MONEY, partOf, type Money } from './rules/commitments.ts';
import type { SupplyRow } from './supply-source.ts';

/** One supplier's part of one deal: its money, and the deal's capacity when it is the only supplier. */
export interface SupplyPart extends Money {
  capacityGw: number | null;
}

export interface SupplierFacts {
  supplierId: string;
  /** The sums of its parts (null when no part is known). */
  committedUsd: number | null;
  potentialUsd: number | null;
  dealIds: string[];
  /** Gigawatts of the deals it alone supplies that report a capacity (null when none). */
  capacityGw: number | null;
  /** The supplier's part of each deal of `dealIds`, in the same order (null members when unknown). */
  parts: SupplyPart[];
}

export interface CustomerSupply {
  /** Largest committed amount first, then by id; each supplier's deal ids sorted. */
  readonly facts: SupplierFacts[];
  /** The kind of one of these deals. */
  kindOf(deal: string): DealKind;
  /** Every supplier of one of these deals other than the customer, before exclusions. */
  suppliersOf(deal: string): ReadonlySet<string>;
  /** The money and status of one of these deals on the day asked. */
  moneyOf(deal: string): DealMoneyOn;
}

/** Records a supplier's part of one deal (each builder hands a deal once per supplier); `ordered` sums them. */
export function addPart(f: SupplierFacts, deal: string, part: SupplyPart): void {
  f.dealIds.push(deal);
  f.parts.push(part);
}

export const newSupplierFacts = (supplierId: string): SupplierFacts => ({
  supplierId,
  dealIds: [],
  committedUsd: null,
  potentialUsd: null,
  capacityGw: null,
  parts: [],
});

/**
 * Sorts each supplier's deals and sums its parts in that order (so the sums do not depend on the
 * order the rows came in: floating-point addition is not associative), then sorts the suppliers:
 * largest committed amount first, then by id.
 */
export function ordered(facts: SupplierFacts[]): SupplierFacts[] {
  for (const f of facts) {
    // The read model hands them over in id order already: a check costs less than a sort.
    if (!isSorted(f.dealIds)) {
      const order = f.dealIds.map((_, i) => i).sort((a, b) => (f.dealIds[a]! < f.dealIds[b]! ? -1 : 1));
      f.dealIds = order.map((i) => f.dealIds[i]!);
      f.parts = order.map((i) => f.parts[i]!);
    }
    let sum: Money = NO_MONEY;
    let gw: number | null = null;
    for (const part of f.parts) {
      sum = addMoney(sum, part);
      if (part.capacityGw !== null) gw = (gw ?? 0) + part.capacityGw;
    }
    f.committedUsd = sum.committedUsd;
    f.potentialUsd = sum.potentialUsd;
    f.capacityGw = gw;
  }
  return facts.sort((a, b) => (b.committedUsd ?? -1) - (a.committedUsd ?? -1) || (a.supplierId < b.supplierId ? -1 : 1));
}

/** The reference construction: from the supply rows of the customer and the money of their deals. */
export function customerSupplyOf(rows: readonly SupplyRow[], money: ReadonlyMap<string, DealMoneyOn>, excluded: ReadonlySet<string>): CustomerSupply {
  const suppliersOf = new Map<string, Set<string>>();
  const kindOf = new Map<string, DealKind>();
  /** Deal -> supplier -> its largest own amount (null when it reported none). */
  const own = new Map<string, Map<string, number | null>>();
  for (const r of rows) {
    let set = suppliersOf.get(r.deal);
    if (!set) suppliersOf.set(r.deal, (set = new Set()));
    set.add(r.supplier);
    kindOf.set(r.deal, r.dealKind);
    let parties = own.get(r.deal);
    if (!parties) own.set(r.deal, (parties = new Map()));
    const prev = parties.get(r.supplier) ?? null;
    parties.set(r.supplier, r.partyAmountUsd !== null ? Math.max(prev ?? 0, r.partyAmountUsd) : prev);
  }
  const bySupplier = new Map<string, SupplierFacts>();
  for (const [deal, parties] of own) {
    const m = money.get(deal);
    if (!m) throw new Error(`No money read for deal ${deal}`);
    for (const [supplier, amount] of parties) {
      if (excluded.has(supplier)) continue;
      let f = bySupplier.get(supplier);
      if (!f) bySupplier.set(supplier, (f = newSupplierFacts(supplier)));
      addPart(f, deal, { ...partOf(amount, parties.size, m), capacityGw: parties.size === 1 ? m.capacityGw : null });
    }
  }
  return {
    facts: ordered([...bySupplier.values()]),
    kindOf: (deal) => kindOf.get(deal)!,
    suppliersOf: (deal) => suppliersOf.get(deal)!,
    moneyOf: (deal) => money.get(deal)!,
  };
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false;
  return true;
}
