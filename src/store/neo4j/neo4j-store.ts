/**
 * The Neo4j adapter: the only file that opens Neo4j sessions (like @neo4j/graphql's Executor).
 * One driver per process; reads and writes go through executeRead/executeWrite, which retry
 * transient failures, so every work function here is idempotent (it only runs statements).
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { isEmptyBatch } from '../empty-batch.ts';
import {
  cypherFor,
  PING,
  type BulkLoad,
  type GraphStore,
  type Params,
  type Query,
  type QueryObserver,
  type Row,
  type StoreCapabilities,
  type UnitOfWork,
} from '../graph-store.ts';
import { StoreError, UnitOfWorkAbortedError } from '../store-errors.ts';
import { mapNeo4jError } from './neo4j-errors.ts';
import { NEO4J_SCHEMA } from './neo4j-schema.ts';
import { rowFromNeo4j, toNeo4jParams } from './neo4j-values.ts';

export interface Neo4jStoreOptions {
  readonly uri: string;
  readonly username: string;
  readonly password: string;
  readonly database?: string;
  /** Statements run by bootstrap(), in order (default: the model's constraints and indexes). */
  readonly schema?: readonly Query[];
  readonly queryTimeoutMs: number;
  readonly observe?: QueryObserver;
}

export class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  /** No bulk copy: an empty Neo4j store is loaded with batched statements. */
  readonly capabilities: StoreCapabilities = { bulkCopy: false, databaseFile: null, shared: true };
  private closed = false;

  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {}

  static async open(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      maxConnectionPoolSize: 50,
      connectionAcquisitionTimeout: 10_000,
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (err) {
      await driver.close();
      throw mapNeo4jError(err, 'store.open');
    }
    return new Neo4jStore(driver, options);
  }

  /**
   * Sends the catalog's text as it is: LadybugDB's one-id and branch forms
   * (ladybug/id-forms.ts) answer a planner trap Neo4j does not have.
   */
  private async runIn(tx: ManagedTransaction, query: Query, params: Params = {}): Promise<Row[]> {
    const cypher = cypherFor(query, this.engine);
    if (isEmptyBatch(cypher, params)) return [];
    const started = performance.now();
    let ok = false;
    try {
      const result = await tx.run(cypher, toNeo4jParams(params));
      ok = true;
      return result.records.map(rowFromNeo4j);
    } finally {
      this.options.observe?.({ name: query.name, engine: this.engine, ms: performance.now() - started, ok });
    }
  }

  private async session<T>(mode: 'READ' | 'WRITE', name: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError('STORE_UNAVAILABLE', 'The store is closed.', 'The graph store is unavailable.');
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.options.queryTimeoutMs };
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (err) {
      throw mapNeo4jError(err, name);
    } finally {
      await session.close();
    }
  }

  async bootstrap(): Promise<void> {
    // Schema statements cannot share a transaction with each other on Neo4j: one each.
    for (const q of this.options.schema ?? NEO4J_SCHEMA) await this.session('WRITE', q.name, (tx) => this.runIn(tx, q));
  }

  read(query: Query, params?: Params): Promise<Row[]> {
    return this.session('READ', query.name, (tx) => this.runIn(tx, query, params));
  }

  write(query: Query, params?: Params): Promise<Row[]> {
    return this.session('WRITE', query.name, (tx) => this.runIn(tx, query, params));
  }

  async transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    // The caller's own errors (a rejected input, a record not found) leave as they are: only
    // the driver's are mapped to store errors.
    const own: { err?: unknown; thrown: boolean } = { thrown: false };
    try {
      return await this.session('WRITE', 'transaction', async (tx) => {
        // Same contract as LadybugDB: the first failure aborts the unit of work.
        let failed = false;
        let runError: unknown;
        let out: T;
        try {
          out = await work({
            run: async (query, params) => {
              if (failed) throw new UnitOfWorkAbortedError(query.name);
              try {
                return await this.runIn(tx, query, params);
              } catch (err) {
                failed = true;
                runError = err;
                throw err;
              }
            },
          });
        } catch (err) {
          if (err !== runError && !(err instanceof UnitOfWorkAbortedError)) {
            own.err = err;
            own.thrown = true;
          }
          throw err;
        }
        if (failed) throw new UnitOfWorkAbortedError('tx.commit');
        return out;
      });
    } catch (err) {
      throw own.thrown ? own.err : err;
    }
  }

  async checkpoint(): Promise<void> {
    // Neo4j checkpoints on its own schedule.
  }

  openBulkLoad(): Promise<BulkLoad> {
    return Promise.reject(new Error('Neo4j has no bulk copy (capabilities.bulkCopy is false): load with batched statements.'));
  }

  async ping(): Promise<void> {
    await this.read(PING);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}
