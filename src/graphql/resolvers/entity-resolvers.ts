/**
 * Field resolvers of the entity types. Each relationship goes through a per-request loader,
 * so a list of N deals costs one store query per field, not N.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { GraphContext } from '../context.ts';
import type { Row } from '../../store/graph-store.ts';
import type {
  ControlModel,
  ChipModel,
  CloudServiceModel,
  DealModel,
  ExclusivityModel,
  OrganizationModel,
  SourceModel,
  StatusEntryModel,
  AmountReportModel,
  TrancheModel,
} from '../models.ts';
import { arg, decodeCursor, encodeCursor, firstArg } from '../args.ts';
import { isInForce, type When } from '../../questions/rules/in-force.ts';
import { statusOn } from '../../questions/rules/status-on.ts';
import type { Status } from '../../model/vocabulary.ts';
import { setView, viewOf, whenOf } from '../views.ts';
import { byChildIndex } from '../../records/records-to-graph.ts';
import { dealFilterArgs, requireFilterIds } from './deal-filter.ts';

type FactLabel = 'Deal' | 'Exclusivity' | 'Channel' | 'Restriction';

export const sourcesOf = async (ctx: GraphContext, from: FactLabel | 'StatusEntry' | 'AmountReport' | 'Tranche', id: string) =>
  ctx.loaders.nodes<SourceModel>('Source', await ctx.loaders.linked('CITES', from, 'Source', 'from', id));

export const statusHistoryOf = async (ctx: GraphContext, from: FactLabel, id: string) => {
  const entries = await ctx.loaders.nodes<StatusEntryModel>('StatusEntry', await ctx.loaders.linked('HAS_STATUS', from, 'StatusEntry', 'from', id));
  return entries.sort(byChildIndex);
};

const controlOf = (r: Row): ControlModel => ({
  controller: String(r.from),
  controlled: String(r.to),
  stakePct: r.stakePct as number | null,
  validFrom: r.validFrom as string | null,
  validUntil: r.validUntil as string | null,
  sourceIds: (r.sourceIds as string[] | null) ?? [],
});

export const entityResolvers: Resolvers = {
  Organization: {
    aliases: (o) => o.aliases ?? [],
    controls: async (o, _a, ctx) => (await ctx.loaders.rels('CONTROLS', 'Organization', 'Organization', 'from').load(o.id)).map(controlOf),
    controlledBy: async (o, _a, ctx) => (await ctx.loaders.rels('CONTROLS', 'Organization', 'Organization', 'to').load(o.id)).map(controlOf),
    cloudServices: async (o, _a, ctx) =>
      ctx.loaders.nodes<CloudServiceModel>('CloudService', await ctx.loaders.linked('OPERATES', 'Organization', 'CloudService', 'from', o.id)),
    chipsDesigned: async (o, _a, ctx) => ctx.loaders.nodes<ChipModel>('Chip', await ctx.loaders.linked('DESIGNS', 'Organization', 'Chip', 'from', o.id)),
    deals: async (o, args, ctx, info) => {
      await requireFilterIds(ctx, args.filter, 'filter');
      if (args.filter?.asOf || args.filter?.knownOn) setView(ctx, info, whenOf(ctx, args.filter));
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const filter = dealFilterArgs(args.filter);
      // Batched across every organization of the level: one query, paged here.
      const all = (await ctx.loaders.partyDeals(filter, args.sort).load(o.id)) as DealModel[];
      const page = all.slice(offset, offset + first);
      return {
        totalCount: all.length,
        edges: page.map((node, i) => ({ cursor: encodeCursor(offset + i), node })),
        pageInfo: { hasNextPage: offset + first < all.length, endCursor: page.length ? encodeCursor(offset + page.length - 1) : null },
      };
    },
    exclusivitiesHeld: async (o, args, ctx, info) => exclusivitiesOf(ctx, 'HOLDS', o.id, setView(ctx, info, whenOf(ctx, args))),
    exclusivitiesGranted: async (o, args, ctx, info) => exclusivitiesOf(ctx, 'GRANTS', o.id, setView(ctx, info, whenOf(ctx, args))),
    committedUsd: async (o, args, ctx) => ctx.loaders.committedUsd(whenOf(ctx, args)).load(o.id),
  },
  Control: {
    since: (c) => c.validFrom,
    controller: async (c, _a, ctx) => (await ctx.loaders.node('Organization').load(c.controller)) as OrganizationModel,
    controlled: async (c, _a, ctx) => (await ctx.loaders.node('Organization').load(c.controlled)) as OrganizationModel,
    sources: async (c, _a, ctx) => ctx.loaders.nodes<SourceModel>('Source', [...c.sourceIds].sort()),
  },
  Chip: {
    aliases: (c) => c.aliases ?? [],
    designer: async (c, _a, ctx) =>
      (await ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('DESIGNS', 'Organization', 'Chip', 'to', c.id)))[0] ?? null,
    manufacturer: async (c, _a, ctx) =>
      (await ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('MANUFACTURES', 'Organization', 'Chip', 'to', c.id)))[0] ?? null,
    offeredBy: async (c, _a, ctx) =>
      ctx.loaders.nodes<CloudServiceModel>('CloudService', await ctx.loaders.linked('OFFERS', 'CloudService', 'Chip', 'to', c.id)),
  },
  CloudService: {
    aliases: (s) => s.aliases ?? [],
    operator: async (s, _a, ctx) =>
      (await ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('OPERATES', 'Organization', 'CloudService', 'to', s.id)))[0] ?? null,
    chips: async (s, _a, ctx) => ctx.loaders.nodes<ChipModel>('Chip', await ctx.loaders.linked('OFFERS', 'CloudService', 'Chip', 'from', s.id)),
  },
  Deal: {
    // A status a read model already worked out is returned as a value, not a promise: a hub's
    // page lists thousands of deals, and graphql-js completes a list of values without waiting.
    status: (d, _a, ctx, info) => {
      const when = viewOf(ctx, info);
      return (ctx.loaders.primedStatus(when, d.id) ?? statusAsOf(ctx, 'Deal', d, when)) as never;
    },
    currentStatus: (d) => d.status as never,
    // Derived on every write; a fact not yet graded counts as low.
    confidence: (d) => (d.confidence ?? 'low') as never,
    parties: async (d, _a, ctx) => ctx.loaders.dealParties.load(d.id),
    chips: async (d, _a, ctx) => ctx.loaders.nodes<ChipModel>('Chip', await ctx.loaders.linked('COVERS', 'Deal', 'Chip', 'from', d.id)),
    cloudServices: async (d, _a, ctx) =>
      ctx.loaders.nodes<CloudServiceModel>('CloudService', await ctx.loaders.linked('COVERS', 'Deal', 'CloudService', 'from', d.id)),
    sources: async (d, _a, ctx) => sourcesOf(ctx, 'Deal', d.id),
    statusHistory: async (d, _a, ctx) => statusHistoryOf(ctx, 'Deal', d.id),
    committedUsd: async (d, _a, ctx, info) => (await ctx.loaders.dealMoney(viewOf(ctx, info)).load(d.id))?.committedUsd ?? null,
    potentialUsd: async (d, _a, ctx, info) => (await ctx.loaders.dealMoney(viewOf(ctx, info)).load(d.id))?.potentialUsd ?? null,
    tranches: async (d, _a, ctx) => {
      const tranches = await ctx.loaders.nodes<TrancheModel>('Tranche', await ctx.loaders.linked('HAS_TRANCHE', 'Deal', 'Tranche', 'from', d.id));
      return tranches.sort(byChildIndex);
    },
    otherReports: async (d, _a, ctx) => {
      const reports = await ctx.loaders.nodes<AmountReportModel>(
        'AmountReport',
        await ctx.loaders.linked('REPORTS_AMOUNT', 'Deal', 'AmountReport', 'from', d.id),
      );
      return reports.sort(byChildIndex);
    },
    supersedes: async (d, _a, ctx) => ctx.loaders.nodes<DealModel>('Deal', await ctx.loaders.linked('SUPERSEDES', 'Deal', 'Deal', 'from', d.id)),
    supersededBy: async (d, _a, ctx) => ctx.loaders.nodes<DealModel>('Deal', await ctx.loaders.linked('SUPERSEDES', 'Deal', 'Deal', 'to', d.id)),
    exclusivities: async (d, _a, ctx) =>
      ctx.loaders.nodes<ExclusivityModel>('Exclusivity', await ctx.loaders.linked('PART_OF', 'Exclusivity', 'Deal', 'to', d.id)),
  },
  DealParty: {
    organization: async (p, _a, ctx) => (await ctx.loaders.node('Organization').load(p.orgId)) as OrganizationModel,
  },
  StatusEntry: {
    on: (e) => e.changedOn,
    sources: async (e, _a, ctx) => sourcesOf(ctx, 'StatusEntry', e.id),
  },
  AmountReport: {
    sources: async (r, _a, ctx) => sourcesOf(ctx, 'AmountReport', r.id),
  },
  Tranche: {
    sources: async (t, _a, ctx) => sourcesOf(ctx, 'Tranche', t.id),
  },
  Exclusivity: {
    status: async (x, _a, ctx, info) => (await statusAsOf(ctx, 'Exclusivity', x, viewOf(ctx, info))) as never,
    currentStatus: (x) => x.status as never,
    confidence: (x) => (x.confidence ?? 'low') as never,
    covers: (x) => (x.covers ?? []) as never,
    until: (x) => x.validUntil ?? x.term ?? 'open-ended',
    holder: async (x, _a, ctx) =>
      (await ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('HOLDS', 'Organization', 'Exclusivity', 'to', x.id)))[0]!,
    grantor: async (x, _a, ctx) =>
      (await ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('GRANTS', 'Organization', 'Exclusivity', 'to', x.id)))[0]!,
    deal: async (x, _a, ctx) =>
      (await ctx.loaders.nodes<DealModel>('Deal', await ctx.loaders.linked('PART_OF', 'Exclusivity', 'Deal', 'from', x.id)))[0] ?? null,
    sources: async (x, _a, ctx) => sourcesOf(ctx, 'Exclusivity', x.id),
    statusHistory: async (x, _a, ctx) => statusHistoryOf(ctx, 'Exclusivity', x.id),
  },
};

/**
 * A fact's status on the day its part of the answer is about (the status-on rule over its
 * history, each entry known from its earliest source); today's status when the fact had not been
 * announced or reported by then (a fact reached through a link, such as a later deal it was
 * superseded by).
 */
export async function statusAsOf(
  ctx: GraphContext,
  label: FactLabel,
  fact: Pick<DealModel, 'id' | 'status' | 'announcedOn' | 'endedOn' | 'knownSince'>,
  when: When,
): Promise<Status> {
  const history = await statusHistoryOf(ctx, label, fact.id);
  const on = statusOn(
    {
      status: fact.status,
      announcedOn: fact.announcedOn,
      endedOn: fact.endedOn,
      knownOn: fact.knownSince,
      history: history.map((e) => ({ status: e.status, on: e.changedOn, knownOn: e.knownSince })),
    },
    when.asOf,
    when.knownOn,
  );
  return on ?? fact.status;
}

async function exclusivitiesOf(ctx: GraphContext, type: 'HOLDS' | 'GRANTS', orgId: string, when: When): Promise<ExclusivityModel[]> {
  const all = await ctx.loaders.nodes<ExclusivityModel>('Exclusivity', await ctx.loaders.linked(type, 'Organization', 'Exclusivity', 'from', orgId));
  return all.filter((x) => isInForce(x, when.asOf, when.knownOn, when.minConfidence));
}
