/**
 * What the graph covers, from its records (the seed files or an exported database): counts by
 * year, kind, region and source tier, how many deals rest on a primary or press source, the
 * newest fact, and the gaps an editor should close (organizations in no relationship, facts
 * resting only on secondary sources, sources not graded). `aigraph coverage` prints it.
 */
import { NODE_TYPES, type NodeTypeDef } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type CollectionName } from '../model/records.ts';
import { OTHER_REGION, regionOf } from '../model/regions.ts';
import { CONFIDENCES, SOURCE_TIERS, type Confidence, type SourceTier, type Status } from '../model/vocabulary.ts';
import { confidenceOf } from '../questions/rules/confidence.ts';
import type { RecordsByCollection } from './record-schemas.ts';
import { linkIds, valueAt } from './records-to-graph.ts';

type Obj = Record<string, unknown>;
type Counts = Record<string, number>;

export interface DatedFact {
  readonly id: string;
  readonly on: string;
  readonly what: string;
}

export interface Coverage {
  readonly totals: Readonly<Record<CollectionName, number>>;
  readonly dealsByYear: Counts;
  readonly exclusivitiesByYear: Counts;
  readonly dealsByKind: Counts;
  readonly exclusivitiesByKind: Counts;
  readonly organizationsByKind: Counts;
  readonly organizationsByRegion: Counts;
  /** A deal counts once in each region one of its parties is from. */
  readonly dealsByRegion: Counts;
  readonly sourcesByTier: Counts;
  readonly factsByConfidence: Counts;
  /** Deals citing at least one primary or press source, and their share of all deals (0 to 1). */
  readonly dealsWithPrimaryOrPress: { readonly count: number; readonly share: number };
  /** The latest day a deal or exclusivity was announced or changed status, and which. */
  readonly newestFact: DatedFact | null;
  readonly newestSource: DatedFact | null;
  readonly organizationsWithoutRelationship: readonly string[];
  /** Deals and exclusivities citing no primary or press source (only secondary or ungraded ones). */
  readonly factsWithOnlySecondarySources: readonly string[];
  readonly sourcesWithoutTier: readonly string[];
  /** Country codes the region table does not list (counted under "Other"). */
  readonly countriesWithoutRegion: readonly string[];
}

const UNGRADED = 'ungraded';
const bump = (c: Counts, k: string) => {
  c[k] = (c[k] ?? 0) + 1;
};
const yearOf = (d: unknown) => String(d).slice(0, 4);
const str = (v: unknown) => (v == null ? null : String(v));

/** Every organization id a record names (deal parties, holders and grantors, control ends, designers, operators...). */
function organizationsNamedBy(collection: CollectionName, r: Obj): string[] {
  const decl = RECORDS[collection];
  if (decl.shape === 'edge') {
    return [decl.from, decl.to].filter((end) => end.label === 'Organization').map((end) => String(r[end.key]));
  }
  const out: string[] = [];
  for (const part of decl.parts) {
    if (part.part === 'link' && part.target === 'Organization') out.push(...linkIds(valueAt(r, part.path)));
    if (part.part === 'parties') for (const p of (r.parties as Obj[] | undefined) ?? []) out.push(String(p.org));
  }
  const props = (NODE_TYPES[decl.label] as NodeTypeDef).properties;
  for (const [key, def] of Object.entries(props)) if (def.references === 'Organization' && r[key] != null) out.push(String(r[key]));
  return out;
}

export function coverageOf(records: RecordsByCollection): Coverage {
  const all = records as unknown as Record<CollectionName, Obj[]>;
  const totals = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, all[c].length])) as Record<CollectionName, number>;
  const sources = new Map(all.sources.map((s) => [String(s.id), s]));
  const organizations = new Map(all.organizations.map((o) => [String(o.id), o]));

  const related = new Set<string>();
  for (const c of COLLECTION_NAMES) {
    if (c === 'organizations') continue;
    for (const r of all[c]) for (const id of organizationsNamedBy(c, r)) related.add(id);
  }

  const organizationsByKind: Counts = {};
  const organizationsByRegion: Counts = {};
  const countriesWithoutRegion = new Set<string>();
  for (const o of all.organizations) {
    bump(organizationsByKind, String(o.kind));
    const region = regionOf(String(o.country));
    if (region === OTHER_REGION) countriesWithoutRegion.add(String(o.country));
    bump(organizationsByRegion, region);
  }

  const sourcesByTier: Counts = Object.fromEntries([...SOURCE_TIERS, UNGRADED].map((t) => [t, 0]));
  for (const s of all.sources) bump(sourcesByTier, str(s.tier) ?? UNGRADED);

  const factsByConfidence: Counts = Object.fromEntries(CONFIDENCES.map((c) => [c, 0]));
  const factsWithOnlySecondarySources: string[] = [];
  let newestFact: DatedFact | null = null;
  const later = (id: string, on: unknown, what: string) => {
    const day = str(on);
    if (day && (!newestFact || day > newestFact.on)) newestFact = { id, on: day, what };
  };
  const tiersOf = (r: Obj) =>
    linkIds(r.sources).map((id) => ({ publisher: String(sources.get(id)?.publisher ?? ''), tier: (str(sources.get(id)?.tier) as SourceTier | null) ?? null }));

  const dealsByYear: Counts = {};
  const dealsByKind: Counts = {};
  const dealsByRegion: Counts = {};
  let withPrimaryOrPress = 0;
  const facts = [...all.deals.map((r) => ['deal', r] as const), ...all.exclusivities.map((r) => ['exclusivity', r] as const)];
  for (const [kind, r] of facts) {
    const id = String(r.id);
    const tiers = tiersOf(r);
    bump(factsByConfidence, confidenceOf(tiers, r.status as Status) satisfies Confidence);
    if (!tiers.some((t) => t.tier === 'primary' || t.tier === 'press')) factsWithOnlySecondarySources.push(id);
    later(id, r.announcedOn, `${kind} announced`);
    for (const e of (r.statusHistory as Obj[] | undefined) ?? []) later(id, e.on, `${kind} ${String(e.status).replace('_', ' ')}`);
    if (kind !== 'deal') continue;
    bump(dealsByYear, yearOf(r.announcedOn));
    bump(dealsByKind, String(r.kind));
    if (tiers.some((t) => t.tier === 'primary' || t.tier === 'press')) withPrimaryOrPress++;
    const regions = new Set(((r.parties as Obj[] | undefined) ?? []).map((p) => regionOf(String(organizations.get(String(p.org))?.country ?? ''))));
    for (const region of regions) bump(dealsByRegion, region);
  }
  const exclusivitiesByYear: Counts = {};
  const exclusivitiesByKind: Counts = {};
  for (const r of all.exclusivities) {
    bump(exclusivitiesByYear, yearOf(r.announcedOn));
    bump(exclusivitiesByKind, String(r.kind));
  }

  let newestSource: DatedFact | null = null;
  for (const s of all.sources) {
    const on = String(s.publishedOn);
    if (!newestSource || on > newestSource.on) newestSource = { id: String(s.id), on, what: String(s.publisher) };
  }

  return {
    totals,
    dealsByYear,
    exclusivitiesByYear,
    dealsByKind,
    exclusivitiesByKind,
    organizationsByKind,
    organizationsByRegion,
    dealsByRegion,
    sourcesByTier,
    factsByConfidence,
    dealsWithPrimaryOrPress: { count: withPrimaryOrPress, share: all.deals.length ? withPrimaryOrPress / all.deals.length : 0 },
    newestFact,
    newestSource,
    organizationsWithoutRelationship: [...organizations.keys()].filter((id) => !related.has(id)).sort(),
    factsWithOnlySecondarySources: factsWithOnlySecondarySources.sort(),
    sourcesWithoutTier: all.sources
      .filter((s) => s.tier == null)
      .map((s) => String(s.id))
      .sort(),
    countriesWithoutRegion: [...countriesWithoutRegion].sort(),
  };
}

const table = (title: string, counts: Counts, order?: readonly string[]) => {
  const keys = order ? [...order.filter((k) => k in counts), ...Object.keys(counts).filter((k) => !order.includes(k))] : Object.keys(counts).sort();
  const width = Math.max(...keys.map((k) => k.length), 4);
  return [`${title}:`, ...keys.map((k) => `  ${k.padEnd(width)}  ${String(counts[k]).padStart(5)}`)];
};
const byCount = (c: Counts) => Object.keys(c).sort((a, b) => c[b]! - c[a]! || (a < b ? -1 : 1));
const list = (title: string, ids: readonly string[], max = 50) =>
  ids.length
    ? [`${title} (${ids.length}):`, ...ids.slice(0, max).map((id) => `  ${id}`), ...(ids.length > max ? [`  ... and ${ids.length - max} more`] : [])]
    : [`${title}: none`];

/** The report as text, for people. */
export function formatCoverage(c: Coverage): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    ...table('Records', c.totals as Counts, COLLECTION_NAMES),
    '',
    `Deals with a primary or press source: ${c.dealsWithPrimaryOrPress.count} of ${c.totals.deals} (${pct(c.dealsWithPrimaryOrPress.share)})`,
    `Newest fact: ${c.newestFact ? `${c.newestFact.on} (${c.newestFact.what}: ${c.newestFact.id})` : 'none'}`,
    `Newest source: ${c.newestSource ? `${c.newestSource.on} (${c.newestSource.what}: ${c.newestSource.id})` : 'none'}`,
    '',
    ...table('Deals by year announced', c.dealsByYear),
    ...table('Exclusivities and first rights by year announced', c.exclusivitiesByYear),
    ...table('Deals by kind', c.dealsByKind, byCount(c.dealsByKind)),
    ...table('Exclusivities by kind', c.exclusivitiesByKind, byCount(c.exclusivitiesByKind)),
    ...table('Organizations by kind', c.organizationsByKind, byCount(c.organizationsByKind)),
    ...table('Organizations by region', c.organizationsByRegion, byCount(c.organizationsByRegion)),
    ...table('Deals by region of their parties', c.dealsByRegion, byCount(c.dealsByRegion)),
    ...table('Sources by tier', c.sourcesByTier, [...SOURCE_TIERS, UNGRADED]),
    ...table('Deals and exclusivities by confidence', c.factsByConfidence, [...CONFIDENCES].reverse()),
    '',
    ...list('Organizations without a relationship', c.organizationsWithoutRelationship),
    ...list('Facts resting only on secondary or ungraded sources', c.factsWithOnlySecondarySources),
    ...list('Sources without a tier', c.sourcesWithoutTier),
    ...(c.countriesWithoutRegion.length ? [`Countries without a region (counted as ${OTHER_REGION}): ${c.countriesWithoutRegion.join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
