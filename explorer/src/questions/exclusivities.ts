/** The exclusivities an organization holds or granted, in force on the view's date. */
import { request } from '../api/client';
import { exclusivitiesQuery } from '../api/documents';
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import type { ExclusivityItemFragment } from '../gql/graphql';
import { graphiqlHref } from '../graphiql-link';
import type { Answer } from './answer';

export async function askExclusivities(org: string, asOf: string | null): Promise<Answer> {
  const variables = { org, asOf };
  const { held, granted } = await request(exclusivitiesQuery, variables);
  const all = [...held, ...granted];
  const when = asOf ? `on ${asOf}` : 'today';
  const item = (x: ExclusivityItemFragment, ui: { navigate(id: string): void }) =>
    h(
      'li',
      { 'data-exclusivity': x.id },
      h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(x.id) }, h('strong', {}, x.title)),
      h(
        'div',
        { class: 'sub' },
        `${humanize(x.exclusivityKind)} · ${humanize(x.status).toLowerCase()} · held by ${x.holder.name}, granted by ${x.grantor.name} · until ${x.until}`,
      ),
      h('div', { class: 'sub' }, x.scope),
    );
  return {
    root: org,
    summary: `${org} holds ${held.length} and granted ${granted.length} exclusivit${all.length === 1 ? 'y' : 'ies'} in force ${when}.`,
    highlight: [org, ...all.flatMap((x) => [x.id, x.holder.id, x.grantor.id])],
    graphiql: graphiqlHref(exclusivitiesQuery.toString(), variables),
    addTo(set) {
      for (const x of all) {
        set.fact(x.id, 'EXCLUSIVITY', x.title, x.status, x.exclusivityKind);
        set.organization(x.holder.id, x.holder.name, x.holder.orgKind);
        set.organization(x.grantor.id, x.grantor.name, x.grantor.orgKind);
        set.addEdge(x.holder.id, 'HOLDS', x.id);
        set.addEdge(x.grantor.id, 'GRANTS', x.id);
      }
    },
    render(list, chart, ui) {
      replaceChildren(chart);
      replaceChildren(
        list,
        held.length
          ? h(
              'li',
              { class: 'group' },
              h('strong', {}, 'Held'),
              h(
                'ol',
                {},
                held.map((x) => item(x, ui)),
              ),
            )
          : null,
        granted.length
          ? h(
              'li',
              { class: 'group' },
              h('strong', {}, 'Granted'),
              h(
                'ol',
                {},
                granted.map((x) => item(x, ui)),
              ),
            )
          : null,
      );
    },
  };
}
