/**
 * The server's limits on time and concurrency, with their defaults (docs/security.md says what
 * each protects; src/config/config.ts reads them from the environment).
 */
import { readFileSync } from 'node:fs';

export interface ServerLimits {
  /** A GraphQL operation's deadline: reads not started by then are skipped (AIGRAPH_OPERATION_TIMEOUT_MS). */
  readonly operationTimeoutMs: number;
  /** Store reads running at once (AIGRAPH_STORE_READS_RUNNING). */
  readonly readsRunning: number;
  /** Store reads waiting, per class (cheap, costly), before 503 (AIGRAPH_STORE_READS_QUEUED). */
  readonly readsQueued: number;
  /** Costly operations one client runs at once (AIGRAPH_COSTLY_PER_CLIENT). */
  readonly costlyPerClient: number;
  /** Costly operations one client may have waiting before 429 (AIGRAPH_COSTLY_QUEUED_PER_CLIENT). */
  readonly costlyQueuedPerClient: number;
  /** Headers and body must arrive within this (AIGRAPH_HTTP_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Headers must arrive within this (AIGRAPH_HTTP_HEADERS_TIMEOUT_MS). */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (AIGRAPH_HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no traffic either way is closed after this (AIGRAPH_HTTP_IDLE_TIMEOUT_MS). */
  readonly idleTimeoutMs: number;
  /** Open connections; more are closed at once (AIGRAPH_MAX_CONNECTIONS). */
  readonly maxConnections: number;
}

/** File descriptors kept free for the store, the journal, logs and the key file. */
export const RESERVED_FILE_DESCRIPTORS = 256;
const MAX_CONNECTIONS_DEFAULT = 1000;

/** This process's soft limit on open files (Linux: /proc/self/limits), or null where unknown. */
export function fileDescriptorLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** The most connections allowed: the file-descriptor limit less the reserve. */
export function connectionCeiling(fdLimit = fileDescriptorLimit()): number {
  return fdLimit === null ? MAX_CONNECTIONS_DEFAULT : Math.max(1, fdLimit - RESERVED_FILE_DESCRIPTORS);
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  operationTimeoutMs: 30_000,
  readsRunning: 4,
  readsQueued: 200,
  costlyPerClient: 2,
  costlyQueuedPerClient: 8,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxConnections: Math.min(MAX_CONNECTIONS_DEFAULT, connectionCeiling()),
};

/** How often Node checks requests against the request and headers timeouts. */
export function checkingIntervalMs(limits: Pick<ServerLimits, 'requestTimeoutMs' | 'headersTimeoutMs'>): number {
  return Math.max(100, Math.min(1000, Math.floor(Math.min(limits.requestTimeoutMs, limits.headersTimeoutMs) / 4)));
}
