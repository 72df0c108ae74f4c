/**
 * The graph as GraphML, for Gephi, yEd, Cytoscape desktop and other graph tools: every node
 * with its label and properties, every relationship with its type and properties. Lists are
 * written as JSON text, since GraphML attributes are scalars.
 *
 * XML 1.0 cannot carry C0 controls other than tab and line breaks, U+FFFE, U+FFFF or lone
 * surrogates, not even as character references. The import rules refuse them
 * (src/model/limits.ts); a graph that holds one anyway (written before those rules) has each
 * replaced by U+FFFD here, so the file stays well-formed. Carriage returns are written as
 * references, which XML parsers would otherwise turn into line feeds.
 */
import { GRAPH_LABELS, NODE_TYPES, RELATIONSHIP_TYPES, type PropertyType } from '../model/graph-model.ts';
import type { GraphSnapshot } from '../records/graph-to-records.ts';

const GRAPHML_TYPE: Record<PropertyType, string> = { string: 'string', 'string[]': 'string', date: 'string', float: 'double', boolean: 'boolean' };

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

export function xml(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/[<>&"'\r]/g, (c) => ENTITIES[c]!);
}

function value(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length ? JSON.stringify(v) : null;
  return String(v);
}

export function toGraphml(snap: GraphSnapshot): string {
  const nodeKeys = new Map<string, string>();
  const edgeKeys = new Map<string, string>();
  for (const l of GRAPH_LABELS) for (const [k, d] of Object.entries(NODE_TYPES[l].properties)) if (k !== 'id') nodeKeys.set(k, GRAPHML_TYPE[d.type]);
  for (const t of Object.values(RELATIONSHIP_TYPES)) for (const [k, d] of Object.entries(t.properties)) edgeKeys.set(k, GRAPHML_TYPE[d.type]);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...[...nodeKeys].map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    ...[...edgeKeys].map(([k, t]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`),
    '  <graph id="ai-industry-graph" edgedefault="directed">',
  ];
  for (const label of GRAPH_LABELS) {
    for (const n of snap.nodes[label] ?? []) {
      out.push(`    <node id="${xml(String(n.id))}">`, `      <data key="label">${label}</data>`);
      for (const k of Object.keys(NODE_TYPES[label].properties)) {
        const v = k === 'id' ? null : value(n[k]);
        if (v !== null) out.push(`      <data key="n_${k}">${xml(v)}</data>`);
      }
      out.push('    </node>');
    }
  }
  let e = 0;
  for (const [key, rows] of snap.rels) {
    const type = key.split(':')[0]! as keyof typeof RELATIONSHIP_TYPES;
    for (const r of rows) {
      out.push(`    <edge id="e${e++}" source="${xml(String(r.from))}" target="${xml(String(r.to))}">`, `      <data key="type">${type}</data>`);
      for (const k of Object.keys(RELATIONSHIP_TYPES[type].properties)) {
        const v = value(r[k]);
        if (v !== null) out.push(`      <data key="e_${k}">${xml(v)}</data>`);
      }
      out.push('    </edge>');
    }
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
