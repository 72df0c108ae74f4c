/** How two organizations connect: the shortest chains, drawn and listed step by step. */
import { request } from '../api/client';
import { pathsQuery } from '../api/documents';
import { h } from '../dom';
import { dayText, humanize } from '../format';
import type { PathsQuery } from '../gql/graphql';
import type { ElementSet } from '../graph/graph-elements';
import { graphiqlHref } from '../graphiql-link';
import type { Answer } from './answer';
import { defineTable } from './answer-table';
import { nodeLink } from './cells';
import { int, text, type QuestionSpec } from './question';

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

type Row = PathsQuery['paths'][number];

export const pathsQuestion: QuestionSpec = {
  name: 'paths',
  tab: 'Paths',
  title: 'Paths between two organizations',
  button: 'Find paths',
  fields: [
    { param: 'from', label: 'From', type: 'organization', initial: 'amazon', required: true },
    { param: 'to', label: 'To', type: 'organization', initial: 'microsoft', required: true },
    { param: 'maxHops', label: 'Max hops', type: 'integer', initial: 3, required: false, min: 1, max: 6 },
  ],
  subject: (args) => text(args, 'from'),
  async ask(args, day): Promise<Answer> {
    const [from, to, maxHops] = [text(args, 'from'), text(args, 'to'), int(args, 'maxHops')];
    const variables = { from, to, maxHops, asOf: day.asOf, knownOn: day.knownOn };
    const { paths } = await request(pathsQuery, variables);
    const byId = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
    const when = dayText(day.asOf, day.knownOn);
    return {
      summary: paths.length
        ? `${paths.length} shortest path${paths.length === 1 ? '' : 's'} from ${from} to ${to}, ${paths[0]!.hops} hop${paths[0]!.hops === 1 ? '' : 's'}, ${when}.`
        : `No path from ${from} to ${to} within ${maxHops} hops, ${when}.`,
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
      table: defineTable<Row>({
        rows: paths,
        rowId: (p) => p.nodes[p.nodes.length - 1]?.id ?? to,
        columns: [
          { key: 'hops', label: 'Hops', numeric: true, value: (p) => p.hops },
          {
            key: 'path',
            label: 'Path',
            value: (p) => p.nodes.map((n, i) => `${i ? ` -${p.steps[i - 1]?.relationship ?? ''}- ` : ''}${nameOf(n)}`).join(''),
            cell: (p, ui) =>
              h(
                'span',
                {},
                p.nodes.map((n, i) => [
                  i ? h('span', { class: 'sub' }, ` —${humanize(p.steps[i - 1]?.relationship).toLowerCase()}— `) : '',
                  nodeLink(ui, n.id, nameOf(n)),
                ]),
              ),
          },
        ],
      }),
    };
  },
};
