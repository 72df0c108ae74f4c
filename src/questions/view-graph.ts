/**
 * The read model of `neighborhood`: every node a graph view shows and every relationship between
 * two of them, held in memory and built from whole-table reads once per graph version (like the
 * supply graph). It answers what `neighborhood` (the Cypher reference in neighborhood.ts) answers,
 * with the same rules, but exactly: each level takes the new neighbours in id order until the limit,
 * and `truncated` says that some neighbour that would have been shown was left out.
 *
 * Layout: nodes are numbered in id order (so a node number orders as its id does); each node's
 * relationships are one sorted run of `far << 6 | code` in a compressed adjacency (`code`: the
 * relationship type's index × 2 + 1 when the node is the relationship's target). A hub's view is
 * then read from the front of its run, and whether two nodes are joined is a binary search.
 */
import type { Status } from '../model/vocabulary.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { DATED_COLUMNS, FactDates } from './fact-dates.ts';
import { Strings } from './interned-strings.ts';
import { VIEW_LABELS, VIEW_PAIRS, type GraphNode, type Neighborhood, type NeighborhoodRequest, type ViewLabel } from './neighborhood.ts';
import { isConfident, isInForce, isKnownBy } from './rules/in-force.ts';

/** Relationship types (and their direction) a view shows, by code / 2. */
const TYPES = [...new Set(VIEW_PAIRS.map((p) => p.type))];
const TYPE_CODE = new Map(TYPES.map((t, i) => [t, i]));
/** A run entry packs `far << 6 | code` into 32 bits: up to 64 codes and 2^26 nodes. */
const CODE_BITS = 6;
const MAX_NODES = 2 ** (32 - CODE_BITS);
if (TYPES.length * 2 > 1 << CODE_BITS) throw new Error('view-graph: too many relationship types for the run encoding');
const farOf = (entry: number) => entry >>> CODE_BITS;
const codeOf = (entry: number) => entry & ((1 << CODE_BITS) - 1);
const entryOf = (far: number, code: number) => ((far << CODE_BITS) | code) >>> 0;

const LABEL_PROPERTY: Record<ViewLabel, string> = {
  Organization: 'name',
  Chip: 'name',
  CloudService: 'name',
  Deal: 'title',
  Exclusivity: 'title',
  Source: 'title',
};
const isFactLabel = (l: ViewLabel) => l === 'Deal' || l === 'Exclusivity';

function nodeStatement(label: ViewLabel): Query {
  const columns = [`n.id AS id`, `n.${LABEL_PROPERTY[label]} AS label`];
  if (isFactLabel(label)) columns.push('n.status AS status', ...DATED_COLUMNS.map((c) => `n.${c} AS ${c}`));
  if (label === 'Deal') columns.push('n.amountUsd AS amountUsd');
  return { name: `q.viewGraph.nodes.${label}`, cypher: `MATCH (n:${label}) RETURN ${columns.join(', ')}` };
}

/** The statements the read model is built from (whole tables, read once per graph version). */
export const VIEW_GRAPH_STATEMENTS = {
  nodes: Object.fromEntries(VIEW_LABELS.map((l) => [l, nodeStatement(l)])) as Record<ViewLabel, Query>,
  relationships: VIEW_PAIRS.map(({ type, a, b }) => ({
    type,
    query: { name: `q.viewGraph.relationships.${type}.${a}.${b}`, cypher: `MATCH (x:${a})-[:${type}]->(y:${b}) RETURN x.id AS s, y.id AS t` } as Query,
  })),
};

export const VIEW_GRAPH_QUERIES: readonly Query[] = [...Object.values(VIEW_GRAPH_STATEMENTS.nodes), ...VIEW_GRAPH_STATEMENTS.relationships.map((r) => r.query)];

/** A growable pair of columns (relationship ends by node number, and their type code). */
class Pairs {
  from = new Uint32Array(1 << 16);
  to = new Uint32Array(1 << 16);
  code = new Uint8Array(1 << 16);
  count = 0;
  push(from: number, to: number, code: number): void {
    if (this.count === this.from.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.from = grow(this.from, new Uint32Array(this.count * 2));
      this.to = grow(this.to, new Uint32Array(this.count * 2));
      this.code = grow(this.code, new Uint8Array(this.count * 2));
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.code[this.count] = code;
    this.count++;
  }
}

export class ViewGraph {
  /** Node ids in sorted order: a node's number is its position. */
  private ids: string[] = [];
  private labelNo = new Uint8Array(0);
  private display: string[] = [];
  /** For deals and exclusivities: their row of fact columns; -1 for other nodes. */
  private factNo = new Int32Array(0);
  private readonly dates = new FactDates();
  private readonly status: (string | null)[] = [];
  private amountUsd = new Float64Array(0);
  private start = new Uint32Array(1);
  private run = new Uint32Array(0);

  /** Reads every shown node and relationship of the graph. */
  static async read(store: GraphStore): Promise<ViewGraph> {
    const g = new ViewGraph();
    const strings = new Strings();
    const byLabel: { label: ViewLabel; rows: Row[] }[] = [];
    for (const label of VIEW_LABELS) byLabel.push({ label, rows: await store.read(VIEW_GRAPH_STATEMENTS.nodes[label]) });
    const all: { id: string; label: number; row: Row }[] = [];
    byLabel.forEach(({ rows }, l) => {
      for (const row of rows) all.push({ id: String(row.id), label: l, row });
    });
    all.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const n = all.length;
    if (n > MAX_NODES) throw new Error(`view-graph: ${n} nodes is more than the run encoding holds (${MAX_NODES})`);
    g.ids = new Array<string>(n);
    g.display = new Array<string>(n);
    g.labelNo = new Uint8Array(n);
    g.factNo = new Int32Array(n).fill(-1);
    g.amountUsd = new Float64Array(n).fill(Number.NaN);
    const numberOf = new Map<string, number>();
    all.forEach(({ id, label, row }, i) => {
      g.ids[i] = id;
      numberOf.set(id, i);
      g.labelNo[i] = label;
      g.display[i] = row.label == null ? id : String(row.label);
      if (isFactLabel(VIEW_LABELS[label]!)) {
        g.factNo[i] = g.dates.push(row, strings);
        g.status.push(strings.of(row.status));
      }
      if (row.amountUsd != null) g.amountUsd[i] = Number(row.amountUsd);
    });
    all.length = 0;
    const pairs = new Pairs();
    for (const { type, query } of VIEW_GRAPH_STATEMENTS.relationships) {
      const code = TYPE_CODE.get(type)! * 2;
      for (const row of await store.read(query)) {
        const [s, t] = [numberOf.get(String(row.s)), numberOf.get(String(row.t))];
        if (s !== undefined && t !== undefined) pairs.push(s, t, code);
      }
    }
    g.buildRuns(n, pairs);
    return g;
  }

  /** Each node's relationships (both directions) as one sorted run of entries (`entryOf`). */
  private buildRuns(n: number, p: Pairs): void {
    const start = new Uint32Array(n + 1);
    for (let e = 0; e < p.count; e++) {
      start[p.from[e]! + 1]!++;
      start[p.to[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const run = new Uint32Array(p.count * 2);
    for (let e = 0; e < p.count; e++) {
      const [from, to, code] = [p.from[e]!, p.to[e]!, p.code[e]!];
      run[fill[from]!++] = entryOf(to, code);
      run[fill[to]!++] = entryOf(from, code + 1);
    }
    for (let i = 0; i < n; i++) run.subarray(start[i]!, start[i + 1]!).sort();
    this.start = start;
    this.run = run;
  }

  /** How many nodes and relationships it holds. */
  get size(): { nodes: number; relationships: number } {
    return { nodes: this.ids.length, relationships: this.run.length / 2 };
  }

  /** The number of node `id`, or -1. */
  private numberOf(id: string): number {
    let [lo, hi] = [0, this.ids.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.ids[mid]!;
      if (m === id) return mid;
      if (m < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The first run entry of node `u` whose far node is `v` or after it. */
  private lowerBound(u: number, v: number): number {
    let [lo, hi] = [this.start[u]!, this.start[u + 1]!];
    const key = entryOf(v, 0);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.run[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The neighbourhood of `r.root`, as `neighborhood` defines it (nodes in id order within a level). */
  neighborhood(r: NeighborhoodRequest): Neighborhood {
    const { depth, kinds, asOf, knownOn, minConfidence, limit } = r;
    const root = this.numberOf(r.root.id);
    if (root < 0) return { nodes: [], edges: [], truncated: false };
    const shown = (v: number): boolean => {
      if (kinds && !kinds.includes(VIEW_LABELS[this.labelNo[v]!]!)) return false;
      const f = this.factNo[v]!;
      if (f < 0) return true;
      const fact = this.dates.dated(f);
      return asOf ? isInForce(fact, asOf, knownOn, minConfidence) : fact.retractedOn == null && isKnownBy(fact, knownOn) && isConfident(fact, minConfidence);
    };
    const included = new Set<number>([root]);
    const order = [root];
    const edges = new Map<string, { source: string; target: string; type: string }>();
    let truncated = false;
    let frontier = [root];
    for (let level = 0; level < depth && frontier.length && !truncated; level++) {
      // New neighbours, smallest numbers (ids) first: each run is sorted, so a run is read only
      // until it has offered one more candidate than there is room for.
      const room = limit - included.size;
      const candidates = new Set<number>();
      for (const u of frontier) {
        let offered = 0;
        for (let e = this.start[u]!; e < this.start[u + 1]! && offered <= room; e++) {
          const v = farOf(this.run[e]!);
          if (included.has(v) || candidates.has(v) || !shown(v)) continue;
          candidates.add(v);
          offered++;
        }
      }
      const fresh = [...candidates].sort((a, b) => a - b);
      if (fresh.length > room) truncated = true;
      fresh.length = Math.min(fresh.length, Math.max(room, 0));
      for (const v of fresh) {
        included.add(v);
        order.push(v);
      }
      for (const u of frontier) this.edgesTo(u, included, edges);
      frontier = fresh.filter((v) => VIEW_LABELS[this.labelNo[v]!] !== 'Source');
    }
    return {
      nodes: order.map((v) => this.node(v)),
      edges: [...edges.values()].sort((a, b) => (a.source + a.type + a.target < b.source + b.type + b.target ? -1 : 1)),
      truncated,
    };
  }

  /** Adds every relationship between `u` and a node of `nodes`, reading the shorter side. */
  private edgesTo(u: number, nodes: ReadonlySet<number>, edges: Map<string, { source: string; target: string; type: string }>): void {
    const [from, to] = [this.start[u]!, this.start[u + 1]!];
    const add = (e: number) => {
      const entry = this.run[e]!;
      const v = farOf(entry);
      const code = codeOf(entry);
      const type = TYPES[code >> 1]!;
      const [s, t] = code & 1 ? [this.ids[v]!, this.ids[u]!] : [this.ids[u]!, this.ids[v]!];
      edges.set(`${s}|${type}|${t}`, { source: s, target: t, type });
    };
    if (to - from <= nodes.size * 8) {
      for (let e = from; e < to; e++) if (nodes.has(farOf(this.run[e]!))) add(e);
      return;
    }
    for (const v of nodes) {
      for (let e = this.lowerBound(u, v); e < to && farOf(this.run[e]!) === v; e++) add(e);
    }
  }

  private node(v: number): GraphNode {
    const f = this.factNo[v]!;
    const amount = this.amountUsd[v]!;
    return {
      id: this.ids[v]!,
      kind: VIEW_LABELS[this.labelNo[v]!]!,
      label: this.display[v]!,
      status: f < 0 ? null : ((this.status[f] as Status | null) ?? null),
      amountUsd: Number.isNaN(amount) ? null : amount,
    };
  }
}
