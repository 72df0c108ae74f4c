/**
 * `aigraph serve`: opens the store first (so a second server on the same file stops at once on
 * its lock), listens, then bootstraps the schema, loads the seeds into an empty store and
 * replays journal entries the database lacks (in the writer's queue); /readyz turns 200 and
 * writes are accepted only when that is done (before, they answer 503 with Retry-After).
 * SIGTERM lets in-flight requests finish, then checkpoints and closes the store.
 */
import { ApiKeyStore } from '../auth/api-keys.ts';
import type { Config } from '../config/config.ts';
import { importFiles, isGraphEmpty } from '../importer/import-graph.ts';
import { ensureDerived } from '../records/derived.ts';
import { openStore } from '../store/open-store.ts';
import { parallelImporter, readImportInputs } from '../importer/import-inputs.ts';
import { GraphWriter } from '../writes/graph-writer.ts';
import { WRITE_LOCK } from '../queries/write-statements.ts';
import { Journal, journalFileFor } from '../writes/journal.ts';
import { buildApp, type Readiness } from './app.ts';
import { createMetrics } from './metrics.ts';
import { startTracing, traceStatement } from './tracing.ts';

/**
 * LadybugDB's page cache for a server unless AIGRAPH_BUFFER_POOL_MB says otherwise: the engine's
 * default is 80% of RAM, and a long-lived process keeps every page it has read
 * (docs/ladybug-traps.md#page-cache-grows-to-most-of-ram). 1 GB holds the whole file of the
 * million-deal benchmark graph (BENCHMARKS.md). Smaller is not free: at 256 MB on that graph the
 * whole-table reads that build the read models failed, and every question they answer with them
 * (BENCHMARKS.md, round 4).
 */
export const SERVER_BUFFER_POOL_MB = 1024;

export async function serve(config: Config): Promise<void> {
  const stopTracing = await startTracing();
  const metrics = createMetrics();
  const store = await openStore({ ...config, bufferPoolMb: config.bufferPoolMb ?? SERVER_BUFFER_POOL_MB }, (e) => {
    metrics.observe(e);
    traceStatement(e);
  });
  const file = store.capabilities.databaseFile;
  const journal = file ? new Journal(journalFileFor(file)) : null;
  const readiness: Readiness = { pending: 'bootstrapping the schema' };
  const writer = new GraphWriter(store, journal, readiness, readImportInputs, parallelImporter());
  const app = await buildApp({
    store,
    writer,
    keys: new ApiKeyStore(config.keysFile),
    readiness,
    metrics,
    logLevel: config.logLevel,
    introspection: config.introspection,
    readsRequireKey: config.readsRequireKey,
    cacheEntries: config.cacheEntries,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustedDocumentsOnly: config.trustedDocumentsOnly,
    trustProxy: config.trustProxy,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    readiness.pending = 'shutting down';
    await app.close(); // lets in-flight requests finish
    await store.close(); // checkpoints first
    journal?.close();
    await stopTracing?.(); // sends the spans still buffered
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  if (journal?.repaired) {
    app.log.warn({ journal: journal.file, ...journal.repaired }, 'cut a torn last write off the journal: it never finished, so it was never acknowledged');
  }

  try {
    await app.listen({ port: config.port, host: config.host });
    await store.bootstrap();
    if (config.seedOnStart && (await isGraphEmpty(store))) {
      readiness.pending = 'loading the seeds';
      const started = performance.now();
      const counts = await importFiles(store, [config.seedsDir]);
      const created = Object.values(counts).reduce((n, c) => n + c.created, 0);
      writer.invalidate(); // read caches filled during seeding are stale now
      await store.transaction(async (tx) => void (await tx.run(WRITE_LOCK))); // and those of other replicas on a shared store
      app.log.info({ seeds: config.seedsDir, created, ms: Math.round(performance.now() - started) }, 'seeded an empty store');
    }
    if (await ensureDerived(store)) {
      writer.invalidate();
      app.log.info('filled derived properties missing from a database written by an older model');
    }
    readiness.pending = 'replaying the journal';
    const replayed = await writer.replay();
    if (replayed) app.log.warn({ replayed }, 'replayed journal entries the database did not have');
    readiness.pending = null;
    app.log.info({ engine: store.engine }, 'ready');
    const warming = performance.now();
    app
      .warmReadModels()
      .then((built) => built && app.log.info({ ms: Math.round(performance.now() - warming) }, 'built the read models of a large graph'))
      .catch((err: unknown) => app.log.warn({ err }, 'could not build the read models ahead of the first question'));
  } catch (err) {
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}
