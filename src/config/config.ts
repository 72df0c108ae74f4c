/**
 * Configuration from the environment, validated with zod once at start-up. A bad value stops
 * the process with a message that names the variable (ConfigError), never a stack trace.
 */
import { z } from 'zod';
import { keyFileFor } from '../auth/api-keys.ts';
import { connectionCeiling, DEFAULT_SERVER_LIMITS, type ServerLimits } from '../server/server-limits.ts';

const port = z.coerce
  .number({ message: 'expected a port number' })
  .int({ message: 'expected a whole number' })
  .min(0, { message: 'expected a port from 0 to 65535' })
  .max(65535, { message: 'expected a port from 0 to 65535' });

const positiveMs = z.coerce.number({ message: 'expected a number of milliseconds' }).int().positive();

const count = z.coerce.number({ message: 'expected a whole number' }).int({ message: 'expected a whole number' }).positive({ message: 'expected 1 or more' });

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' }).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A browser origin: scheme, host and optional port, nothing after (what the Origin header carries). */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

const schema = z
  .object({
    PORT: port.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    AIGRAPH_DB: z.string().min(1, { message: 'expected a file path or :memory:' }).default('./data/graph.lbug'),
    AIGRAPH_SEEDS: z.string().min(1).default('./seeds'),
    AIGRAPH_SEED_ON_START: flag.default(true),
    AIGRAPH_QUERY_TIMEOUT_MS: positiveMs.default(10_000),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/\S+$/, { message: 'expected a neo4j:// or bolt:// URI' })
      .optional(),
    NEO4J_USERNAME: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    AIGRAPH_INTROSPECTION: flag.default(true),
    AIGRAPH_READS_REQUIRE_KEY: flag.default(false),
    AIGRAPH_BUFFER_POOL_MB: z.coerce
      .number({ message: 'expected a number of megabytes' })
      .int({ message: 'expected a whole number of megabytes' })
      .min(64, { message: 'expected at least 64' })
      .optional(),
    AIGRAPH_CACHE_ENTRIES: z.coerce.number({ message: 'expected a number of entries' }).int().min(0, { message: 'expected 0 or more' }).default(5000),
    AIGRAPH_KEYS_FILE: z.string().min(1).optional(),
    AIGRAPH_OPERATION_TIMEOUT_MS: positiveMs.default(DEFAULT_SERVER_LIMITS.operationTimeoutMs),
    AIGRAPH_STORE_READS_RUNNING: count.default(DEFAULT_SERVER_LIMITS.readsRunning),
    AIGRAPH_STORE_READS_QUEUED: count.default(DEFAULT_SERVER_LIMITS.readsQueued),
    AIGRAPH_COSTLY_PER_CLIENT: count.default(DEFAULT_SERVER_LIMITS.costlyPerClient),
    AIGRAPH_COSTLY_QUEUED_PER_CLIENT: z.coerce
      .number({ message: 'expected a whole number' })
      .int({ message: 'expected a whole number' })
      .min(0, { message: 'expected 0 or more' })
      .default(DEFAULT_SERVER_LIMITS.costlyQueuedPerClient),
    AIGRAPH_HTTP_REQUEST_TIMEOUT_MS: positiveMs.default(DEFAULT_SERVER_LIMITS.requestTimeoutMs),
    AIGRAPH_HTTP_HEADERS_TIMEOUT_MS: positiveMs.default(DEFAULT_SERVER_LIMITS.headersTimeoutMs),
    AIGRAPH_HTTP_KEEP_ALIVE_TIMEOUT_MS: positiveMs.default(DEFAULT_SERVER_LIMITS.keepAliveTimeoutMs),
    AIGRAPH_HTTP_IDLE_TIMEOUT_MS: positiveMs.default(DEFAULT_SERVER_LIMITS.idleTimeoutMs),
    AIGRAPH_MAX_CONNECTIONS: count.default(DEFAULT_SERVER_LIMITS.maxConnections),
    AIGRAPH_CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.string().regex(ORIGIN, { message: 'expected origins such as https://app.example.com, comma-separated (scheme, host and port only, no path)' }),
        ),
      )
      .default([]),
    AIGRAPH_TRUSTED_DOCUMENTS_ONLY: flag.default(false),
    AIGRAPH_TRUST_PROXY: z
      .string()
      .regex(/^(true|[0-9A-Fa-f:./]+(\s*,\s*[0-9A-Fa-f:./]+)*)$/, { message: "expected true, or the proxies' addresses or CIDR ranges, comma-separated" })
      .optional(),
    AIGRAPH_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: 'expected a number of requests' })
      .int({ message: 'expected a whole number' })
      .min(0, { message: 'expected 0 (off) or more' })
      .default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'required when NEO4J_URI is set' });
    }
    if (env.AIGRAPH_HTTP_HEADERS_TIMEOUT_MS > env.AIGRAPH_HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['AIGRAPH_HTTP_HEADERS_TIMEOUT_MS'],
        message: `must not exceed AIGRAPH_HTTP_REQUEST_TIMEOUT_MS (${env.AIGRAPH_HTTP_REQUEST_TIMEOUT_MS})`,
      });
    }
    if (env.AIGRAPH_HTTP_IDLE_TIMEOUT_MS <= env.AIGRAPH_OPERATION_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['AIGRAPH_HTTP_IDLE_TIMEOUT_MS'],
        message: `must exceed AIGRAPH_OPERATION_TIMEOUT_MS (${env.AIGRAPH_OPERATION_TIMEOUT_MS}): a connection waiting for its answer is idle`,
      });
    }
    const ceiling = connectionCeiling();
    if (env.AIGRAPH_MAX_CONNECTIONS > ceiling) {
      ctx.addIssue({
        code: 'custom',
        path: ['AIGRAPH_MAX_CONNECTIONS'],
        message: `must be at most ${ceiling}: the open-files limit less a reserve for the store and logs (raise it with ulimit -n)`,
      });
    }
  });

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly seedsDir: string;
  readonly seedOnStart: boolean;
  readonly queryTimeoutMs: number;
  readonly logLevel: RawConfig['LOG_LEVEL'];
  /** GraphQL introspection (the schema is public, so on by default). */
  readonly introspection: boolean;
  /** Read results cached in memory, invalidated by every write (0: off). */
  readonly cacheEntries: number;
  /** Whether reads need a reader key (writes always need an editor or admin key). */
  readonly readsRequireKey: boolean;
  /** The API key file (default: beside the LadybugDB file, or ./data/api-keys.json). */
  readonly keysFile: string;
  readonly production: boolean;
  /**
   * LadybugDB's page cache, in MB (null: the engine's default, 80% of RAM). The server caps it
   * (SERVER_BUFFER_POOL_MB) because it grows with every page a long-lived process reads.
   */
  readonly bufferPoolMb: number | null;
  /** Time and concurrency limits of the HTTP server, the GraphQL operations and the store's readers. */
  readonly limits: ServerLimits;
  /** Browser origins allowed to call the API from other sites (CORS); none by default. */
  readonly corsOrigins: readonly string[];
  /** API requests one client (an API key, or an address without one) may send per minute; 0: no limit. */
  readonly rateLimitPerMinute: number;
  /** Clients without an API key may run only the explorer's persisted documents. */
  readonly trustedDocumentsOnly: boolean;
  /** Proxies whose X-Forwarded-For names the client (true: any), for the per-address rules; none by default. */
  readonly trustProxy: boolean | string[];
  readonly store:
    | { readonly engine: 'ladybug'; readonly path: string }
    | { readonly engine: 'neo4j'; readonly uri: string; readonly username: string; readonly password: string; readonly database?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most shells' VAR= assignments.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        const given = present[name];
        const shown = given === undefined ? '' : name.includes('PASSWORD') ? ' (value hidden)' : ` (got "${given}")`;
        return `${name}: ${i.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    seedsDir: e.AIGRAPH_SEEDS,
    seedOnStart: e.AIGRAPH_SEED_ON_START,
    queryTimeoutMs: e.AIGRAPH_QUERY_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    introspection: e.AIGRAPH_INTROSPECTION,
    readsRequireKey: e.AIGRAPH_READS_REQUIRE_KEY,
    cacheEntries: e.AIGRAPH_CACHE_ENTRIES,
    keysFile: keyFileFor(e.NEO4J_URI ? null : e.AIGRAPH_DB, e.AIGRAPH_KEYS_FILE),
    production: e.NODE_ENV === 'production',
    bufferPoolMb: e.AIGRAPH_BUFFER_POOL_MB ?? null,
    limits: {
      operationTimeoutMs: e.AIGRAPH_OPERATION_TIMEOUT_MS,
      readsRunning: e.AIGRAPH_STORE_READS_RUNNING,
      readsQueued: e.AIGRAPH_STORE_READS_QUEUED,
      costlyPerClient: e.AIGRAPH_COSTLY_PER_CLIENT,
      costlyQueuedPerClient: e.AIGRAPH_COSTLY_QUEUED_PER_CLIENT,
      requestTimeoutMs: e.AIGRAPH_HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.AIGRAPH_HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.AIGRAPH_HTTP_KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: e.AIGRAPH_HTTP_IDLE_TIMEOUT_MS,
      maxConnections: e.AIGRAPH_MAX_CONNECTIONS,
    },
    corsOrigins: e.AIGRAPH_CORS_ORIGINS,
    rateLimitPerMinute: e.AIGRAPH_RATE_LIMIT_PER_MINUTE,
    trustedDocumentsOnly: e.AIGRAPH_TRUSTED_DOCUMENTS_ONLY,
    trustProxy: e.AIGRAPH_TRUST_PROXY === undefined ? false : e.AIGRAPH_TRUST_PROXY === 'true' ? true : e.AIGRAPH_TRUST_PROXY.split(',').map((a) => a.trim()),
    store: e.NEO4J_URI
      ? { engine: 'neo4j', uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD ?? '', database: e.NEO4J_DATABASE }
      : { engine: 'ladybug', path: e.AIGRAPH_DB },
  };
}
