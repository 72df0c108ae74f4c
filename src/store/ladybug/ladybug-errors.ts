/** Maps LadybugDB's error messages to the store's errors, so no caller parses an engine's message. */
import {
  ConstraintViolationError,
  DatabaseLockedError,
  DuplicateKeyError,
  QueryFailedError,
  QueryTimeoutError,
  StorageFullError,
  StoreError,
  isNoSpace,
} from '../store-errors.ts';

export function mapLadybugError(err: unknown, queryName: string, dbPath: string): StoreError {
  if (err instanceof StoreError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const dup = /duplicated primary key value (.*?), which violates/.exec(message);
  if (dup) return new DuplicateKeyError(dup[1], err);
  if (/violates the non-null constraint|violates schema|Expected labels are/i.test(message)) {
    return new ConstraintViolationError(message, err);
  }
  if (isNoSpace(err)) return new StorageFullError(dbPath, err);
  if (/Could not set lock on file/i.test(message)) return new DatabaseLockedError(dbPath, err);
  if (/^Interrupted/i.test(message) || /\bInterrupted\.?$/.test(message)) return new QueryTimeoutError(queryName, err);
  return new QueryFailedError(queryName, message, err);
}
