/** The drawn view as JSON or GraphML (for Gephi, yEd, Cytoscape desktop, NetworkX). */
import type { EdgeData, NodeData } from '../graph/graph-elements';

export interface ExportedView {
  /** The explorer URL that redraws this view. */
  view: string;
  asOf: string | null;
  knownOn: string | null;
  nodes: NodeData[];
  edges: EdgeData[];
}

export function toJson(view: ExportedView): string {
  return JSON.stringify(view, null, 2);
}

// Characters XML 1.0 cannot carry, even as references, become U+FFFD; carriage returns are
// written as references so parsers keep them (docs/security.md, "Exports").
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };
const xml = (v: unknown) =>
  String(v)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[<>&"'\r]/g, (c) => ENTITIES[c]!);

const NODE_KEYS: [keyof NodeData, string][] = [
  ['name', 'string'],
  ['kind', 'string'],
  ['subKind', 'string'],
  ['status', 'string'],
  ['amountUsd', 'double'],
  ['amountQualifier', 'string'],
];

export function toGraphml(view: ExportedView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    `  <graph id="view" edgedefault="directed">`,
    `    <desc>${xml(`ai-industry-graph explorer view ${view.view}${view.asOf ? ` as of ${view.asOf}` : ''}${view.knownOn ? ` as known on ${view.knownOn}` : ''}`)}</desc>`,
  ];
  for (const n of view.nodes) {
    lines.push(`    <node id="${xml(n.id)}">`);
    for (const [k] of NODE_KEYS) if (n[k] !== null && n[k] !== undefined) lines.push(`      <data key="${k}">${xml(n[k])}</data>`);
    lines.push('    </node>');
  }
  for (const e of view.edges)
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data></edge>`);
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
