/**
 * One write, as the journal keeps it and the writer applies it: records to upsert, a node to
 * delete, or an import of files (kept by content beside the journal, see import-inputs.ts).
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { RecordsByCollection } from '../importer/record-schemas.ts';

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
