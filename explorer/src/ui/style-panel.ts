/**
 * Style and analysis: colour nodes by kind, status (on the view's day) or community, size them by
 * kind, degree or betweenness centrality, and group deals into links; lists the most central
 * nodes and the number of communities of what is drawn.
 */
import { h, replaceChildren } from '../dom';
import type { RuleSummary } from '../graph/graph-view';
import { COLOR_RULES, SIZE_RULES, type ColorRule, type SizeRule, type ViewState } from '../state/view-state';

export type StyleChange = Pick<ViewState, 'colorBy' | 'sizeBy' | 'groupDeals'>;

const COLOR_TEXT: Record<ColorRule, string> = { kind: 'Kind', status: 'Status on the day', community: 'Community (MCL)' };
const SIZE_TEXT: Record<SizeRule, string> = { kind: 'Kind and amount', degree: 'Degree centrality', betweenness: 'Betweenness centrality' };

export class StylePanel {
  private readonly color = h(
    'select',
    { id: 'style-color', 'data-testid': 'style-color' },
    COLOR_RULES.map((r) => h('option', { value: r }, COLOR_TEXT[r])),
  );
  private readonly size = h(
    'select',
    { id: 'style-size', 'data-testid': 'style-size' },
    SIZE_RULES.map((r) => h('option', { value: r }, SIZE_TEXT[r])),
  );
  private readonly group = h('input', { type: 'checkbox', id: 'style-group', 'data-testid': 'group-deals' });
  private readonly result = h('div', { class: 'analysis', 'data-testid': 'analysis-summary', 'aria-live': 'polite' });

  constructor(
    root: HTMLElement,
    private readonly onChange: (change: StyleChange) => void,
    private readonly navigate: (id: string) => void,
  ) {
    const emit = () => this.onChange({ colorBy: this.color.value as ColorRule, sizeBy: this.size.value as SizeRule, groupDeals: this.group.checked });
    for (const el of [this.color, this.size, this.group]) el.addEventListener('change', emit);
    replaceChildren(
      root,
      h('div', { class: 'fields' }, h('label', { for: this.color.id }, 'Colour by'), this.color, h('label', { for: this.size.id }, 'Size by'), this.size),
      h('label', { class: 'check' }, this.group, ' Group deals into links between organizations'),
      this.result,
    );
  }

  show(s: ViewState): void {
    this.color.value = s.colorBy;
    this.size.value = s.sizeBy;
    this.group.checked = s.groupDeals;
  }

  /** What the rules found in the drawing. */
  summarize(r: RuleSummary, s: ViewState): void {
    replaceChildren(
      this.result,
      r.communities !== null ? h('p', { 'data-testid': 'communities' }, `${r.communities} communities drawn.`) : null,
      r.ranking.length
        ? [
            h('p', {}, h('strong', {}, `Most central by ${s.sizeBy}`)),
            h(
              'ol',
              { 'data-testid': 'centrality-top' },
              r.ranking
                .slice(0, 5)
                .map((n) =>
                  h(
                    'li',
                    { 'data-node': n.id },
                    h('button', { type: 'button', class: 'link', onclick: () => this.navigate(n.id) }, n.name),
                    h('span', { class: 'sub' }, ` ${n.score.toFixed(3)}`),
                  ),
                ),
            ),
          ]
        : null,
    );
  }
}
