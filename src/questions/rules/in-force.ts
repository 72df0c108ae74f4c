/**
 * When a fact (a deal or an exclusivity) holds, on the two clocks:
 * - `asOf` (valid time): announced by then, not ended by then (it ends at the start of its end
 *   date), and never retracted (a retraction says the fact never held, so it leaves every date);
 * - `knownOn` (record time, optional): the public record knew of the fact by then (its earliest
 *   source was published, `knownSince`); an end the record did not know of yet (`endKnownSince`,
 *   else the end date itself) does not end it on that clock.
 * - `minConfidence` (optional): only facts at least that trusted (rules/confidence.ts) count.
 * This file is the one definition: the Cypher predicate the statements embed and the in-memory
 * test for rows already read say the same thing (`in-force.test.ts` checks both against a
 * reference, the Cypher one on LadybugDB).
 */

import type { Confidence } from '../../model/vocabulary.ts';
import { confidencesFrom, meetsConfidence } from './confidence.ts';

/** The dates of a fact, as rows carry them (`YYYY-MM-DD` strings; null or absent when unset). */
export interface Dated {
  readonly confidence?: Confidence | null;
  readonly announcedOn: string;
  readonly endedOn?: string | null;
  readonly retractedOn?: string | null;
  readonly knownSince?: string | null;
  readonly endKnownSince?: string | null;
}

/** The day a question is asked about, on both clocks. */
export interface When {
  readonly asOf: string;
  /** What the public record said by this day; absent: everything recorded today. */
  readonly knownOn?: string | null;
  /** Only facts at least this trusted; absent: every fact. */
  readonly minConfidence?: Confidence | null;
}

/** The `knownOn` of "everything recorded": a day after any source. */
export const LATEST_DAY = '9999-12-31';

/**
 * The statement parameters of a `When` (`$asOf`, `$knownOn`, `$confidences`; never null:
 * LadybugDB cannot type a null date, and the list of levels is never empty).
 */
export const whenParams = (w: When) => ({ asOf: w.asOf, knownOn: w.knownOn ?? LATEST_DAY, confidences: confidencesFrom(w.minConfidence) });

/** True when the fact holds on `asOf` as the record stood on `knownOn` (`YYYY-MM-DD` strings order as the dates do), trusted at least `minConfidence`. */
export function isInForce(fact: Dated, asOf: string, knownOn?: string | null, minConfidence?: Confidence | null): boolean {
  const known = knownOn ?? LATEST_DAY;
  if (!isConfident(fact, minConfidence)) return false;
  if (fact.retractedOn != null || fact.announcedOn > asOf) return false;
  if (!isKnownBy(fact, known)) return false;
  return fact.endedOn == null || fact.endedOn > asOf || (fact.endKnownSince ?? fact.endedOn) > known;
}

/** Whether the public record knew of the fact by `knownOn` (always, without one). */
export function isKnownBy(fact: Dated, knownOn?: string | null): boolean {
  return (fact.knownSince ?? fact.announcedOn) <= (knownOn ?? LATEST_DAY);
}

/** Whether the fact is trusted at least `min` (a fact not yet graded counts as low). */
export function isConfident(fact: Dated, min?: Confidence | null): boolean {
  return meetsConfidence(fact.confidence ?? 'low', min);
}

/** `isConfident` as a Cypher predicate on `v`, for `$confidences` (every level when none was asked). */
export function confidentCypher(v: string): string {
  return `coalesce(${v}.confidence, 'low') IN $confidences`;
}

/** `isKnownBy` as a Cypher predicate on `v`, for `$knownOn` (LATEST_DAY when none was asked). */
export function knownByCypher(v: string): string {
  return `coalesce(${v}.knownSince, ${v}.announcedOn) <= date($knownOn)`;
}

/**
 * The same rule as a Cypher predicate on the node bound to `v`, for the parameters `$asOf`,
 * `$knownOn` and `$confidences`. A statement that matches further from `v` after this filter
 * passes `v` through `WITH` first (docs/ladybug-traps.md#a-date-filter-before-a-second-match).
 */
export function inForceCypher(v: string): string {
  return (
    `${v}.announcedOn <= date($asOf) AND ${knownByCypher(v)} AND ${confidentCypher(v)} ` +
    `AND (${v}.endedOn IS NULL OR ${v}.endedOn > date($asOf) OR coalesce(${v}.endKnownSince, ${v}.endedOn) > date($knownOn)) ` +
    `AND ${v}.retractedOn IS NULL`
  );
}
