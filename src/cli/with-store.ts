/** Opens the configured store for one CLI command, bootstraps it, and always closes it. */
import { loadConfig } from '../config/config.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';

export async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore({ ...config, queryTimeoutMs: Math.max(config.queryTimeoutMs, 600_000) });
  try {
    await store.bootstrap();
    return await work(store);
  } finally {
    await store.close();
  }
}
