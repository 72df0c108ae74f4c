/**
 * When a fact (a deal or an exclusivity) holds on a date: announced by then, not ended by then
 * (it ends at the start of its end date), and never retracted. A retraction removes the fact from
 * every date, since it says the fact never held. This file is the one definition: the Cypher
 * predicate the statements embed and the in-memory test for rows already read say the same thing
 * (`in-force.test.ts` checks both against a reference, the Cypher one on LadybugDB).
 */

/** The dates of a fact, as rows carry them (`YYYY-MM-DD` strings; null or absent when unset). */
export interface Dated {
  readonly announcedOn: string;
  readonly endedOn?: string | null;
  readonly retractedOn?: string | null;
}

/** True when the fact holds on `asOf` (`YYYY-MM-DD`; such strings order as the dates do). */
export function isInForce(fact: Dated, asOf: string): boolean {
  return fact.announcedOn <= asOf && (fact.endedOn == null || fact.endedOn > asOf) && fact.retractedOn == null;
}

/** The same rule as a Cypher predicate on the node bound to `v`, for the date parameter `$asOf`. */
export function inForceCypher(v: string): string {
  return `${v}.announcedOn <= date($asOf) AND (${v}.endedOn IS NULL OR ${v}.endedOn > date($asOf)) AND ${v}.retractedOn IS NULL`;
}
