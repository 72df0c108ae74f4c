/** Resolvers of the answer types (Supply, Investment, Concentration, Path, ...): ids to nodes. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { GraphContext } from '../context.ts';
import type { DealModel, ExclusivityModel, OrganizationModel, SourceModel, StatusEntryModel, ChipModel, CloudServiceModel } from '../models.ts';
import { setView, viewOf } from '../views.ts';
import { loadAnyNode, loadAnyNodes, resolveNodeType } from './node-helpers.ts';
import { statusAsOf } from './entity-resolvers.ts';

const org = async (ctx: GraphContext, id: string) => (await ctx.loaders.node('Organization').load(id)) as OrganizationModel;
const deals = (ctx: GraphContext, ids: readonly string[]) => ctx.loaders.nodes<DealModel>('Deal', ids);

/** Chips or services covered by any of the deals, without repeats. */
async function covered<T extends { id: string }>(ctx: GraphContext, dealIds: readonly string[], to: 'Chip' | 'CloudService'): Promise<T[]> {
  const ids = new Set<string>();
  for (const d of dealIds) for (const id of await ctx.loaders.linked('COVERS', 'Deal', to, 'from', d)) ids.add(id);
  return ctx.loaders.nodes<T>(to, [...ids].sort());
}

export const answerResolvers: Resolvers = {
  Node: { __resolveType: (n) => resolveNodeType(n as never) as never },
  Fact: { __resolveType: (n) => resolveNodeType(n as never) as never },
  Supply: {
    supplier: (s, _a, ctx) => org(ctx, s.supplierId),
    deals: (s, _a, ctx) => deals(ctx, s.dealIds),
    chips: (s, _a, ctx) => covered<ChipModel>(ctx, s.dealIds, 'Chip'),
    cloudServices: (s, _a, ctx) => covered<CloudServiceModel>(ctx, s.dealIds, 'CloudService'),
    restrictedBy: (s, _a, ctx) => ctx.loaders.nodes<ExclusivityModel>('Exclusivity', s.restrictedByIds),
  },
  Investment: {
    investor: (i, _a, ctx) => org(ctx, i.investorId),
    deals: (i, _a, ctx) => deals(ctx, i.dealIds),
  },
  SupplierShare: {
    supplier: (s, _a, ctx) => org(ctx, s.supplierId),
    deals: (s, _a, ctx) => deals(ctx, s.dealIds),
  },
  Concentration: {
    organization: (c, _a, ctx) => org(ctx, c.organizationId),
    dealsWithoutAmount: (c, _a, ctx) => deals(ctx, c.dealsWithoutAmountIds),
  },
  Path: {
    nodes: (p, _a, ctx) => loadAnyNodes(ctx, p.nodeIds) as never,
    steps: (p) => p.steps as never,
  },
  PathStep: {
    from: async (s, _a, ctx) => (await loadAnyNode(ctx, (s as unknown as { from: string }).from)) as never,
    to: async (s, _a, ctx) => (await loadAnyNode(ctx, (s as unknown as { to: string }).to)) as never,
  },
  GraphNode: {
    node: async (n, _a, ctx) => (await loadAnyNode(ctx, n.id, n.kind)) as never,
    // A deal's or an exclusivity's status on the day the neighbourhood is about, as everywhere.
    status: async (n, _a, ctx, info) => {
      if (n.kind !== 'Deal' && n.kind !== 'Exclusivity') return n.status as never;
      const fact = (await ctx.loaders.node(n.kind).load(n.id)) as DealModel | ExclusivityModel | null;
      return (fact ? await statusAsOf(ctx, n.kind, fact, viewOf(ctx, info)) : n.status) as never;
    },
  },
  Change: {
    // A change row reports its fact's status on the row's own day.
    status: async (c, _a, ctx, info) => {
      const fact = (await ctx.loaders.node(c.factLabel).load(c.factId)) as DealModel | ExclusivityModel;
      return (await statusAsOf(ctx, c.factLabel, fact, { asOf: c.on, knownOn: viewOf(ctx, info).knownOn })) as never;
    },
    fact: async (c, _a, ctx, info) => {
      setView(ctx, info, { asOf: c.on, knownOn: viewOf(ctx, info).knownOn });
      return (await loadAnyNode(ctx, c.factId, c.factLabel)) as never;
    },
    sources: async (c, _a, ctx) => {
      if (c.statusEntryId) {
        const entry = (await ctx.loaders.node('StatusEntry').load(c.statusEntryId)) as StatusEntryModel | null;
        if (entry) return ctx.loaders.nodes<SourceModel>('Source', await ctx.loaders.linked('CITES', 'StatusEntry', 'Source', 'from', entry.id));
      }
      return ctx.loaders.nodes<SourceModel>('Source', await ctx.loaders.linked('CITES', c.factLabel, 'Source', 'from', c.factId));
    },
  },
};
