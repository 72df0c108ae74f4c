/**
 * Network measures of what is drawn, with Cytoscape's own algorithms: degree centrality
 * (normalised), betweenness centrality (normalised, links taken as undirected: influence flows
 * both ways along a deal) and communities by Markov clustering (MCL), the graph-only clustering
 * Cytoscape offers. Each is computed only when a style rule asks for it.
 */
import type cytoscape from 'cytoscape';
import type { Collection } from 'cytoscape';

export type Measure = 'degree' | 'betweenness';

/** Each drawn node's score, from 0 to 1. */
export function centrality(eles: Collection, measure: Measure): Map<string, number> {
  const nodes = eles.nodes();
  const out = new Map<string, number>();
  if (measure === 'degree') {
    const d = eles.degreeCentralityNormalized({ directed: false, weight: () => 1 }) as cytoscape.SearchDegreeCentralityNormalizedResultUndirected;
    nodes.forEach((n) => void out.set(n.id(), d.degree(n)));
  } else {
    const b = eles.betweennessCentrality({ directed: false });
    nodes.forEach((n) => void out.set(n.id(), b.betweennessNormalized(n)));
  }
  return out;
}

/** Each drawn node's community (0 is the largest), by MCL over the drawn links. */
export function communities(eles: Collection): Map<string, number> {
  const clusters = eles.markovClustering({ attributes: [() => 1], inflateFactor: 2, maxIterations: 20 });
  const sorted = [...clusters].sort((a, b) => b.length - a.length);
  const out = new Map<string, number>();
  sorted.forEach((c, i) => {
    c.forEach((n) => void out.set(n.id(), i));
  });
  return out;
}
