import type { RecordInput, RecordIssue } from '../records/record-issue.ts';
/**
 * One write, as the journal keeps it and the writer applies it: records to upsert, a node to
 * delete, or an import of files (kept by content beside the journal, see import-inputs.ts).
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { RecordsByCollection } from '../records/record-schemas.ts';

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
