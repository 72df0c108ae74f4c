/** How concentrated an organization's compute supply is: each supplier's share as a bar chart and a table, and the HHI. */
import { request } from '../api/client';
import { concentrationQuery } from '../api/documents';
import { h } from '../dom';
import { dayText, formatGw, formatUsd } from '../format';
import type { ConcentrationQuery } from '../gql/graphql';
import { graphiqlHref } from '../graphiql-link';
import { ORGANIZATION_COLORS } from '../graph/palette';
import { barChart } from '../ui/bar-chart';
import { addDeal, type Answer } from './answer';
import { defineTable } from './answer-table';
import { linkList, nodeLink } from './cells';
import { text, type QuestionSpec } from './question';

type Row = ConcentrationQuery['concentration']['shares'][number];

export const concentrationQuestion: QuestionSpec = {
  name: 'concentration',
  tab: 'Concentration',
  title: 'Concentration of X’s compute',
  button: 'Chart concentration',
  fields: [{ param: 'of', label: 'Of', type: 'organization', initial: 'openai', required: true }],
  subject: (args) => text(args, 'of'),
  async ask(args, day): Promise<Answer> {
    const of = text(args, 'of');
    const variables = { of, asOf: day.asOf, knownOn: day.knownOn };
    const { concentration: c } = await request(concentrationQuery, variables);
    const level = c.hhi > 2500 ? 'highly concentrated' : c.hhi > 1500 ? 'moderately concentrated' : 'unconcentrated';
    return {
      summary: `${c.organization.name}, ${dayText(day.asOf, day.knownOn)}: ${formatUsd(c.totalCommittedUsd)} committed; HHI ${Math.round(c.hhi)} (${level}).`,
      highlight: [of, ...c.shares.flatMap((s) => [s.supplier.id, ...s.deals.map((d) => d.id)])],
      graphiql: graphiqlHref(concentrationQuery.toString(), variables),
      addTo(set) {
        for (const s of c.shares) {
          set.organization(s.supplier.id, s.supplier.name, s.supplier.orgKind);
          for (const d of s.deals) addDeal(set, d);
        }
      },
      chart: () =>
        barChart(
          c.shares.map((s) => ({
            label: s.supplier.name,
            value: s.share,
            text: `${(s.share * 100).toFixed(1)}%`,
            color: ORGANIZATION_COLORS[s.supplier.orgKind] ?? '#64748b',
          })),
          `Share of ${c.organization.name}'s committed compute by supplier`,
        ),
      notes: (ui) =>
        c.dealsWithoutAmount.length
          ? h(
              'div',
              { class: 'sub' },
              `Supply deals of unknown amount, not in the shares (${c.dealsWithoutAmount.length}): `,
              c.dealsWithoutAmount.map((d, i) => [i ? ', ' : '', nodeLink(ui, d.id, d.title)]),
            )
          : null,
      table: defineTable<Row>({
        rows: c.shares,
        rowId: (r) => r.supplier.id,
        columns: [
          { key: 'supplier', label: 'Supplier', value: (r) => r.supplier.name, cell: (r, ui) => nodeLink(ui, r.supplier.id, r.supplier.name) },
          { key: 'share', label: 'Share', unit: 'fraction', numeric: true, value: (r) => r.share, cell: (r) => `${(r.share * 100).toFixed(1)}%` },
          { key: 'committed', label: 'Committed', unit: 'USD', numeric: true, value: (r) => r.committedUsd ?? null, cell: (r) => formatUsd(r.committedUsd) },
          { key: 'potential', label: 'Potential', unit: 'USD', numeric: true, value: (r) => r.potentialUsd ?? null, cell: (r) => formatUsd(r.potentialUsd) },
          { key: 'gw', label: 'GW', numeric: true, value: (r) => r.capacityGw ?? null, cell: (r) => formatGw(r.capacityGw) },
          {
            key: 'deals',
            label: 'Deals',
            numeric: true,
            value: (r) => r.deals.length,
            cell: (r, ui) =>
              linkList(
                ui,
                r.deals.map((d) => ({ id: d.id, text: d.title })),
                ['deal', 'deals'],
              ),
          },
        ],
      }),
    };
  },
};
