/** Cells answers share: a link that selects a node in the graph, and a folded list of links. */
import { h } from '../dom';
import type { AnswerUi } from './answer';

export const nodeLink = (ui: AnswerUi, id: string, text: string): HTMLButtonElement =>
  h('button', { type: 'button', class: 'link', 'data-node': id, onclick: () => ui.navigate(id) }, text);

/** "3 deals" that unfolds into a link per item. */
export function linkList(ui: AnswerUi, items: readonly { id: string; text: string }[], noun: [string, string]): HTMLElement | string {
  if (!items.length) return '—';
  return h(
    'details',
    { class: 'cell-list' },
    h('summary', {}, `${items.length} ${items.length === 1 ? noun[0] : noun[1]}`),
    h(
      'ul',
      {},
      items.map((x) => h('li', {}, nodeLink(ui, x.id, x.text))),
    ),
  );
}
