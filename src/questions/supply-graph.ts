/**
 * The read model of the money questions: the supply and investment graph held in memory, built
 * from a few whole-table reads once per graph version (the server keeps one per version, like the
 * control links), and answering what `storeSupply` answers with the same rules (rules/in-force.ts,
 * the status-on and commitments rules through `moneyOn`). A deal's dates, status, confidence and
 * amounts are kept in columns indexed by a deal number (deals numbered in id order); the party
 * relationships as adjacency lists both ways (by organization and by deal), plus the deals each
 * organization receives through and the distinct suppliers of each deal; the exclusivities, by
 * grantor (a few thousand at a million deals). Strings repeat a lot (days, kinds, statuses):
 * each distinct one is kept once.
 */
import type { AmountQualifier, CloudServiceKind, DealKind, Status, TrancheKind } from '../model/vocabulary.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { addPart, newSupplierFacts, ordered, type CustomerSupply, type SupplierFacts } from './customer-supply.ts';
import { moneyOn, type DealMoneyOn } from './deal-money.ts';
import { partOf } from './rules/commitments.ts';
import { FactDates } from './fact-dates.ts';
import { Strings } from './interned-strings.ts';
import { childIndex } from '../records/records-to-graph.ts';
import { ALL_EXCLUSIVITIES, byAnnouncement } from './exclusivities.ts';
import { isInForce, LATEST_DAY, type Dated, type When } from './rules/in-force.ts';
import type { DatedEntry } from './rules/status-on.ts';
import { DEAL_FACT_COLUMNS, RECEIVING_ROLES, type CoveredRow, type InvestmentRow, type MakerRow, type SupplyRow, type SupplySource } from './supply-source.ts';

/** The party relationships the read model holds. */
const ROLES = [...RECEIVING_ROLES, 'SUPPLIER_IN', 'INVESTOR_IN'] as const;
type Role = (typeof ROLES)[number];
const ROLE_CODE = new Map<Role, number>(ROLES.map((r, i) => [r, i]));
const RECEIVING_CODES = new Set(RECEIVING_ROLES.map((r) => ROLE_CODE.get(r)!));
const SUPPLIER = ROLE_CODE.get('SUPPLIER_IN')!;
const INVESTOR = ROLE_CODE.get('INVESTOR_IN')!;
const INVESTEE = ROLE_CODE.get('INVESTEE_IN')!;

/** The statements the read model is built from (whole tables, read once per graph version). */
export const SUPPLY_GRAPH_STATEMENTS = {
  deals: { name: 'q.supplyGraph.deals', cypher: `MATCH (d:Deal) RETURN ${DEAL_FACT_COLUMNS.map((c) => `d.${c} AS ${c}`).join(', ')}` },
  parties: Object.fromEntries(
    ROLES.map((r) => [
      r,
      { name: `q.supplyGraph.parties.${r}`, cypher: `MATCH (o:Organization)-[e:${r}]->(d:Deal) RETURN o.id AS org, d.id AS deal, e.amountUsd AS amountUsd` },
    ]),
  ) as Record<Role, Query>,
  history: {
    name: 'q.supplyGraph.history',
    cypher:
      'MATCH (d:Deal)-[:HAS_STATUS]->(s:StatusEntry) RETURN d.id AS deal, s.id AS entry, s.status AS status, s.changedOn AS changedOn, s.knownSince AS knownSince',
  },
  tranches: {
    name: 'q.supplyGraph.tranches',
    cypher:
      'MATCH (d:Deal)-[:HAS_TRANCHE]->(t:Tranche) RETURN d.id AS deal, t.amountUsd AS amountUsd, t.amountQualifier AS amountQualifier, t.kind AS kind, t.knownSince AS knownSince',
  },
  covers: {
    name: 'q.supplyGraph.covers',
    cypher: [
      'MATCH (d:Deal)-[:COVERS]->(c:CloudService) RETURN d.id AS deal, c.id AS item, c.kind AS serviceKind',
      "MATCH (d:Deal)-[:COVERS]->(c:Chip) RETURN d.id AS deal, c.id AS item, '' AS serviceKind",
    ].join(' UNION ALL '),
  },
  makers: {
    name: 'q.supplyGraph.makers',
    cypher: [
      'MATCH (c:CloudService)<-[:OPERATES]-(m:Organization) RETURN c.id AS item, m.id AS maker',
      'MATCH (c:Chip)<-[:DESIGNS|MANUFACTURES]-(m:Organization) RETURN c.id AS item, m.id AS maker',
    ].join(' UNION ALL '),
  },
} as const;

export const SUPPLY_GRAPH_QUERIES: readonly Query[] = [
  ALL_EXCLUSIVITIES,
  SUPPLY_GRAPH_STATEMENTS.deals,
  ...Object.values(SUPPLY_GRAPH_STATEMENTS.parties),
  SUPPLY_GRAPH_STATEMENTS.history,
  SUPPLY_GRAPH_STATEMENTS.tranches,
  SUPPLY_GRAPH_STATEMENTS.covers,
  SUPPLY_GRAPH_STATEMENTS.makers,
];

interface Tranche {
  amountUsd: number;
  amountQualifier: AmountQualifier;
  kind: TrancheKind;
  knownSince: string | null;
}

/** Adjacency lists in compressed form: the neighbours of `i` are `to[start[i]..start[i+1])`. */
interface Adjacency {
  start: Uint32Array;
  to: Uint32Array;
  role: Uint8Array;
  amount: Float64Array;
}

function adjacency(n: number, from: Uint32Array, to: Uint32Array, role: Uint8Array, amount: Float64Array, count: number): Adjacency {
  const start = new Uint32Array(n + 1);
  for (let e = 0; e < count; e++) start[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const out = { start, to: new Uint32Array(count), role: new Uint8Array(count), amount: new Float64Array(count) };
  for (let e = 0; e < count; e++) {
    const at = fill[from[e]!]!++;
    out.to[at] = to[e]!;
    out.role[at] = role[e]!;
    out.amount[at] = amount[e]!;
  }
  return out;
}

const str = (v: unknown): string | null => (v == null ? null : String(v));

/** An amount column: NaN stands for "not reported". */
const amountOf = (v: unknown) => (v == null ? Number.NaN : Number(v));
const orNull = (n: number) => (Number.isNaN(n) ? null : n);
const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;

export class SupplyGraph implements SupplySource {
  private readonly dealNo = new Map<string, number>();
  private readonly dealId: string[] = [];
  private readonly kind: (string | null)[] = [];
  private readonly status: (string | null)[] = [];
  /** Each deal's dates and confidence, by deal number. */
  private readonly dates = new FactDates();
  private readonly amountQualifier: (string | null)[] = [];
  private amountUsd = new Float64Array(0);
  private capacityGw = new Float64Array(0);
  private readonly orgNo = new Map<string, number>();
  private readonly orgId: string[] = [];
  private byOrg!: Adjacency;
  private byDeal!: Adjacency;
  /** Per organization: the deals it receives through (any receiving role), each once, ascending. */
  private received!: { start: Uint32Array; deal: Uint32Array };
  /** Per deal: its distinct suppliers, ascending, with the largest own amount each reported (NaN: none). */
  private supplied!: { start: Uint32Array; org: Uint32Array; own: Float64Array };
  /** Status-history entries of each deal that has one, in the record's order. */
  private readonly history = new Map<number, (DatedEntry & { index: number })[]>();
  private readonly tranches = new Map<number, Tranche[]>();
  private readonly covered = new Map<number, { item: string; serviceKind: CloudServiceKind | null }[]>();
  private readonly makersOf = new Map<string, string[]>();
  /** Exclusivity rows (with `holderId` and `grantorId`) by grantor, oldest first: the suppliers question reads what its customer granted. */
  private readonly grantedBy = new Map<string, Row[]>();

  /** Reads the graph's deals, party relationships, histories, tranches and what deals cover. */
  static async read(store: GraphStore): Promise<SupplyGraph> {
    const g = new SupplyGraph();
    const strings = new Strings();
    g.addDeals(await store.read(SUPPLY_GRAPH_STATEMENTS.deals), strings);
    let capacity = 1 << 16;
    let from = new Uint32Array(capacity);
    let to = new Uint32Array(capacity);
    let role = new Uint8Array(capacity);
    let amount = new Float64Array(capacity);
    let count = 0;
    for (const r of ROLES) {
      const code = ROLE_CODE.get(r)!;
      for (const row of await store.read(SUPPLY_GRAPH_STATEMENTS.parties[r])) {
        const deal = g.dealNo.get(String(row.deal));
        if (deal === undefined) continue;
        if (count === capacity) {
          capacity *= 2;
          const grow = <T extends Uint32Array | Uint8Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
          from = grow(from, new Uint32Array(capacity));
          to = grow(to, new Uint32Array(capacity));
          role = grow(role, new Uint8Array(capacity));
          amount = grow(amount, new Float64Array(capacity));
        }
        from[count] = g.orgOf(String(row.org));
        to[count] = deal;
        role[count] = code;
        amount[count] = amountOf(row.amountUsd);
        count++;
      }
    }
    g.byOrg = adjacency(g.orgId.length, from, to, role, amount, count);
    g.byDeal = adjacency(g.dealId.length, to, from, role, amount, count);
    g.received = g.receivedRuns();
    g.supplied = g.suppliedRuns();
    for (const row of await store.read(SUPPLY_GRAPH_STATEMENTS.history)) {
      const deal = g.dealNo.get(String(row.deal));
      if (deal === undefined) continue;
      let list = g.history.get(deal);
      if (!list) g.history.set(deal, (list = []));
      list.push({
        status: strings.of(row.status) as Status,
        on: strings.of(row.changedOn)!,
        knownOn: strings.of(row.knownSince),
        index: childIndex(row.entry),
      });
    }
    // In the record's order (by date, entries of one day as listed): what `Deal.status` reads.
    for (const list of g.history.values()) list.sort(byIndex);
    for (const row of await store.read(SUPPLY_GRAPH_STATEMENTS.tranches)) {
      const deal = g.dealNo.get(String(row.deal));
      if (deal === undefined) continue;
      let list = g.tranches.get(deal);
      if (!list) g.tranches.set(deal, (list = []));
      list.push({
        amountUsd: Number(row.amountUsd),
        amountQualifier: row.amountQualifier as AmountQualifier,
        kind: row.kind as TrancheKind,
        knownSince: str(row.knownSince),
      });
    }
    for (const row of await store.read(SUPPLY_GRAPH_STATEMENTS.covers)) {
      const deal = g.dealNo.get(String(row.deal));
      if (deal === undefined) continue;
      let list = g.covered.get(deal);
      if (!list) g.covered.set(deal, (list = []));
      const item = String(row.item);
      const serviceKind = row.serviceKind ? (strings.of(row.serviceKind) as CloudServiceKind) : null;
      if (!list.some((c) => c.item === item)) list.push({ item, serviceKind });
    }
    for (const row of await store.read(SUPPLY_GRAPH_STATEMENTS.makers)) {
      const item = String(row.item);
      const maker = String(row.maker);
      let list = g.makersOf.get(item);
      if (!list) g.makersOf.set(item, (list = []));
      if (!list.includes(maker)) list.push(maker);
    }
    for (const row of (await store.read(ALL_EXCLUSIVITIES)).sort(byAnnouncement)) {
      const grantor = String(row.grantorId);
      let list = g.grantedBy.get(grantor);
      if (!list) g.grantedBy.set(grantor, (list = []));
      list.push(row);
    }
    return g;
  }

  async granted(grantor: string, when: When): Promise<Row[]> {
    return (this.grantedBy.get(grantor) ?? []).filter((x) => isInForce(x as unknown as Dated, when.asOf, when.knownOn, when.minConfidence));
  }

  private addDeals(unordered: Row[], strings: Strings): void {
    // Numbered in id order, so a supplier's deals taken in number order are in id order (the
    // order its sums are added in, customer-supply.ts `ordered`).
    const rows = unordered
      .map((r) => ({ id: String(r.id), r }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((x) => x.r);
    this.amountUsd = new Float64Array(rows.length);
    this.capacityGw = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      const id = String(r.id);
      this.dealNo.set(id, i);
      this.dealId.push(id);
      this.kind.push(strings.of(r.kind));
      this.status.push(strings.of(r.status));
      this.dates.push(r, strings);
      this.amountQualifier.push(strings.of(r.amountQualifier));
      this.amountUsd[i] = amountOf(r.amountUsd);
      this.capacityGw[i] = amountOf(r.capacityGw);
    });
  }

  private receivedRuns(): { start: Uint32Array; deal: Uint32Array } {
    const { start, to, role } = this.byOrg;
    const n = this.orgId.length;
    const out = { start: new Uint32Array(n + 1), deal: new Uint32Array(to.length) };
    let at = 0;
    for (let o = 0; o < n; o++) {
      const from = at;
      for (let e = start[o]!; e < start[o + 1]!; e++) if (RECEIVING_CODES.has(role[e]!)) out.deal[at++] = to[e]!;
      const run = out.deal.subarray(from, at).sort();
      let w = from;
      for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) out.deal[w++] = run[i]!;
      at = w;
      out.start[o + 1] = at;
    }
    return { start: out.start, deal: out.deal.slice(0, at) };
  }

  private suppliedRuns(): { start: Uint32Array; org: Uint32Array; own: Float64Array } {
    const { start, to, role, amount } = this.byDeal;
    const n = this.dealId.length;
    const out = { start: new Uint32Array(n + 1), org: new Uint32Array(to.length), own: new Float64Array(to.length) };
    let at = 0;
    for (let d = 0; d < n; d++) {
      const from = at;
      for (let e = start[d]!; e < start[d + 1]!; e++) {
        if (role[e] !== SUPPLIER) continue;
        let i = from;
        while (i < at && out.org[i] !== to[e]) i++;
        if (i === at) {
          out.org[at] = to[e]!;
          out.own[at++] = Number.NaN;
        }
        // As splitMoney: the largest of a party's own amounts (`Math.max(prev ?? 0, amount)`).
        if (!Number.isNaN(amount[e]!)) out.own[i] = Math.max(Number.isNaN(out.own[i]!) ? 0 : out.own[i]!, amount[e]!);
      }
      out.start[d + 1] = at;
    }
    return { start: out.start, org: out.org.slice(0, at), own: out.own.slice(0, at) };
  }

  private orgOf(id: string): number {
    let n = this.orgNo.get(id);
    if (n === undefined) {
      n = this.orgId.length;
      this.orgNo.set(id, n);
      this.orgId.push(id);
    }
    return n;
  }

  /** How many deals and party relationships it holds. */
  get size(): { deals: number; parties: number } {
    return { deals: this.dealId.length, parties: this.byOrg.to.length };
  }

  private inForce(d: number, when: When): boolean {
    return isInForce(this.dates.dated(d), when.asOf, when.knownOn, when.minConfidence);
  }

  /** The deals in force on `when` where `org` plays one of `roles` (each once, in the order of its relationships). */
  private dealsOf(org: string, roles: ReadonlySet<number>, when: When): number[] {
    const o = this.orgNo.get(org);
    if (o === undefined) return [];
    const out: number[] = [];
    const seen = new Set<number>();
    const { start, to, role } = this.byOrg;
    for (let e = start[o]!; e < start[o + 1]!; e++) {
      const d = to[e]!;
      if (!roles.has(role[e]!) || seen.has(d)) continue;
      seen.add(d);
      if (this.inForce(d, when)) out.push(d);
    }
    return out;
  }

  /** The parties of deal `d` in `role`: organization and its own amount (distinct pairs). */
  private partiesOf(d: number, r: number): { org: string; amount: number | null }[] {
    const out: { org: string; amount: number | null }[] = [];
    const { start, to, role, amount } = this.byDeal;
    for (let e = start[d]!; e < start[d + 1]!; e++) {
      if (role[e] !== r) continue;
      const org = this.orgId[to[e]!]!;
      const a = orNull(amount[e]!);
      if (!out.some((p) => p.org === org && p.amount === a)) out.push({ org, amount: a });
    }
    return out;
  }

  async supplyRows(of: string, when: When): Promise<SupplyRow[]> {
    const rows: SupplyRow[] = [];
    for (const d of this.dealsOf(of, RECEIVING_CODES, when)) {
      for (const p of this.partiesOf(d, SUPPLIER)) {
        if (p.org !== of) rows.push({ supplier: p.org, deal: this.dealId[d]!, dealKind: this.kind[d] as DealKind, partyAmountUsd: p.amount });
      }
    }
    return rows;
  }

  async supplyCovers(_of: string, _when: When, deals: ReadonlySet<string>): Promise<{ covers: CoveredRow[]; makers: MakerRow[] }> {
    const covers: CoveredRow[] = [];
    const makers = new Map<string, MakerRow[]>();
    for (const id of deals) {
      const d = this.dealNo.get(id);
      for (const c of d === undefined ? [] : (this.covered.get(d) ?? [])) {
        covers.push({ deal: id, item: c.item, serviceKind: c.serviceKind });
        if (!makers.has(c.item))
          makers.set(
            c.item,
            (this.makersOf.get(c.item) ?? []).map((maker) => ({ item: c.item, maker })),
          );
      }
    }
    return { covers, makers: [...makers.values()].flat() };
  }

  async investmentRows(target: string, when: When): Promise<InvestmentRow[]> {
    const rows: InvestmentRow[] = [];
    for (const d of this.dealsOf(target, new Set([INVESTEE]), when)) {
      for (const p of this.partiesOf(d, INVESTOR)) {
        rows.push({ investor: p.org, deal: this.dealId[d]!, partyAmountUsd: p.amount, dealAmountUsd: orNull(this.amountUsd[d]!) });
      }
    }
    return rows;
  }

  async money(ids: readonly string[], when: When): Promise<Map<string, DealMoneyOn>> {
    const out = new Map<string, DealMoneyOn>();
    for (const id of ids) {
      const d = this.dealNo.get(id);
      if (d !== undefined && !out.has(id)) out.set(id, this.moneyOf(d, when));
    }
    return out;
  }

  async dealFacts(ids: readonly string[]): Promise<Row[]> {
    const out: Row[] = [];
    for (const id of ids) {
      const d = this.dealNo.get(id);
      if (d === undefined) continue;
      out.push({
        id: this.dealId[d]!,
        kind: this.kind[d]!,
        status: this.status[d]!,
        ...this.dates.dated(d),
        amountUsd: orNull(this.amountUsd[d]!),
        amountQualifier: this.amountQualifier[d]!,
        capacityGw: orNull(this.capacityGw[d]!),
      });
    }
    return out;
  }

  /** The money of deal `d` on `when` (the status-on and commitments rules, through `moneyOn`). */
  private moneyOf(d: number, when: When): DealMoneyOn {
    const { announcedOn, endedOn, knownSince } = this.dates.dated(d);
    const knownOn = when.knownOn ?? LATEST_DAY;
    const tranches = (this.tranches.get(d) ?? []).filter((t) => (t.knownSince ?? announcedOn) <= knownOn);
    return moneyOn(
      {
        status: this.status[d] as Status,
        announcedOn,
        endedOn: endedOn!,
        knownSince: knownSince!,
        amountUsd: orNull(this.amountUsd[d]!),
        amountQualifier: this.amountQualifier[d] as AmountQualifier | null,
        capacityGw: orNull(this.capacityGw[d]!),
      },
      this.history.get(d) ?? [],
      tranches,
      when,
    );
  }

  /**
   * What `storeSupply` builds from supply rows (customer-supply.ts), built here from the columns:
   * deal and organization numbers instead of rows of strings, each deal's money worked out once.
   * At a million deals the row-by-row way spent most of its time on strings, maps and garbage.
   */
  async customerSupply(of: string, excluded: ReadonlySet<string>, when: When): Promise<CustomerSupply> {
    const o = this.orgNo.get(of);
    const money = new Map<number, DealMoneyOn>();
    const skip = new Set<number>();
    for (const id of excluded) if (this.orgNo.has(id)) skip.add(this.orgNo.get(id)!);
    // Each supplier's parts, in ascending deal number (= id order): deals are walked in that order.
    const bySupplier = new Map<number, SupplierFacts>();
    if (o !== undefined) {
      const { start: recvStart, deal: recv } = this.received;
      const { start, org, own } = this.supplied;
      for (let r = recvStart[o]!; r < recvStart[o + 1]!; r++) {
        const d = recv[r]!;
        // Its suppliers other than the customer itself.
        let n = start[d + 1]! - start[d]!;
        for (let e = start[d]!; e < start[d + 1]!; e++) if (org[e] === o) n--;
        if (n === 0 || !this.inForce(d, when)) continue;
        const m = this.moneyOf(d, when);
        money.set(d, m);
        for (let e = start[d]!; e < start[d + 1]!; e++) {
          const s = org[e]!;
          if (s === o || skip.has(s)) continue;
          let f = bySupplier.get(s);
          if (!f) bySupplier.set(s, (f = newSupplierFacts(this.orgId[s]!)));
          const part = partOf(Number.isNaN(own[e]!) ? null : own[e]!, n, m);
          addPart(f, this.dealId[d]!, { committedUsd: part.committedUsd, potentialUsd: part.potentialUsd, capacityGw: n === 1 ? m.capacityGw : null });
        }
      }
    }
    return {
      facts: ordered([...bySupplier.values()]),
      kindOf: (deal) => this.kind[this.dealNo.get(deal)!] as DealKind,
      suppliersOf: (deal) => {
        const { start, org } = this.supplied;
        const d = this.dealNo.get(deal)!;
        return new Set(Array.from(org.subarray(start[d]!, start[d + 1]!), (s) => this.orgId[s]!).filter((s) => s !== of));
      },
      moneyOf: (deal) => money.get(this.dealNo.get(deal)!)!,
    };
  }
}
