/**
 * Caches read results in memory, keyed by the operation, its variables, the graph version and
 * today's date (the default `asOf`), so a write (which moves the version) or a new day
 * invalidates everything at once. Only queries that succeeded are cached; the limits and the
 * key check still run for every request (the cache answers after parsing and validation).
 * On a store several API replicas share (Neo4j), the version includes the store's own write count,
 * read once per request (src/writes/graph-version.ts), so a write on one replica empties every
 * replica's cache for the requests that follow it.
 * Bounded by size as well as by count: answers are measured as JSON when they are stored (one
 * serialisation per miss), so a few large answers cannot fill the heap.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { GraphContext } from '../graphql/context.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';

/** Total JSON size of the cached answers (the heap holds about 2-3x that as objects). */
export const CACHE_MAX_JSON_BYTES = 128 * 2 ** 20;
/** Larger answers are not cached: one would evict hundreds of others. */
export const CACHE_MAX_ENTRY_JSON_BYTES = 8 * 2 ** 20;

export interface ResponseCacheStats {
  hits: number;
  misses: number;
}

export function responseCachePlugin(
  writer: Pick<GraphWriter, 'version'>,
  maxEntries: number,
  stats: ResponseCacheStats = { hits: 0, misses: 0 },
  limits: { maxJsonBytes: number; maxEntryJsonBytes: number } = { maxJsonBytes: CACHE_MAX_JSON_BYTES, maxEntryJsonBytes: CACHE_MAX_ENTRY_JSON_BYTES },
): ApolloServerPlugin<GraphContext> {
  const cache = new LRUCache<string, object>({ max: Math.max(1, maxEntries), maxSize: limits.maxJsonBytes, maxEntrySize: limits.maxEntryJsonBytes });
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          if (maxEntries <= 0 || rc.operation?.operation !== 'query') return null;
          const role = rc.contextValue.principal?.role ?? 'anonymous';
          key = createHash('sha256')
            .update(JSON.stringify([writer.version, rc.contextValue.today, role, rc.request.operationName ?? null, rc.source, rc.request.variables ?? {}]))
            .digest('base64url');
          const hit = cache.get(key);
          if (hit === undefined) {
            stats.misses++;
            return null;
          }
          stats.hits++;
          return { http: rc.response.http, body: { kind: 'single', singleResult: { data: hit as Record<string, unknown> } } };
        },
        async willSendResponse(rc) {
          if (!key || rc.response.body.kind !== 'single') return;
          const { data, errors } = rc.response.body.singleResult;
          if (data && !errors && !cache.has(key)) cache.set(key, data as object, { size: Math.max(1, JSON.stringify(data).length) });
        },
      };
    },
  };
}
