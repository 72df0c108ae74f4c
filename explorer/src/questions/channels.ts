/**
 * Channels (the ways a lab's models can be had) as the access questions return them. A channel is
 * not a node of the graph view: it is drawn as a link from the lab to the cloud service it goes
 * through (or to its provider when there is none, e.g. a reseller), with the provider operating
 * that service and the exclusivities that govern it held and granted as the graph draws them.
 */
import { h } from '../dom';
import type { ChannelItemFragment } from '../gql/graphql';
import type { ElementSet } from '../graph/graph-elements';
import type { AnswerUi } from './answer';
import { nodeLink } from './cells';

export type Channel = ChannelItemFragment;

/** The exclusivity fields the answers draw: its holder and grantor. */
export interface ExclusivityRef {
  id: string;
  title: string;
  status: string;
  holder: { id: string; name: string; kind: string };
  grantor: { id: string; name: string; kind: string };
}

/** The graph node a channel's row links to: its cloud service, else its provider. */
export const channelNode = (c: Channel): string => c.cloudService?.id ?? c.provider.id;

export function addExclusivity(set: ElementSet, x: ExclusivityRef): void {
  set.fact(x.id, 'EXCLUSIVITY', x.title, x.status);
  set.organization(x.holder.id, x.holder.name, x.holder.kind);
  set.organization(x.grantor.id, x.grantor.name, x.grantor.kind);
  set.addEdge(x.holder.id, 'HOLDS', x.id);
  set.addEdge(x.grantor.id, 'GRANTS', x.id);
}

export function addChannel(set: ElementSet, c: Channel): void {
  set.organization(c.lab.id, c.lab.name, c.lab.kind);
  set.organization(c.provider.id, c.provider.name, c.provider.kind);
  if (c.cloudService) {
    set.cloudService(c.cloudService.id, c.cloudService.name);
    set.addEdge(c.provider.id, 'OPERATES', c.cloudService.id);
  }
  const through = channelNode(c);
  // The lab's own API or weights: nothing between the lab and its models to draw.
  if (through !== c.lab.id) set.addEdge(c.lab.id, 'AVAILABLE_THROUGH', through);
  for (const x of c.governedBy) addExclusivity(set, x);
}

/** "Held by Microsoft" style list of the exclusivities that govern something, as links. */
export function exclusivitiesCell(ui: AnswerUi, list: readonly ExclusivityRef[]): HTMLElement | string {
  if (!list.length) return '—';
  return h(
    'span',
    { class: 'restricted', 'data-testid': 'governed-by' },
    list.map((x, i) => [i ? '; ' : '', nodeLink(ui, x.id, x.title), h('span', { class: 'sub' }, ` held by ${x.holder.name}`)]),
  );
}

/** The text of the same list, for sorting and CSV. */
export const exclusivitiesText = (list: readonly ExclusivityRef[]): string | null =>
  list.map((x) => `${x.title} (held by ${x.holder.name})`).join('; ') || null;
