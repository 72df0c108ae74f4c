/**
 * `suppliers(of, excluding, asOf)`: who supplies an organization through deals in force on a
 * date, outside some organizations and everything they control on that date (the caller passes
 * the control closure of `asOf`), largest committed amount first;
 * with each supplier, the exclusivities the customer granted to others (not the supplier, its
 * parents or its subsidiaries) that cover what that supplier supplies to it (rules/scope.ts).
 *
 * The supply rows are read once and worked on here: the count of suppliers per deal (for the
 * commitments rule) and the exclusions. On LadybugDB a `COUNT {}` subquery in the statement
 * aggregates every SUPPLIER_IN edge of the graph and `NOT s.id IN $list` filters after the joins.
 */
import type { GraphStore, Row } from '../store/graph-store.ts';
import { exclusivitiesInForce } from './exclusivities.ts';
import type { ControlGraph } from './rules/control-closure.ts';
import { addMoney, NO_MONEY, splitMoney, type Money } from './rules/commitments.ts';
import type { When } from './rules/in-force.ts';
import type { SupplySource } from './supply-source.ts';
import { restricts, scopesOfSupply, type DealSupply } from './rules/scope.ts';
import type { CloudServiceKind, DealKind } from '../model/vocabulary.ts';

/** One supplier's part of one deal: its money, and the deal's capacity when it is the only supplier. */
export interface SupplyPart extends Money {
  capacityGw: number | null;
}

export interface SupplierFacts extends Money {
  supplierId: string;
  dealIds: string[];
  /** Gigawatts of the deals it alone supplies that report a capacity (null when none). */
  capacityGw: number | null;
  /** Deal id -> the supplier's part of it (null members when unknown). */
  perDeal: Map<string, SupplyPart>;
  /** What each of its deals supplies. */
  supplies: DealSupply[];
}

/**
 * The suppliers of `of` on `asOf` except `excluded`, largest committed amount first. Amounts are
 * split among all of a deal's suppliers before exclusions, so excluding a co-supplier never
 * hands its share to another.
 */
export async function supplierFacts(supply: SupplySource, of: string, excluded: readonly string[], when: When): Promise<SupplierFacts[]> {
  const [read, covers] = await Promise.all([supply.supplyRows(of, when), supplyCovers(supply, of, when)]);
  const rows = read.map((r) => ({ deal: r.deal, dealKind: r.dealKind, party: r.supplier, partyAmountUsd: r.partyAmountUsd }));
  const money = await supply.money(
    rows.map((r) => r.deal),
    when,
  );
  const split = splitMoney(rows, money);
  const suppliersOf = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!suppliersOf.has(r.deal)) suppliersOf.set(r.deal, new Set());
    suppliersOf.get(r.deal)!.add(r.party);
  }
  const skip = new Set(excluded);
  const bySupplier = new Map<string, SupplierFacts>();
  for (const { deal, dealKind, party: supplier } of rows) {
    if (skip.has(supplier)) continue;
    const parties = split.get(deal)!;
    const part: SupplyPart = { ...(parties.get(supplier) ?? NO_MONEY), capacityGw: parties.size === 1 ? money.get(deal)!.capacityGw : null };
    let f = bySupplier.get(supplier);
    if (!f) bySupplier.set(supplier, (f = { supplierId: supplier, dealIds: [], ...NO_MONEY, capacityGw: null, perDeal: new Map(), supplies: [] }));
    if (f.perDeal.has(deal)) continue;
    f.dealIds.push(deal);
    f.perDeal.set(deal, part);
    Object.assign(f, addMoney(f, part));
    if (part.capacityGw !== null) f.capacityGw = (f.capacityGw ?? 0) + part.capacityGw;
    f.supplies.push(supplyOf(supplier, dealKind, covers.get(deal) ?? [], suppliersOf.get(deal)!));
  }
  const out = [...bySupplier.values()];
  for (const f of out) f.dealIds.sort();
  return out.sort((a, b) => (b.committedUsd ?? -1) - (a.committedUsd ?? -1) || (a.supplierId < b.supplierId ? -1 : 1));
}

interface Covered {
  item: string;
  serviceKind: CloudServiceKind | null;
  makers: Set<string>;
}

/** Deal id -> the cloud services and chips it covers, each with who operates or makes it. */
async function supplyCovers(supply: SupplySource, of: string, when: When): Promise<Map<string, Covered[]>> {
  const { covers, makers } = await supply.supplyCovers(of, when);
  const makersOf = new Map<string, Set<string>>();
  for (const { item, maker } of makers) {
    if (!makersOf.has(item)) makersOf.set(item, new Set());
    makersOf.get(item)!.add(maker);
  }
  const out = new Map<string, Covered[]>();
  for (const { deal, item, serviceKind } of covers) {
    if (!out.has(deal)) out.set(deal, []);
    out.get(deal)!.push({ item, serviceKind, makers: makersOf.get(item) ?? new Set() });
  }
  return out;
}

/**
 * What `supplier` supplies through a deal: the deal's kind, and of what it covers, what the
 * supplier operates or makes, or what none of the deal's suppliers does (a cloud service or chip
 * with no maker among the suppliers is supplied by them all).
 */
function supplyOf(supplier: string, dealKind: DealKind, covered: readonly Covered[], dealSuppliers: ReadonlySet<string>): DealSupply {
  const mine = covered.filter((c) => c.makers.has(supplier) || ![...c.makers].some((m) => dealSuppliers.has(m)));
  return {
    dealKind,
    cloudServiceKinds: mine.flatMap((c) => (c.serviceKind ? [c.serviceKind] : [])),
    coversChips: mine.some((c) => c.serviceKind === null),
  };
}

export interface Supply {
  supplierId: string;
  dealIds: string[];
  committedUsd: number | null;
  potentialUsd: number | null;
  restrictedByIds: string[];
}

export interface SuppliersRequest {
  of: string;
  /** Organizations left out, with everything they control. */
  excluding: readonly string[];
  when: When;
  offset: number;
  first: number;
}

export interface SuppliersAnswer {
  /** The suppliers from `offset`, at most `first`. */
  page: Supply[];
  totalCount: number;
  /** The exclusivities `of` granted that are in force (rows of every `restrictedByIds`). */
  granted: Row[];
}

/** `supply`: the supply graph read model; `store`: for the exclusivities; `control`: who controls whom on `r.when.asOf`. */
export async function suppliers(store: GraphStore, supply: SupplySource, control: ControlGraph, r: SuppliersRequest): Promise<SuppliersAnswer> {
  const excluding = [...new Set(r.excluding)];
  const controlled = excluding.flatMap((id) => control.controlledBy(id));
  const [facts, granted] = await Promise.all([
    supplierFacts(supply, r.of, [...excluding, ...controlled], r.when),
    exclusivitiesInForce(store, null, r.of, r.when),
  ]);
  const page = facts.slice(r.offset, r.offset + r.first).map((f) => {
    const related = new Set([f.supplierId, ...control.controlledBy(f.supplierId), ...control.controllersOf(f.supplierId)]);
    const supplied = scopesOfSupply(f.supplies);
    return {
      supplierId: f.supplierId,
      dealIds: f.dealIds,
      committedUsd: f.committedUsd,
      potentialUsd: f.potentialUsd,
      restrictedByIds: granted
        .filter((x) => !related.has(String(x.holderId)) && restricts((x.covers as string[] | null) ?? [], supplied))
        .map((x) => String(x.id)),
    };
  });
  return { page, totalCount: facts.length, granted };
}
