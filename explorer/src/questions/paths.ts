/** How two organizations connect: the shortest chains, drawn and listed step by step. */
import { request } from '../api/client';
import { pathsQuery } from '../api/documents';
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import type { PathsQuery } from '../gql/graphql';
import type { ElementSet } from '../graph/graph-elements';
import { graphiqlHref } from '../graphiql-link';
import type { Answer } from './answer';

type PathNode = PathsQuery['paths'][number]['nodes'][number];

const nameOf = (n: PathNode | undefined): string => (!n ? '?' : 'name' in n ? n.name : 'title' in n ? n.title : n.id);

/** Relationships always drawn from this kind of node; the others follow the path's direction. */
const SOURCE_KIND: Record<string, string> = { PART_OF: 'Exclusivity', COVERS: 'Deal', OFFERS: 'CloudService' };

function addPathNode(set: ElementSet, n: PathNode): void {
  switch (n.__typename) {
    case 'Organization':
      return set.organization(n.id, n.name, n.orgKind);
    case 'Deal':
      return set.fact(n.id, 'DEAL', n.title, n.status, n.dealKind, n.amountUsd ?? null);
    case 'Exclusivity':
      return set.fact(n.id, 'EXCLUSIVITY', n.title, n.status);
    case 'Chip':
      return set.addNode({ id: n.id, kind: 'CHIP', subKind: null, name: n.name, status: null, currentStatus: null, amountUsd: null, amountQualifier: null });
    case 'CloudService':
      return set.addNode({
        id: n.id,
        kind: 'CLOUD_SERVICE',
        subKind: null,
        name: n.name,
        status: null,
        currentStatus: null,
        amountUsd: null,
        amountQualifier: null,
      });
    default:
      return undefined;
  }
}

export async function askPaths(from: string, to: string, maxHops: number, asOf: string | null): Promise<Answer> {
  const variables = { from, to, maxHops, asOf };
  const { paths } = await request(pathsQuery, variables);
  const byId = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
  return {
    root: from,
    summary: paths.length
      ? `${paths.length} shortest path${paths.length === 1 ? '' : 's'} from ${from} to ${to}, ${paths[0]!.hops} hop${paths[0]!.hops === 1 ? '' : 's'}.`
      : `No path from ${from} to ${to} within ${maxHops} hops.`,
    highlight: [...byId.keys()],
    graphiql: graphiqlHref(pathsQuery.toString(), variables),
    addTo(set) {
      for (const n of byId.values()) addPathNode(set, n);
      for (const p of paths)
        for (const s of p.steps) {
          const a = byId.get(s.from.id);
          const b = byId.get(s.to.id);
          const fixed = SOURCE_KIND[s.relationship];
          let [source, target] = [s.from.id, s.to.id];
          if (fixed ? b?.__typename === fixed : b?.__typename === 'Organization' && a?.__typename !== 'Organization') [source, target] = [target, source];
          if (set.edges.has(`${target}|${s.relationship}|${source}`)) continue;
          set.addEdge(source, s.relationship, target);
        }
    },
    render(list, chart, ui) {
      replaceChildren(chart);
      replaceChildren(
        list,
        paths.map((p) =>
          h(
            'li',
            {},
            h('span', { class: 'sub' }, `${p.hops} hop${p.hops === 1 ? '' : 's'}: `),
            p.nodes.map((n, i) => [
              i ? h('span', { class: 'sub' }, ` —${humanize(p.steps[i - 1]?.relationship).toLowerCase()}— `) : '',
              h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(n.id) }, nameOf(n)),
            ]),
          ),
        ),
      );
    },
  };
}
