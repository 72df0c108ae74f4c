/** Resolvers of the answer types (Supply, Investment, Concentration, Path, ...): ids to nodes. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../../generated/graphql.ts';
import { DEAL_FACT_COLUMNS } from '../../questions/supply-source.ts';
import { selectsOnly } from '../selection.ts';
import type { GraphContext } from '../context.ts';
import type { DealModel, ExclusivityModel, OrganizationModel, SourceModel, StatusEntryModel, ChipModel, CloudServiceModel } from '../models.ts';
import { setView, viewOf } from '../views.ts';
import { loadAnyNode, loadAnyNodes, resolveNodeType } from './node-helpers.ts';
import { statusAsOf } from './entity-resolvers.ts';

const ID_ONLY = new Set(['id']);
/** What the supply read model holds of a deal, as `Deal` fields (`status` and `currentStatus` come from its columns). */
const DEAL_FACT_FIELDS = new Set([...DEAL_FACT_COLUMNS, 'currentStatus']);

/**
 * An organization an answer names: only its id when nothing else is asked (the answer came from
 * the read model of this graph version, so it exists), else its node.
 */
const org = (ctx: GraphContext, id: string, info: GraphQLResolveInfo) =>
  // A value, not a promise, when no read is needed: a hub's concentration names thousands.
  (selectsOnly(info, ID_ONLY) ? { id } : ctx.loaders.node('Organization').load(id)) as OrganizationModel | Promise<OrganizationModel>;

/**
 * The deals a money answer names: from the supply read model the answer came from when the
 * selection asks only for what it holds (a hub's page names thousands of deals, and reading them
 * by id from LadybugDB costs tens of milliseconds a thousand), else the nodes from the store.
 */
const deals = (ctx: GraphContext, ids: readonly string[], info: GraphQLResolveInfo): DealModel[] | Promise<DealModel[]> => {
  if (selectsOnly(info, ID_ONLY)) return ids.map((id) => ({ id })) as DealModel[];
  if (selectsOnly(info, DEAL_FACT_FIELDS)) return ctx.supply().then((supply) => supply.dealFacts(ids) as Promise<DealModel[]>);
  return ctx.loaders.nodes<DealModel>('Deal', ids);
};

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
    supplier: (s, _a, ctx, info) => org(ctx, s.supplierId, info),
    deals: (s, _a, ctx, info) => deals(ctx, s.dealIds, info),
    chips: (s, _a, ctx) => covered<ChipModel>(ctx, s.dealIds, 'Chip'),
    cloudServices: (s, _a, ctx) => covered<CloudServiceModel>(ctx, s.dealIds, 'CloudService'),
    restrictedBy: (s, _a, ctx) => ctx.loaders.nodes<ExclusivityModel>('Exclusivity', s.restrictedByIds),
  },
  Investment: {
    investor: (i, _a, ctx, info) => org(ctx, i.investorId, info),
    deals: (i, _a, ctx, info) => deals(ctx, i.dealIds, info),
  },
  SupplierShare: {
    supplier: (s, _a, ctx, info) => org(ctx, s.supplierId, info),
    deals: (s, _a, ctx, info) => deals(ctx, s.dealIds, info),
  },
  Concentration: {
    organization: (c, _a, ctx, info) => org(ctx, c.organizationId, info),
    dealsWithoutAmount: (c, _a, ctx, info) => deals(ctx, c.dealsWithoutAmountIds, info),
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
