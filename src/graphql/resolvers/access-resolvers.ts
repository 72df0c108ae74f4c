/**
 * The access layer: `channel`, `availability`, `diversification`, `restrictions`, and the Channel,
 * Restriction and diversification answer types. Thin: arguments are checked here, the questions
 * are in src/questions/ (availability.ts, diversification.ts, restrictions.ts).
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { AccessKind } from '../../model/vocabulary.ts';
import { availability, governingExclusivities } from '../../questions/availability.ts';
import { diversification } from '../../questions/diversification.ts';
import { inEffect, restrictionsOn } from '../../questions/restrictions.ts';
import { countryCode } from '../../model/validators.ts';
import { confidenceOf } from '../../questions/rules/confidence.ts';
import type { Row } from '../../store/graph-store.ts';
import { arg } from '../args.ts';
import type { GraphContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { ChannelModel, ChipModel, CloudServiceModel, DealModel, ExclusivityModel, OrganizationModel, RestrictionModel } from '../models.ts';
import { ORG, requireId, requireIds } from '../strict-ids.ts';
import { setView, viewOf, whenOf } from '../views.ts';
import { sourcesOf, statusAsOf, statusHistoryOf } from './entity-resolvers.ts';
import { isKnownBy } from '../../questions/rules/in-force.ts';

const org = async (ctx: GraphContext, id: string) => (await ctx.loaders.node('Organization').load(id)) as OrganizationModel;
const one = async <T>(ctx: GraphContext, label: 'Organization' | 'CloudService' | 'Deal', ids: Promise<string[]>) =>
  ((await ctx.loaders.nodes<T>(label, await ids))[0] ?? null) as T | null;

/** A channel or restriction's confidence on the day its part of the answer is about. */
async function confidenceOn(ctx: GraphContext, label: 'Channel' | 'Restriction', fact: ChannelModel | RestrictionModel, when: ReturnType<typeof viewOf>) {
  const [sources, status] = await Promise.all([sourcesOf(ctx, label, fact.id), statusAsOf(ctx, label, fact, when)]);
  return confidenceOf(
    sources.filter((s) => !when.knownOn || s.publishedOn <= when.knownOn),
    status,
  );
}

export const accessResolvers: Resolvers = {
  Query: {
    channel: async (_p, args, ctx, info) => {
      await requireId(ctx, 'id', args.id, ['Channel']);
      const c = (await ctx.loaders.node('Channel').load(args.id)) as ChannelModel | null;
      if (!c) return null;
      const when = setView(ctx, info, whenOf(ctx, args));
      if (c.announcedOn > when.asOf)
        throw new AppError('NOT_FOUND', `"${c.id}" was announced on ${c.announcedOn}, after asOf ${when.asOf}.`, { id: c.id, argument: 'asOf' });
      if (!isKnownBy(c, when.knownOn))
        throw new AppError('NOT_FOUND', `"${c.id}" was first reported on ${String(c.knownSince)}, after knownOn ${String(when.knownOn)}.`, {
          id: c.id,
          argument: 'knownOn',
        });
      return c;
    },
    availability: async (_p, args, ctx, info) => {
      await requireId(ctx, 'of', args.of, ORG);
      const channels = await availability(ctx.store, args.of, setView(ctx, info, whenOf(ctx, args)));
      ctx.loaders.prime(
        'Channel',
        channels.map((c) => c.row),
      );
      return channels.map((c) => c.row as ChannelModel);
    },
    diversification: async (_p, args, ctx, info) => {
      await Promise.all([requireId(ctx, 'for', args.for, ORG), requireIds(ctx, 'outside', args.outside, ORG)]);
      const when = setView(ctx, info, whenOf(ctx, args));
      const control = (await ctx.controlLinks()).on(when.asOf);
      return diversification(ctx.store, control, { of: args.for, outside: [...new Set(args.outside ?? [])], when });
    },
    restrictions: async (_p, args, ctx, info) => {
      const country = args.country == null ? null : arg(countryCode, args.country, 'country');
      const found = await restrictionsOn(ctx.store, country, setView(ctx, info, whenOf(ctx, args)));
      ctx.loaders.prime(
        'Restriction',
        found.map((r) => r.row),
      );
      return found.map((r) => r.row as RestrictionModel);
    },
  },
  Channel: {
    status: async (c, _a, ctx, info) => (await statusAsOf(ctx, 'Channel', c, viewOf(ctx, info))) as never,
    currentStatus: (c) => c.status as never,
    confidence: async (c, _a, ctx, info) => (await confidenceOn(ctx, 'Channel', c, viewOf(ctx, info))) as never,
    lab: async (c, _a, ctx) => (await one<OrganizationModel>(ctx, 'Organization', ctx.loaders.linked('DISTRIBUTES', 'Channel', 'Organization', 'from', c.id)))!,
    provider: async (c, _a, ctx) => (await one<OrganizationModel>(ctx, 'Organization', ctx.loaders.linked('RUNS', 'Organization', 'Channel', 'to', c.id)))!,
    cloudService: async (c, _a, ctx) => one<CloudServiceModel>(ctx, 'CloudService', ctx.loaders.linked('THROUGH', 'Channel', 'CloudService', 'from', c.id)),
    deal: async (c, _a, ctx) => one<DealModel>(ctx, 'Deal', ctx.loaders.linked('OPENED_BY', 'Channel', 'Deal', 'from', c.id)),
    governedBy: async (c, _a, ctx, info) => {
      const [labId] = await ctx.loaders.linked('DISTRIBUTES', 'Channel', 'Organization', 'from', c.id);
      const [linked, granted] = await Promise.all([
        ctx.loaders.nodes<ExclusivityModel>('Exclusivity', await ctx.loaders.linked('GOVERNED_BY', 'Channel', 'Exclusivity', 'from', c.id)),
        labId ? ctx.loaders.nodes<ExclusivityModel>('Exclusivity', await ctx.loaders.linked('GRANTS', 'Organization', 'Exclusivity', 'from', labId)) : [],
      ]);
      return governingExclusivities(c.access as AccessKind, linked as never, granted as never, viewOf(ctx, info)) as unknown as ExclusivityModel[];
    },
    sources: async (c, _a, ctx) => sourcesOf(ctx, 'Channel', c.id),
    statusHistory: async (c, _a, ctx) => statusHistoryOf(ctx, 'Channel', c.id),
  },
  Restriction: {
    restricts: (r) => (r.restricts ?? []) as never,
    countries: (r) => r.countries ?? [],
    exemptCountries: (r) => r.exemptCountries ?? [],
    worldwide: (r) => r.worldwide === true,
    status: async (r, _a, ctx, info) => (await statusAsOf(ctx, 'Restriction', r, viewOf(ctx, info))) as never,
    currentStatus: (r) => r.status as never,
    confidence: async (r, _a, ctx, info) => (await confidenceOn(ctx, 'Restriction', r, viewOf(ctx, info))) as never,
    inEffect: async (r, _a, ctx, info) => {
      const when = viewOf(ctx, info);
      return inEffect(r as unknown as Row, when.asOf, await statusAsOf(ctx, 'Restriction', r, when));
    },
    issuer: async (r, _a, ctx) => (await one<OrganizationModel>(ctx, 'Organization', ctx.loaders.linked('ISSUES', 'Organization', 'Restriction', 'to', r.id)))!,
    targets: async (r, _a, ctx) =>
      ctx.loaders.nodes<OrganizationModel>('Organization', await ctx.loaders.linked('TARGETS', 'Restriction', 'Organization', 'from', r.id)),
    chips: async (r, _a, ctx) => ctx.loaders.nodes<ChipModel>('Chip', await ctx.loaders.linked('RESTRICTS_CHIP', 'Restriction', 'Chip', 'from', r.id)),
    sources: async (r, _a, ctx) => sourcesOf(ctx, 'Restriction', r.id),
    statusHistory: async (r, _a, ctx) => statusHistoryOf(ctx, 'Restriction', r.id),
  },
  Diversification: {
    organization: (d, _a, ctx) => org(ctx, d.organizationId),
    excluded: (d, _a, ctx) => ctx.loaders.nodes<OrganizationModel>('Organization', d.excludedIds),
    dependencies: (d, _a, ctx) => ctx.loaders.nodes<DealModel>('Deal', d.dependencyIds),
    onlyThroughExcluded: (d, _a, ctx) => ctx.loaders.nodes<OrganizationModel>('Organization', d.onlyThroughExcludedIds),
    restrictions: (d, _a, ctx) => ctx.loaders.nodes<RestrictionModel>('Restriction', d.restrictionIds),
  },
  LabOption: {
    lab: (o, _a, ctx) => org(ctx, o.labId),
    channels: (o, _a, ctx) => ctx.loaders.nodes<ChannelModel>('Channel', o.channelIds),
  },
  CloudOption: {
    cloudService: async (o, _a, ctx) => (await ctx.loaders.node('CloudService').load(o.cloudServiceId)) as CloudServiceModel,
    operator: (o, _a, ctx) => org(ctx, o.operatorId),
    channels: (o, _a, ctx) => ctx.loaders.nodes<ChannelModel>('Channel', o.channelIds),
    deals: (o, _a, ctx) => ctx.loaders.nodes<DealModel>('Deal', o.dealIds),
  },
  Constraint: {
    heldByExcludedProvider: (c) => c.heldByExcluded,
    exclusivity: async (c, _a, ctx) => (c.exclusivityId ? ((await ctx.loaders.node('Exclusivity').load(c.exclusivityId)) as ExclusivityModel) : null),
    restriction: async (c, _a, ctx) => (c.restrictionId ? ((await ctx.loaders.node('Restriction').load(c.restrictionId)) as RestrictionModel) : null),
    channel: async (c, _a, ctx) => (c.channelId ? ((await ctx.loaders.node('Channel').load(c.channelId)) as ChannelModel) : null),
  },
};
