/**
 * A timeline strip of an organization's changes: every announcement, status change and end of
 * a deal or exclusivity it is party to, placed by day between the first recorded deal and today,
 * with a marker on the view's day. Choosing a change moves the view to that day and selects the fact.
 */
import { request } from '../api/client';
import { changesQuery } from '../api/documents';
import { h } from '../dom';
import { formatDate, humanize, isoToDay, todayIso } from '../format';
import type { ChangesQuery } from '../gql/graphql';

type Change = ChangesQuery['changes']['edges'][number]['node'];

/** Pages of 100 read at most; the strip says when there are more. */
const MAX_PAGES = 5;

export async function loadChanges(org: string, from: string): Promise<{ changes: Change[]; total: number }> {
  const changes: Change[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { changes: c }: ChangesQuery = await request(changesQuery, { org, from, to: todayIso(), after });
    total = c.totalCount;
    changes.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor ?? null;
  }
  return { changes, total };
}

/** Changes of the same day share one mark, taller for more (they would sit on top of each other); its first is an end, else a change, else an announcement. */
function byDay(changes: readonly Change[]): [string, { id: string; title: string; kind: string; status: string }[]][] {
  const days = new Map<string, { id: string; title: string; kind: string; status: string }[]>();
  for (const c of changes) {
    if (!('title' in c.fact)) continue;
    const list = days.get(c.on) ?? [];
    list.push({ id: c.fact.id, title: c.fact.title, kind: c.kind, status: c.status });
    days.set(c.on, list);
  }
  const weight: Record<string, number> = { ENDED: 0, STATUS_CHANGED: 1, ANNOUNCED: 2 };
  for (const list of days.values()) list.sort((a, b) => (weight[a.kind] ?? 3) - (weight[b.kind] ?? 3));
  return [...days];
}

const KIND_CLASS: Record<string, string> = { ANNOUNCED: 'announced', STATUS_CHANGED: 'changed', ENDED: 'ended' };

export function timelineStrip(
  changes: readonly Change[],
  total: number,
  from: string,
  asOf: string | null,
  choose: (day: string, factId: string) => void,
): HTMLElement {
  const [start, end] = [isoToDay(from), isoToDay(todayIso())];
  const at = (iso: string) => `${(((isoToDay(iso) - start) / Math.max(1, end - start)) * 100).toFixed(2)}%`;
  return h(
    'div',
    { class: 'timeline', 'data-testid': 'timeline' },
    h(
      'div',
      { class: 'strip', role: 'list', 'aria-label': `${changes.length} changes` },
      asOf ? h('span', { class: 'now', style: `left:${at(asOf)}`, title: `The view’s day: ${formatDate(asOf)}` }) : null,
      byDay(changes).map(([on, day]) => {
        const first = day[0]!;
        const text = day.map((c) => `${humanize(c.kind).toLowerCase()} · ${humanize(c.status).toLowerCase()} · ${c.title}`).join('; ');
        return h('button', {
          type: 'button',
          role: 'listitem',
          class: `tick ${KIND_CLASS[first.kind] ?? ''}`,
          style: `left:${at(on)};height:${Math.min(24, 10 + 4 * day.length)}px`,
          title: `${formatDate(on)}: ${text}`,
          'aria-label': `${formatDate(on)}: ${text}`,
          'data-on': on,
          'data-fact': first.id,
          onclick: () => choose(on, first.id),
        });
      }),
    ),
    h('div', { class: 'axis sub' }, h('span', {}, formatDate(from)), h('span', {}, formatDate(todayIso()))),
    h(
      'div',
      { class: 'sub' },
      h('span', { class: 'key announced' }),
      ' announced ',
      h('span', { class: 'key changed' }),
      ' status changed ',
      h('span', { class: 'key ended' }),
      ' ended',
      total > changes.length ? ` · the first ${changes.length} of ${total} shown` : '',
    ),
  );
}
