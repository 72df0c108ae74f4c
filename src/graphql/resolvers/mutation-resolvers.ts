/**
 * Mutations: every one denies by default (no key: UNAUTHENTICATED; a key without the role:
 * FORBIDDEN), turns its input into import records, and hands them to the GraphWriter, which
 * validates them with the importer's rules, journals, applies and audits them in one unit of work.
 * Those that merge into the current record (partial upserts, status changes, retractions) hand
 * the writer a function of the current record, read in the write's own turn: reading it here,
 * before queueing, let concurrent writes put back each other's stale values.
 * Before start-up work is done, and on a full disk, writes are refused with HTTP 503/507 and
 * Retry-After.
 */
import { roleAtLeast, type Role } from '../../auth/api-keys.ts';
import type { NodeLabel } from '../../model/graph-model.ts';
import { ENDED_STATUSES } from '../../model/vocabulary.ts';
import { snapshotToRecords } from '../../importer/graph-to-records.ts';
import { readSnapshotFor } from '../../importer/read-snapshot-for.ts';
import type { CollectionName, DealRecord, ExclusivityRecord } from '../../importer/record-schemas.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { NODE_STATEMENTS } from '../../queries/model-statements.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { StorageFullError } from '../../store/store-errors.ts';
import { WriteRejected, type ChangeFrom } from '../../writes/graph-writer.ts';
import { RETRY_AFTER_SECONDS, WriteNotReady } from '../../writes/readiness.ts';
import type { WriteChange } from '../../writes/write-change.ts';
import type { GraphContext } from '../context.ts';
import { AppError, notFound, retryLater } from '../errors.ts';
import { arg, decodeCursor, encodeCursor, firstArg } from '../args.ts';
import type { DealModel, ExclusivityModel, NodeModel } from '../models.ts';
import { loadAnyNode } from './node-helpers.ts';

type Obj = Record<string, unknown>;

function requireRole(ctx: GraphContext, role: Role): { actor: string; role: Role } {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'This operation needs an API key: send Authorization: Bearer <key>.');
  if (!roleAtLeast(ctx.principal.role, role)) throw new AppError('FORBIDDEN', `This operation needs the ${role} role; the key has ${ctx.principal.role}.`);
  return { actor: ctx.principal.name, role: ctx.principal.role };
}

/** `deals[0].parties[1].org` -> `input.parties[1].organization`, in the names of the GraphQL input. */
function inputPath(path: string): string {
  return path.replace(/^\w+\[0\]/, 'input').replace(/\.org\b/, '.organization').replace(/^input\.covers\./, 'input.');
}

async function write(ctx: GraphContext, operation: string, role: Role, change: WriteChange | ChangeFrom): Promise<void> {
  const author = requireRole(ctx, role);
  try {
    await ctx.writer.apply(author, operation, change);
  } catch (err) {
    if (err instanceof WriteNotReady) throw new AppError('SERVICE_UNAVAILABLE', err.message, retryLater(503, RETRY_AFTER_SECONDS));
    if (err instanceof StorageFullError) throw new AppError('STORAGE_FULL', err.publicMessage, retryLater(507, RETRY_AFTER_SECONDS * 15));
    if (err instanceof WriteRejected) {
      const first = err.issues[0]!;
      throw new AppError('BAD_USER_INPUT', `${inputPath(first.path)}: ${first.message}`, {
        field: inputPath(first.path),
        problems: err.issues.map((i) => ({ field: inputPath(i.path), message: i.message })),
      });
    }
    throw err;
  }
}

/** The current record of a key, in the import format, or null (read through `view`: inside the write's unit). */
async function current(view: GraphStore, collection: CollectionName, id: string): Promise<Obj | null> {
  const records = snapshotToRecords(await readSnapshotFor(view, { [collection]: [id] }));
  return ((records[collection] as Obj[])[0] as Obj | undefined) ?? null;
}

/** Input fields that were given (null means "clear", absent means "keep"). */
const given = (input: Obj) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));

async function patch(ctx: GraphContext, collection: CollectionName, operation: string, input: Obj): Promise<void> {
  await write(ctx, operation, 'editor', async (view) => {
    const before = (await current(view, collection, String(input.id))) ?? {};
    return { kind: 'records', records: { [collection]: [{ ...before, ...given(input) }] } };
  });
}

async function load<T>(ctx: GraphContext, label: NodeLabel, id: string): Promise<T> {
  const row = await ctx.store.read(NODE_STATEMENTS[label].get, { id });
  if (!row[0]) throw notFound(label.toLowerCase(), id);
  return row[0] as T;
}

function dealRecord(input: Obj): Obj {
  const { parties, chips, cloudServices, coverageNote, statusHistory, ...rest } = input as Obj & {
    parties: { organization: string; role: string; amountUsd?: number | null; lead?: boolean | null }[];
    chips?: string[] | null;
    cloudServices?: string[] | null;
    coverageNote?: string | null;
    statusHistory?: Obj[] | null;
  };
  return {
    ...given(rest),
    parties: parties.map((p) => given({ org: p.organization, role: p.role, amountUsd: p.amountUsd, lead: p.lead })),
    covers: chips || cloudServices || coverageNote ? given({ chips, cloudServices, note: coverageNote }) : undefined,
    statusHistory: statusHistory?.map((h) => given(h)),
  };
}

export const mutationResolvers: Resolvers = {
  Mutation: {
    upsertOrganization: async (_p, { input }, ctx) => {
      await patch(ctx, 'organizations', 'upsertOrganization', input as Obj);
      return load(ctx, 'Organization', input.id);
    },
    upsertChip: async (_p, { input }, ctx) => {
      await patch(ctx, 'chips', 'upsertChip', input as Obj);
      return load(ctx, 'Chip', input.id);
    },
    upsertCloudService: async (_p, { input }, ctx) => {
      await patch(ctx, 'cloudServices', 'upsertCloudService', input as Obj);
      return load(ctx, 'CloudService', input.id);
    },
    upsertSource: async (_p, { input }, ctx) => {
      await patch(ctx, 'sources', 'upsertSource', input as Obj);
      return load(ctx, 'Source', input.id);
    },
    recordDeal: async (_p, { input }, ctx) => {
      await write(ctx, 'recordDeal', 'editor', { kind: 'records', records: { deals: [dealRecord(input as Obj) as DealRecord] } });
      return load<DealModel>(ctx, 'Deal', input.id);
    },
    recordExclusivity: async (_p, { input }, ctx) => {
      const { statusHistory, ...rest } = input as Obj & { statusHistory?: Obj[] | null };
      const record = { ...given(rest), statusHistory: statusHistory?.map((h) => given(h)) } as ExclusivityRecord;
      await write(ctx, 'recordExclusivity', 'editor', { kind: 'records', records: { exclusivities: [record] } });
      return load<ExclusivityModel>(ctx, 'Exclusivity', input.id);
    },
    setDealStatus: async (_p, args, ctx) => {
      requireRole(ctx, 'editor');
      const ended = (ENDED_STATUSES as readonly string[]).includes(args.status);
      const entry = given({ status: args.status, on: args.on, sources: args.sources, note: args.note });
      await write(ctx, 'setDealStatus', 'editor', async (view) => {
        const deal = (await current(view, 'deals', args.id)) as DealRecord | null;
        if (!deal) throw notFound('deal', args.id);
        const next = { ...deal, status: args.status, endedOn: ended ? args.on : undefined, statusHistory: [...(deal.statusHistory ?? []), entry] };
        return { kind: 'records', records: { deals: [next as DealRecord] } };
      });
      return load<DealModel>(ctx, 'Deal', args.id);
    },
    retract: async (_p, args, ctx) => {
      requireRole(ctx, 'editor');
      const label = await ctx.loaders.labelOf.load(args.id);
      if (label !== 'Deal' && label !== 'Exclusivity') throw notFound('deal or exclusivity', args.id);
      const collection = label === 'Deal' ? 'deals' : 'exclusivities';
      await write(ctx, 'retract', 'editor', async (view) => {
        const record = await current(view, collection, args.id);
        if (!record) throw notFound('deal or exclusivity', args.id);
        const next = { ...record, retractedOn: ctx.today, retractionReason: args.reason, retractionSource: args.source };
        return { kind: 'records', records: { [collection]: [next] } };
      });
      return (await loadAnyNode(ctx, args.id, label)) as NodeModel as never;
    },
    deleteNode: async (_p, { id }, ctx) => {
      requireRole(ctx, 'admin');
      const label = await ctx.loaders.labelOf.load(id);
      if (!label) throw notFound('node', id);
      await write(ctx, 'deleteNode', 'admin', { kind: 'delete', id, label });
      return true;
    },
  },
  Query: {
    auditLog: async (_p, args, ctx) => {
      requireRole(ctx, 'admin');
      const first = arg(firstArg, args.first, 'first');
      const offset = decodeCursor(args.after);
      const rows = (await ctx.store.read(NODE_STATEMENTS.AuditEntry.all))
        .filter((r) => !args.subject || r.subject === args.subject)
        .sort((a, b) => (String(a.at) < String(b.at) ? 1 : String(a.at) > String(b.at) ? -1 : String(a.id) < String(b.id) ? 1 : -1));
      const page = rows.slice(offset, offset + first);
      return {
        totalCount: rows.length,
        edges: page.map((node, i) => ({ cursor: encodeCursor(offset + i), node: node as never })),
        pageInfo: { hasNextPage: offset + first < rows.length, endCursor: page.length ? encodeCursor(offset + page.length - 1) : null },
      };
    },
  },
  Deal: {
    retractionSource: async (d, _a, ctx) => (d.retractionSource ? ((await ctx.loaders.node('Source').load(d.retractionSource)) as never) : null),
  },
  Exclusivity: {
    retractionSource: async (x, _a, ctx) => (x.retractionSource ? ((await ctx.loaders.node('Source').load(x.retractionSource)) as never) : null),
  },
};
