/**
 * The market as a dynamic GEXF 1.3 graph for Gephi, whose timeline then replays it: organizations,
 * chips, cloud services, deals and exclusivities as nodes, the links between them as edges, each
 * with the time it held (`mode="dynamic"`, dates as `start`/`end`):
 *
 * - a deal from its announcement to its end (`endedOn`), or open;
 * - an exclusivity from `validFrom` (else its announcement) to its end (`endedOn`, else `validUntil`);
 * - a chip from its announcement; organizations and cloud services always;
 * - a control link from `validFrom` to `validUntil`; any other edge while both its ends hold.
 *
 * Sources and the facts' children (status entries, other reports, tranches) are left out: they
 * are the record behind the market, not the market. Attribute values carry the kind, status and
 * amount. Text is escaped as in GraphML (export-graphml.ts).
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { GraphSnapshot } from '../records/graph-to-records.ts';
import type { Row } from '../store/graph-store.ts';
import { xml } from './export-graphml.ts';
import { edgesOf } from './export-tables.ts';

const KINDS: readonly NodeLabel[] = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity'];

interface Interval {
  start?: string;
  end?: string;
}

const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

function intervalOf(label: NodeLabel, n: Row): Interval {
  switch (label) {
    case 'Deal':
      return { start: str(n.announcedOn), end: str(n.endedOn) };
    case 'Exclusivity':
      return { start: str(n.validFrom) ?? str(n.announcedOn), end: str(n.endedOn) ?? str(n.validUntil) };
    case 'Chip':
      return { start: str(n.announcedOn) };
    default:
      return {};
  }
}

/** Both intervals at once: the later start, the earlier end. */
function both(a: Interval, b: Interval): Interval {
  const start = a.start && b.start ? (a.start > b.start ? a.start : b.start) : (a.start ?? b.start);
  const end = a.end && b.end ? (a.end < b.end ? a.end : b.end) : (a.end ?? b.end);
  return { start, end };
}

const times = (i: Interval) => `${i.start ? ` start="${i.start}"` : ''}${i.end ? ` end="${i.end}"` : ''}`;

export function* gexfLines(snap: GraphSnapshot): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield '  <meta><creator>ai-industry-graph</creator><description>The AI industry: organizations, chips, cloud services, deals and exclusivities, each while it held.</description></meta>\n';
  yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n';
  yield '    <attributes class="node" mode="static">\n';
  yield '      <attribute id="label" title="label" type="string"/>\n      <attribute id="kind" title="kind" type="string"/>\n';
  yield '      <attribute id="status" title="status" type="string"/>\n      <attribute id="amountUsd" title="amountUsd" type="double"/>\n';
  yield '    </attributes>\n';
  yield '    <attributes class="edge" mode="static">\n      <attribute id="type" title="type" type="string"/>\n    </attributes>\n';
  yield '    <nodes>\n';
  const held = new Map<string, Interval>();
  for (const label of KINDS) {
    for (const n of snap.nodes[label] ?? []) {
      if (n.retractedOn) continue; // retracted facts were wrong: they never held
      const id = String(n.id);
      const interval = intervalOf(label, n);
      held.set(id, interval);
      const values = [
        ['label', label],
        ['kind', n.kind],
        ['status', n.status],
        ['amountUsd', n.amountUsd],
      ].flatMap(([k, v]) => (v === null || v === undefined ? [] : [`<attvalue for="${k}" value="${xml(String(v))}"/>`]));
      yield `      <node id="${xml(id)}" label="${xml(String(n.name ?? n.title ?? id))}"${times(interval)}><attvalues>${values.join('')}</attvalues></node>\n`;
    }
  }
  yield '    </nodes>\n    <edges>\n';
  let e = 0;
  for (const { type, row } of edgesOf(snap)) {
    const from = held.get(String(row.from));
    const to = held.get(String(row.to));
    if (!from || !to) continue;
    const interval = type === 'CONTROLS' ? { start: str(row.validFrom), end: str(row.validUntil) } : both(from, to);
    yield `      <edge id="e${e++}" source="${xml(String(row.from))}" target="${xml(String(row.to))}" label="${type}"${times(interval)}><attvalues><attvalue for="type" value="${type}"/></attvalues></edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
