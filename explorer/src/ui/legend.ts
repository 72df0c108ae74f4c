/** The legend: what shapes, colours and line styles stand for, and the day statuses are shown as of. */
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import { CHIP_COLOR, CLOUD_SERVICE_COLOR, DEAL_COLORS, EXCLUSIVITY_COLOR, ORGANIZATION_COLORS, RELATIONSHIP_GROUPS, STATUS_COLORS } from '../graph/palette';
import type { ColorRule, SizeRule } from '../state/view-state';

const SVG = 'http://www.w3.org/2000/svg';

function icon(svgBody: string, label: string): HTMLElement {
  const span = h('span', { class: 'legend-item' });
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 22 14');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML = svgBody;
  span.append(svg, label);
  return span;
}

const row = (title: string, ...items: (HTMLElement | HTMLElement[])[]) => h('div', { class: 'legend-row' }, h('strong', {}, title), items);

const circle = (fill: string) => `<circle cx="11" cy="7" r="6" fill="${fill}"/>`;
const line = (stroke: string, extra = '') => `<line x1="1" y1="7" x2="21" y2="7" stroke="${stroke}" stroke-width="2.5" ${extra}/>`;

export interface LegendView {
  /** The day statuses are as of, in words (format.ts dayText). */
  day: string;
  colorBy: ColorRule;
  sizeBy: SizeRule;
}

export function renderLegend(root: HTMLElement, view: LegendView): void {
  replaceChildren(
    root,
    h('div', { class: 'legend-row', 'data-testid': 'legend-day' }, h('strong', {}, 'Statuses on'), h('span', {}, view.day)),
    view.colorBy === 'status'
      ? row(
          'Colour: status',
          Object.entries(STATUS_COLORS).map(([k, c]) => icon(circle(c), humanize(k))),
        )
      : view.colorBy === 'community'
        ? row('Colour', h('span', {}, 'one colour per community (Markov clustering of what is drawn)'))
        : [],
    view.sizeBy !== 'kind' ? row('Size', h('span', {}, `${view.sizeBy} centrality of what is drawn`)) : [],
    row(
      'Nodes',
      icon(circle('#7c3aed'), 'Organization'),
      icon(`<polygon points="5,7 8,2 14,2 17,7 14,12 8,12" fill="${CHIP_COLOR}"/>`, 'Chip'),
      icon(`<rect x="4" y="2" width="14" height="10" rx="3" fill="${CLOUD_SERVICE_COLOR}"/>`, 'Cloud service'),
      icon(`<polygon points="11,1 18,7 11,13 4,7" fill="${DEAL_COLORS.COMPUTE_CONTRACT}" stroke="#1f2937"/>`, 'Deal (size: $)'),
      icon(line('#334155', 'stroke-width="4"'), 'Grouped deals'),
      icon(`<polygon points="8,1 14,1 18,5 18,9 14,13 8,13 4,9 4,5" fill="${EXCLUSIVITY_COLOR}"/>`, 'Exclusivity'),
    ),
    row(
      'Organizations',
      Object.entries(ORGANIZATION_COLORS).map(([k, c]) => icon(circle(c), humanize(k))),
    ),
    row(
      'Deals',
      Object.entries(DEAL_COLORS).map(([k, c]) => icon(`<polygon points="11,1 18,7 11,13 4,7" fill="${c}" stroke="#1f2937"/>`, humanize(k))),
    ),
    row(
      'Links',
      RELATIONSHIP_GROUPS.filter((g) => g.name !== 'Cites').map((g) => icon(line(g.color), g.name)),
    ),
    row(
      'Status',
      icon(`<polygon points="11,1 18,7 11,13 4,7" fill="#93c5fd" fill-opacity="0.45" stroke="#111827" stroke-dasharray="2 2"/>`, 'In talks, rumoured'),
      icon(`<polygon points="11,1 18,7 11,13 4,7" fill="#93c5fd" opacity="0.35" stroke="#1f2937"/>`, 'Ended (faded)'),
      icon(`<polygon points="11,1 18,7 11,13 4,7" fill="#93c5fd" opacity="0.7" stroke="#6d28d9" stroke-width="2.5"/>`, 'Superseded'),
      icon(`${circle('#ffffff')}<circle cx="11" cy="7" r="6" fill="none" stroke="#0f172a" stroke-width="2"/>`, 'Pinned'),
    ),
  );
}
