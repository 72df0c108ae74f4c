/**
 * Synthetic deals, in announcement order, with their sources and the exclusivities some of
 * them create. Dates spread over the years with more deals in recent ones; statuses follow a
 * deal's age (recent ones are rumoured or in talks, old ones completed, expired or ended);
 * every deal cites one to three sources, shared with neighbouring deals the way one article
 * reports several deals; some deals carry a status history, a disagreeing amount report, or
 * are superseded by a later deal between the same parties.
 */
import type { AmountQualifier, DealKind, ExclusivityKind, Status } from '../model/vocabulary.ts';
import type { PartyRole } from '../model/graph-model.ts';
import type { DealRecord, ExclusivityRecord, SourceRecord } from '../records/record-schemas.ts';
import type { Catalog } from './catalog.ts';
import { isoOf } from './dates.ts';
import { PUBLISHERS, slugify, TOPICS } from './names.ts';
import type { Organizations, Pool } from './organizations.ts';
import type { Rng } from './prng.ts';

const DEAL_KIND_WEIGHTS: Readonly<Record<DealKind, number>> = {
  compute_contract: 30,
  equity_investment: 27,
  chip_supply: 14,
  partnership: 10,
  debt_financing: 5,
  licensing: 5,
  joint_venture: 4,
  acquisition: 3,
  custom_silicon: 2,
};

type Party = DealRecord['parties'][number];

/** Which pool fills which role, per kind of deal: [role, pool, min, max]. */
const SHAPES: Record<DealKind, [PartyRole, Pool, number, number][]> = {
  compute_contract: [
    ['supplier', 'computeSupplier', 1, 2],
    ['customer', 'lab', 1, 1],
  ],
  chip_supply: [
    ['supplier', 'chipSupplier', 1, 1],
    ['customer', 'chipBuyer', 1, 1],
  ],
  custom_silicon: [
    ['supplier', 'chipSupplier', 1, 1],
    ['customer', 'chipBuyer', 1, 1],
  ],
  equity_investment: [
    ['investee', 'investee', 1, 1],
    ['investor', 'investor', 1, 6],
  ],
  debt_financing: [
    ['borrower', 'borrower', 1, 1],
    ['lender', 'lender', 1, 3],
  ],
  acquisition: [
    ['acquirer', 'any', 1, 1],
    ['acquired', 'any', 1, 1],
  ],
  partnership: [['partner', 'any', 2, 3]],
  joint_venture: [['partner', 'any', 2, 4]],
  licensing: [['partner', 'any', 2, 2]],
};

const VERBS: Record<DealKind, string> = {
  compute_contract: 'signs a compute contract with',
  chip_supply: 'agrees to supply chips to',
  custom_silicon: 'designs custom silicon for',
  equity_investment: 'raises money from',
  debt_financing: 'borrows from',
  acquisition: 'acquires',
  partnership: 'partners with',
  joint_venture: 'forms a joint venture with',
  licensing: 'licenses technology to',
};

const EXCLUSIVITY_KINDS: Readonly<Record<ExclusivityKind, number>> = { exclusive: 50, right_of_first_refusal: 30, exclusive_license: 10, other: 10 };
const QUALIFIERS: Readonly<Record<AmountQualifier, number>> = { exact: 20, approx: 45, up_to: 25, at_least: 10 };
const ENDED = new Set<Status>(['expired', 'terminated', 'superseded', 'called_off']);

export interface DealOptions {
  readonly deals: number;
  readonly firstDay: number;
  /** The day the synthetic world stands on: nothing is announced or ends after it. */
  readonly lastDay: number;
}

export type Emitted = { kind: 'deal'; record: DealRecord } | { kind: 'source'; record: SourceRecord } | { kind: 'exclusivity'; record: ExclusivityRecord };

/** Deterministic given the generator state: yields every record, sources before their citers. */
export function* makeDeals(rng: Rng, orgs: Organizations, catalog: Catalog, o: DealOptions): Generator<Emitted> {
  const span = o.lastDay - o.firstDay;
  const recent: string[] = []; // a ring of recent sources that later deals may cite too
  let sourceCount = 0;
  let exclusivityCount = 0;
  let dealCount = 0;

  function* newSource(day: number, headline: string): Generator<Emitted, string> {
    const publisher = rng.pick(PUBLISHERS);
    const published = Math.min(o.lastDay, day + rng.int(3));
    const iso = isoOf(published);
    const n = (sourceCount++).toString(36);
    const id = `${slugify(publisher)}-${iso}-s${n}`;
    const record: SourceRecord = {
      id,
      url: `https://${slugify(publisher)}.example/${iso.replace(/-/g, '/')}/${slugify(headline).slice(0, 60)}-${n}`,
      publisher,
      title: headline,
      publishedOn: iso,
    };
    yield { kind: 'source', record };
    recent[sourceCount % 64] = id;
    return id;
  }

  const amount = (median: number) => Math.max(1e5, Math.round(Math.exp(Math.log(median) + 1.7 * rng.normal()) / 1e5) * 1e5);

  function statusFor(kind: DealKind, day: number): Status {
    const age = o.lastDay - day;
    const done = kind === 'equity_investment' || kind === 'acquisition' || kind === 'debt_financing' ? 'completed' : 'active';
    if (age < 60) return rng.weighted({ rumoured: 15, in_talks: 25, announced: 40, signed: 20 } as Record<Status, number>);
    if (age < 365) return rng.weighted({ announced: 20, signed: 35, [done]: 30, called_off: 7, terminated: 3, superseded: 5 } as Record<Status, number>);
    return rng.weighted({ [done]: 55, signed: 6, expired: 18, terminated: 8, called_off: 5, superseded: 8 } as Record<Status, number>);
  }

  function* deal(kind: DealKind, day: number, fixedParties: Party[] | null, supersedes: string | null): Generator<Emitted, DealRecord> {
    const parties: Party[] = fixedParties ?? [];
    if (!fixedParties) {
      const used = new Set<number>();
      for (const [role, pool, min, max] of SHAPES[kind]) {
        for (const r of orgs.pools[pool].pickDistinct(rng, rng.between(min, max), used)) {
          used.add(r);
          parties.push({ org: orgs.ids[r]!, role });
        }
      }
      // A pool that ran dry (tiny graphs): top up from everybody, so every deal has two parties.
      while (parties.length < 2) {
        const [r] = orgs.pools.any.pickDistinct(rng, 1, used);
        if (r === undefined) break;
        used.add(r);
        parties.push({ org: orgs.ids[r]!, role: 'partner' });
      }
    }
    const investors = parties.filter((p) => p.role === 'investor');
    if (!fixedParties && investors.length > 1) {
      if (rng.chance(0.4)) investors[0]!.lead = true;
      for (const p of investors) if (rng.chance(0.3)) p.amountUsd = amount(2e7);
    }
    const orgName = (id: string) => orgs.names[parseInt(id.slice(id.lastIndexOf('-') + 1), 36)] ?? id;
    const first = orgName(parties[0]!.org);
    const second = orgName(parties[1]!.org);
    const year = isoOf(day).slice(0, 4);
    const topic = rng.pick(TOPICS);
    const title = `${first} ${VERBS[kind]} ${second} (${topic}, ${year})`;
    const n = (dealCount++).toString(36);
    const id = `${slugify(first).split('-')[0]}-${slugify(second).split('-')[0]}-${year}-${kind.replace(/_/g, '-')}-d${n}`;
    let status = supersedes ? rng.pick(['signed', 'active'] as Status[]) : statusFor(kind, day);
    if (status === 'superseded' && o.lastDay - day < 90) status = 'terminated';
    const record: DealRecord = {
      id,
      title,
      kind,
      status,
      announcedOn: isoOf(day),
      summary: `Synthetic ${kind.replace(/_/g, ' ')} about ${topic} (benchmark data, not a real deal).`,
      parties,
      sources: [],
    };
    if (rng.chance(0.8)) {
      record.amountUsd = amount(kind === 'equity_investment' ? 5e7 : 2e8);
      record.amountQualifier = rng.weighted(QUALIFIERS);
    }
    if (kind === 'equity_investment' && rng.chance(0.6)) record.round = rng.pick(['Seed', 'Series A', 'Series B', 'Series C', 'Series D', 'Growth']);
    const age = o.lastDay - day;
    if (rng.chance(0.4)) record.effectiveFrom = isoOf(Math.min(o.lastDay, day + rng.int(120)));
    if (kind === 'compute_contract' || kind === 'chip_supply') {
      if (rng.chance(0.5) && record.effectiveFrom) record.effectiveUntil = isoOf(day + 365 * rng.between(1, 10));
      else if (rng.chance(0.3)) record.term = `${rng.between(2, 10)} years`;
    }
    let endDay: number | null = null;
    if (ENDED.has(status)) {
      endDay = Math.min(o.lastDay, day + 1 + rng.int(Math.max(1, Math.min(age, 1500))));
      record.endedOn = isoOf(endDay);
    }
    // Sources: a new article, or one that already reported a neighbouring deal.
    const cite = new Set<string>();
    const wanted = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0);
    while (cite.size < wanted) {
      const reuse = sourceCount > 0 && rng.chance(0.4) ? recent[rng.int(Math.min(64, sourceCount))] : undefined;
      cite.add(reuse ?? (yield* newSource(day, title)));
    }
    record.sources = [...cite];
    if (kind === 'compute_contract' || kind === 'chip_supply' || kind === 'custom_silicon') {
      const supplierRank = parseInt(parties[0]!.org.slice(parties[0]!.org.lastIndexOf('-') + 1), 36);
      const own = (kind === 'compute_contract' ? catalog.servicesOf : catalog.chipsOf).get(supplierRank) ?? [];
      const chips =
        kind === 'compute_contract' || !own.length ? catalog.chipPicker.pickDistinct(rng, rng.between(0, 2)).map((c) => catalog.chips[c]!.id) : [rng.pick(own)];
      const covers: NonNullable<DealRecord['covers']> = {};
      if (chips.length) covers.chips = [...new Set(chips)].sort();
      if (kind === 'compute_contract' && own.length && rng.chance(0.6)) covers.cloudServices = [rng.pick(own)];
      if (rng.chance(0.3)) covers.note = `${rng.between(1, 500) * 1000} accelerators`;
      if (Object.keys(covers).length) record.covers = covers;
    }
    if (rng.chance(0.25)) {
      // Status history: how it started, and how it stands now (on the day it ended, if it did).
      const opening: Status = age < 60 ? status : rng.pick(['rumoured', 'in_talks', 'announced'] as Status[]);
      const history: NonNullable<DealRecord['statusHistory']> = [{ status: opening, on: isoOf(day), sources: [record.sources[0]!] }];
      if (opening !== status)
        history.push({
          status,
          on: isoOf(endDay ?? Math.min(o.lastDay, day + rng.int(Math.max(1, age)))),
          sources: [record.sources[record.sources.length - 1]!],
        });
      record.statusHistory = history;
    }
    if (record.amountUsd != null && rng.chance(0.03)) {
      record.otherReports = [
        {
          amountUsd: Math.round(record.amountUsd * (0.6 + rng.next() * 0.8)),
          amountQualifier: 'approx',
          sources: [record.sources[0]!],
          note: 'a different outlet reported another figure',
        },
      ];
    }
    if (supersedes) record.supersedes = [supersedes];
    return record;
  }

  while (dealCount < o.deals) {
    // More deals in recent years: day = first + span * ln(1 + u(e^k - 1)) / k, u increasing.
    const u = (dealCount + rng.next()) / o.deals;
    const k = 2.5;
    const day = o.firstDay + Math.floor((span * Math.log(1 + u * (Math.exp(k) - 1))) / k);
    const kind = rng.weighted(DEAL_KIND_WEIGHTS);
    const record = yield* deal(kind, day, null, null);
    yield { kind: 'deal', record };
    if (record.status === 'superseded' && dealCount < o.deals) {
      // Its successor, between the same parties, announced the day the first one ended.
      const next = yield* deal(
        kind,
        Math.max(day, Math.min(o.lastDay, Date.parse(`${record.endedOn}T00:00:00Z`) / 86_400_000)),
        record.parties.map((p) => ({ org: p.org, role: p.role })),
        record.id,
      );
      yield { kind: 'deal', record: next };
    }
    const holder = record.parties.find((p) => p.role === 'supplier' || p.role === 'investor');
    const grantor = record.parties.find((p) => p.role === 'customer' || p.role === 'investee');
    if (holder && grantor && rng.chance(kind === 'compute_contract' ? 0.02 : 0.005)) {
      const x: ExclusivityRecord = {
        id: `${record.id.replace(/-d[0-9a-z]+$/, '')}-exclusivity-x${(exclusivityCount++).toString(36)}`,
        title: `${orgName(holder.org)} holds ${kind === 'compute_contract' ? 'exclusive cloud rights' : 'a right of first refusal'} with ${orgName(grantor.org)}`,
        kind: kind === 'compute_contract' ? rng.weighted(EXCLUSIVITY_KINDS) : 'right_of_first_refusal',
        holder: holder.org,
        grantor: grantor.org,
        scope: `Synthetic exclusivity created by deal ${record.id}.`,
        status: record.status,
        announcedOn: record.announcedOn,
        deal: record.id,
        sources: [...record.sources],
      };
      if (record.effectiveFrom) x.validFrom = record.effectiveFrom;
      if (record.effectiveUntil) x.validUntil = record.effectiveUntil;
      else if (rng.chance(0.5)) x.term = `until the deal ends`;
      if (record.endedOn) x.endedOn = record.endedOn;
      yield { kind: 'exclusivity', record: x };
    }
  }

  function orgName(id: string): string {
    return orgs.names[parseInt(id.slice(id.lastIndexOf('-') + 1), 36)] ?? id;
  }
}
