/**
 * The store's own error types. Adapters map engine failures to these once, so callers never
 * parse an engine's message; `publicMessage` is safe to show a client, `message` may hold
 * internals for the logs.
 */
export type StoreErrorCode =
  | 'DUPLICATE_KEY'
  | 'CONSTRAINT_VIOLATION'
  | 'STORE_UNAVAILABLE'
  | 'DATABASE_LOCKED'
  | 'QUERY_TIMEOUT'
  | 'STORE_BUSY'
  | 'REQUEST_CANCELLED'
  | 'QUERY_FAILED'
  | 'UNIT_OF_WORK_ABORTED'
  | 'STORAGE_FULL';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly publicMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class DuplicateKeyError extends StoreError {
  constructor(
    readonly key: string | undefined,
    cause?: unknown,
  ) {
    const what = key === undefined ? 'A node with that id already exists.' : `A node with id "${key}" already exists.`;
    super('DUPLICATE_KEY', what, what, { cause });
  }
}

export class ConstraintViolationError extends StoreError {
  constructor(detail: string, cause?: unknown) {
    super('CONSTRAINT_VIOLATION', `Constraint violated: ${detail}`, 'The change violates a constraint of the graph.', { cause });
  }
}

export class StoreUnavailableError extends StoreError {
  constructor(detail: string, cause?: unknown) {
    super('STORE_UNAVAILABLE', `The graph store is unavailable: ${detail}`, 'The graph store is unavailable.', { cause });
  }
}

export class DatabaseLockedError extends StoreError {
  constructor(
    readonly path: string,
    cause?: unknown,
  ) {
    const msg =
      `The database file ${path} is locked: another process (an aigraph server or command) holds its lock. ` +
      'Stop that process, or point AIGRAPH_DB at another file.';
    super('DATABASE_LOCKED', msg, 'The graph store is locked by another process.', { cause });
  }
}

export class QueryTimeoutError extends StoreError {
  constructor(name: string, cause?: unknown) {
    super('QUERY_TIMEOUT', `Store query ${name} timed out.`, 'The query took too long.', { cause });
  }
}

/** The store's read queue is full: the client should come back after `retryAfterSeconds`. */
export class StoreBusyError extends StoreError {
  constructor(readonly retryAfterSeconds: number) {
    super('STORE_BUSY', 'The store read queue is full.', 'The server is busy: try again shortly.');
  }
}

/**
 * A read that had not started when its request was given up (the client went away, or the
 * operation ran past its deadline): it is skipped, never sent to the store.
 */
export class RequestCancelledError extends StoreError {
  constructor(readonly reason: 'disconnected' | 'timeout') {
    super(
      reason === 'timeout' ? 'QUERY_TIMEOUT' : 'REQUEST_CANCELLED',
      reason === 'timeout'
        ? 'The operation ran past its deadline; reads not yet started were skipped.'
        : 'The client went away; reads not yet started were skipped.',
      reason === 'timeout' ? 'The query took too long.' : 'The request was cancelled.',
    );
  }
}

export class QueryFailedError extends StoreError {
  constructor(name: string, detail: string, cause?: unknown) {
    super('QUERY_FAILED', `Store query ${name} failed: ${detail}`, 'The graph store could not answer.', { cause });
  }
}

export class UnitOfWorkAbortedError extends StoreError {
  constructor(name: string) {
    super(
      'UNIT_OF_WORK_ABORTED',
      `Statement ${name} was sent after an earlier statement of the same unit of work failed; nothing was committed.`,
      'The change was not applied.',
    );
  }
}

/**
 * The disk (or the file system's quota) is full: the change was not applied, nothing of it was
 * kept, and the same request succeeds once space is freed.
 */
export class StorageFullError extends StoreError {
  constructor(
    readonly path: string,
    cause?: unknown,
  ) {
    super(
      'STORAGE_FULL',
      `No space left to write ${path}: the change was not applied. Free space on that file system; writes resume by themselves.`,
      'The server has no storage space left: the change was not applied. Try again later.',
      { cause },
    );
  }
}

/** True for the errors a full disk or quota gives (ENOSPC, EDQUOT), from Node or an engine's message. */
export function isNoSpace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  return /No space left on device|Disk quota exceeded|ENOSPC/i.test(err instanceof Error ? err.message : String(err));
}

export class DatabaseOpenError extends StoreError {
  constructor(
    readonly path: string,
    detail: string,
    cause?: unknown,
  ) {
    super(
      'STORE_UNAVAILABLE',
      `The database file ${path} could not be opened (${detail}). If it is damaged, rebuild it from the seeds and the write journal: AIGRAPH_DB=${path} npx aigraph rebuild`,
      'The graph store is unavailable.',
      { cause },
    );
  }
}
