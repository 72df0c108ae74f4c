/**
 * Synthetic organizations, ranked: rank 0 is the biggest hub. Every later pick of a deal party
 * is Zipf-weighted by rank inside the pool of kinds that can play the role, so degrees follow
 * a power law and the top few organizations of each pool take tens of thousands of deals.
 */
import type { OrganizationKind } from '../model/vocabulary.ts';
import type { OrganizationRecord } from '../records/record-schemas.ts';
import { brand, COUNTRIES, KIND_SUFFIXES, slugify } from './names.ts';
import type { Rng } from './prng.ts';
import { WeightedPicker } from './weighted-picker.ts';

/** The kinds of the hubs, by rank, so the largest organizations look like the real ones. */
const HUB_KINDS: readonly OrganizationKind[] = [
  'ai_lab',
  'hyperscaler',
  'ai_lab',
  'chip_designer',
  'hyperscaler',
  'investor',
  'neocloud',
  'ai_lab',
  'hyperscaler',
  'investor',
  'cloud_provider',
  'chip_designer',
  'foundry',
  'sovereign_fund',
  'data_center_operator',
  'energy',
];

const KIND_WEIGHTS: Readonly<Record<OrganizationKind, number>> = {
  ai_lab: 24,
  other: 14,
  investor: 14,
  neocloud: 5,
  cloud_provider: 5,
  chip_designer: 5,
  data_center_operator: 6,
  energy: 5,
  conglomerate: 5,
  sovereign_fund: 2,
  foundry: 1,
  hyperscaler: 0.3,
  government: 0,
};

/** Which kinds can play each part in a deal. */
export const POOL_KINDS = {
  computeSupplier: ['hyperscaler', 'cloud_provider', 'neocloud', 'data_center_operator'],
  chipSupplier: ['chip_designer', 'foundry'],
  lab: ['ai_lab', 'other', 'conglomerate'],
  chipBuyer: ['ai_lab', 'hyperscaler', 'cloud_provider', 'neocloud', 'other'],
  investor: ['investor', 'sovereign_fund', 'hyperscaler', 'conglomerate', 'chip_designer'],
  investee: ['ai_lab', 'neocloud', 'chip_designer', 'data_center_operator', 'other'],
  borrower: ['neocloud', 'data_center_operator', 'cloud_provider', 'ai_lab', 'energy'],
  lender: ['investor', 'sovereign_fund', 'conglomerate'],
  foundry: ['foundry'],
  any: null,
} as const satisfies Record<string, readonly OrganizationKind[] | null>;
export type Pool = keyof typeof POOL_KINDS;

export interface Organizations {
  readonly ids: string[];
  readonly kinds: OrganizationKind[];
  readonly names: string[];
  readonly pools: Record<Pool, WeightedPicker>;
}

/** Zipf exponent of party picks: 0.8 gives the top hub of 100k organizations ~2% of all deals. */
export const DEGREE_EXPONENT = 0.8;

export function makeOrganizations(rng: Rng, count: number): { orgs: Organizations; records: OrganizationRecord[] } {
  const ids: string[] = [];
  const kinds: OrganizationKind[] = [];
  const names: string[] = [];
  const records: OrganizationRecord[] = [];
  for (let rank = 0; rank < count; rank++) {
    const kind = HUB_KINDS[rank] ?? rng.weighted(KIND_WEIGHTS);
    const base = brand(rng);
    const name = `${base} ${rng.pick(KIND_SUFFIXES[kind]!)}`;
    const id = `${slugify(name)}-${rank.toString(36)}`;
    ids.push(id);
    kinds.push(kind);
    names.push(name);
    const record: OrganizationRecord = { id, name, kind, country: rank < HUB_KINDS.length ? 'US' : rng.pick(COUNTRIES) };
    if (rng.chance(0.3)) record.aliases = [base, `${name} Inc.`];
    if (rng.chance(0.5)) record.description = `Synthetic ${kind.replace(/_/g, ' ')} number ${rank}, generated for benchmarks.`;
    records.push(record);
  }
  const pools = Object.fromEntries(
    (Object.keys(POOL_KINDS) as Pool[]).map((pool) => {
      const allowed = POOL_KINDS[pool] as readonly OrganizationKind[] | null;
      const members: number[] = [];
      for (let r = 0; r < count; r++) if (!allowed || allowed.includes(kinds[r]!)) members.push(r);
      // A tiny graph may have no member of a kind: fall back to everybody.
      return [pool, WeightedPicker.zipf(members.length ? members : [...Array(count).keys()], DEGREE_EXPONENT)];
    }),
  ) as Record<Pool, WeightedPicker>;
  return { orgs: { ids, kinds, names, pools }, records };
}
