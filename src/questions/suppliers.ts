/**
 * `suppliers(of, excluding, asOf)`: who supplies an organization through deals in force on a
 * date, outside some organizations and everything they control on that date (the caller passes
 * the control closure of `asOf`), largest committed amount first;
 * with each supplier, the exclusivities the customer granted to others (not the supplier, its
 * parents or its subsidiaries), which limit what that supplier may do for it.
 *
 * The supply rows are read once and worked on here: the count of suppliers per deal (for the
 * commitments rule) and the exclusions. On LadybugDB a `COUNT {}` subquery in the statement
 * aggregates every SUPPLIER_IN edge of the graph and `NOT s.id IN $list` filters after the joins.
 */
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { exclusivitiesInForce } from './exclusivities.ts';
import type { ControlGraph } from './rules/control-closure.ts';
import { dealMoneyOn } from './deal-money.ts';
import { addMoney, NO_MONEY, splitMoney, type Money } from './rules/commitments.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** Roles through which an organization receives supply. */
const RECEIVING_ROLES = 'CUSTOMER_IN|INVESTEE_IN|PARTNER_IN|BORROWER_IN';

/** Supply deals in force on `$asOf` where `$of` receives, with every other supplier of each. */
export const SUPPLIERS: Query = {
  name: 'q.suppliers',
  cypher:
    `MATCH (o:Organization {id: $of})-[:${RECEIVING_ROLES}]->(d:Deal) WHERE ${inForceCypher('d')} ` +
    'MATCH (s:Organization)-[e:SUPPLIER_IN]->(d) WHERE s.id <> $of ' +
    'RETURN DISTINCT s.id AS supplier, d.id AS deal, e.amountUsd AS partyAmountUsd',
};

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
}

/**
 * The suppliers of `of` on `asOf` except `excluded`, largest committed amount first. Amounts are
 * split among all of a deal's suppliers before exclusions, so excluding a co-supplier never
 * hands its share to another.
 */
export async function supplierFacts(store: GraphStore, of: string, excluded: readonly string[], when: When): Promise<SupplierFacts[]> {
  const rows = (await store.read(SUPPLIERS, { of, ...whenParams(when) })).map((r) => ({
    deal: String(r.deal),
    party: String(r.supplier),
    partyAmountUsd: r.partyAmountUsd as number | null,
  }));
  const money = await dealMoneyOn(
    store,
    rows.map((r) => r.deal),
    when,
  );
  const split = splitMoney(rows, money);
  const skip = new Set(excluded);
  const bySupplier = new Map<string, SupplierFacts>();
  for (const { deal, party: supplier } of rows) {
    if (skip.has(supplier)) continue;
    const parties = split.get(deal)!;
    const part: SupplyPart = { ...(parties.get(supplier) ?? NO_MONEY), capacityGw: parties.size === 1 ? money.get(deal)!.capacityGw : null };
    let f = bySupplier.get(supplier);
    if (!f) bySupplier.set(supplier, (f = { supplierId: supplier, dealIds: [], ...NO_MONEY, capacityGw: null, perDeal: new Map() }));
    if (f.perDeal.has(deal)) continue;
    f.dealIds.push(deal);
    f.perDeal.set(deal, part);
    Object.assign(f, addMoney(f, part));
    if (part.capacityGw !== null) f.capacityGw = (f.capacityGw ?? 0) + part.capacityGw;
  }
  const out = [...bySupplier.values()];
  for (const f of out) f.dealIds.sort();
  return out.sort((a, b) => (b.committedUsd ?? -1) - (a.committedUsd ?? -1) || (a.supplierId < b.supplierId ? -1 : 1));
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

/** `control`: who controls whom on `r.when.asOf`. */
export async function suppliers(store: GraphStore, control: ControlGraph, r: SuppliersRequest): Promise<SuppliersAnswer> {
  const excluding = [...new Set(r.excluding)];
  const controlled = excluding.flatMap((id) => control.controlledBy(id));
  const [facts, granted] = await Promise.all([
    supplierFacts(store, r.of, [...excluding, ...controlled], r.when),
    exclusivitiesInForce(store, null, r.of, r.when),
  ]);
  const page = facts.slice(r.offset, r.offset + r.first).map((f) => {
    const related = new Set([f.supplierId, ...control.controlledBy(f.supplierId), ...control.controllersOf(f.supplierId)]);
    return {
      supplierId: f.supplierId,
      dealIds: f.dealIds,
      committedUsd: f.committedUsd,
      potentialUsd: f.potentialUsd,
      restrictedByIds: granted.filter((x) => !related.has(String(x.holderId))).map((x) => String(x.id)),
    };
  });
  return { page, totalCount: facts.length, granted };
}
