/** How two organizations connect: the shortest chains of deals, exclusivities and control links. */
import { PATHS } from '../queries/question-statements.ts';
import type { GraphStore, Value } from '../store/graph-store.ts';

export interface PathResult {
  hops: number;
  nodeIds: string[];
  steps: { from: string; to: string; relationship: string }[];
}

type Normalised = { label: string; properties: Record<string, Value> };

export async function shortestPaths(store: GraphStore, from: string, to: string, maxHops: number): Promise<PathResult[]> {
  const rows = await store.read(PATHS[maxHops - 1]!, { from, to });
  const seen = new Set<string>();
  const out: PathResult[] = [];
  for (const r of rows) {
    const nodes = (r.nodes as unknown as Normalised[]).map((n) => String(n.properties.id));
    const rels = (r.rels as unknown as Normalised[]).map((e) => e.label);
    const key = nodes.join('>');
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = rels.map((relationship, i) => ({ from: nodes[i]!, to: nodes[i + 1]!, relationship }));
    // An organization-to-organization hop passes through a deal or exclusivity, or is a control link.
    const hops = rels.filter((t) => t === 'CONTROLS').length + rels.filter((t) => t !== 'CONTROLS').length / 2;
    out.push({ hops, nodeIds: nodes, steps });
  }
  return out.sort((a, b) => a.hops - b.hops || (a.nodeIds.join() < b.nodeIds.join() ? -1 : 1));
}
