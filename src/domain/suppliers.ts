/**
 * Who supplies an organization, outside some organizations and what they control, and how
 * concentrated that supply is. Both questions read the same rows: supply deals in force on a
 * date where the organization receives and another supplies.
 */
import { EXCLUSIVITIES, SUPPLIERS } from '../queries/question-statements.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';

export interface SupplierFacts {
  supplierId: string;
  dealIds: string[];
  committedUsd: number | null;
  /** Deal id -> the supplier's committed amount in it (null when unknown). */
  perDeal: Map<string, number | null>;
}

export async function supplierFacts(
  store: GraphStore,
  of: string,
  excluded: readonly string[],
  asOf: string,
): Promise<SupplierFacts[]> {
  const rows = await store.read(SUPPLIERS, { of, asOf });
  const suppliersInDeal = new Map<string, Set<string>>();
  for (const r of rows) suppliersInDeal.set(String(r.deal), (suppliersInDeal.get(String(r.deal)) ?? new Set()).add(String(r.supplier)));
  const skip = new Set(excluded);
  const bySupplier = new Map<string, SupplierFacts>();
  for (const r of rows) {
    const supplier = String(r.supplier);
    if (skip.has(supplier)) continue;
    const deal = String(r.deal);
    // The supplier's own amount; else the deal's headline amount if it is the deal's only
    // supplier (counted before exclusions, so excluding a co-supplier inflates nothing).
    const value = (r.partyAmountUsd as number | null) ?? (suppliersInDeal.get(deal)!.size === 1 ? (r.dealAmountUsd as number | null) : null);
    let f = bySupplier.get(supplier);
    if (!f) bySupplier.set(supplier, (f = { supplierId: supplier, dealIds: [], committedUsd: null, perDeal: new Map() }));
    if (f.perDeal.has(deal)) continue;
    f.dealIds.push(deal);
    f.perDeal.set(deal, value);
    if (value !== null) f.committedUsd = (f.committedUsd ?? 0) + value;
  }
  const out = [...bySupplier.values()];
  for (const f of out) f.dealIds.sort();
  return out.sort((a, b) => (b.committedUsd ?? -1) - (a.committedUsd ?? -1) || (a.supplierId < b.supplierId ? -1 : 1));
}

/** Exclusivities in force, by holder and grantor (null for any). */
export async function exclusivitiesInForce(store: GraphStore, holder: string | null, grantor: string | null, asOf: string): Promise<Row[]> {
  const query = grantor ? EXCLUSIVITIES.ofGrantor : holder ? EXCLUSIVITIES.ofHolder : EXCLUSIVITIES.any;
  return store.read(query, { holder: holder ?? '', grantor: grantor ?? '', asOf });
}

export interface ConcentrationResult {
  totalCommittedUsd: number;
  hhi: number;
  shares: { supplierId: string; committedUsd: number; share: number; dealIds: string[] }[];
  dealsWithoutAmountIds: string[];
}

/** Shares of committed dollars per supplier and their Herfindahl-Hirschman index (0..10000). */
export function concentrationOf(facts: readonly SupplierFacts[]): ConcentrationResult {
  const known = facts.filter((f) => f.committedUsd !== null && f.committedUsd > 0);
  const total = known.reduce((n, f) => n + f.committedUsd!, 0);
  const shares = known
    .map((f) => ({ supplierId: f.supplierId, committedUsd: f.committedUsd!, share: total ? f.committedUsd! / total : 0, dealIds: f.dealIds.filter((d) => f.perDeal.get(d) !== null) }))
    .sort((a, b) => b.share - a.share || (a.supplierId < b.supplierId ? -1 : 1));
  const hhi = shares.reduce((n, s) => n + (s.share * 100) ** 2, 0);
  const unknown = new Set<string>();
  for (const f of facts) for (const d of f.dealIds) if (f.perDeal.get(d) === null) unknown.add(d);
  for (const s of shares) for (const d of s.dealIds) unknown.delete(d);
  return { totalCommittedUsd: total, hhi: Math.round(hhi * 100) / 100, shares, dealsWithoutAmountIds: [...unknown].sort() };
}
