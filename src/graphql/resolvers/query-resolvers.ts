/** The root fields: lookups, lists and the analyst questions. Thin: check, call the domain, map. */
import { pageWithinCount } from '../../domain/page-within-count.ts';
import type { NodeLabel } from '../../model/graph-model.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { changesBetween } from '../../domain/changes.ts';
import { dealPage } from '../../domain/deals.ts';
import { investorFacts } from '../../domain/investors.ts';
import { neighborhood } from '../../domain/neighborhood.ts';
import { shortestPaths } from '../../domain/paths.ts';
import { search } from '../../domain/search.ts';
import { concentrationOf, exclusivitiesInForce, supplierFacts } from '../../domain/suppliers.ts';
import { committedByOrganization } from '../../domain/commitments.ts';
import { COMMITMENTS_ALL, ORGANIZATIONS_COUNT, ORGANIZATIONS_PAGE, ORGANIZATION_IDS } from '../../queries/question-statements.ts';
import { NODE_STATEMENTS } from '../../queries/model-statements.ts';
import type { GraphContext } from '../context.ts';
import { arg, dateRange, decodeCursor, depthArg, encodeCursor, firstArg, limitArg, maxHopsArg, textArg } from '../args.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import type { ChipModel, CloudServiceModel, DealModel, ExclusivityModel, OrganizationModel, SourceModel } from '../models.ts';
import { dealFilterArgs } from './deal-filter.ts';
import { loadAnyNode } from './node-helpers.ts';

async function requireOrganization(ctx: GraphContext, id: string, argument: string): Promise<OrganizationModel> {
  const org = (await ctx.loaders.node('Organization').load(id)) as OrganizationModel | null;
  if (!org) throw new AppError('NOT_FOUND', `Argument "${argument}": no organization with id "${id}".`, { argument, id });
  return org;
}

function connection<T>(rows: T[], offset: number, first: number, totalCount: number) {
  return {
    totalCount,
    edges: rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node })),
    pageInfo: { hasNextPage: offset + rows.length < totalCount, endCursor: rows.length ? encodeCursor(offset + rows.length - 1) : null },
  };
}

/** The organization filter as parameters: switches and sentinels, never nulls (see question-statements.ts). */
function orgFilterParams(filter: { kinds?: readonly string[] | null; country?: string | null } | null | undefined) {
  const kinds = filter?.kinds?.length ? [...filter.kinds] : null;
  return { useKinds: kinds !== null, kinds: kinds ?? [''], country: filter?.country ?? '' };
}

export const queryResolvers: Resolvers = {
  Query: {
    node: (_p, { id }, ctx) => loadAnyNode(ctx, id),
    search: async (_p, args, ctx) => {
      const text = arg(textArg, args.text, 'text');
      const first = arg(firstArg, args.first, 'first');
      const hits = await search(ctx.store, text, first);
      const nodes = await Promise.all(hits.map((h) => loadAnyNode(ctx, h.id, h.label)));
      return nodes.filter((n) => n !== null);
    },
    organization: async (_p, { id }, ctx) => (await ctx.loaders.node('Organization').load(id)) as OrganizationModel | null,
    organizations: async (_p, args, ctx) => {
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const params = orgFilterParams(args.filter);
      if (args.sort === 'DOLLARS_COMMITTED') {
        const [ids, commitments] = await Promise.all([ctx.store.read(ORGANIZATION_IDS, params), ctx.store.read(COMMITMENTS_ALL, { asOf: ctx.today })]);
        const totals = committedByOrganization(commitments);
        const ranked = ids
          .map((r) => ({ id: String(r.id), name: String(r.name), usd: totals.get(String(r.id)) ?? -1 }))
          .sort((a, b) => b.usd - a.usd || (a.name < b.name ? -1 : 1));
        const page = await ctx.loaders.nodes<OrganizationModel>('Organization', ranked.slice(offset, offset + first).map((r) => r.id));
        return connection(page, offset, first, ranked.length);
      }
      const { rows, total } = await pageWithinCount(
        offset,
        async () => Number((await ctx.store.read(ORGANIZATIONS_COUNT, params))[0]?.total ?? 0),
        () => ctx.store.read(ORGANIZATIONS_PAGE, { ...params, skip: offset, limit: first }),
      );
      return connection(rows as OrganizationModel[], offset, first, total);
    },
    chip: async (_p, { id }, ctx) => (await ctx.loaders.node('Chip').load(id)) as ChipModel | null,
    chips: async (_p, _a, ctx) => (await ctx.store.read(NODE_STATEMENTS.Chip.all)) as ChipModel[],
    cloudService: async (_p, { id }, ctx) => (await ctx.loaders.node('CloudService').load(id)) as CloudServiceModel | null,
    cloudServices: async (_p, _a, ctx) => (await ctx.store.read(NODE_STATEMENTS.CloudService.all)) as CloudServiceModel[],
    source: async (_p, { id }, ctx) => (await ctx.loaders.node('Source').load(id)) as SourceModel | null,
    deal: async (_p, { id }, ctx) => (await ctx.loaders.node('Deal').load(id)) as DealModel | null,
    deals: async (_p, args, ctx) => {
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const page = await dealPage(ctx.store, dealFilterArgs(args.filter), args.sort, offset, first);
      return connection(page.rows as DealModel[], offset, first, page.totalCount);
    },
    exclusivity: async (_p, { id }, ctx) => (await ctx.loaders.node('Exclusivity').load(id)) as ExclusivityModel | null,
    exclusivities: async (_p, args, ctx) => {
      if (args.holder) await requireOrganization(ctx, args.holder, 'holder');
      if (args.grantor) await requireOrganization(ctx, args.grantor, 'grantor');
      return (await exclusivitiesInForce(ctx.store, args.holder ?? null, args.grantor ?? null, args.asOf ?? ctx.today)) as ExclusivityModel[];
    },
    suppliers: async (_p, args, ctx) => {
      await requireOrganization(ctx, args.of, 'of');
      const asOf = args.asOf ?? ctx.today;
      const excluding = [...new Set(args.excluding ?? [])];
      const control = await ctx.controlGraph();
      const controlled = excluding.flatMap((id) => control.controlledBy(id));
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      // Exclusivities the customer granted to others limit what each supplier may do for it.
      const [facts, granted] = await Promise.all([
        supplierFacts(ctx.store, args.of, [...excluding, ...controlled], asOf),
        exclusivitiesInForce(ctx.store, null, args.of, asOf),
      ]);
      ctx.loaders.prime('Exclusivity', granted);
      const page = facts.slice(offset, offset + first).map((f) => {
        const related = new Set([f.supplierId, ...control.controlledBy(f.supplierId), ...control.controllersOf(f.supplierId)]);
        return {
          supplierId: f.supplierId,
          dealIds: f.dealIds,
          committedUsd: f.committedUsd,
          restrictedByIds: granted.filter((x) => !related.has(String(x.holderId))).map((x) => String(x.id)),
        };
      });
      return connection(page, offset, first, facts.length);
    },
    investors: async (_p, args, ctx) => {
      await requireOrganization(ctx, args.in, 'in');
      return investorFacts(ctx.store, args.in, args.asOf ?? ctx.today);
    },
    concentration: async (_p, args, ctx) => {
      await requireOrganization(ctx, args.of, 'of');
      const asOf = args.asOf ?? ctx.today;
      const c = concentrationOf(await supplierFacts(ctx.store, args.of, [], asOf));
      return {
        organizationId: args.of,
        asOf,
        totalCommittedUsd: c.totalCommittedUsd,
        hhi: c.hhi,
        shares: c.shares,
        dealsWithoutAmountIds: c.dealsWithoutAmountIds,
      };
    },
    paths: async (_p, args, ctx) => {
      const maxHops = arg(maxHopsArg, args.maxHops, 'maxHops');
      if (args.from === args.to) throw badInput('Arguments "from" and "to" must be different organizations.', 'to');
      await Promise.all([requireOrganization(ctx, args.from, 'from'), requireOrganization(ctx, args.to, 'to')]);
      return shortestPaths(ctx.store, args.from, args.to, maxHops);
    },
    neighborhood: async (_p, args, ctx) => {
      const depth = arg(depthArg, args.depth, 'depth');
      const limit = arg(limitArg, args.limit, 'limit');
      const label = await ctx.loaders.labelOf.load(args.id);
      if (!label || label === 'StatusEntry' || label === 'AmountReport') throw notFound('node', args.id);
      const result = await neighborhood(
        ctx.store,
        (l: NodeLabel, ids: string[]) => ctx.loaders.nodes(l, ids),
        { id: args.id, label },
        depth,
        (args.kinds as NodeLabel[] | null | undefined) ?? null,
        args.asOf ?? null,
        limit,
      );
      return {
        nodes: result.nodes.map((n) => ({
          id: n.id,
          kind: n.label,
          label: String(n.row.name ?? n.row.title ?? n.id),
          status: (n.row.status as string | undefined) ?? null,
          amountUsd: (n.row.amountUsd as number | undefined) ?? null,
        })),
        edges: result.edges,
        truncated: result.truncated,
      };
    },
    changes: async (_p, args, ctx) => {
      dateRange(args.from, args.to, ['from', 'to']);
      return changesBetween(ctx.store, args.from, args.to);
    },
  },
};
