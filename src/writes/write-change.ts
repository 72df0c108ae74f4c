/** One write, as the journal keeps it and the writer applies it: records to upsert, or a node to delete. */
import type { NodeLabel } from '../model/graph-model.ts';
import type { RecordsByCollection } from '../records/record-schemas.ts';

export type WriteChange =
  | { readonly kind: 'records'; readonly records: Partial<RecordsByCollection> }
  | { readonly kind: 'delete'; readonly id: string; readonly label: NodeLabel };
