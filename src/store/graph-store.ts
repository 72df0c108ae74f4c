/**
 * The GraphStore port: the only way the rest of the program reaches a database. Values cross
 * it as plain JavaScript (dates as `YYYY-MM-DD` strings, numbers as numbers), never as engine
 * objects, so every layer above is engine-agnostic. Only the adapters in `ladybug/` and
 * `neo4j/` import an engine; callers that need something only one engine offers ask
 * `capabilities`, never the engine's name (docs/architecture.md#the-store-port).
 */
import type { NodeLabel, PropertyType, RelationshipType } from '../model/graph-model.ts';

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

/** What a store can do beyond the port's common methods. */
export interface StoreCapabilities {
  /**
   * `openBulkLoad` works: an empty store is loaded from files in one statement per table,
   * far faster than batched statements. Where false, load with batched `UNWIND ... CREATE`.
   */
  readonly bulkCopy: boolean;
  /**
   * The database file this process holds open, or null (a database server, or in memory).
   * Only such a file can turn unopenable under the process, so only it gets a write journal
   * beside it for `aigraph rebuild` (docs/ladybug-traps.md#file-may-not-reopen).
   */
  readonly databaseFile: string | null;
  /**
   * Other processes may write this store at the same time (a database server behind several API
   * replicas), so what this process caches must be checked against the store (graph-version.ts).
   */
  readonly shared: boolean;
}

export interface BulkLoadOptions {
  /** Rows per batched statement where one is needed. */
  readonly batchSize?: number;
  /** Where the load may write temporary files (a fresh folder inside it, removed afterwards). */
  readonly tmpDir?: string;
  /** Told when each phase ends: `rows` (rows taken in), `write` (committed), `checkpoint`. */
  readonly onPhase?: (phase: 'rows' | 'write' | 'checkpoint', ms: number) => void;
}

/**
 * One bulk load into an EMPTY store, fed one row at a time so the caller holds no row after
 * handing it over. Nothing reaches the store before `commit`, which writes everything in one
 * unit of work (all or nothing); `abort` drops what was fed.
 */
export interface BulkLoad {
  /** A node; a property the row lacks is written as null (an absent string list as empty). */
  node(label: NodeLabel, row: Readonly<Record<string, unknown>>): void;
  /** A relationship between two nodes of the load, by id; each is fed once. */
  relationship(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, properties?: Readonly<Record<string, unknown>>): void;
  /** Writes everything in one unit of work, with `alsoInUnit` (more work of the caller's) in the same unit. */
  commit(alsoInUnit?: (tx: UnitOfWork) => Promise<void>): Promise<BulkLoadCounts>;
  abort(): void;
  /**
   * Where the load is written as files: parts of it may be written by worker threads, each from
   * a plain-data `spec` (see the store's shard writer, e.g. ladybug/csv-tables.ts), and what
   * each wrote joins the load with `add`, before `commit`. Absent where rows must come through
   * `node` and `relationship`.
   */
  readonly shards?: { spec(name: string): BulkShardSpec; add(written: BulkShardWritten): void };
}

/** How a worker thread writes one part of a bulk load: a folder, a file-name suffix, every table's columns in storage order. */
export interface BulkShardSpec {
  readonly dir: string;
  readonly suffix: string;
  readonly columns: readonly (readonly [string, readonly { readonly name: string; readonly type: PropertyType | null }[]])[];
}

/** What one part of a bulk load wrote (plain data: it crosses threads). */
export interface BulkShardWritten {
  readonly files: readonly {
    readonly path: string;
    readonly rows: number;
    /** False once a quoted value holds a newline (the file must then be read serially). */
    readonly parallel: boolean;
    readonly label?: NodeLabel;
    readonly rel?: { readonly type: RelationshipType; readonly from: NodeLabel; readonly to: NodeLabel };
  }[];
  /** Node values the files cannot carry exactly, set after the load: `[label, property, rows of {id, value}]`. */
  readonly patches: readonly (readonly [NodeLabel, string, readonly { readonly id: string; readonly value: Value }[]])[];
  readonly nodes: number;
  readonly relationships: number;
}

export interface BulkLoadCounts {
  readonly nodes: number;
  readonly relationships: number;
  /** Milliseconds per phase (see BulkLoadOptions.onPhase). */
  readonly phases: Record<string, number>;
}

export interface GraphStore {
  readonly engine: Engine;
  readonly capabilities: StoreCapabilities;
  /** Creates the schema the model declares; safe to run on every start. */
  bootstrap(): Promise<void>;
  read(query: Query, params?: Params): Promise<Row[]>;
  write(query: Query, params?: Params): Promise<Row[]>;
  /** All or nothing: commits when `work` resolves, leaves no trace when it throws. */
  transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T>;
  /** Folds the write-ahead log into the database file (a no-op where the engine does it). */
  checkpoint(): Promise<void>;
  /** Starts a bulk load; only where `capabilities.bulkCopy` (elsewhere it throws). */
  openBulkLoad(options?: BulkLoadOptions): Promise<BulkLoad>;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The trivial statement readiness checks send. */
export const PING: Query = { name: 'store.ping', cypher: 'RETURN 1 AS ok' };
