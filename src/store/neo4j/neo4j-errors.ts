/** Maps neo4j-driver errors (by their Neo4j status codes) to the store's errors. */
import {
  ConstraintViolationError,
  DuplicateKeyError,
  QueryFailedError,
  QueryTimeoutError,
  StorageFullError,
  StoreError,
  StoreUnavailableError,
  isNoSpace,
} from '../store-errors.ts';

export function mapNeo4jError(err: unknown, queryName: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const key = /property `?id`? = '([^']*)'/.exec(message)?.[1];
    return /already exists/i.test(message) ? new DuplicateKeyError(key, err) : new ConstraintViolationError(message, err);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|Could not perform discovery/i.test(message)) {
    return new StoreUnavailableError(message, err);
  }
  if (isNoSpace(err)) return new StorageFullError('the Neo4j database', err);
  if (code.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new QueryTimeoutError(queryName, err);
  }
  return new QueryFailedError(queryName, `${code} ${message}`.trim(), err);
}
