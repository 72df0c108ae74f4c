/**
 * The status on a day and the confidence of dated facts (deals, exclusivities, channels,
 * restrictions), read in two statements per label for a whole answer: the sources each fact
 * cites (publisher and tier, for the confidence rule) and its status history (for the status-on
 * rule). On the `knownOn` clock a source published after that day does not count yet.
 */
import type { Confidence, SourceTier, Status } from '../model/vocabulary.ts';
import type { FactLabel } from '../queries/import-statements.ts';
import { childIndex } from '../records/records-to-graph.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { confidenceOf } from './rules/confidence.ts';
import type { When } from './rules/in-force.ts';
import { statusOn } from './rules/status-on.ts';

const LABELS = ['Deal', 'Exclusivity', 'Channel', 'Restriction'] as const satisfies readonly FactLabel[];

/** `$ids`: facts of the label; each with the sources it cites. */
export const FACT_SOURCES = Object.fromEntries(
  LABELS.map((label) => [
    label,
    {
      name: `q.facts.sources${label}`,
      cypher: `UNWIND $ids AS id MATCH (f:${label} {id: id})-[:CITES]->(s:Source) RETURN f.id AS fact, s.id AS source, s.publisher AS publisher, s.tier AS tier, s.publishedOn AS publishedOn`,
    },
  ]),
) as Record<FactLabel, Query>;

/** `$ids`: facts of the label; each with its status history and the day each entry became known. */
export const FACT_HISTORIES = Object.fromEntries(
  LABELS.map((label) => [
    label,
    {
      name: `q.facts.histories${label}`,
      cypher: `UNWIND $ids AS id MATCH (f:${label} {id: id})-[:HAS_STATUS]->(e:StatusEntry) RETURN f.id AS fact, e.id AS entry, e.status AS status, e.changedOn AS changedOn, e.knownSince AS knownSince`,
    },
  ]),
) as Record<FactLabel, Query>;

export const FACT_GRADE_STATEMENTS: readonly Query[] = [...Object.values(FACT_SOURCES), ...Object.values(FACT_HISTORIES)];

export interface FactGrade {
  /** Its status on the day asked (today's when the record did not hold it then). */
  status: Status;
  confidence: Confidence;
  /** The sources known by the day asked, by id. */
  sourceIds: string[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Grades the facts `rows` (each with `id`, `status`, `announcedOn`, `endedOn`, `knownSince`) of one label on `when`. */
export async function gradeFacts(store: GraphStore, label: FactLabel, rows: readonly Row[], when: When): Promise<Map<string, FactGrade>> {
  const out = new Map<string, FactGrade>();
  if (!rows.length) return out;
  const ids = [...new Set(rows.map((r) => String(r.id)))];
  const [sources, histories] = await Promise.all([store.read(FACT_SOURCES[label], { ids }), store.read(FACT_HISTORIES[label], { ids })]);
  const sourcesOf = new Map<string, { id: string; publisher: string; tier: SourceTier | null }[]>();
  for (const s of sources) {
    if (when.knownOn && String(s.publishedOn) > when.knownOn) continue;
    const list = sourcesOf.get(String(s.fact)) ?? [];
    list.push({ id: String(s.source), publisher: String(s.publisher), tier: (s.tier as SourceTier | null) ?? null });
    sourcesOf.set(String(s.fact), list);
  }
  const historyOf = new Map<string, { entry: string; status: Status; on: string; knownOn: string | null }[]>();
  for (const h of histories) {
    const list = historyOf.get(String(h.fact)) ?? [];
    list.push({ entry: String(h.entry), status: h.status as Status, on: String(h.changedOn), knownOn: str(h.knownSince) });
    historyOf.set(String(h.fact), list);
  }
  for (const r of rows) {
    const id = String(r.id);
    const history = (historyOf.get(id) ?? []).sort((a, b) => childIndex(a.entry) - childIndex(b.entry));
    const status =
      statusOn(
        { status: r.status as Status, announcedOn: String(r.announcedOn), endedOn: str(r.endedOn), knownOn: str(r.knownSince), history },
        when.asOf,
        when.knownOn,
      ) ?? (r.status as Status);
    const cited = sourcesOf.get(id) ?? [];
    out.set(id, { status, confidence: confidenceOf(cited, status), sourceIds: cited.map((s) => s.id).sort() });
  }
  return out;
}
