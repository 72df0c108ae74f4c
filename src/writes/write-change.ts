import type { RecordInput, RecordIssue } from '../records/record-issue.ts';
/**
 * One write, as the journal keeps it and the writer applies it: records to upsert, a node to
 * delete, or an import of files (kept by content beside the journal, see import-inputs.ts).
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { RecordsByCollection } from '../records/record-schemas.ts';
import type { ImportCounts } from '../records/apply-records.ts';
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';

/** One input file of an import: the name it was given, its content hash and its kept copy. */
export interface ImportedFile {
  readonly name: string;
  readonly sha256: string;
  /** The copy's file name inside the journal's imports folder. */
  readonly copy: string;
}

export type WriteChange =
  | { readonly kind: 'records'; readonly records: Partial<RecordsByCollection> }
  | { readonly kind: 'delete'; readonly id: string; readonly label: NodeLabel }
  | { readonly kind: 'import'; readonly files: readonly ImportedFile[] };

/**
 * Reads the records of an import's kept input files (checking their hashes), for the writer:
 * the importer provides it (src/importer/import-inputs.ts), so the write path does not depend
 * on how files are read.
 */
export type ImportReader = (files: readonly ImportedFile[], keptIn: string | null) => Promise<{ raw: RecordInput[]; issues: RecordIssue[]; stopped?: boolean }>;

/**
 * Imports an import's kept files into an EMPTY store whose bulk load writes files (`capabilities.bulkCopy`)
 * in one go, reading, checking and loading them in parallel (the importer provides it: src/importer/import-inputs.ts). `wants` says
 * whether the files are large enough for it (small imports take the ordinary path); `run`
 * commits `alsoInUnit` with the load, or returns the problems and writes nothing.
 */
export interface ParallelImporter {
  wants(files: readonly ImportedFile[], keptIn: string | null): Promise<boolean>;
  run(
    store: GraphStore,
    files: readonly ImportedFile[],
    keptIn: string | null,
    alsoInUnit: (tx: UnitOfWork, counts: ImportCounts) => Promise<void>,
  ): Promise<{ ok: true; counts: ImportCounts } | { ok: false; issues: RecordIssue[]; more: number; stopped: boolean }>;
}
