/**
 * The LadybugDB adapter: the only file that opens LadybugDB connections. It enforces the rules
 * whose breach crashes the process or loses data:
 * - one Database object per file per process (docs/ladybug-traps.md#one-database-per-file);
 * - every connection init()-ed before first use (docs/ladybug-traps.md#init-connections-before-use);
 * - all writes through one write connection behind a queue (docs/ladybug-traps.md#one-writer),
 *   and a connection whose BEGIN failed is replaced, never reused
 *   (docs/ladybug-traps.md#failed-begin-poisons-the-connection);
 * - a unit of work aborts at its first error (docs/ladybug-traps.md#an-error-ends-the-transaction);
 * - statements always prepared (docs/ladybug-traps.md#prepare-every-statement).
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import lbug from '@ladybugdb/core';
import { isEmptyBatch } from '../empty-batch.ts';
import {
  cypherFor,
  PING,
  type BulkLoad,
  type BulkLoadOptions,
  type GraphStore,
  type Params,
  type Query,
  type QueryObserver,
  type Row,
  type StoreCapabilities,
  type UnitOfWork,
} from '../graph-store.ts';
import { DatabaseLockedError, DatabaseOpenError, StoreError, UnitOfWorkAbortedError } from '../store-errors.ts';
import { openBulkCopy } from './bulk-copy.ts';
import { specialize } from './id-forms.ts';
import { mapLadybugError } from './ladybug-errors.ts';
import { LADYBUG_BOOTSTRAP } from './ladybug-schema.ts';
import { BEGIN, CHECKPOINT, COMMIT, NODE_COUNT, ROLLBACK } from './ladybug-statements.ts';
import { rowFromLadybug, toLadybugParams } from './ladybug-values.ts';

type Connection = InstanceType<typeof lbug.Connection>;
type PreparedStatement = Awaited<ReturnType<Connection['prepare']>>;

export interface LadybugStoreOptions {
  /** A file path, or ':memory:'. */
  readonly path: string;
  /** Statements run by bootstrap(), in order (default: the model's tables and the macros). */
  readonly schema?: readonly Query[];
  readonly queryTimeoutMs: number;
  readonly readConnections?: number;
  /** From how many nodes small batches go as one branch per id (default BRANCHES_FROM_NODES). */
  readonly branchesFromNodes?: number;
  /** The page cache (default: the engine's, 80% of RAM). */
  readonly bufferPoolBytes?: number;
  readonly observe?: QueryObserver;
}

/**
 * Batched expansions (`UNWIND $ids AS id MATCH (v {id: id})-...`) of up to MAX_BRANCHES ids go as
 * one branch per id on a graph of at least BRANCHES_FROM_NODES nodes, where scanning the anchor
 * table costs more than many branches; on a smaller graph the scan is cheaper
 * (docs/ladybug-traps.md#unwind-ids-scans-the-table; the measurements are in BENCHMARKS.md).
 * The size is re-read at most every RECOUNT_MS, in the background.
 */
const MAX_BRANCHES = 32;
const BRANCHES_FROM_NODES = 100_000;
const RECOUNT_MS = 30_000;

/** Files this process has open: a second Database on the same file silently loses writes. */
const openFiles = new Set<string>();

/** Makes a database's existing files (created by an older version, or another umask) readable by their owner only. */
function privateFiles(path: string): void {
  for (const f of [path, `${path}.wal`]) {
    try {
      if (existsSync(f)) chmodSync(f, 0o600);
    } catch {
      // Not ours to change (another owner): leave it.
    }
  }
}

class Session {
  readonly prepared = new Map<string, PreparedStatement>();
  constructor(readonly conn: Connection) {}
}

export class LadybugStore implements GraphStore {
  readonly engine = 'ladybug' as const;
  readonly capabilities: StoreCapabilities;
  private readonly db: InstanceType<typeof lbug.Database>;
  private writer!: Session;
  private readers: Session[] = [];
  private nextReader = 0;
  /** Runs `serial` statements on one thread, so a LIMIT without ORDER BY keeps the same rows (docs/ladybug-traps.md#limit-without-order-by-varies). */
  private serialReader!: Session;
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private maxBranches = 1;
  private countedAt = -Infinity;
  private counting: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: LadybugStoreOptions,
    private readonly key: string,
  ) {
    this.db = new lbug.Database(options.path, options.bufferPoolBytes ?? 0);
    this.capabilities = { bulkCopy: true, databaseFile: options.path === ':memory:' ? null : options.path, shared: false };
  }

  /** Opens (creating if needed) the database file and initialises every connection. */
  static async open(options: LadybugStoreOptions): Promise<LadybugStore> {
    const inMemory = options.path === ':memory:';
    const key = inMemory ? `:memory:${Math.random()}` : resolve(options.path);
    if (!inMemory) {
      if (openFiles.has(key)) throw new DatabaseLockedError(options.path);
      // The database holds the audit trail: its folder (when created here) and files are private.
      mkdirSync(dirname(key), { recursive: true, mode: 0o700 });
      privateFiles(key);
    }
    openFiles.add(key);
    let store: LadybugStore | undefined;
    try {
      store = new LadybugStore(options, key);
      await store.db.init();
      store.writer = await store.newSession();
      const n = Math.max(1, options.readConnections ?? 2);
      for (let i = 0; i < n; i++) store.readers.push(await store.newSession());
      store.serialReader = await store.newSession();
      store.serialReader.conn.setMaxNumThreadForExec(1);
      return store;
    } catch (err) {
      openFiles.delete(key);
      await store?.db.close().catch(() => undefined);
      const mapped = mapLadybugError(err, 'store.open', options.path);
      if (mapped instanceof DatabaseLockedError || inMemory) throw mapped;
      throw new DatabaseOpenError(options.path, err instanceof Error ? err.message.split('\n')[0]! : String(err), err);
    }
  }

  /**
   * Throws DatabaseLockedError when another process (a server, an import) has the database file
   * open; returns when none has, including when the file does not open at all (damaged).
   * LadybugDB takes its lock before it reads the file, so a damaged file held by a server still
   * answers "locked".
   */
  static async assertNotLocked(path: string): Promise<void> {
    const key = resolve(path);
    if (openFiles.has(key)) throw new DatabaseLockedError(path);
    if (!existsSync(key)) return;
    let db: InstanceType<typeof lbug.Database> | undefined;
    try {
      db = new lbug.Database(key);
      await db.init();
    } catch (err) {
      const mapped = mapLadybugError(err, 'store.open', path);
      if (mapped instanceof DatabaseLockedError) throw mapped;
      return;
    } finally {
      await db?.close().catch(() => undefined);
    }
  }

  private async newSession(): Promise<Session> {
    const conn = new lbug.Connection(this.db);
    await conn.init();
    conn.setQueryTimeout(this.options.queryTimeoutMs);
    return new Session(conn);
  }

  private async exec(session: Session, sent: Query, sentParams: Params = {}, observed = true): Promise<Row[]> {
    if (this.closed) throw new StoreError('STORE_UNAVAILABLE', 'The store is closed.', 'The graph store is unavailable.');
    if (isEmptyBatch(cypherFor(sent, this.engine), sentParams)) return [];
    const { query, params } = specialize(sent, sentParams, this.maxBranches);
    const cypher = cypherFor(query, this.engine);
    const started = performance.now();
    let ok = false;
    try {
      let ps = session.prepared.get(cypher);
      if (!ps) {
        ps = await session.conn.prepare(cypher);
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        session.prepared.set(cypher, ps);
      }
      const result = await session.conn.execute(ps, toLadybugParams(params) as never);
      const results = Array.isArray(result) ? result : [result];
      const last = results[results.length - 1]!;
      // getAllSync: the async getAll() awaits the thread pool once per row (docs/ladybug-traps.md#async-getall-is-slow).
      const rows = last.getAllSync() as Record<string, unknown>[];
      for (const r of results) r.close();
      ok = true;
      return rows.map(rowFromLadybug);
    } catch (err) {
      throw mapLadybugError(err, query.name, this.options.path);
    } finally {
      if (observed) this.options.observe?.({ name: query.name, engine: this.engine, ms: performance.now() - started, ok });
    }
  }

  /** Serialises every write on the one write connection. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(work, work);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  async bootstrap(): Promise<void> {
    await this.enqueue(async () => {
      for (const q of this.options.schema ?? LADYBUG_BOOTSTRAP) {
        try {
          await this.exec(this.writer, q);
        } catch (err) {
          // Macros persist in the file; re-creating one says it already exists (docs/ladybug-traps.md#missing-functions).
          if (!(err instanceof StoreError && /already exists/i.test(err.message))) throw err;
        }
      }
    });
  }

  read(query: Query, params?: Params): Promise<Row[]> {
    if (performance.now() - this.countedAt > RECOUNT_MS) this.recount();
    const session = query.serial ? this.serialReader : this.readers[this.nextReader++ % this.readers.length]!;
    return this.exec(session, query, params);
  }

  /** Re-reads the graph's size for the batching choice (MAX_BRANCHES); a failure keeps the last one. */
  private recount(): void {
    this.countedAt = performance.now();
    // Not observed: bookkeeping, not a query anyone asked for.
    this.counting = this.exec(this.readers[0]!, NODE_COUNT, {}, false)
      .then((rows) => {
        this.maxBranches = Number(rows[0]?.nodes ?? 0) >= (this.options.branchesFromNodes ?? BRANCHES_FROM_NODES) ? MAX_BRANCHES : 1;
      })
      .catch(() => undefined);
  }

  write(query: Query, params?: Params): Promise<Row[]> {
    return this.enqueue(() => this.exec(this.writer, query, params));
  }

  transaction<T>(work: (tx: UnitOfWork) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      try {
        await this.exec(this.writer, BEGIN);
      } catch (err) {
        // A connection whose BEGIN failed crashes on its next query: replace it
        // (docs/ladybug-traps.md#failed-begin-poisons-the-connection).
        const broken = this.writer;
        this.writer = await this.newSession();
        broken.conn.close().catch(() => undefined);
        throw err;
      }
      let failed = false;
      let chain: Promise<unknown> = Promise.resolve();
      const tx: UnitOfWork = {
        run: (query, params) => {
          const step = chain.then(async () => {
            if (failed) throw new UnitOfWorkAbortedError(query.name);
            try {
              return await this.exec(this.writer, query, params);
            } catch (err) {
              failed = true;
              throw err;
            }
          });
          chain = step.catch(() => undefined);
          return step;
        },
      };
      try {
        const out = await work(tx);
        await chain;
        if (failed) throw new UnitOfWorkAbortedError('tx.commit');
        await this.exec(this.writer, COMMIT);
        return out;
      } catch (err) {
        await chain;
        // LadybugDB has usually rolled back already ("No active transaction"): ignore that
        // (docs/ladybug-traps.md#an-error-ends-the-transaction).
        await this.exec(this.writer, ROLLBACK).catch(() => undefined);
        throw err;
      }
    });
  }

  /**
   * Compiles a statement without running it: null when LadybugDB accepts it, else its message.
   * Lets a test prove every catalog statement parses and binds on this engine.
   */
  async compile(query: Query): Promise<string | null> {
    const ps = await this.writer.conn.prepare(cypherFor(query, this.engine));
    return ps.isSuccess() ? null : ps.getErrorMessage();
  }

  async checkpoint(): Promise<void> {
    await this.write(CHECKPOINT);
  }

  /** The bulk copy (bulk-copy.ts); the store must be empty. */
  openBulkLoad(options?: BulkLoadOptions): Promise<BulkLoad> {
    return openBulkCopy(this, options);
  }

  async ping(): Promise<void> {
    await this.read(PING);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.writeQueue;
    await this.counting;
    await this.checkpoint().catch(() => undefined);
    this.closed = true;
    for (const s of [...this.readers, this.serialReader, this.writer]) await s.conn.close().catch(() => undefined);
    await this.db.close();
    openFiles.delete(this.key);
  }
}
