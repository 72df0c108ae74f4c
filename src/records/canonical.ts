/**
 * One canonical form per record, shared by export, the importer's change detection and the
 * audit trail, derived from the record declarations: absent and empty optional values are
 * dropped, unordered lists (sources, parties, linked ids) are sorted, ordered ones (aliases,
 * children) keep their order, keys come in declared order. Export writes this form, so
 * export -> import -> export is byte-identical, and a re-import finds every record unchanged.
 */
import { PARTY_ROLE_NAMES, recordPropertyKeys } from '../model/graph-model.ts';
import { RECORDS, type CollectionDecl, type CollectionName, type NodeCollection } from '../model/records.ts';
import { valueAt } from './records-to-graph.ts';

type Obj = Record<string, unknown>;

/** Locale-independent order, so exports are identical on every machine. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sorted = (xs: unknown): string[] | undefined => (Array.isArray(xs) && xs.length ? [...(xs as string[])].sort() : undefined);

/** Drops null, undefined and empty lists and objects, recursively; keeps key order. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(clean).filter((x) => x !== undefined);
    return items.length ? items : undefined;
  }
  if (v !== null && typeof v === 'object') {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v === null ? undefined : v;
}

const roleOrder = (role: unknown) => PARTY_ROLE_NAMES.indexOf(role as (typeof PARTY_ROLE_NAMES)[number]);

function canonicalNode(decl: NodeCollection, r: Obj): Obj {
  const moved = new Set(decl.parts.flatMap((p) => (p.part === 'prop' ? [p.prop] : [])));
  const out: Obj = {};
  for (const key of recordPropertyKeys(decl.label)) if (!moved.has(key)) out[key] = r[key];
  const put = (path: readonly string[], v: unknown) => {
    if (path.length === 1) out[path[0]!] = v;
    else ((out[path[0]!] ??= {}) as Obj)[path[1]!] = v;
  };
  for (const part of decl.parts) {
    const v = valueAt(r, part.path);
    switch (part.part) {
      case 'prop':
        put(part.path, v);
        break;
      case 'link':
        put(part.path, part.cardinality === 'many' ? sorted(v) : v);
        break;
      case 'parties': {
        const parties = ((v as Obj[] | undefined) ?? []).map(
          (p) => Object.fromEntries([['org', p.org], ['role', p.role], ...part.props.map((k) => [k, p[k]])]) as Obj,
        );
        parties.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || compareText(String(a.org), String(b.org)));
        put(part.path, parties);
        break;
      }
      case 'children':
        put(
          part.path,
          Array.isArray(v)
            ? (v as Obj[]).map((c) => Object.fromEntries(part.fields.map(([key]) => [key, key === 'sources' ? sorted(c[key]) : c[key]])))
            : undefined,
        );
        break;
    }
  }
  return out;
}

/** The canonical form of a record of a collection (records are assumed valid). */
export function canonicalRecord(collection: CollectionName, record: Obj): Obj {
  const decl: CollectionDecl = RECORDS[collection];
  if (decl.shape === 'node') return clean(canonicalNode(decl, record)) as Obj;
  const out: Obj = { [decl.from.key]: record[decl.from.key], [decl.to.key]: record[decl.to.key] };
  for (const [key] of decl.fields) out[key] = key === 'sources' ? sorted(record[key]) : record[key];
  return clean(out) as Obj;
}

/** The identity of a record within its collection (a relationship record is keyed by its ends). */
export function recordKey(collection: CollectionName, record: Obj): string {
  const decl: CollectionDecl = RECORDS[collection];
  return decl.shape === 'edge' ? `${String(record[decl.from.key])}->${String(record[decl.to.key])}` : String(record.id);
}
