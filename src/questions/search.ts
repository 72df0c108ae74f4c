/**
 * `search(text, first, after)`: organizations, chips and cloud services by name and aliases,
 * deals and exclusivities (not retracted) by title and summary or scope, ranked and typo-tolerant,
 * from the full-text index of the current graph version (search-index.ts, which says how it
 * matches and ranks). Pages follow the last id of the previous page.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { SearchIndex } from './search-index.ts';

/** The best `first` hits, as ids and labels, after the hit `after`; `undefined` when `after` is not a hit of this text. */
export function search(index: SearchIndex, text: string, first: number, after?: string | null): { id: string; label: NodeLabel }[] | undefined {
  return index.search(text, first, after);
}
