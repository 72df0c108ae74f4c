/**
 * Mutations: every one denies by default (no key: UNAUTHENTICATED; a key without the role:
 * FORBIDDEN), turns its input into import records, and hands them to the GraphWriter, which
 * validates them with the record rules (src/records), journals, applies and audits them in one unit of work.
 * Those that merge into the current record (partial upserts, status changes, retractions) hand
 * the writer a function of the current record, read in the write's own turn: reading it here,
 * before queueing, let concurrent writes put back each other's stale values.
 * Before start-up work is done, and on a full disk, writes are refused with HTTP 503/507 and
 * Retry-After.
 */
import { roleAtLeast, type Role } from '../../auth/api-keys.ts';
import type { NodeLabel } from '../../model/graph-model.ts';
import { ENDED_STATUSES } from '../../model/vocabulary.ts';
import type { CollectionName } from '../../model/records.ts';
import { readRecordsFor } from '../../records/apply-records.ts';
import { given, inputPath, recordFromInput } from '../../records/api-input.ts';
import type { RecordIssue } from '../../records/record-issue.ts';
import type { DealRecord, ExclusivityRecord } from '../../records/record-schemas.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import { NODE_STATEMENTS } from '../../queries/model-statements.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { StorageFullError } from '../../store/store-errors.ts';
import { WriteRejected, type ChangeFrom } from '../../writes/graph-writer.ts';
import { RETRY_AFTER_SECONDS, WriteNotReady } from '../../writes/readiness.ts';
import type { WriteChange } from '../../writes/write-change.ts';
import type { GraphContext } from '../context.ts';
import { AppError, notFound, retryLater } from '../errors.ts';
import { ANY, requireId } from '../strict-ids.ts';
import { arg, decodeCursor, encodeCursor, firstArg } from '../args.ts';
import type { DealModel, ExclusivityModel, NodeModel } from '../models.ts';
import { loadAnyNode } from './node-helpers.ts';

type Obj = Record<string, unknown>;

function requireRole(ctx: GraphContext, role: Role): { actor: string; role: Role } {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'This operation needs an API key: send Authorization: Bearer <key>.');
  if (!roleAtLeast(ctx.principal.role, role)) throw new AppError('FORBIDDEN', `This operation needs the ${role} role; the key has ${ctx.principal.role}.`);
  return { actor: ctx.principal.name, role: ctx.principal.role };
}

/** The GraphQL argument an issue names: the input field, or what `argumentOf` maps it to. */
type ArgumentOf = (issue: RecordIssue) => string | undefined;
const argumentName = (issue: RecordIssue, argumentOf?: ArgumentOf) =>
  argumentOf?.(issue) ?? (issue.at ? inputPath(issue.at.collection, issue.at.field) : 'input');

async function write(ctx: GraphContext, operation: string, role: Role, change: WriteChange | ChangeFrom, argumentOf?: ArgumentOf): Promise<void> {
  const author = requireRole(ctx, role);
  try {
    await ctx.writer.apply(author, operation, change);
  } catch (err) {
    if (err instanceof WriteNotReady) throw new AppError('SERVICE_UNAVAILABLE', err.message, retryLater(503, RETRY_AFTER_SECONDS));
    if (err instanceof StorageFullError) throw new AppError('STORAGE_FULL', err.publicMessage, retryLater(507, RETRY_AFTER_SECONDS * 15));
    if (err instanceof WriteRejected) {
      const first = err.issues[0]!;
      const field = argumentName(first, argumentOf);
      throw new AppError('BAD_USER_INPUT', `${field}: ${first.message}`, {
        field,
        problems: err.issues.map((i) => ({ field: argumentName(i, argumentOf), message: i.message })),
      });
    }
    throw err;
  }
}

/** The current record of a key, in the import format, or null (read through `view`: inside the write's unit). */
async function current(view: GraphStore, collection: CollectionName, id: string): Promise<Obj | null> {
  const records = await readRecordsFor(view, { [collection]: [id] });
  return ((records[collection] as Obj[])[0] as Obj | undefined) ?? null;
}

async function patch(ctx: GraphContext, collection: CollectionName, operation: string, input: Obj): Promise<void> {
  await write(ctx, operation, 'editor', async (view) => {
    const before = (await current(view, collection, String(input.id))) ?? {};
    return { kind: 'records', records: { [collection]: [{ ...before, ...recordFromInput(collection, input) }] } };
  });
}

async function load<T>(ctx: GraphContext, label: NodeLabel, id: string): Promise<T> {
  const row = await ctx.store.read(NODE_STATEMENTS[label].get, { id });
  if (!row[0]) throw notFound(label.toLowerCase(), id);
  return row[0] as T;
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
      await write(ctx, 'recordDeal', 'editor', { kind: 'records', records: { deals: [recordFromInput('deals', input as Obj) as DealRecord] } });
      return load<DealModel>(ctx, 'Deal', input.id);
    },
    recordExclusivity: async (_p, { input }, ctx) => {
      const record = recordFromInput('exclusivities', input as Obj) as ExclusivityRecord;
      await write(ctx, 'recordExclusivity', 'editor', { kind: 'records', records: { exclusivities: [record] } });
      return load<ExclusivityModel>(ctx, 'Exclusivity', input.id);
    },
    setDealStatus: async (_p, args, ctx) => {
      requireRole(ctx, 'editor');
      await requireId(ctx, 'id', args.id, ['Deal']);
      const ended = (ENDED_STATUSES as readonly string[]).includes(args.status);
      const added = given({ status: args.status, on: args.on, sources: args.sources, note: args.note });
      // A problem with the new history entry is a problem with this mutation's own arguments.
      let entry = -1;
      const argumentOf: ArgumentOf = (issue) => {
        const f = issue.at?.field ?? [];
        if (f[0] === 'statusHistory' && f[1] === entry) return typeof f[2] === 'string' ? f[2] : 'status';
        return f[0] === 'status' || f[0] === 'endedOn' ? (f[0] === 'endedOn' ? 'on' : 'status') : undefined;
      };
      await write(
        ctx,
        'setDealStatus',
        'editor',
        async (view) => {
          const deal = (await current(view, 'deals', args.id)) as DealRecord | null;
          if (!deal) throw notFound('deal', args.id);
          entry = (deal.statusHistory ?? []).length;
          const next = { ...deal, status: args.status, endedOn: ended ? args.on : undefined, statusHistory: [...(deal.statusHistory ?? []), added] };
          return { kind: 'records', records: { deals: [next as DealRecord] } };
        },
        argumentOf,
      );
      return load<DealModel>(ctx, 'Deal', args.id);
    },
    retract: async (_p, args, ctx) => {
      requireRole(ctx, 'editor');
      await requireId(ctx, 'id', args.id, ['Deal', 'Exclusivity']);
      const label = await ctx.loaders.labelOf.load(args.id);
      if (label !== 'Deal' && label !== 'Exclusivity') throw notFound('deal or exclusivity', args.id);
      const collection = label === 'Deal' ? 'deals' : 'exclusivities';
      const argumentOf: ArgumentOf = (issue) => ({ retractionSource: 'source', retractionReason: 'reason' })[String(issue.at?.field[0])];
      await write(
        ctx,
        'retract',
        'editor',
        async (view) => {
          const record = await current(view, collection, args.id);
          if (!record) throw notFound('deal or exclusivity', args.id);
          const next = { ...record, retractedOn: ctx.today, retractionReason: args.reason, retractionSource: args.source };
          return { kind: 'records', records: { [collection]: [next] } };
        },
        argumentOf,
      );
      return (await loadAnyNode(ctx, args.id, label)) as NodeModel as never;
    },
    deleteNode: async (_p, { id }, ctx) => {
      requireRole(ctx, 'admin');
      await requireId(ctx, 'id', id, ANY);
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
