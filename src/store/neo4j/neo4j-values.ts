/**
 * Value conversion between plain JavaScript and neo4j-driver, both ways. The driver packs every
 * JS number as a Float, so integral numbers go as Integers (LIMIT/SKIP need them;
 * float properties are written through toFloat() in the catalog). Results come back as plain
 * numbers and `YYYY-MM-DD` strings.
 */
import neo4j from 'neo4j-driver';
import type { Params, Row, Value } from '../graph-store.ts';

function toParam(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) throw new TypeError('Pass dates as YYYY-MM-DD strings, not Date objects.');
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(toParam);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toParam(x)]));
  return v;
}

export function toNeo4jParams(params: Params): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, toParam(v)]));
}

export function fromNeo4j(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (typeof v === 'bigint') return Number(v);
  if (neo4j.isDate(v as never)) return String(v);
  if (neo4j.isDateTime(v as never) || neo4j.isLocalDateTime(v as never)) return new Date(String(v)).toISOString();
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { label: n.labels[0] ?? '', properties: fromNeo4j(n.properties) };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as { type: string; properties: Record<string, unknown> };
    return { label: r.type, properties: fromNeo4j(r.properties) };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { start: unknown; segments: { end: unknown; relationship: unknown }[] };
    return {
      nodes: [p.start, ...p.segments.map((s) => s.end)].map(fromNeo4j),
      relationships: p.segments.map((s) => fromNeo4j(s.relationship)),
    };
  }
  if (Array.isArray(v)) return v.map(fromNeo4j);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromNeo4j(x)]));
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function rowFromNeo4j(record: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }): Row {
  const row: Row = {};
  for (const k of record.keys) row[String(k)] = fromNeo4j(record.get(k));
  return row;
}
