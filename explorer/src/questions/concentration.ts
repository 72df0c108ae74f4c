/** How concentrated an organization's compute supply is: each supplier's share, as a bar chart, and the HHI. */
import { request } from '../api/client';
import { concentrationQuery } from '../api/documents';
import { h, replaceChildren } from '../dom';
import { formatUsd } from '../format';
import { graphiqlHref } from '../graphiql-link';
import { ORGANIZATION_COLORS } from '../graph/palette';
import { barChart } from '../ui/bar-chart';
import { addDeal, type Answer } from './answer';

export async function askConcentration(of: string, asOf: string | null): Promise<Answer> {
  const variables = { of, asOf };
  const { concentration: c } = await request(concentrationQuery, variables);
  const level = c.hhi > 2500 ? 'highly concentrated' : c.hhi > 1500 ? 'moderately concentrated' : 'unconcentrated';
  return {
    root: of,
    summary: `${c.organization.name} on ${c.asOf}: ${formatUsd(c.totalCommittedUsd)} committed; HHI ${Math.round(c.hhi)} (${level}).`,
    highlight: [of, ...c.shares.flatMap((s) => [s.supplier.id, ...s.deals.map((d) => d.id)])],
    graphiql: graphiqlHref(concentrationQuery.toString(), variables),
    addTo(set) {
      for (const s of c.shares) {
        set.organization(s.supplier.id, s.supplier.name, s.supplier.orgKind);
        for (const d of s.deals) addDeal(set, d);
      }
    },
    render(list, chart, ui) {
      replaceChildren(
        chart,
        barChart(
          c.shares.map((s) => ({
            label: s.supplier.name,
            value: s.share,
            text: `${(s.share * 100).toFixed(1)}%`,
            color: ORGANIZATION_COLORS[s.supplier.orgKind] ?? '#64748b',
          })),
          `Share of ${c.organization.name}'s committed compute by supplier`,
        ),
      );
      replaceChildren(
        list,
        c.shares.map((s) =>
          h(
            'li',
            { 'data-supplier': s.supplier.id },
            h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(s.supplier.id) }, s.supplier.name),
            h('span', { class: 'sub' }, ` · ${formatUsd(s.committedUsd)} · ${(s.share * 100).toFixed(1)}%`),
          ),
        ),
        c.dealsWithoutAmount.length
          ? h(
              'li',
              { class: 'group' },
              h('strong', {}, `Supply deals of unknown amount (${c.dealsWithoutAmount.length}), not in the shares`),
              h(
                'ul',
                {},
                c.dealsWithoutAmount.map((d) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => ui.navigate(d.id) }, d.title))),
              ),
            )
          : null,
      );
    },
  };
}
