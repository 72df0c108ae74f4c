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
 */
import { CONFIDENCES, type Confidence, type SourceTier, type Status } from '../../model/vocabulary.ts';

export interface GradedSource {
  readonly publisher: string;
  readonly tier?: SourceTier | null;
}

/** The confidence of a fact reported by `sources` with `status`. */
export function confidenceOf(sources: readonly GradedSource[], status?: Status | null): Confidence {
  let level: Confidence = 'low';
  if (sources.some((s) => s.tier === 'primary')) level = 'high';
  else {
    const press = new Set(sources.filter((s) => s.tier === 'press').map((s) => s.publisher.trim().toLowerCase()));
    if (press.size >= 2) level = 'high';
    else if (press.size === 1) level = 'medium';
  }
  return status === 'reported' && level === 'high' ? 'medium' : level;
}

/** Whether `level` is at least `min` (low < medium < high); no minimum lets everything through. */
export function meetsConfidence(level: Confidence, min?: Confidence | null): boolean {
  return !min || CONFIDENCES.indexOf(level) >= CONFIDENCES.indexOf(min);
}
