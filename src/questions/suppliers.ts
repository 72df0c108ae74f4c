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

export interface SupplierFacts {
  supplierId: string;
  /** The sums of its parts (null when no part is known). */
  committedUsd: number | null;
  potentialUsd: number | null;
  dealIds: string[];
  /** Gigawatts of the deals it alone supplies that report a capacity (null when none). */
  capacityGw: number | null;
  /** Deal id -> the supplier's part of it (null members when unknown). */
  perDeal: Map<string, SupplyPart>;
}

/** The supply rows of one customer, by deal: its kind and its suppliers (before exclusions). */
interface SupplyDeals {
  kindOf: Map<string, DealKind>;
  suppliersOf: Map<string, Set<string>>;
}

/**
 * The suppliers of `of` on `asOf` except `excluded`, largest committed amount first. Amounts are
 * split among all of a deal's suppliers before exclusions, so excluding a co-supplier never
 * hands its share to another.
 */
export async function supplierFacts(supply: SupplySource, of: string, excluded: readonly string[], when: When): Promise<SupplierFacts[]> {
  return (await supplyOfCustomer(supply, of, excluded, when)).facts;
}

async function supplyOfCustomer(supply: SupplySource, of: string, excluded: readonly string[], when: When): Promise<{ facts: SupplierFacts[] } & SupplyDeals> {
  const read = await supply.supplyRows(of, when);
  const rows = read.map((r) => ({ deal: r.deal, dealKind: r.dealKind, party: r.supplier, partyAmountUsd: r.partyAmountUsd }));
  const money = await supply.money(
    rows.map((r) => r.deal),
    when,
  );
  const split = splitMoney(rows, money);
  const suppliersOf = new Map<string, Set<string>>();
  const kindOf = new Map<string, DealKind>();
  for (const r of rows) {
    let set = suppliersOf.get(r.deal);
    if (!set) suppliersOf.set(r.deal, (set = new Set()));
    set.add(r.party);
    kindOf.set(r.deal, r.dealKind);
  }
  const skip = new Set(excluded);
  const bySupplier = new Map<string, SupplierFacts>();
  for (const { deal, party: supplier } of rows) {
    if (skip.has(supplier)) continue;
    const parties = split.get(deal)!;
    const m = parties.get(supplier) ?? NO_MONEY;
    const part: SupplyPart = {
      committedUsd: m.committedUsd,
      potentialUsd: m.potentialUsd,
      capacityGw: parties.size === 1 ? money.get(deal)!.capacityGw : null,
    };
    let f = bySupplier.get(supplier);
    if (!f) bySupplier.set(supplier, (f = { supplierId: supplier, dealIds: [], committedUsd: null, potentialUsd: null, capacityGw: null, perDeal: new Map() }));
    if (f.perDeal.has(deal)) continue;
    f.dealIds.push(deal);
    f.perDeal.set(deal, part);
    const sum = addMoney(f, part);
    f.committedUsd = sum.committedUsd;
    f.potentialUsd = sum.potentialUsd;
    if (part.capacityGw !== null) f.capacityGw = (f.capacityGw ?? 0) + part.capacityGw;
  }
  const facts = [...bySupplier.values()];
  for (const f of facts) f.dealIds.sort();
  facts.sort((a, b) => (b.committedUsd ?? -1) - (a.committedUsd ?? -1) || (a.supplierId < b.supplierId ? -1 : 1));
  return { facts, kindOf, suppliersOf };
}

interface Covered {
  item: string;
  serviceKind: CloudServiceKind | null;
  makers: Set<string>;
}

/** Deal id -> the cloud services and chips it covers, each with who operates or makes it, for the deals in `deals`. */
async function supplyCovers(supply: SupplySource, of: string, when: When, deals: ReadonlySet<string>): Promise<Map<string, Covered[]>> {
  const { covers, makers } = await supply.supplyCovers(of, when);
  const out = new Map<string, Covered[]>();
  const items = new Set<string>();
  for (const { deal, item } of covers) if (deals.has(deal)) items.add(item);
  const makersOf = new Map<string, Set<string>>();
  for (const { item, maker } of makers) {
    if (!items.has(item)) continue;
    if (!makersOf.has(item)) makersOf.set(item, new Set());
    makersOf.get(item)!.add(maker);
  }
  for (const { deal, item, serviceKind } of covers) {
    if (!deals.has(deal)) continue;
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

/** Runs work on the read model (the server queues it with the request's store reads). */
export type Compute = <T>(work: () => T | Promise<T>) => Promise<T>;

/**
 * `supply`: the supply graph read model; `store`: for the exclusivities; `control`: who controls
 * whom on `r.when.asOf`; `compute`: how the in-memory work runs (never holding a store read).
 */
export async function suppliers(
  store: GraphStore,
  supply: SupplySource,
  control: ControlGraph,
  r: SuppliersRequest,
  compute: Compute = async (work) => work(),
): Promise<SuppliersAnswer> {
  const excluding = [...new Set(r.excluding)];
  const controlled = excluding.flatMap((id) => control.controlledBy(id));
  const [{ facts, kindOf, suppliersOf }, granted] = await Promise.all([
    compute(() => supplyOfCustomer(supply, r.of, [...excluding, ...controlled], r.when)),
    exclusivitiesInForce(store, null, r.of, r.when),
  ]);
  const window = facts.slice(r.offset, r.offset + r.first);
  // What a supplier supplies matters only against an exclusivity the customer granted, and only
  // for the suppliers of the page: a hub's other thousands of deals are not read for it.
  const covers = granted.length
    ? await compute(() => supplyCovers(supply, r.of, r.when, new Set(window.flatMap((f) => f.dealIds))))
    : new Map<string, Covered[]>();
  const page = window.map((f) => {
    const related = new Set([f.supplierId, ...control.controlledBy(f.supplierId), ...control.controllersOf(f.supplierId)]);
    const supplied = granted.length
      ? scopesOfSupply(f.dealIds.map((d) => supplyOf(f.supplierId, kindOf.get(d)!, covers.get(d) ?? [], suppliersOf.get(d)!)))
      : new Set<never>();
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
