/** A horizontal SVG bar chart (shares of a whole), readable without colour. */
const SVG = 'http://www.w3.org/2000/svg';

export interface Bar {
  label: string;
  value: number;
  /** Text at the end of the bar. */
  text: string;
  color: string;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}

export function barChart(bars: readonly Bar[], title: string, width = 300): SVGSVGElement {
  const row = 22;
  const labelWidth = 120;
  const textWidth = 62;
  const barWidth = width - labelWidth - textWidth;
  const max = Math.max(...bars.map((b) => b.value), 1e-9);
  const height = bars.length * row + 6;
  const svg = el('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, 'data-testid': 'concentration-chart' });
  svg.append(el('title', {}, title));
  bars.forEach((b, i) => {
    const y = i * row + 3;
    const w = Math.max(1, (b.value / max) * barWidth);
    const label = b.label.length > 17 ? `${b.label.slice(0, 16)}…` : b.label;
    svg.append(
      el('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' }, el('title', {}, b.label), label),
      el('rect', { x: labelWidth, y: y + 3, width: w, height: row - 8, rx: 2, fill: b.color }),
      el('text', { x: labelWidth + w + 4, y: y + 14 }, b.text),
    );
  });
  return svg;
}
