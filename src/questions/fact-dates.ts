/**
 * The dates and confidence of facts held by a read model: the columns the in-force rule
 * (rules/in-force.ts) reads, one row per fact, each distinct string kept once. The supply graph
 * and the view graph both hold their facts' dates here.
 */
import type { Confidence } from '../model/vocabulary.ts';
import type { Row } from '../store/graph-store.ts';
import type { Strings } from './interned-strings.ts';
import type { Dated } from './rules/in-force.ts';

/** The properties a statement returns (under the same names) for `FactDates.push`. */
export const DATED_COLUMNS = ['announcedOn', 'endedOn', 'retractedOn', 'knownSince', 'endKnownSince', 'confidence'] as const;

export class FactDates {
  private readonly columns = Object.fromEntries(DATED_COLUMNS.map((c) => [c, [] as (string | null)[]])) as Record<
    (typeof DATED_COLUMNS)[number],
    (string | null)[]
  >;

  /** Adds the fact of `row` and returns its row number. */
  push(row: Row, strings: Strings): number {
    for (const c of DATED_COLUMNS) this.columns[c].push(strings.of(row[c]));
    return this.columns.announcedOn.length - 1;
  }

  /** Fact `f` as the in-force rule reads it. */
  dated(f: number): Dated {
    const c = this.columns;
    return {
      announcedOn: c.announcedOn[f]!,
      endedOn: c.endedOn[f],
      retractedOn: c.retractedOn[f],
      knownSince: c.knownSince[f],
      endKnownSince: c.endKnownSince[f],
      confidence: c.confidence[f] as Confidence | null,
    };
  }
}
