/** Opens the store the configuration names, with its schema from the model. */
import type { Config } from '../config/config.ts';
import { LADYBUG_MACROS, LADYBUG_SCHEMA, NEO4J_SCHEMA } from '../queries/schema-statements.ts';
import type { GraphStore, QueryObserver } from './graph-store.ts';
import { checkDatabaseFile } from './ladybug/check-database-file.ts';
import { LadybugStore } from './ladybug/ladybug-store.ts';

export async function openStore(
  config: Pick<Config, 'store' | 'queryTimeoutMs'> & { readonly bufferPoolMb?: number | null },
  observe?: QueryObserver,
): Promise<GraphStore> {
  const { store, queryTimeoutMs, bufferPoolMb } = config;
  if (store.engine === 'neo4j') {
    // Loaded only when used: neo4j-driver takes about 150 ms to import, a third of start-up.
    const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
    return Neo4jStore.open({ ...store, schema: NEO4J_SCHEMA, queryTimeoutMs, observe });
  }
  if (store.path !== ':memory:') checkDatabaseFile(store.path);
  return LadybugStore.open({ path: store.path, schema: [...LADYBUG_SCHEMA, ...LADYBUG_MACROS], queryTimeoutMs, observe, bufferPoolBytes: bufferPoolMb ? bufferPoolMb * 2 ** 20 : undefined });
}
