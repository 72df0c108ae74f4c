/**
 * The API's errors: one class with a public code (like Apollo's own error codes). Anything
 * that is not an AppError reaches the client as INTERNAL_SERVER_ERROR with a generic message;
 * store errors keep their public message; internals (driver messages, Cypher, stacks) never leave.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { StoreError } from '../store/store-errors.ts';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'STORAGE_FULL'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}

export const badInput = (message: string, argument?: string) => new AppError('BAD_USER_INPUT', message, argument ? { argument } : {});
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `No ${what} with id "${id}".`, { id });

const STORE_CODES: Record<StoreError['code'], ErrorCode> = {
  DUPLICATE_KEY: 'CONFLICT',
  CONSTRAINT_VIOLATION: 'CONFLICT',
  STORE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  DATABASE_LOCKED: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'TIMEOUT',
  STORE_BUSY: 'SERVICE_UNAVAILABLE',
  REQUEST_CANCELLED: 'CANCELLED',
  QUERY_FAILED: 'INTERNAL_SERVER_ERROR',
  UNIT_OF_WORK_ABORTED: 'INTERNAL_SERVER_ERROR',
  STORAGE_FULL: 'STORAGE_FULL',
};

/** The HTTP answer to a write refused for now: `status`, and Retry-After in seconds. */
export const retryLater = (status: 503 | 507, seconds: number) => ({ http: { status, headers: new Map([['retry-after', String(seconds)]]) } });

/**
 * One policy for suggestions of the schema's names: none. GraphQL's "Did you mean ...?" (for
 * fields, arguments, types and enum values, in validation and in variable coercion alike) would
 * let a client list the schema's names by guessing, so GraphQL's own messages lose it. The
 * product's own suggestions are of the graph's data (an id misspelt in an argument: "did you
 * mean microsoft?"), which any reader can list with `search` anyway, so AppErrors keep them.
 */
export function hideSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

/** Store refusals a client causes under load: answered, not logged one by one. */
const QUIET: ReadonlySet<StoreError['code']> = new Set(['STORE_BUSY', 'REQUEST_CANCELLED']);

/**
 * Apollo's formatError: keeps AppErrors and GraphQL's own validation errors, replaces the
 * rest with their public form. `log` receives every error that is not the client's fault.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (err: unknown) => void): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code;
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions;
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  if (original instanceof StoreError) {
    if (!QUIET.has(original.code)) log(original);
    return { message: original.publicMessage, locations: formatted.locations, path: formatted.path, extensions: { code: STORE_CODES[original.code] } };
  }
  // GraphQL's own parse and validation errors, and Apollo's coded ones, are about the request.
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: hideSuggestions(formatted.message), extensions };
  }
  log(original);
  return { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
