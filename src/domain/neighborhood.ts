/**
 * The neighbourhood of a node for graph views: breadth-first, per level one store query per
 * label of the frontier and one per label to read the new nodes; deals and exclusivities not in
 * force on asOf are left out (and not expanded), and the result stops at `limit` nodes. Each
 * relationship type and direction returns at most `limit` rows per query, so a hub's level costs
 * what `limit` rows do; when one of them comes back full, the view may miss some of its
 * relationships and says so (`truncated`).
 */
import type { NodeLabel } from '../model/graph-model.ts';
import { isViewLabel, NEIGHBOURS, type ViewLabel } from '../queries/question-statements.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';

export interface NeighborhoodResult {
  nodes: { id: string; label: NodeLabel; row: Row }[];
  edges: { source: string; target: string; type: string }[];
  truncated: boolean;
}

const inForce = (row: Row, asOf: string) =>
  String(row.announcedOn) <= asOf && (row.endedOn === null || row.endedOn === undefined || String(row.endedOn) > asOf);

export async function neighborhood(
  store: GraphStore,
  loadNodes: (label: NodeLabel, ids: string[]) => Promise<Row[]>,
  root: { id: string; label: NodeLabel },
  depth: number,
  kinds: readonly NodeLabel[] | null,
  asOf: string | null,
  limit: number,
): Promise<NeighborhoodResult> {
  const labels = new Map<string, NodeLabel>([[root.id, root.label]]);
  const rows = new Map<string, Row>();
  const edges = new Map<string, { source: string; target: string; type: string }>();
  let truncated = false;
  let frontier = [root.id];
  const keep = (label: NodeLabel) => !kinds || kinds.includes(label);

  const [rootRow] = await loadNodes(root.label, [root.id]);
  if (rootRow) rows.set(root.id, rootRow);

  for (let level = 0; level < depth && frontier.length && !truncated; level++) {
    // Rows come back in no fixed order; sorting them makes which neighbours fit under the
    // limit the same on every call.
    const far = (r: Row) => String(r.far === 'source' ? r.source : r.target);
    const level = await levelRows(store, frontier, labels, asOf, limit);
    if (level.full) truncated = true;
    const found = level.rows.sort((a, b) => {
      const [x, y] = [`${far(a)}|${String(a.type)}`, `${far(b)}|${String(b.type)}`];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const fresh = new Map<string, NodeLabel>();
    for (const r of found) {
      const other = far(r);
      const label = r.otherLabel as NodeLabel;
      if (!labels.has(other) && !fresh.has(other)) {
        if (!keep(label)) continue;
        if (labels.size + fresh.size >= limit) {
          truncated = true;
          continue;
        }
        fresh.set(other, label);
      }
    }
    // Read the new nodes, dropping facts not in force on asOf.
    const next: string[] = [];
    for (const [label, ids] of idsByLabel(fresh)) {
      for (const row of await loadNodes(label, ids)) {
        const id = String(row.id);
        if ((label === 'Deal' || label === 'Exclusivity') && (row.retractedOn || (asOf && !inForce(row, asOf)))) continue;
        labels.set(id, label);
        rows.set(id, row);
        next.push(id);
      }
    }
    for (const r of found) {
      const [s, t] = [String(r.source), String(r.target)];
      if (rows.has(s) && rows.has(t)) edges.set(`${s}|${r.type}|${t}`, { source: s, target: t, type: String(r.type) });
    }
    frontier = next.filter((id) => labels.get(id) !== 'Source'); // sources are leaves
  }
  return {
    nodes: [...rows].map(([id, row]) => ({ id, label: labels.get(id)!, row })),
    edges: [...edges.values()].sort((a, b) => (a.source + a.type + a.target < b.source + b.type + b.target ? -1 : 1)),
    truncated,
  };
}

/**
 * The relationships touching `frontier`, one query per label (in label order, so the queries
 * are the same on every call); `full` when some relationship type and direction came back with
 * `limit` rows, so that there may be more.
 */
async function levelRows(
  store: GraphStore,
  frontier: readonly string[],
  labels: ReadonlyMap<string, NodeLabel>,
  asOf: string | null,
  limit: number,
): Promise<{ rows: Row[]; full: boolean }> {
  const byLabel = idsByLabel(frontier.map((id) => [id, labels.get(id)!] as const).filter((e): e is readonly [string, ViewLabel] => isViewLabel(e[1])));
  const filter = { limit, useAsOf: asOf !== null, asOf: asOf ?? '9999-12-31' };
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

/** True when one branch of a neighbour query (a relationship type and direction) returned `limit` rows. */
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
