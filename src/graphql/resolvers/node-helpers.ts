/** Loading any node by id, tagged with its label so Node and Fact resolve their concrete type. */
import type { NodeLabel } from '../../model/graph-model.ts';
import type { GraphContext } from '../context.ts';
import type { NodeModel } from '../models.ts';

export async function loadAnyNode(ctx: GraphContext, id: string, knownLabel?: NodeLabel | null): Promise<NodeModel | null> {
  const label = knownLabel ?? (await ctx.loaders.labelOf.load(id));
  if (!label) return null;
  const row = await ctx.loaders.node(label).load(id);
  return row ? ({ ...row, __label: label } as NodeModel) : null;
}

export async function loadAnyNodes(ctx: GraphContext, ids: readonly string[]): Promise<NodeModel[]> {
  const nodes = await Promise.all(ids.map((id) => loadAnyNode(ctx, id)));
  return nodes.filter((n): n is NodeModel => n !== null);
}

/** GraphQL type names per label (the internal StatusEntry and AmountReport are not Nodes). */
export const TYPE_OF: Partial<Record<NodeLabel, string>> = {
  Organization: 'Organization',
  Chip: 'Chip',
  CloudService: 'CloudService',
  Deal: 'Deal',
  Exclusivity: 'Exclusivity',
  Channel: 'Channel',
  Restriction: 'Restriction',
  Source: 'Source',
};

export function resolveNodeType(obj: { __label?: NodeLabel }): string {
  const t = obj.__label ? TYPE_OF[obj.__label] : undefined;
  if (!t) throw new Error(`No GraphQL type for a node labelled ${String(obj.__label)}`);
  return t;
}
