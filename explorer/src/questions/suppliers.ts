/**
 * Who supplies X outside Y: one row per supplier with its committed and potential dollars, its
 * gigawatts, its deals, the exclusivities that restrict it and how well sourced it is.
 */
import { request } from '../api/client';
import { suppliersQuery } from '../api/documents';
import { h } from '../dom';
import { dayText, formatGw, formatUsd, humanize } from '../format';
import type { SuppliersQuery } from '../gql/graphql';
import { graphiqlHref } from '../graphiql-link';
import { addDeal, type Answer } from './answer';
import { defineTable } from './answer-table';
import { linkList, nodeLink } from './cells';
import { confidenceColumn } from './confidence';
import { list, text, type QuestionSpec } from './question';

/**
 * The largest suppliers the view shows, with their deals, sources and restrictions: 50 keeps the
 * request under the API's cost limit (100 cost about 115,000 against 100,000); the summary says
 * how many there are in all.
 */
const SHOWN = 50;

type Supply = SuppliersQuery['suppliers']['edges'][number]['node'];
interface Row extends Supply {
  /** The supplier's gigawatts by the API's capacity rule (concentration by GW), null when none reported. */
  gw: number | null;
}

export const suppliersQuestion: QuestionSpec = {
  name: 'suppliers',
  tab: 'Suppliers',
  title: 'Who supplies X outside Y?',
  button: 'Find suppliers',
  fields: [
    { param: 'of', label: 'Supplies', type: 'organization', initial: 'openai', required: true },
    { param: 'excluding', label: 'Outside', type: 'organizations', initial: ['microsoft'], required: false },
  ],
  subject: (args) => text(args, 'of'),
  async ask(args, day): Promise<Answer> {
    const of = text(args, 'of');
    const excluding = list(args, 'excluding');
    const variables = { of, excluding, asOf: day.asOf, knownOn: day.knownOn, first: SHOWN };
    const data = await request(suppliersQuery, variables);
    const gw = new Map(data.byGw.shares.map((s) => [s.supplier.id, s.capacityGw ?? null]));
    const rows: Row[] = data.suppliers.edges.map((e) => ({ ...e.node, gw: gw.get(e.node.supplier.id) ?? null }));
    const total = data.suppliers.totalCount;
    const highlight = new Set<string>([of]);
    for (const s of rows) {
      highlight.add(s.supplier.id);
      for (const d of s.deals) highlight.add(d.id);
      for (const x of s.restrictedBy) highlight.add(x.id);
    }
    return {
      summary:
        `${total} supplier${total === 1 ? '' : 's'} of ${of}${excluding.length ? ` outside ${excluding.join(', ')}` : ''}, ${dayText(day.asOf, day.knownOn)}` +
        (total > rows.length ? `; the ${rows.length} largest shown.` : '.'),
      highlight: [...highlight],
      graphiql: graphiqlHref(suppliersQuery.toString(), variables),
      addTo(set) {
        for (const s of rows) {
          set.organization(s.supplier.id, s.supplier.name, s.supplier.orgKind);
          for (const d of s.deals) addDeal(set, d);
          for (const x of s.restrictedBy) {
            set.fact(x.id, 'EXCLUSIVITY', x.title, x.status);
            set.addEdge(x.holder.id, 'HOLDS', x.id);
            set.addEdge(of, 'GRANTS', x.id);
          }
        }
      },
      table: defineTable<Row>({
        rows,
        rowId: (r) => r.supplier.id,
        columns: [
          {
            key: 'supplier',
            label: 'Supplier',
            value: (r) => r.supplier.name,
            cell: (r, ui) => h('span', {}, nodeLink(ui, r.supplier.id, r.supplier.name), h('span', { class: 'sub' }, ` ${humanize(r.supplier.orgKind)}`)),
          },
          {
            key: 'committed',
            label: 'Committed',
            unit: 'USD',
            numeric: true,
            title: 'Dollars its deals bind on the day: binding statuses, firm amounts, upfront tranches',
            value: (r) => r.committedUsd ?? null,
            cell: (r) => formatUsd(r.committedUsd),
          },
          {
            key: 'potential',
            label: 'Potential',
            unit: 'USD',
            numeric: true,
            title: 'Dollars that may flow: committed, ceilings, conditional tranches, unsigned deals',
            value: (r) => r.potentialUsd ?? null,
            cell: (r) => formatUsd(r.potentialUsd),
          },
          {
            key: 'gw',
            label: 'GW',
            numeric: true,
            title: 'Capacity of the deals in force it alone supplies, announced or signed (not rumours or talks)',
            value: (r) => r.gw,
            cell: (r) => formatGw(r.gw),
          },
          {
            key: 'deals',
            label: 'Deals',
            numeric: true,
            value: (r) => r.deals.length,
            cell: (r, ui) =>
              linkList(
                ui,
                r.deals.map((d) => ({ id: d.id, text: `${d.title} (${humanize(d.status).toLowerCase()})` })),
                ['deal', 'deals'],
              ),
          },
          {
            key: 'restrictions',
            label: 'Restrictions',
            title: 'Exclusivities granted by the customer and held by others that limit this supplier',
            value: (r) => r.restrictedBy.map((x) => `${x.title} (held by ${x.holder.name}, ${x.until})`).join('; ') || null,
            cell: (r, ui) =>
              r.restrictedBy.length
                ? h(
                    'span',
                    { class: 'restricted', 'data-testid': 'restricted-by' },
                    r.restrictedBy.map((x, i) => [i ? '; ' : '', nodeLink(ui, x.id, x.title), h('span', { class: 'sub' }, ` held by ${x.holder.name}`)]),
                  )
                : '—',
          },
          ...confidenceColumn<Row>(rows, (r) => r.deals),
        ],
      }),
    };
  },
};
