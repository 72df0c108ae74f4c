/** Opens the store a configuration names, with its schema from the model. */
import type { GraphStore, QueryObserver } from './graph-store.ts';
import { checkDatabaseFile } from './ladybug/check-database-file.ts';
import { LadybugStore } from './ladybug/ladybug-store.ts';

/** Where the graph lives: an embedded LadybugDB file (or `:memory:`), or a Neo4j server. */
export type StoreLocation =
  | { readonly engine: 'ladybug'; readonly path: string }
  | { readonly engine: 'neo4j'; readonly uri: string; readonly username: string; readonly password: string; readonly database?: string };

export interface StoreSettings {
  readonly store: StoreLocation;
  readonly queryTimeoutMs: number;
  /** An embedded engine's page cache in MB (null or absent: the engine's default). */
  readonly bufferPoolMb?: number | null;
}

export async function openStore(settings: StoreSettings, observe?: QueryObserver): Promise<GraphStore> {
  const { store, queryTimeoutMs, bufferPoolMb } = settings;
  if (store.engine === 'neo4j') {
    // Loaded only when used: neo4j-driver is slow to import, a large part of start-up.
    const { Neo4jStore } = await import('./neo4j/neo4j-store.ts');
    return Neo4jStore.open({ ...store, queryTimeoutMs, observe });
  }
  if (store.path !== ':memory:') checkDatabaseFile(store.path);
  return LadybugStore.open({ path: store.path, queryTimeoutMs, observe, bufferPoolBytes: bufferPoolMb ? bufferPoolMb * 2 ** 20 : undefined });
}

/**
 * The database file a location names, or null (a server, or in memory): what `aigraph rebuild`
 * recreates, asked before any store is opened (an open store says it in
 * `capabilities.databaseFile`).
 */
export function databaseFileOf(store: StoreLocation): string | null {
  return store.engine === 'ladybug' && store.path !== ':memory:' ? store.path : null;
}

/** Every file the embedded engine keeps for a database file: the file and its write-ahead log. */
export function databaseFilesOf(path: string): string[] {
  return [path, `${path}.wal`];
}

/** Throws DatabaseLockedError when another process holds the embedded database file (a live server). */
export async function assertDatabaseFileFree(path: string): Promise<void> {
  await LadybugStore.assertNotLocked(path);
}
