/** Who supplies X outside Y: the suppliers, their deals, and the exclusivities that restrict them. */
import { request } from '../api/client';
import { suppliersQuery } from '../api/documents';
import { h, replaceChildren } from '../dom';
import { formatAmount, formatUsd, humanize } from '../format';
import { graphiqlHref } from '../graphiql-link';
import { addDeal, type Answer } from './answer';

/**
 * The largest suppliers the view shows, with their deals, sources and restrictions: 50 keeps the
 * request under the API's cost limit (100 cost about 115,000 against 100,000); the view says how
 * many there are in all.
 */
const SHOWN = 50;

export async function askSuppliers(of: string, excluding: string[], asOf: string | null): Promise<Answer> {
  const variables = { of, excluding, asOf, first: SHOWN };
  const answer = (await request(suppliersQuery, variables)).suppliers;
  const suppliers = answer.edges.map((e) => e.node);
  const highlight = new Set<string>([of]);
  for (const s of suppliers) {
    highlight.add(s.supplier.id);
    for (const d of s.deals) highlight.add(d.id);
    for (const x of s.restrictedBy) highlight.add(x.id);
  }
  const when = asOf ? `on ${asOf}` : 'today';
  return {
    root: of,
    summary:
      `${answer.totalCount} supplier${answer.totalCount === 1 ? '' : 's'} of ${of}${excluding.length ? ` outside ${excluding.join(', ')}` : ''}, ${when}` +
      (answer.totalCount > suppliers.length ? `; the ${suppliers.length} largest shown.` : '.'),
    highlight: [...highlight],
    graphiql: graphiqlHref(suppliersQuery.toString(), variables),
    addTo(set) {
      for (const s of suppliers) {
        set.organization(s.supplier.id, s.supplier.name, s.supplier.orgKind);
        for (const d of s.deals) addDeal(set, d);
        for (const x of s.restrictedBy) {
          set.fact(x.id, 'EXCLUSIVITY', x.title, x.status);
          set.addEdge(x.holder.id, 'HOLDS', x.id);
          set.addEdge(of, 'GRANTS', x.id);
        }
      }
    },
    render(list, chart, ui) {
      replaceChildren(chart);
      replaceChildren(
        list,
        suppliers.map((s) =>
          h(
            'li',
            { 'data-supplier': s.supplier.id },
            h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(s.supplier.id) }, h('strong', {}, s.supplier.name)),
            h('span', { class: 'sub' }, ` · ${humanize(s.supplier.orgKind)} · committed ${formatUsd(s.committedUsd)}`),
            h(
              'ul',
              {},
              s.deals.map((d) =>
                h(
                  'li',
                  {},
                  h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(d.id) }, d.title),
                  ` · ${humanize(d.status).toLowerCase()} · ${formatAmount(d.amountUsd, d.amountQualifier)}`,
                ),
              ),
            ),
            s.chips.length || s.cloudServices.length
              ? h('div', { class: 'sub' }, 'Covers: ', [...s.chips, ...s.cloudServices].map((x) => x.name).join(', '))
              : null,
            s.restrictedBy.length
              ? h(
                  'div',
                  { class: 'restricted', 'data-testid': 'restricted-by' },
                  'Restricted by: ',
                  s.restrictedBy.map((x, i) => [
                    i ? '; ' : '',
                    h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(x.id) }, x.title),
                    ` (held by ${x.holder.name}, ${x.until})`,
                  ]),
                )
              : null,
          ),
        ),
      );
    },
  };
}
