/**
 * `concentration(of, asOf, knownOn, by)`: how concentrated an organization's supply is. Each
 * supplier's share of one measure (suppliers and deals as in `suppliers.ts`, nothing excluded)
 * and the Herfindahl-Hirschman index of those shares:
 * - `usd`: the committed dollars (the commitments rule: binding deals, firm amounts, upfront
 *   tranches), so talks, letters of intent and conditional money weigh nothing;
 * - `gw`: the capacity in gigawatts of the deals in force that a supplier alone supplies, as
 *   reported. Capacity figures are deployment plans, most of them targets or ceilings, so a deal
 *   counts once the parties announced it (AMD's signed 6 GW and Broadcom's announced 10 GW), not
 *   while it is only rumoured or in talks (the commitments rule's `countedCapacity`).
 * Deals whose measure is unknown count for no supplier and are listed apart.
 */
import type { When } from './rules/in-force.ts';
import type { SupplySource } from './supply-source.ts';
import { herfindahlIndex } from './rules/hhi.ts';
import type { SupplierFacts, SupplyPart } from './customer-supply.ts';
import { supplierFacts } from './suppliers.ts';

export type ConcentrationMeasure = 'usd' | 'gw';

export interface SupplierShare {
  supplierId: string;
  committedUsd: number | null;
  potentialUsd: number | null;
  capacityGw: number | null;
  /** The measure the shares are of, for this supplier. */
  value: number;
  share: number;
  dealIds: string[];
}

export interface Concentration {
  organizationId: string;
  asOf: string;
  by: ConcentrationMeasure;
  /** Committed dollars of the suppliers in the shares. */
  totalCommittedUsd: number;
  /** The measure over every supplier in the shares. */
  total: number;
  hhi: number;
  shares: SupplierShare[];
  dealsWithoutAmountIds: string[];
}

const byShare = (a: SupplierShare, b: SupplierShare) => b.share - a.share || (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0);
const measureOf = (by: ConcentrationMeasure) => (m: SupplierFacts | SupplyPart) => (by === 'usd' ? m.committedUsd : m.capacityGw);

/** Shares of the measure per supplier, largest first, and their index (0..10000). */
export function concentrationOf(facts: readonly SupplierFacts[], by: ConcentrationMeasure = 'usd'): Omit<Concentration, 'organizationId' | 'asOf'> {
  const measure = measureOf(by);
  const known = facts.filter((f) => (measure(f) ?? 0) > 0);
  const total = known.reduce((n, f) => n + measure(f)!, 0);
  const shares = known.map((f) => ({
    supplierId: f.supplierId,
    committedUsd: f.committedUsd,
    potentialUsd: f.potentialUsd,
    capacityGw: f.capacityGw,
    value: measure(f)!,
    share: total ? measure(f)! / total : 0,
    dealIds: f.dealIds.filter((_, i) => measure(f.parts[i]!) !== null),
  }));
  // Usually in order already (the facts come largest committed amount first, then by id).
  if (!shares.every((s, i) => i === 0 || byShare(shares[i - 1]!, s) <= 0)) shares.sort(byShare);
  const unknown = new Set<string>();
  for (const f of facts) for (let i = 0; i < f.dealIds.length; i++) if (measure(f.parts[i]!) === null) unknown.add(f.dealIds[i]!);
  for (const s of shares) for (const d of s.dealIds) unknown.delete(d);
  return {
    by,
    totalCommittedUsd: shares.reduce((n, s) => n + (s.committedUsd ?? 0), 0),
    total,
    hhi: herfindahlIndex(shares.map((s) => s.share)),
    shares,
    dealsWithoutAmountIds: [...unknown].sort(),
  };
}

export async function concentration(supply: SupplySource, of: string, when: When, by: ConcentrationMeasure = 'usd'): Promise<Concentration> {
  return { organizationId: of, asOf: when.asOf, ...concentrationOf(await supplierFacts(supply, of, [], when), by) };
}
