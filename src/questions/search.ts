/**
 * `search(text, first)`: organizations, chips and cloud services whose name or an alias contains
 * the text, and deals and exclusivities whose title does, case-insensitively. Both engines use
 * the portable `toLower(...) CONTAINS` (LadybugDB's full-text extension is not available), and
 * ranking happens here: exact name or alias, then prefix, then word prefix, then substring;
 * organizations before chips, services, deals and exclusivities; shorter names first.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';

/** Named things whose name or an alias contains `$q` (lower case). */
export const SEARCH_NAMED: Query = {
  name: 'q.search.named',
  cypher: (['Organization', 'Chip', 'CloudService'] as const)
    .map(
      (l) =>
        `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.name) CONTAINS q OR any(a IN n.aliases WHERE toLower(a) CONTAINS q) RETURN n.id AS id, '${l}' AS label, n.name AS name, n.aliases AS aliases`,
    )
    .join(' UNION ALL '),
};

/** Deals and exclusivities whose title contains `$q` (lower case), retracted ones left out. */
export const SEARCH_TITLED: Query = {
  name: 'q.search.titled',
  cypher: (['Deal', 'Exclusivity'] as const)
    .map((l) => `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.title) CONTAINS q AND n.retractedOn IS NULL RETURN n.id AS id, '${l}' AS label, n.title AS name`)
    .join(' UNION ALL '),
};

const LABEL_RANK: Partial<Record<NodeLabel, number>> = { Organization: 0, Chip: 1, CloudService: 2, Deal: 3, Exclusivity: 4 };

/** The best `first` hits, as ids and labels. */
export async function search(store: GraphStore, text: string, first: number): Promise<{ id: string; label: NodeLabel }[]> {
  const q = text.trim().toLowerCase();
  const [named, titled] = await Promise.all([store.read(SEARCH_NAMED, { q }), store.read(SEARCH_TITLED, { q })]);
  const score = (names: string[]) => {
    const lower = names.map((n) => n.toLowerCase());
    if (lower.includes(q)) return 0;
    if (lower.some((n) => n.startsWith(q))) return 1;
    if (lower.some((n) => n.split(/[\s\-_.,()]+/).some((w) => w.startsWith(q)))) return 2;
    return 3;
  };
  return [...named, ...titled]
    .map((r) => {
      const names = [String(r.name), ...((r.aliases as string[] | undefined) ?? [])];
      return { id: String(r.id), label: r.label as NodeLabel, name: String(r.name), score: score(names) };
    })
    .sort((a, b) => a.score - b.score || (LABEL_RANK[a.label] ?? 9) - (LABEL_RANK[b.label] ?? 9) || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
    .slice(0, first)
    .map(({ id, label }) => ({ id, label }));
}
