/**
 * The two clocks of a dated, sourced fact (a deal or an exclusivity):
 * - `asOf` (valid time): how the fact stood in the world that day;
 * - `knownOn` (record time): what the public record said by that day, i.e. only the fact, the
 *   status changes and the figures whose sources were published by then.
 *
 * A fact's status on a day is the last status-history entry dated on or before it (among the
 * entries known by `knownOn`, when given). Before its first entry, or for a fact recorded
 * without a history, the status is the current one if that status was reached by then (a live
 * status, or an ended one from its end date on), and otherwise `announced`: all that the
 * record says of that day is that the fact had been announced. Before its announcement a fact
 * has no status (it does not exist yet).
 */
import { ENDED_STATUSES, type Status } from '../../model/vocabulary.ts';

export interface DatedEntry {
  readonly status: Status;
  /** The day of the change. */
  readonly on: string;
  /** The day its first source was published (when the public record learned of it). */
  readonly knownOn?: string | null;
}

export interface DatedFact {
  readonly status: Status;
  readonly announcedOn: string;
  readonly endedOn?: string | null;
  /** In order of `on` (the record's rule). */
  readonly history: readonly DatedEntry[];
  /** The day its first source was published. */
  readonly knownOn?: string | null;
}

const isEnded = (s: Status) => (ENDED_STATUSES as readonly string[]).includes(s);

/** Whether the public record knew of it by `knownOn` (always, without a `knownOn`). */
export function knownBy(firstPublished: string | null | undefined, knownOn: string | null | undefined): boolean {
  return !knownOn || !firstPublished || firstPublished <= knownOn;
}

/** The fact's status on `asOf`, as the record stood on `knownOn`; null before it was announced or known. */
export function statusOn(fact: DatedFact, asOf: string, knownOn?: string | null): Status | null {
  if (asOf < fact.announcedOn || !knownBy(fact.knownOn, knownOn)) return null;
  const known = knownOn ? fact.history.filter((e) => knownBy(e.knownOn, knownOn)) : fact.history;
  let last: DatedEntry | undefined;
  for (const e of known) if (e.on <= asOf) last = e;
  if (last) return last.status;
  // Nothing in the history by that day: the current status if it already held, else "announced".
  if (known.length === 0 && fact.history.length === 0) {
    if (!isEnded(fact.status)) return fact.status;
    return fact.endedOn && fact.endedOn <= asOf ? fact.status : 'announced';
  }
  return 'announced';
}
