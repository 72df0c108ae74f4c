/** A problem found in a record, located by file, line, column and field path. */
import type { CollectionName } from '../model/records.ts';

export type FieldPathInRecord = readonly (string | number)[];

export interface RecordIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** e.g. `deals[41].amountUsd`, or '' for a problem with a file itself. */
  readonly path: string;
  readonly message: string;
  /** The record and the path inside it, when the problem is in a record. */
  readonly at?: { readonly collection: CollectionName; readonly index: number; readonly field: FieldPathInRecord };
}

/** `deals[41].parties[0].org` from a collection, an index and a path inside the record. */
export function formatPath(collection: string, index: number, path: readonly PropertyKey[]): string {
  let out = `${collection}[${index}]`;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** A record to validate: where it came from and its raw value. */
export interface RecordInput {
  readonly file: string;
  readonly collection: CollectionName;
  /** Position within its collection in its file. */
  readonly index: number;
  readonly value: unknown;
  /** Already checked by checkRecord as it was read: `value` is what that returned. */
  readonly checked?: boolean;
  /** Line and column of a path inside the record (or of a key at that path); absent for API input. */
  locate?(path: readonly PropertyKey[], key?: string): { line: number; column: number };
}
