/** DealFilter arguments, checked beyond their GraphQL types. */
import type { DealFilter } from '../../generated/graphql.ts';
import type { DealFilterInput } from '../../questions/rules/deal-filter.ts';
import { amountArg, arg, dateRange } from '../args.ts';
import type { GraphContext } from '../context.ts';
import { badInput } from '../errors.ts';
import { ORG, requireId } from '../strict-ids.ts';

export function dealFilterArgs(f: DealFilter | null | undefined): DealFilterInput {
  if (!f) return {};
  if (f.counterparty && !f.party) {
    // A counterparty alone is just a party.
    return dealFilterArgs({ ...f, party: f.counterparty, counterparty: null });
  }
  const min = f.minAmountUsd == null ? null : arg(amountArg, f.minAmountUsd, 'filter.minAmountUsd');
  const max = f.maxAmountUsd == null ? null : arg(amountArg, f.maxAmountUsd, 'filter.maxAmountUsd');
  if (min !== null && max !== null && min > max) throw badInput('Argument "filter.minAmountUsd" must not exceed "filter.maxAmountUsd".', 'filter.minAmountUsd');
  dateRange(f.announcedFrom, f.announcedTo, ['filter.announcedFrom', 'filter.announcedTo']);
  return {
    party: f.party ?? null,
    counterparty: f.counterparty ?? null,
    kinds: f.kinds ?? null,
    statuses: f.statuses ?? null,
    announcedFrom: f.announcedFrom ?? null,
    announcedTo: f.announcedTo ?? null,
    asOf: f.asOf ?? null,
    knownOn: f.knownOn ?? null,
    minConfidence: f.minConfidence ?? null,
    minAmountUsd: min,
    maxAmountUsd: max,
    includeRetracted: f.includeRetracted ?? false,
  };
}

/** The organizations a DealFilter names exist (NOT_FOUND with suggestions otherwise). */
export async function requireFilterIds(ctx: GraphContext, f: DealFilter | null | undefined, argument: string): Promise<void> {
  if (!f) return;
  await Promise.all([requireId(ctx, `${argument}.party`, f.party, ORG), requireId(ctx, `${argument}.counterparty`, f.counterparty, ORG)]);
}
