/**
 * The GraphStore port: the only way the rest of the program reaches a database. Values cross
 * it as plain JavaScript (dates as `YYYY-MM-DD` strings, numbers as numbers), never as engine
 * objects, so every layer above is engine-agnostic. Only the adapters in `ladybug/` and
 * `neo4j/` import an engine.
 */
export type Engine = 'ladybug' | 'neo4j';

export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };
export type Params = Readonly<Record<string, Value | undefined>>;
export type Row = Record<string, Value>;

/**
 * Cypher that runs on both engines, or per-engine text: a variant for each engine, or a
 * statement only one engine needs (its schema bootstrap).
 */
export type EngineCypher = string | { readonly neo4j?: string; readonly ladybug?: string };

/** A named statement of the query catalog. */
export interface Query {
  readonly name: string;
  readonly cypher: EngineCypher;
  /**
   * The same rows on every call even where the text leaves their order open (a LIMIT without
   * ORDER BY): an engine that splits one statement over threads runs it on one.
   */
  readonly serial?: boolean;
}

export function cypherFor(query: Query, engine: Engine): string {
  const text = typeof query.cypher === 'string' ? query.cypher : query.cypher[engine];
  if (text === undefined) throw new Error(`Statement ${query.name} has no ${engine} variant.`);
  return text;
}

/** Runs statements inside one unit of work; the first error aborts it and nothing is kept. */
export interface UnitOfWork {
  run(query: Query, params?: Params): Promise<Row[]>;
}

/** Told about every statement a store runs: the source of the store-query metrics. */
export type QueryObserver = (event: { name: string; engine: Engine; ms: number; ok: boolean }) => void;

export interface GraphStore {
  readonly engine: Engine;
  /** Creates the schema the model declares; safe to run on every start. */
  bootstrap(): Promise<void>;
  read(query: Query, params?: Params): Promise<Row[]>;
  write(query: Query, params?: Params): Promise<Row[]>;
  /** All or nothing: commits when `work` resolves, leaves no trace when it throws. */
  transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T>;
  /** Folds the write-ahead log into the database file (a no-op where the engine does it). */
  checkpoint(): Promise<void>;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The trivial statement readiness checks send. */
export const PING: Query = { name: 'store.ping', cypher: 'RETURN 1 AS ok' };

/**
 * True when the statement unwinds an empty list parameter, so it has nothing to do. Both
 * adapters then return no rows without sending it (LadybugDB cannot even bind it, report 1.1).
 */
export function isEmptyBatch(cypher: string, params: Params): boolean {
  for (const m of cypher.matchAll(/UNWIND \$(\w+)/g)) {
    const v = params[m[1]!];
    if (Array.isArray(v) && v.length === 0) return true;
  }
  return false;
}

const UNWIND_IDS = /UNWIND \$ids AS id MATCH \((\w+):(\w+) \{id: id\}\)/g;
/** `id` used as a variable (not `.id`, `$id`, a map key `id:` or part of a longer name). */
const BARE_ID = /(?<![.\w$])id(?![\w:])/;
/** Clauses whose meaning changes when one statement over a list becomes one branch per id. */
const PER_LIST = /\b(DISTINCT|LIMIT|SKIP|ORDER BY|count|collect|sum|min|max|avg)\b/i;
const forms = new WeakMap<Query, Map<number, Query | null>>();

/**
 * The one-id form of a statement whose every branch starts `UNWIND $ids AS id MATCH (v:L {id: id})`:
 * `MATCH (v:L {id: $id})`, named `<name>.one`; null for any other statement. Both adapters send
 * it when `$ids` holds a single id (a mutation, a page about one deal): LadybugDB 0.19 plans the
 * UNWIND form of an expansion as a scan of the whole anchor table joined with the list, so at a
 * million deals one deal's sources took 780 ms and its parties 2.4 s; this form 1.6 and 13 ms.
 */
export function singleIdForm(query: Query): Query | null {
  return idForm(query, 1);
}

/**
 * The form for `n` ids: for one id the one-id form; for more, a UNION ALL of one-id forms on
 * `$id0` ... `$id<n-1>`, named `<name>.x<n>`, only for statements that return rows and that
 * nothing list-wide (DISTINCT, LIMIT, ORDER BY, aggregates) would change. LadybugDB sends it for
 * small batches on a large graph (the parties of 20 deals at a million deals: 1.9 s as one UNWIND,
 * 130 ms as branches; on the 724-node seeds the UNWIND is faster).
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
 * The statement and parameters an adapter sends: for `$ids` of one id the one-id form, and for
 * up to `maxBranches` ids the branch form, where the statement has them.
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
