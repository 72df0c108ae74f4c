/**
 * `neighborhood(id, depth, kinds, asOf, limit)`: the nodes and relationships around a node, for
 * graph views. The server answers it from the view graph (view-graph.ts, the read model); the
 * statements here are the reference it is tested against, and the definitions both share.
 * Breadth-first; per level one statement per label of the frontier and one per
 * label to read the new nodes. Deals and exclusivities that are retracted, or not in force on
 * `asOf` when one is given, are left out and not expanded; sources are leaves; the answer stops
 * at `limit` nodes. Each relationship type and direction returns at most `limit` rows per
 * statement, so a hub with tens of thousands of deals costs what its first few hundred do; when
 * one of them comes back full the view may miss some relationships and says so (`truncated`).
 */
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../model/graph-model.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import type { Confidence } from '../model/vocabulary.ts';
import {
  confidentCypher,
  inForceCypher,
  isConfident,
  isInForce,
  isKnownBy,
  knownByCypher,
  LATEST_DAY,
  whenParams,
  type Dated,
  type When,
} from './rules/in-force.ts';

/** Labels a graph view shows (provenance internals such as status entries excluded). */
export const VIEW_LABELS = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity', 'Source'] as const satisfies readonly NodeLabel[];
export type ViewLabel = (typeof VIEW_LABELS)[number];
export const isViewLabel = (l: string): l is ViewLabel => (VIEW_LABELS as readonly string[]).includes(l);
/** The relationship types (and their end labels) a view shows. */
export const VIEW_PAIRS = (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).flatMap((type) =>
  RELATIONSHIP_TYPES[type].endpoints.filter(([a, b]) => isViewLabel(a) && isViewLabel(b)).map(([a, b]) => ({ type, a, b })),
);

const isFact = (label: NodeLabel) => label === 'Deal' || label === 'Exclusivity';

/**
 * One level from `$ids`, nodes of one label: the shown relationships touching them, both ways, at
 * most `$limit` rows per relationship type and direction. Deals and exclusivities on the far side
 * are dropped when retracted, or when `$useAsOf` and not in force on `$asOf`. `far` says which
 * end is the neighbour. For one id the adapters send the one-id form (`singleIdForm`). A LIMIT
 * without ORDER BY returns rows in the engine's order: `serial` asks for the same rows on every
 * call. No branch may return one expression under two names (such as `y.id AS target, y.id AS
 * other`): LadybugDB 0.19 then fills later UNION ALL branches' columns from the wrong
 * expressions.
 */
function neighbourStatement(label: NodeLabel): Query {
  const anchor = (v: string) => `UNWIND $ids AS id MATCH (${v}:${label} {id: id})`;
  const shown = (v: string, l: NodeLabel) =>
    isFact(l) ? ` WHERE ${v}.retractedOn IS NULL AND (NOT $useAsOf OR (${inForceCypher(v)})) AND ${knownByCypher(v)} AND ${confidentCypher(v)}` : '';
  const branches = VIEW_PAIRS.flatMap(({ type, a, b }) => [
    ...(a === label
      ? [
          `${anchor('x')}-[:${type}]->(y:${b})${shown('y', b)} RETURN x.id AS source, y.id AS target, '${type}' AS type, 'target' AS far, '${b}' AS otherLabel LIMIT $limit`,
        ]
      : []),
    ...(b === label
      ? [
          `${anchor('y')}<-[:${type}]-(x:${a})${shown('x', a)} RETURN x.id AS source, y.id AS target, '${type}' AS type, 'source' AS far, '${a}' AS otherLabel LIMIT $limit`,
        ]
      : []),
  ]);
  return { name: `q.neighbours.${label}`, cypher: branches.join(' UNION ALL '), serial: true };
}

export const NEIGHBOURS = Object.fromEntries(VIEW_LABELS.map((l) => [l, neighbourStatement(l)])) as Record<ViewLabel, Query>;

/** A node of the view, as the `GraphNode` type shows it. */
export interface GraphNode {
  id: string;
  kind: NodeLabel;
  label: string;
  status: string | null;
  amountUsd: number | null;
}

export interface Neighborhood {
  nodes: GraphNode[];
  edges: { source: string; target: string; type: string }[];
  truncated: boolean;
}

export interface NeighborhoodRequest {
  root: { id: string; label: NodeLabel };
  depth: number;
  /** Labels to show (null: all). */
  kinds: readonly NodeLabel[] | null;
  asOf: string | null;
  /** What the public record said by this day (null: everything recorded). */
  knownOn: string | null;
  /** Only facts at least this trusted (null: every fact). */
  minConfidence: Confidence | null;
  limit: number;
}

/** The neighbourhood of `root`; `loadNodes` reads rows by label and ids. */
export async function neighborhood(
  store: GraphStore,
  loadNodes: (label: NodeLabel, ids: string[]) => Promise<Row[]>,
  r: NeighborhoodRequest,
): Promise<Neighborhood> {
  const { root, depth, kinds, asOf, knownOn, minConfidence, limit } = r;
  const labels = new Map<string, NodeLabel>([[root.id, root.label]]);
  const rows = new Map<string, Row>();
  const edges = new Map<string, { source: string; target: string; type: string }>();
  let truncated = false;
  let frontier = [root.id];
  const keep = (label: NodeLabel) => !kinds || kinds.includes(label);
  // A fact is shown when it is in force on asOf, or, without a date, when it is not retracted.
  const shown = (row: Row) =>
    asOf
      ? isInForce(row as unknown as Dated, asOf, knownOn, minConfidence)
      : row.retractedOn == null && isKnownBy(row as unknown as Dated, knownOn) && isConfident(row as unknown as Dated, minConfidence);

  const [rootRow] = await loadNodes(root.label, [root.id]);
  if (rootRow) rows.set(root.id, rootRow);

  for (let level = 0; level < depth && frontier.length && !truncated; level++) {
    // Rows come back in no fixed order; sorting them makes which neighbours fit under the
    // limit the same on every call.
    const far = (row: Row) => String(row.far === 'source' ? row.source : row.target);
    const level = await levelRows(store, frontier, labels, { asOf: asOf ?? LATEST_DAY, knownOn, minConfidence }, asOf !== null, limit);
    if (level.full) truncated = true;
    const found = level.rows.sort((a, b) => {
      const [x, y] = [`${far(a)}|${String(a.type)}`, `${far(b)}|${String(b.type)}`];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const fresh = new Map<string, NodeLabel>();
    for (const row of found) {
      const other = far(row);
      const label = row.otherLabel as NodeLabel;
      if (!labels.has(other) && !fresh.has(other)) {
        if (!keep(label)) continue;
        if (labels.size + fresh.size >= limit) {
          truncated = true;
          continue;
        }
        fresh.set(other, label);
      }
    }
    const next: string[] = [];
    for (const [label, ids] of idsByLabel(fresh)) {
      for (const row of await loadNodes(label, ids)) {
        const id = String(row.id);
        if (isFact(label) && !shown(row)) continue;
        labels.set(id, label);
        rows.set(id, row);
        next.push(id);
      }
    }
    for (const row of found) {
      const [s, t] = [String(row.source), String(row.target)];
      if (rows.has(s) && rows.has(t)) edges.set(`${s}|${row.type}|${t}`, { source: s, target: t, type: String(row.type) });
    }
    frontier = next.filter((id) => labels.get(id) !== 'Source');
  }
  return {
    nodes: [...rows].map(([id, row]) => graphNode(id, labels.get(id)!, row)),
    edges: [...edges.values()].sort((a, b) => (a.source + a.type + a.target < b.source + b.type + b.target ? -1 : 1)),
    truncated,
  };
}

function graphNode(id: string, kind: NodeLabel, row: Row): GraphNode {
  return {
    id,
    kind,
    label: String(row.name ?? row.title ?? id),
    status: (row.status as string | undefined) ?? null,
    amountUsd: (row.amountUsd as number | undefined) ?? null,
  };
}

/**
 * The relationships touching `frontier`, one statement per label (in label order, so the
 * statements are the same on every call); `full` when some relationship type and direction came
 * back with `limit` rows, so that there may be more.
 */
async function levelRows(
  store: GraphStore,
  frontier: readonly string[],
  labels: ReadonlyMap<string, NodeLabel>,
  when: When,
  useAsOf: boolean,
  limit: number,
): Promise<{ rows: Row[]; full: boolean }> {
  const byLabel = idsByLabel(frontier.map((id) => [id, labels.get(id)!] as const).filter((e): e is readonly [string, ViewLabel] => isViewLabel(e[1])));
  const filter = { limit, useAsOf, ...whenParams(when) };
  const rows: Row[] = [];
  let full = false;
  for (const label of [...byLabel.keys()].sort()) {
    const found = await store.read(NEIGHBOURS[label], { ...filter, ids: byLabel.get(label)! });
    full ||= fullBranch(found, limit);
    for (const row of found) rows.push(row); // no spread: a long list would overflow the call stack
  }
  return { rows, full };
}

function idsByLabel<L extends NodeLabel>(entries: Iterable<readonly [string, L]>): Map<L, string[]> {
  const out = new Map<L, string[]>();
  for (const [id, label] of entries) {
    let ids = out.get(label);
    if (!ids) out.set(label, (ids = []));
    ids.push(id);
  }
  return out;
}

/** True when one branch of a neighbour statement (a relationship type and direction) returned `limit` rows. */
function fullBranch(rows: readonly Row[], limit: number): boolean {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${String(r.type)}|${String(r.far)}|${String(r.otherLabel)}`;
    const n = (counts.get(key) ?? 0) + 1;
    if (n >= limit) return true;
    counts.set(key, n);
  }
  return false;
}
