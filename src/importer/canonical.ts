/**
 * One canonical form per record, shared by export and by the importer's change detection:
 * absent and empty optional values are dropped, unordered lists (sources, parties, covered
 * chips) are sorted, ordered ones (aliases, status history) keep their order. Export writes
 * this form, so export -> import -> export is byte-identical, and a re-import finds every
 * record unchanged.
 */
import { PARTY_ROLE_NAMES } from '../model/graph-model.ts';
import type { CollectionName } from './record-schemas.ts';

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

function history(h: unknown): unknown {
  if (!Array.isArray(h)) return h;
  return (h as Obj[]).map((e) => ({ status: e.status, on: e.on, sources: sorted(e.sources), note: e.note }));
}

/** The canonical form of a record of a collection (records are assumed valid). */
export function canonicalRecord(collection: CollectionName, record: Obj): Obj {
  const r: Obj = { ...record };
  switch (collection) {
    case 'cloudServices':
      r.chips = sorted(r.chips);
      break;
    case 'deals': {
      const parties = ((r.parties as Obj[] | undefined) ?? []).map((p) => ({ org: p.org, role: p.role, amountUsd: p.amountUsd, lead: p.lead }));
      parties.sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || compareText(String(a.org), String(b.org)));
      r.parties = parties;
      const covers = r.covers as Obj | undefined | null;
      r.covers = covers ? { chips: sorted(covers.chips), cloudServices: sorted(covers.cloudServices), note: covers.note } : undefined;
      r.sources = sorted(r.sources);
      r.statusHistory = history(r.statusHistory);
      r.otherReports = Array.isArray(r.otherReports)
        ? (r.otherReports as Obj[]).map((o) => ({ amountUsd: o.amountUsd, amountQualifier: o.amountQualifier, sources: sorted(o.sources), note: o.note }))
        : undefined;
      r.supersedes = sorted(r.supersedes);
      break;
    }
    case 'exclusivities':
      r.sources = sorted(r.sources);
      r.statusHistory = history(r.statusHistory);
      break;
    case 'control':
      r.sources = sorted(r.sources);
      break;
    default:
      break;
  }
  return clean(r) as Obj;
}

/** The identity of a record within its collection (control links are keyed by their ends). */
export function recordKey(collection: CollectionName, record: Obj): string {
  return collection === 'control' ? `${String(record.controller)}->${String(record.controlled)}` : String(record.id);
}
