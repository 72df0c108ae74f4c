/**
 * `suppliers(of, excluding, asOf)`: who supplies an organization through deals in force on a
 * date, outside some organizations and everything they control on that date (the caller passes
 * the control closure of `asOf`), largest committed amount first;
 * with each supplier, the exclusivities the customer granted to others (not the supplier, its
 * parents or its subsidiaries) that cover what that supplier supplies to it (rules/scope.ts).
 *
 * The supply of the customer (each supplier's deals and money, customer-supply.ts) comes from the
 * supply source in one piece; the exclusions and the count of suppliers per deal (for the
 * commitments rule) are worked out there, not in a statement: on LadybugDB a `COUNT {}` subquery
 * aggregates every SUPPLIER_IN edge of the graph and `NOT s.id IN $list` filters after the joins.
 */
import type { Row } from '../store/graph-store.ts';
import type { SupplierFacts } from './customer-supply.ts';
import type { ControlGraph } from './rules/control-closure.ts';
import type { When } from './rules/in-force.ts';
import type { SupplySource } from './supply-source.ts';
import { restricts, scopesOfSupply, type DealSupply } from './rules/scope.ts';
import type { CloudServiceKind, DealKind, Status } from '../model/vocabulary.ts';

/**
 * The suppliers of `of` on `asOf` except `excluded`, largest committed amount first. Amounts are
 * split among all of a deal's suppliers before exclusions, so excluding a co-supplier never
 * hands its share to another.
 */
export async function supplierFacts(supply: SupplySource, of: string, excluded: readonly string[], when: When): Promise<SupplierFacts[]> {
  return (await supply.customerSupply(of, new Set(excluded), when)).facts;
}

interface Covered {
  item: string;
  serviceKind: CloudServiceKind | null;
  makers: Set<string>;
}

/** Deal id -> the cloud services and chips it covers, each with who operates or makes it, for the deals in `deals`. */
async function supplyCovers(supply: SupplySource, of: string, when: When, deals: ReadonlySet<string>): Promise<Map<string, Covered[]>> {
  const { covers, makers } = await supply.supplyCovers(of, when, deals);
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
function supplyOf(supplier: string, dealKind: DealKind, covered: readonly Covered[], dealSuppliers: () => ReadonlySet<string>): DealSupply {
  const mine = covered.filter((c) => c.makers.has(supplier) || ![...c.makers].some((m) => dealSuppliers().has(m)));
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
  /** The status on the day asked of each deal of the page. */
  dealStatuses: Map<string, Status>;
}

/** Runs work on the read model (the server queues it with the request's store reads). */
export type Compute = <T>(work: () => T | Promise<T>) => Promise<T>;

/**
 * `supply`: the supply graph read model (the supply and the exclusivities granted); `control`: who
 * controls whom on `r.when.asOf`; `compute`: how the in-memory work runs (never holding a store read).
 */
export async function suppliers(
  supply: SupplySource,
  control: ControlGraph,
  r: SuppliersRequest,
  compute: Compute = async (work) => work(),
): Promise<SuppliersAnswer> {
  const excluding = [...new Set(r.excluding)];
  const controlled = excluding.flatMap((id) => control.controlledBy(id));
  const [customer, granted] = await Promise.all([
    compute(() => supply.customerSupply(r.of, new Set([...excluding, ...controlled]), r.when)),
    supply.granted(r.of, r.when),
  ]);
  const { facts, kindOf, suppliersOf } = customer;
  const window = facts.slice(r.offset, r.offset + r.first);
  // What a supplier supplies matters only against an exclusivity the customer granted, and only
  // for the suppliers of the page: a hub's other thousands of deals are not read for it.
  const covers = granted.length
    ? await compute(() => supplyCovers(supply, r.of, r.when, new Set(window.flatMap((f) => f.dealIds))))
    : new Map<string, Covered[]>();
  const page = window.map((f) => {
    const related = new Set([f.supplierId, ...control.controlledBy(f.supplierId), ...control.controllersOf(f.supplierId)]);
    const supplied = granted.length
      ? scopesOfSupply(f.dealIds.map((d) => supplyOf(f.supplierId, kindOf(d), covers.get(d) ?? [], () => suppliersOf(d))))
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
  const dealStatuses = new Map<string, Status>();
  for (const f of window) {
    for (const d of f.dealIds) {
      const status = customer.moneyOf(d).status;
      if (status) dealStatuses.set(d, status);
    }
  }
  return { page, totalCount: facts.length, granted, dealStatuses };
}
