/**
 * `concentration(of, asOf)`: how concentrated an organization's supply is. Each supplier's
 * share of the committed dollars it is known to supply (suppliers and deals as in
 * `suppliers.ts`, nothing excluded) and the Herfindahl-Hirschman index of those shares. Deals
 * whose split is unknown count for no supplier and are listed apart.
 */
import type { When } from './rules/in-force.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { herfindahlIndex } from './rules/hhi.ts';
import { supplierFacts, type SupplierFacts } from './suppliers.ts';

export interface SupplierShare {
  supplierId: string;
  committedUsd: number;
  share: number;
  dealIds: string[];
}

export interface Concentration {
  organizationId: string;
  asOf: string;
  totalCommittedUsd: number;
  hhi: number;
  shares: SupplierShare[];
  dealsWithoutAmountIds: string[];
}

/** Shares of committed dollars per supplier, largest first, and their index (0..10000). */
export function concentrationOf(facts: readonly SupplierFacts[]): Omit<Concentration, 'organizationId' | 'asOf'> {
  const known = facts.filter((f) => f.committedUsd !== null && f.committedUsd > 0);
  const total = known.reduce((n, f) => n + f.committedUsd!, 0);
  const shares = known
    .map((f) => ({
      supplierId: f.supplierId,
      committedUsd: f.committedUsd!,
      share: total ? f.committedUsd! / total : 0,
      dealIds: f.dealIds.filter((d) => f.perDeal.get(d) !== null),
    }))
    .sort((a, b) => b.share - a.share || (a.supplierId < b.supplierId ? -1 : 1));
  const unknown = new Set<string>();
  for (const f of facts) for (const d of f.dealIds) if (f.perDeal.get(d) === null) unknown.add(d);
  for (const s of shares) for (const d of s.dealIds) unknown.delete(d);
  return { totalCommittedUsd: total, hhi: herfindahlIndex(shares.map((s) => s.share)), shares, dealsWithoutAmountIds: [...unknown].sort() };
}

export async function concentration(store: GraphStore, of: string, when: When): Promise<Concentration> {
  return { organizationId: of, asOf: when.asOf, ...concentrationOf(await supplierFacts(store, of, [], when)) };
}
