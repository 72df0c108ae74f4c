/**
 * `paths(from, to, maxHops)`: how two organizations connect, the shortest chains of deals,
 * exclusivities and control links. A hop is one organization-to-organization step: through a
 * deal or an exclusivity (two relationships) or a control link (one), so n hops allow 2n
 * relationships. Path bounds cannot be parameters, so each bound is its own statement, and the
 * two engines spell shortest paths differently.
 */
import { PARTY_ROLES } from '../model/graph-model.ts';
import type { GraphStore, Query, Value } from '../store/graph-store.ts';

const PATH_TYPES = [...Object.values(PARTY_ROLES), 'HOLDS', 'GRANTS', 'CONTROLS'].join('|');
export const MAX_HOPS = 6;

/** Shortest paths between `$from` and `$to`; `PATHS[n - 1]` allows n hops. */
export const PATHS: Query[] = Array.from({ length: MAX_HOPS }, (_, i) => {
  const rels = 2 * (i + 1);
  const start = 'MATCH (a:Organization {id: $from}) MATCH (b:Organization {id: $to}) ';
  return {
    name: `q.paths.${i + 1}`,
    cypher: {
      neo4j: `${start}MATCH p = allShortestPaths((a)-[:${PATH_TYPES}*..${rels}]-(b)) RETURN nodes(p) AS nodes, relationships(p) AS rels LIMIT 25`,
      ladybug: `${start}MATCH p = (a)-[:${PATH_TYPES}* ALL SHORTEST 1..${rels}]-(b) RETURN nodes(p) AS nodes, relationships(p) AS rels LIMIT 25`,
    },
  };
});

export interface Path {
  hops: number;
  nodeIds: string[];
  steps: { from: string; to: string; relationship: string }[];
}

type Normalised = { label: string; properties: Record<string, Value> };

/** The shortest paths within `maxHops`, fewest hops first, each node sequence once. */
export async function shortestPaths(store: GraphStore, from: string, to: string, maxHops: number): Promise<Path[]> {
  const rows = await store.read(PATHS[maxHops - 1]!, { from, to });
  const seen = new Set<string>();
  const out: Path[] = [];
  for (const r of rows) {
    const nodes = (r.nodes as unknown as Normalised[]).map((n) => String(n.properties.id));
    const rels = (r.rels as unknown as Normalised[]).map((e) => e.label);
    const key = nodes.join('>');
    if (seen.has(key)) continue;
    seen.add(key);
    const steps = rels.map((relationship, i) => ({ from: nodes[i]!, to: nodes[i + 1]!, relationship }));
    const hops = rels.filter((t) => t === 'CONTROLS').length + rels.filter((t) => t !== 'CONTROLS').length / 2;
    out.push({ hops, nodeIds: nodes, steps });
  }
  return out.sort((a, b) => a.hops - b.hops || (a.nodeIds.join() < b.nodeIds.join() ? -1 : 1));
}
