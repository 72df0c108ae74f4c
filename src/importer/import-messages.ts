/** The messages between a parallel import (parallel-import.ts) and its worker threads (import-worker.ts). */
import type { CollectionName } from '../records/record-schemas.ts';
import type { BulkShardWritten } from '../store/graph-store.ts';
import type { ImportIssue } from './import-issue.ts';

export type FromMain =
  /** Read this file (`path`; records and problems are called by `name`). */
  | { readonly kind: 'file'; readonly fileIndex: number; readonly path: string; readonly name: string }
  /** No more files: close the CSV files and say what was written. */
  | { readonly kind: 'end' };

export type ToMain =
  /**
   * Ids of the records read since the last message: those they define and those they reference,
   * each with its label (an index into NODE_LABELS), and the ends of relationship records.
   */
  | {
      readonly kind: 'ids';
      readonly defined: string[];
      readonly definedLabels: Uint8Array;
      readonly refs: string[];
      readonly refLabels: Uint8Array;
      readonly pairs: string[];
    }
  /** A file is read: how many records, the valid ones per collection, its problems (at most MAX_PROBLEMS kept; `full`: reading stopped there). */
  | {
      readonly kind: 'file-done';
      readonly fileIndex: number;
      readonly records: number;
      readonly counts: Partial<Record<CollectionName, number>>;
      readonly issues: ImportIssue[];
      readonly dropped: number;
      readonly full: boolean;
    }
  | { readonly kind: 'done'; readonly written: BulkShardWritten };
