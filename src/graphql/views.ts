/**
 * The day each part of an answer is about. A question that takes `asOf`/`knownOn` records them
 * under its place in the response (its response path, aliases included); a deal or an
 * exclusivity anywhere below it reports its status as of that day by looking up the nearest
 * recorded ancestor. So two aliased questions on two dates in one request each get their own
 * statuses, and no model object has to carry the date.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Confidence } from '../model/vocabulary.ts';
import type { When } from '../questions/rules/in-force.ts';
import type { GraphContext } from './context.ts';

type ResponsePath = GraphQLResolveInfo['path'];

const keyOf = (path: ResponsePath | undefined): string => {
  const keys: (string | number)[] = [];
  for (let p = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse().join('.');
};

/** Records the day the field at `info.path` (and everything below it) is about. */
export function setView(ctx: GraphContext, info: GraphQLResolveInfo, when: When): When {
  ctx.views.set(keyOf(info.path), when);
  return when;
}

/** The day the field at `info.path` is about: the nearest ancestor's, else today as recorded today. */
export function viewOf(ctx: GraphContext, info: GraphQLResolveInfo): When {
  for (let p: ResponsePath | undefined = info.path.prev; p; p = p.prev) {
    const when = ctx.views.get(keyOf(p));
    if (when) return when;
  }
  return { asOf: ctx.today, knownOn: null };
}

/** The `When` of a field's `asOf`, `knownOn` and `minConfidence` arguments (asOf defaults to today). */
export const whenOf = (ctx: GraphContext, args: { asOf?: string | null; knownOn?: string | null; minConfidence?: Confidence | null }): When => ({
  asOf: args.asOf ?? ctx.today,
  knownOn: args.knownOn ?? null,
  minConfidence: args.minConfidence ?? null,
});
