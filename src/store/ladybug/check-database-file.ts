/**
 * Looks at a LadybugDB database file before the engine opens it. The engine trusts what it
 * reads: a file that is not one of its databases can make it fail in native code, where no
 * error reaches JavaScript. Only what can be checked cheaply is checked: the file starts with
 * the engine's signature and holds at least its first page. (LadybugDB keeps no checksums of
 * its pages, so damage further inside a file cannot be found before reading it.)
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseOpenError } from '../store-errors.ts';

const SIGNATURE = 'LBUG';
const PAGE_BYTES = 4096;

/** Throws DatabaseOpenError (which names `aigraph rebuild`) when `path` cannot be a database. */
export function checkDatabaseFile(path: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new DatabaseOpenError(path, 'it is not a regular file');
    size = st.size;
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    return; // no file yet: the engine creates it
  }
  if (size === 0) return; // an empty file is a new database to the engine
  const head = Buffer.alloc(SIGNATURE.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') !== SIGNATURE)
    throw new DatabaseOpenError(path, `it is not a LadybugDB database: it does not start with the ${SIGNATURE} signature`);
  if (size < PAGE_BYTES) throw new DatabaseOpenError(path, `it is truncated: ${size} bytes, less than one ${PAGE_BYTES}-byte page`);
}
