/**
 * The one-id and branch forms of a batched expansion, which the LadybugDB adapter sends in
 * place of `UNWIND $ids AS id MATCH (v:L {id: id}) ...` because LadybugDB plans that UNWIND as a
 * scan of the whole anchor table (docs/ladybug-traps.md#unwind-ids-scans-the-table). The forms
 * are derived from the catalog's text, so the catalog stays one list of statements; it lists
 * each one-id form beside its statement so both engines' checks cover it.
 */
import type { Params, Query } from '../graph-store.ts';

const UNWIND_IDS = /UNWIND \$ids AS id MATCH \((\w+):(\w+) \{id: id\}\)/g;
/** `id` used as a variable (not `.id`, `$id`, a map key `id:` or part of a longer name). */
const BARE_ID = /(?<![.\w$])id(?![\w:])/;
/** Clauses whose meaning changes when one statement over a list becomes one branch per id. */
const PER_LIST = /\b(DISTINCT|LIMIT|SKIP|ORDER BY|count|collect|sum|min|max|avg)\b/i;
const forms = new WeakMap<Query, Map<number, Query | null>>();

/**
 * The one-id form of a statement whose every branch starts `UNWIND $ids AS id MATCH (v:L {id: id})`:
 * `MATCH (v:L {id: $id})`, named `<name>.one`; null for any other statement. Sent when `$ids`
 * holds a single id (a mutation, a page about one deal).
 */
export function singleIdForm(query: Query): Query | null {
  return idForm(query, 1);
}

/**
 * The form for `n` ids: for one id the one-id form; for more, a UNION ALL of one-id forms on
 * `$id0` ... `$id<n-1>`, named `<name>.x<n>`, only for statements that return rows and that
 * nothing list-wide (DISTINCT, LIMIT, ORDER BY, aggregates) would change. Sent for small
 * batches on a large graph; on a small graph the scan is cheaper than many branches.
 */
export function idForm(query: Query, n: number): Query | null {
  let byCount = forms.get(query);
  if (!byCount) forms.set(query, (byCount = new Map()));
  let form = byCount.get(n);
  if (form !== undefined) return form;
  const rewrite = (text: string): string | null => {
    const branches = text.split(' UNION ALL ');
    // A statement that already takes `$id` would see it overwritten.
    if (/\$id\b/.test(text) || !branches.every((b) => b.startsWith('UNWIND $ids AS id MATCH ('))) return null;
    if (n > 1 && (PER_LIST.test(text) || !branches.every((b) => b.includes(' RETURN ')))) return null;
    const one = text.replace(UNWIND_IDS, 'MATCH ($1:$2 {id: $id})');
    if (one.includes('$ids') || BARE_ID.test(one.replaceAll('{id: $id}', ''))) return null;
    return n === 1 ? one : Array.from({ length: n }, (_, i) => one.replaceAll('{id: $id}', `{id: $id${i}}`)).join(' UNION ALL ');
  };
  const name = `${query.name}.${n === 1 ? 'one' : `x${n}`}`;
  if (typeof query.cypher === 'string') {
    const text = rewrite(query.cypher);
    form = text === null ? null : { ...query, name, cypher: text };
  } else {
    const entries = Object.entries(query.cypher).map(([engine, text]) => [engine, text === undefined ? undefined : rewrite(text)] as const);
    form = entries.some(([, t]) => t === null) ? null : { ...query, name, cypher: Object.fromEntries(entries) };
  }
  byCount.set(n, form);
  return form;
}

/**
 * The statement and parameters to send: for `$ids` of one id the one-id form, and for up to
 * `maxBranches` ids the branch form, where the statement has them.
 */
export function specialize(query: Query, params: Params, maxBranches = 1): { query: Query; params: Params } {
  const ids = params.ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > Math.max(1, maxBranches)) return { query, params };
  const form = idForm(query, ids.length);
  if (!form) return { query, params };
  const { ids: _ids, ...rest } = params;
  const named = ids.length === 1 ? { id: ids[0] } : Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  return { query: form, params: { ...rest, ...named } };
}
