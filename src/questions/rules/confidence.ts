/**
 * How far a fact can be trusted, from the sources that report it (each graded by tier):
 *
 * - high: at least one primary source (the parties' own release, filing or blog), or press
 *   reports from at least two different publishers (independent reporting agrees);
 * - medium: press reporting from one publisher;
 * - low: only secondary sources (syndication, aggregators, blogs), or sources not yet graded.
 *
 * A fact whose status is `reported` (the press says agreed, the parties never confirmed) is at
 * most medium whatever its sources: by definition no party confirmed it.
 *
 * The write path stores the level on the fact (`confidence`, derived like `knownSince`) with the
 * Cypher below, so questions filter on a property; `confidenceOf` says the same in JavaScript
 * for facts held in memory, and a test holds the two to each other on the seeds.
 */
import { CONFIDENCES, type Confidence, type SourceTier, type Status } from '../../model/vocabulary.ts';

/** Press reports from this many different publishers count as independent confirmation. */
const PRESS_PUBLISHERS_FOR_HIGH = 2;

/** A publisher's name as compared: two spellings of one outlet are one publisher. */
const samePublisher = (p: string) => p.trim().toLowerCase();

export interface GradedSource {
  readonly publisher: string;
  readonly tier?: SourceTier | null;
}

/** The confidence of a fact reported by `sources` with `status`. */
export function confidenceOf(sources: readonly GradedSource[], status?: Status | null): Confidence {
  let level: Confidence = 'low';
  if (sources.some((s) => s.tier === 'primary')) level = 'high';
  else {
    const press = new Set(sources.filter((s) => s.tier === 'press').map((s) => samePublisher(s.publisher)));
    if (press.size >= PRESS_PUBLISHERS_FOR_HIGH) level = 'high';
    else if (press.size === 1) level = 'medium';
  }
  return status === 'reported' && level === 'high' ? 'medium' : level;
}

/** Whether `level` is at least `min` (low < medium < high); no minimum lets everything through. */
export function meetsConfidence(level: Confidence, min?: Confidence | null): boolean {
  return !min || CONFIDENCES.indexOf(level) >= CONFIDENCES.indexOf(min);
}

/**
 * The rule as Cypher, after a MATCH binding the fact to `f` and each of its sources to `s`: sets
 * `f.confidence`. (`prim`, not `primary`: a keyword on LadybugDB.)
 */
export const SET_CONFIDENCE_CYPHER =
  "WITH f, max(CASE WHEN s.tier = 'primary' THEN 1 ELSE 0 END) AS prim, " +
  "count(DISTINCT CASE WHEN s.tier = 'press' THEN toLower(trim(s.publisher)) ELSE NULL END) AS press " +
  `SET f.confidence = CASE WHEN prim = 1 OR press >= ${PRESS_PUBLISHERS_FOR_HIGH} THEN (CASE WHEN f.status = 'reported' THEN 'medium' ELSE 'high' END) ` +
  "WHEN press >= 1 THEN 'medium' ELSE 'low' END";

/** The levels at least `min` (every level without one): the `$confidences` of a statement. */
export function confidencesFrom(min?: Confidence | null): Confidence[] {
  return CONFIDENCES.slice(min ? CONFIDENCES.indexOf(min) : 0);
}
