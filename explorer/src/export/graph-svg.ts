/**
 * The drawn view as SVG, from Cytoscape's computed styles: each node in its shape, colour,
 * border, size and opacity with its label (left out where the view leaves it out to avoid
 * overlaps), each link as a straight line with its arrow. Vector, so it scales for print and
 * slides; text is escaped as in the GraphML export.
 */
import type { EdgeCollection, EdgeSingular, NodeCollection, NodeSingular } from 'cytoscape';
import { FONT } from '../graph/graph-style';

const ESC: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const esc = (v: unknown) =>
  String(v)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[<>&"']/g, (c) => ESC[c]!);
const num = (v: number) => Number(v.toFixed(1));

/** Corners of a regular polygon (or a diamond) of width w and height h around (x, y). */
function polygon(x: number, y: number, w: number, h: number, sides: number, rotate = 0): string {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotate + (2 * Math.PI * i) / sides;
    return `${num(x + (w / 2) * Math.cos(a))},${num(y + (h / 2) * Math.sin(a))}`;
  }).join(' ');
}

function shape(n: NodeSingular, attrs: string): string {
  const { x, y } = n.position();
  const [w, h] = [n.width(), n.height()];
  switch (n.style('shape') as string) {
    case 'diamond':
      return `<polygon points="${polygon(x, y, w, h, 4)}" ${attrs}/>`;
    case 'hexagon':
      return `<polygon points="${polygon(x, y, w, h, 6)}" ${attrs}/>`;
    case 'octagon':
      return `<polygon points="${polygon(x, y, w, h, 8, Math.PI / 8)}" ${attrs}/>`;
    case 'round-rectangle':
    case 'rectangle':
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${n.style('shape') === 'rectangle' ? 0 : 4}" ${attrs}/>`;
    default:
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${attrs}/>`;
  }
}

function edge(e: EdgeSingular): string {
  const [s, t] = [e.sourceEndpoint(), e.targetEndpoint()];
  const color = esc(e.style('line-color'));
  const width = Number.parseFloat(e.style('width'));
  const dash = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : e.style('line-style') === 'dotted' ? ' stroke-dasharray="2 3"' : '';
  const opacity = num(e.effectiveOpacity());
  let out = `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" stroke="${color}" stroke-width="${num(width)}" opacity="${opacity}"${dash}/>`;
  if (e.style('target-arrow-shape') !== 'none') {
    const a = Math.atan2(t.y - s.y, t.x - s.x);
    const size = 4 + width * 2;
    const p = (d: number, da: number) => `${num(t.x - d * Math.cos(a + da))},${num(t.y - d * Math.sin(a + da))}`;
    out += `<polygon points="${num(t.x)},${num(t.y)} ${p(size, 0.4)} ${p(size, -0.4)}" fill="${color}" opacity="${opacity}"/>`;
  }
  return out;
}

function label(n: NodeSingular): string {
  const text = n.hasClass('label-off') ? '' : String(n.data('label') ?? '');
  if (!text) return '';
  const size = Number.parseFloat(n.style('font-size'));
  const weight = esc(n.style('font-weight'));
  const { x, y } = n.position();
  const top = y + n.height() / 2 + 3 + size;
  const lines = text.split('\n').map((line, i) => `<tspan x="${num(x)}" y="${num(top + i * size * 1.15)}">${esc(line)}</tspan>`);
  return `<text text-anchor="middle" font-size="${size}" font-weight="${weight}" fill="${esc(n.style('color'))}" opacity="${num(n.effectiveOpacity())}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${lines.join('')}</text>`;
}

export function toSvg(nodes: NodeCollection, edges: EdgeCollection, title: string): string {
  const bb = nodes.union(edges).boundingBox({ includeLabels: true });
  const pad = 20;
  const [x, y, w, h] = [bb.x1 - pad, bb.y1 - pad, bb.w + 2 * pad, bb.h + 2 * pad].map(num) as [number, number, number, number];
  const body: string[] = [];
  edges.forEach((e) => void body.push(edge(e)));
  nodes.forEach((n) => {
    const border = Number.parseFloat(n.style('border-width'));
    const attrs = `fill="${esc(n.style('background-color'))}" fill-opacity="${num(Number(n.style('background-opacity')))}" stroke="${esc(n.style('border-color'))}" stroke-width="${num(border)}" opacity="${num(n.effectiveOpacity())}"`;
    body.push(`<g data-id="${esc(n.id())}"><title>${esc(n.data('name'))}</title>${shape(n, attrs)}${label(n)}</g>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="${esc(FONT)}">`,
    `<title>${esc(title)}</title>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
