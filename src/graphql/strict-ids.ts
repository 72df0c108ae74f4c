/**
 * Strict id arguments: an id that names nothing of the kinds an argument takes is NOT_FOUND,
 * naming the argument, with up to three suggestions (src/questions/rules/known-ids.ts). Never
 * silently ignored, never guessed.
 */
import { unknownIdMessage, unknownIds, type NamedLabel } from '../questions/rules/known-ids.ts';
import type { GraphContext } from './context.ts';
import { AppError } from './errors.ts';

export const ORG: readonly NamedLabel[] = ['Organization'];
export const ANY: readonly NamedLabel[] = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity', 'Channel', 'Restriction', 'Source'];

/** Throws NOT_FOUND for the first id of `ids` that names nothing of `expected`. */
export async function requireIds(
  ctx: GraphContext,
  argument: string,
  ids: readonly string[] | null | undefined,
  expected: readonly NamedLabel[],
): Promise<void> {
  if (!ids?.length) return;
  const labelsOf = async (list: readonly string[]) =>
    (await ctx.loaders.labelOf.loadMany(list)).map((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
  const unknown = await unknownIds(labelsOf, ids, expected, ctx.idCandidates);
  const first = unknown[0];
  if (!first) return;
  throw new AppError('NOT_FOUND', unknownIdMessage(argument, expected, first), {
    argument,
    id: first.id,
    suggestions: first.suggestions,
    ...(unknown.length > 1 ? { unknown: unknown.map((u) => ({ id: u.id, suggestions: u.suggestions })) } : {}),
  });
}

export const requireId = (ctx: GraphContext, argument: string, id: string | null | undefined, expected: readonly NamedLabel[]) =>
  requireIds(ctx, argument, id == null ? [] : [id], expected);
