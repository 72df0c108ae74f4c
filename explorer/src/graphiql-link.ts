/** Links to /graphiql prefilled with the query behind what the explorer shows. */
import type { GraphNodeKind } from './gql/graphql';

export function graphiqlHref(query: string, variables?: Record<string, unknown>): string {
  const p = new URLSearchParams({ query: `${query.trim()}\n` });
  if (variables) p.set('variables', JSON.stringify(variables, null, 2));
  return `/graphiql?${p.toString()}`;
}

const literal = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : String(v));
const enumList = (v: readonly string[]) => `[${v.join(', ')}]`;

export interface ViewQueryInput {
  root: string;
  depth: number;
  kinds: readonly GraphNodeKind[];
  asOf: string | null;
  knownOn: string | null;
  limit: number;
  expanded: readonly string[];
}

/** One readable query for the whole view: the neighbourhood of the root and of each expanded node. */
export function viewQuery(v: ViewQueryInput): string {
  const args = (id: string, depth: number) =>
    [
      `id: ${literal(id)}`,
      `depth: ${depth}`,
      `kinds: ${enumList(v.kinds)}`,
      v.asOf ? `asOf: ${literal(v.asOf)}` : null,
      v.knownOn ? `knownOn: ${literal(v.knownOn)}` : null,
      `limit: ${v.limit}`,
    ]
      .filter(Boolean)
      .join(', ');
  const body = `{\n    truncated\n    nodes { id kind label status amountUsd }\n    edges { source target type }\n  }`;
  const parts = [
    `  view: neighborhood(${args(v.root, v.depth)}) ${body}`,
    ...v.expanded.map((id, i) => `  expanded${i + 1}: neighborhood(${args(id, 1)}) ${body}`),
  ];
  const when = `${v.asOf ? `as of ${v.asOf}` : 'every fact, ended ones included'}${v.knownOn ? `, as known on ${v.knownOn}` : ''}`;
  return `# The explorer's view: the neighbourhood of ${v.root} (${when})\n{\n${parts.join('\n')}\n}`;
}
