/**
 * `availability(of, asOf, knownOn)`: the channels through which a lab's models can be had on a
 * day (its own API, cloud platforms, marketplaces, resellers, on-premises deployments, open
 * weights), those in force that day on both clocks (rules/in-force.ts), oldest first.
 *
 * Each channel is governed by the exclusivities in force that day that the record links it to,
 * and by those the lab granted that cover what the channel does (rules/channel-scope.ts): an
 * exclusive on the lab's API distribution governs every platform that resells that API, whoever
 * holds it. `governingExclusivities` is that rule; the Channel type's `governedBy` applies it.
 */
import type { AccessKind } from '../model/vocabulary.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';
import { channelsInForce, type ChannelFacts } from './channels.ts';
import { governsChannel } from './rules/channel-scope.ts';
import { isInForce, type Dated, type When } from './rules/in-force.ts';

/** The channels of `lab` in force on `when`, by the day they opened (available, else announced), then id. */
export async function availability(store: GraphStore, lab: string, when: When): Promise<ChannelFacts[]> {
  const channels = await channelsInForce(store, lab, when);
  const opened = (c: ChannelFacts) => String(c.row.availableFrom ?? c.row.announcedOn);
  return channels.sort((a, b) => (opened(a) < opened(b) ? -1 : opened(a) > opened(b) ? 1 : a.id < b.id ? -1 : 1));
}

type ExclusivityRow = Row & Dated & { id: string; covers?: string[] | null };

/**
 * The exclusivities in force on `when` that govern a channel of `access`: those linked to it, and
 * those its lab granted whose scope covers what the channel does; sorted by id.
 * `linked`: the rows of the linked exclusivities; `grantedByLab`: the rows of those the lab granted.
 */
export function governingExclusivities(
  access: AccessKind,
  linked: readonly ExclusivityRow[],
  grantedByLab: readonly ExclusivityRow[],
  when: When,
): ExclusivityRow[] {
  const out = new Map<string, ExclusivityRow>();
  for (const x of linked) if (isInForce(x, when.asOf, when.knownOn, when.minConfidence)) out.set(x.id, x);
  for (const x of grantedByLab) if (isInForce(x, when.asOf, when.knownOn, when.minConfidence) && governsChannel(x.covers ?? [], access)) out.set(x.id, x);
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
