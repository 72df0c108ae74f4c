/** The root fields: lookups, lists and the analyst questions. Thin: check the arguments, call the question (src/questions/), return. */
import type { NodeLabel } from '../../model/graph-model.ts';
import type { Status } from '../../model/vocabulary.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { changesBetween } from '../../questions/changes.ts';
import { concentration } from '../../questions/concentration.ts';
import { dealPage } from '../../questions/deals.ts';
import { exclusivitiesInForce } from '../../questions/exclusivities.ts';
import { investors } from '../../questions/investors.ts';
import { organizationsPage } from '../../questions/organizations.ts';
import { shortestPaths } from '../../questions/paths.ts';
import { search } from '../../questions/search.ts';
import { suppliers } from '../../questions/suppliers.ts';
import { NODE_STATEMENTS } from '../../queries/model-statements.ts';
import type { GraphQLResolveInfo } from 'graphql';
import { isKnownBy } from '../../questions/rules/in-force.ts';
import { setView, whenOf } from '../views.ts';
import { resolveNames } from '../../questions/rules/known-ids.ts';
import { ANY, ORG, requireId, requireIds } from '../strict-ids.ts';
import { requireFilterIds } from './deal-filter.ts';
import type { GraphContext } from '../context.ts';
import { arg, dateRange, decodeCursor, depthArg, encodeCursor, firstArg, limitArg, maxHopsArg, textArg } from '../args.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import type { ChipModel, CloudServiceModel, DealModel, ExclusivityModel, OrganizationModel, SourceModel } from '../models.ts';
import { dealFilterArgs } from './deal-filter.ts';
import { loadAnyNode } from './node-helpers.ts';

const requireOrganization = (ctx: GraphContext, id: string, argument: string) => requireId(ctx, argument, id, ORG);

/**
 * A deal or exclusivity looked up by id, for the day asked (its status is then that day's). One
 * that the record did not hold on that day is not found, with the reason: never today's version.
 */
function factOn<T extends { id: string; announcedOn: string; knownSince?: string | null }>(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  fact: T,
  args: { asOf?: string | null; knownOn?: string | null },
): T {
  const when = setView(ctx, info, whenOf(ctx, args));
  if (fact.announcedOn > when.asOf)
    throw new AppError('NOT_FOUND', `"${fact.id}" was announced on ${fact.announcedOn}, after asOf ${when.asOf}.`, { id: fact.id, argument: 'asOf' });
  if (!isKnownBy(fact, when.knownOn)) {
    throw new AppError('NOT_FOUND', `"${fact.id}" was first reported on ${String(fact.knownSince)}, after knownOn ${String(when.knownOn)}.`, {
      id: fact.id,
      argument: 'knownOn',
    });
  }
  return fact;
}

function connection<T>(rows: T[], offset: number, _first: number, totalCount: number) {
  return {
    totalCount,
    edges: rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node })),
    pageInfo: { hasNextPage: offset + rows.length < totalCount, endCursor: rows.length ? encodeCursor(offset + rows.length - 1) : null },
  };
}

export const queryResolvers: Resolvers = {
  Query: {
    node: async (_p, args, ctx, info) => {
      await requireId(ctx, 'id', args.id, ANY);
      const node = await loadAnyNode(ctx, args.id);
      return node && (node.__label === 'Deal' || node.__label === 'Exclusivity') ? factOn(ctx, info, node as never, args) : node;
    },
    resolve: async (_p, args, ctx) => {
      if (args.names.length > 100) throw badInput('Argument "names" must hold at most 100 names.', 'names');
      const names = args.names.map((n, i) => arg(textArg, n, `names[${i}]`));
      return resolveNames(names, ctx.idCandidates);
    },
    search: async (_p, args, ctx) => {
      const text = arg(textArg, args.text, 'text');
      const first = arg(firstArg, args.first, 'first');
      const index = await ctx.searchIndex();
      const hits = await ctx.compute(() => search(index, text, first, args.after));
      if (!hits) throw badInput(`Argument "after": ${JSON.stringify(args.after)} is not a hit of this search.`, 'after');
      const nodes = await Promise.all(hits.map((h) => loadAnyNode(ctx, h.id, h.label)));
      return nodes.filter((n) => n !== null);
    },
    organization: async (_p, { id }, ctx) => {
      await requireId(ctx, 'id', id, ORG);
      return (await ctx.loaders.node('Organization').load(id)) as OrganizationModel | null;
    },
    organizations: async (_p, args, ctx) => {
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const load = (ids: string[]) => ctx.loaders.nodes<OrganizationModel>('Organization', ids);
      const page = await organizationsPage(ctx.store, load, { filter: args.filter, sort: args.sort, asOf: ctx.today, offset, first });
      return connection(page.rows as OrganizationModel[], offset, first, page.totalCount);
    },
    chip: async (_p, { id }, ctx) => {
      await requireId(ctx, 'id', id, ['Chip']);
      return (await ctx.loaders.node('Chip').load(id)) as ChipModel | null;
    },
    chips: async (_p, _a, ctx) => (await ctx.store.read(NODE_STATEMENTS.Chip.all)) as ChipModel[],
    cloudService: async (_p, { id }, ctx) => {
      await requireId(ctx, 'id', id, ['CloudService']);
      return (await ctx.loaders.node('CloudService').load(id)) as CloudServiceModel | null;
    },
    cloudServices: async (_p, _a, ctx) => (await ctx.store.read(NODE_STATEMENTS.CloudService.all)) as CloudServiceModel[],
    source: async (_p, { id }, ctx) => {
      await requireId(ctx, 'id', id, ['Source']);
      return (await ctx.loaders.node('Source').load(id)) as SourceModel | null;
    },
    deal: async (_p, args, ctx, info) => {
      await requireId(ctx, 'id', args.id, ['Deal']);
      const deal = (await ctx.loaders.node('Deal').load(args.id)) as DealModel | null;
      return deal && factOn(ctx, info, deal, args);
    },
    deals: async (_p, args, ctx, info) => {
      await requireFilterIds(ctx, args.filter, 'filter');
      if (args.filter?.asOf || args.filter?.knownOn) setView(ctx, info, whenOf(ctx, args.filter));
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const page = await dealPage(ctx.store, dealFilterArgs(args.filter), args.sort, offset, first);
      return connection(page.rows as DealModel[], offset, first, page.totalCount);
    },
    exclusivity: async (_p, args, ctx, info) => {
      await requireId(ctx, 'id', args.id, ['Exclusivity']);
      const x = (await ctx.loaders.node('Exclusivity').load(args.id)) as ExclusivityModel | null;
      return x && factOn(ctx, info, x, args);
    },
    exclusivities: async (_p, args, ctx, info) => {
      if (args.holder) await requireOrganization(ctx, args.holder, 'holder');
      if (args.grantor) await requireOrganization(ctx, args.grantor, 'grantor');
      return (await exclusivitiesInForce(ctx.store, args.holder ?? null, args.grantor ?? null, setView(ctx, info, whenOf(ctx, args)))) as ExclusivityModel[];
    },
    suppliers: async (_p, args, ctx, info) => {
      await Promise.all([requireOrganization(ctx, args.of, 'of'), requireIds(ctx, 'excluding', args.excluding, ORG)]);
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const when = setView(ctx, info, whenOf(ctx, args));
      const control = (await ctx.controlLinks()).on(when.asOf);
      const answer = await suppliers(
        await ctx.supply(),
        control,
        {
          of: args.of,
          excluding: args.excluding ?? [],
          when,
          offset,
          first,
        },
        ctx.compute,
      );
      ctx.loaders.prime('Exclusivity', answer.granted);
      ctx.loaders.primeStatuses(when, answer.dealStatuses);
      return connection(answer.page, offset, first, answer.totalCount);
    },
    investors: async (_p, args, ctx, info) => {
      await requireOrganization(ctx, args.in, 'in');
      const supply = await ctx.supply();
      const when = setView(ctx, info, whenOf(ctx, args));
      return ctx.compute(() => investors(supply, args.in, when));
    },
    concentration: async (_p, args, ctx, info) => {
      await requireOrganization(ctx, args.of, 'of');
      const supply = await ctx.supply();
      const when = setView(ctx, info, whenOf(ctx, args));
      return ctx.compute(() => concentration(supply, args.of, when, args.by ?? 'usd'));
    },
    paths: async (_p, args, ctx, info) => {
      const maxHops = arg(maxHopsArg, args.maxHops, 'maxHops');
      if (args.from === args.to) throw badInput('Arguments "from" and "to" must be different organizations.', 'to');
      await Promise.all([requireOrganization(ctx, args.from, 'from'), requireOrganization(ctx, args.to, 'to')]);
      const when = setView(ctx, info, whenOf(ctx, args));
      const control = (await ctx.controlLinks()).on(when.asOf);
      const statuses = (args.statuses ?? []) as Status[];
      return shortestPaths(ctx.store, control, { from: args.from, to: args.to, maxHops, when, statuses });
    },
    neighborhood: async (_p, args, ctx, info) => {
      const depth = arg(depthArg, args.depth, 'depth');
      const limit = arg(limitArg, args.limit, 'limit');
      await requireId(ctx, 'id', args.id, ANY);
      const label = await ctx.loaders.labelOf.load(args.id);
      if (!label || label === 'StatusEntry' || label === 'AmountReport' || label === 'Tranche') throw notFound('node', args.id);
      const when = setView(ctx, info, whenOf(ctx, args));
      const view = await ctx.viewGraph();
      return ctx.compute(() =>
        view.neighborhood({
          root: { id: args.id, label },
          depth,
          kinds: (args.kinds as NodeLabel[] | null | undefined) ?? null,
          asOf: args.asOf ?? null,
          knownOn: when.knownOn ?? null,
          minConfidence: when.minConfidence ?? null,
          limit,
        }),
      );
    },
    changes: async (_p, args, ctx) => {
      dateRange(args.from, args.to, ['from', 'to']);
      if (args.organizations?.length === 0)
        throw badInput('Argument "organizations" must name at least one organization (leave it out for every fact).', 'organizations');
      await requireIds(ctx, 'organizations', args.organizations, ORG);
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const rows = await changesBetween(ctx.store, {
        from: args.from,
        to: args.to,
        organizations: args.organizations ? [...new Set(args.organizations)] : null,
        kinds: args.kinds ?? null,
        minConfidence: args.minConfidence ?? null,
      });
      return connection(rows.slice(offset, offset + first), offset, first, rows.length);
    },
  },
};
