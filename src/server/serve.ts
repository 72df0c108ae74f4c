/**
 * `aigraph serve`: opens the store first (so a second server on the same file stops at once on
 * its lock), listens, then bootstraps the schema and, on an empty store, loads the seeds;
 * /readyz turns 200 only when that is done.
 */
import type { Config } from '../config/config.ts';
import { importFiles } from '../importer/import-graph.ts';
import { COUNT_ALL } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';
import { buildApp, type Readiness } from './app.ts';
import { createMetrics } from './metrics.ts';

async function isEmpty(store: GraphStore): Promise<boolean> {
  return (await store.read(COUNT_ALL)).every((r) => Number(r.total) === 0);
}

export async function serve(config: Config): Promise<void> {
  const metrics = createMetrics();
  const store = await openStore(config, metrics.observe);
  const readiness: Readiness = { pending: 'bootstrapping the schema' };
  const app = await buildApp({ store, readiness, metrics, logLevel: config.logLevel, introspection: config.introspection });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    readiness.pending = 'shutting down';
    await app.close(); // lets in-flight requests finish
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
    await store.bootstrap();
    if (config.seedOnStart && (await isEmpty(store))) {
      readiness.pending = 'loading the seeds';
      const started = performance.now();
      const counts = await importFiles(store, [config.seedsDir]);
      const created = Object.values(counts).reduce((n, c) => n + c.created, 0);
      app.log.info({ seeds: config.seedsDir, created, ms: Math.round(performance.now() - started) }, 'seeded an empty store');
    }
    readiness.pending = null;
    app.log.info({ engine: store.engine }, 'ready');
  } catch (err) {
    await app.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}
