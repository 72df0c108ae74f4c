/**
 * Search over names, titles and aliases. LadybugDB's full-text extension cannot be installed
 * here (dialect report 1.7), so both engines use the portable case-insensitive CONTAINS, and
 * ranking happens here: exact name or alias, then prefix, then substring; organizations first.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import { SEARCH_NAMED, SEARCH_TITLED } from '../queries/question-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

const LABEL_RANK: Partial<Record<NodeLabel, number>> = { Organization: 0, Chip: 1, CloudService: 2, Deal: 3, Exclusivity: 4 };

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
