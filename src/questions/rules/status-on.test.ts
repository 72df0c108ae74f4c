import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../model/vocabulary.ts';
import { knownBy, statusOn, type DatedFact } from './status-on.ts';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: 60 }).map(day);
const statusArb = fc.constantFrom(...STATUSES);

/** Random facts whose history is in date order, each entry known some days after it happened. */
const factArb = fc
  .record({
    announced: fc.integer({ min: 0, max: 20 }),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 10 }), status: statusArb, lag: fc.integer({ min: 0, max: 15 }) }), { maxLength: 5 }),
    current: statusArb,
    end: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    lag: fc.integer({ min: 0, max: 15 }),
  })
  .map(({ announced, steps, current, end, lag }): DatedFact => {
    let at = announced;
    const history = steps.map((s) => {
      at += s.gap;
      return { status: s.status, on: day(at), knownOn: day(at + s.lag) };
    });
    const status = history.at(-1)?.status ?? current;
    return { status, announcedOn: day(announced), endedOn: end === undefined ? null : day(announced + end), history, knownOn: day(announced + lag) };
  });

/** The rule spelt out day by day: replay the known entries up to the day. */
function reference(fact: DatedFact, asOf: string, knownOn: string | null): Status | null {
  if (asOf < fact.announcedOn) return null;
  if (knownOn && fact.knownOn && fact.knownOn > knownOn) return null;
  const known = fact.history.filter((e) => !knownOn || !e.knownOn || e.knownOn <= knownOn);
  const upTo = known.filter((e) => e.on <= asOf);
  if (upTo.length) return upTo[upTo.length - 1]!.status;
  if (fact.history.length) return 'announced';
  const ended = ['expired', 'terminated', 'superseded', 'called_off'].includes(fact.status);
  if (!ended) return fact.status;
  return fact.endedOn && fact.endedOn <= asOf ? fact.status : 'announced';
}

describe('statusOn', () => {
  it('agrees with the day-by-day reference for random histories, days and known-on dates', () => {
    fc.assert(
      fc.property(factArb, dayArb, fc.option(dayArb, { nil: null }), (fact, asOf, knownOn) => statusOn(fact, asOf, knownOn) === reference(fact, asOf, knownOn)),
      { numRuns: 2000 },
    );
  });

  it('never gives a status before the announcement, nor before the record knew of the fact', () => {
    fc.assert(
      fc.property(factArb, dayArb, fc.option(dayArb, { nil: null }), (fact, asOf, knownOn) => {
        const s = statusOn(fact, asOf, knownOn);
        if (asOf < fact.announcedOn) return s === null;
        if (!knownBy(fact.knownOn, knownOn)) return s === null;
        return s !== null;
      }),
    );
  });

  it("gives today's status on a day after the last entry, when every entry is known", () => {
    fc.assert(
      fc.property(factArb, (fact) => {
        const last = fact.history.at(-1);
        return !last || statusOn(fact, day(200), null) === fact.status;
      }),
    );
  });

  it('shows an exclusivity active before its termination and terminated after', () => {
    const fact: DatedFact = {
      status: 'terminated',
      announcedOn: '2019-07-22',
      endedOn: '2026-02-27',
      knownOn: '2019-07-22',
      history: [
        { status: 'active', on: '2019-07-22', knownOn: '2019-07-22' },
        { status: 'terminated', on: '2026-02-27', knownOn: '2026-02-27' },
      ],
    };
    expect(statusOn(fact, '2025-12-17')).toBe('active');
    expect(statusOn(fact, '2026-03-01')).toBe('terminated');
    // Known on a day before the termination was reported, it was still active whatever the day asked.
    expect(statusOn(fact, '2026-03-01', '2026-01-01')).toBe('active');
    expect(statusOn(fact, '2019-01-01')).toBeNull();
  });
});
