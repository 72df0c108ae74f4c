/**
 * Value conversion between plain JavaScript and LadybugDB, both ways. Each rule below answers a
 * binding trap: docs/ladybug-traps.md#rows-need-every-key, #one-number-kind-per-key,
 * #js-date-parameters, #large-integers and #dates-come-back-as-date-objects.
 */
import type { Params, Row, Value } from '../graph-store.ts';

type LbugParam = unknown;

/** Rows of an `UNWIND $rows` list must share one key set and one number kind per key (docs/ladybug-traps.md#rows-need-every-key). */
function normaliseRows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // A key holding 1 in one row and 2.5 in another fails to bind (INT64 vs DOUBLE); as strings
  // it binds, and the catalog converts such fields with toFloat().
  const mixed = new Set(
    keys.filter((k) => {
      const nums = rows.map((r) => r[k]).filter((v): v is number => typeof v === 'number');
      return nums.some(Number.isInteger) && nums.some((n) => !Number.isInteger(n));
    }),
  );
  return rows.map((r) =>
    Object.fromEntries(
      keys.map((k) => {
        const v = r[k] === undefined ? null : r[k];
        return [k, mixed.has(k) && typeof v === 'number' ? String(v) : v];
      }),
    ),
  );
}

function isRowList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
}

export function toLadybugParams(params: Params): Record<string, LbugParam> {
  const out: Record<string, LbugParam> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v instanceof Date) throw new TypeError(`Parameter $${k} is a Date; pass dates as YYYY-MM-DD strings.`);
    out[k] = v === undefined ? null : isRowList(v) ? normaliseRows(v) : v;
  }
  return out;
}

function isMidnightUtc(d: Date): boolean {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}

/**
 * Engine values to plain values. DATE arrives as a JS Date at UTC midnight and becomes
 * `YYYY-MM-DD`; the model stores instants as ISO strings, so no TIMESTAMP column exists.
 */
export function fromLadybug(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return isMidnightUtc(v) ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map(fromLadybug);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('_nodes' in o && '_rels' in o) {
      return { nodes: (o._nodes as unknown[]).map(fromLadybug), relationships: (o._rels as unknown[]).map(fromLadybug) };
    }
    if ('_label' in o && '_id' in o) {
      const { _label, _id, _src, _dst, ...props } = o;
      const properties: Record<string, Value> = {};
      for (const [k, x] of Object.entries(props)) if (x !== null) properties[k] = fromLadybug(x);
      return { label: String(_label), properties };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromLadybug(x)]));
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function rowFromLadybug(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = fromLadybug(v);
  return out;
}
