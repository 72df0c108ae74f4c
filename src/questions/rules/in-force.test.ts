import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../../model/graph-model.ts';
import { NODE_STATEMENTS } from '../../queries/model-statements.ts';
import type { GraphStore, Query } from '../../store/graph-store.ts';
import { openStore } from '../../store/open-store.ts';
import { inForceCypher, isInForce, whenParams } from './in-force.ts';

/** Days counted from an origin; the span crosses a month end, a year end and 2024-02-29. */
const ORIGIN = Date.UTC(2023, 11, 20);
const LAST_DAY = 80;
const iso = (day: number) => new Date(ORIGIN + day * 86_400_000).toISOString().slice(0, 10);

interface Fact {
  announced: number;
  ended: number | null;
  retracted: number | null;
  /** The day its first source appeared, and the day the record learnt of its end (null: use the end date). */
  known: number;
  endKnown: number | null;
}
const day = fc.integer({ min: 0, max: LAST_DAY });
const fact: fc.Arbitrary<Fact> = fc.record({
  announced: day,
  ended: fc.option(day, { nil: null }),
  retracted: fc.option(day, { nil: null }),
  known: day,
  endKnown: fc.option(day, { nil: null }),
});
const opt = (d: number | null) => (d === null ? null : iso(d));
const dated = (f: Fact) => ({
  announcedOn: iso(f.announced),
  endedOn: opt(f.ended),
  retractedOn: opt(f.retracted),
  knownSince: iso(f.known),
  endKnownSince: f.ended === null ? null : opt(f.endKnown),
});

/** The reference: the days a fact holds, listed one by one, as known on `knownOn` (none once it is retracted). */
function daysInForce(f: Fact, knownOn: number = Number.POSITIVE_INFINITY): Set<number> {
  const days = new Set<number>();
  if (f.retracted !== null || f.known > knownOn) return days;
  const endKnown = f.ended === null ? null : (f.endKnown ?? f.ended);
  const end = f.ended !== null && endKnown! <= knownOn ? f.ended : LAST_DAY + 1;
  for (let d = f.announced; d < end; d++) days.add(d);
  return days;
}

describe('the in-force rule in memory', () => {
  it('holds on exactly the days from the announcement up to the day before the end, unless retracted', () => {
    fc.assert(
      fc.property(fact, day, (f, asOf) => {
        expect(isInForce(dated(f), iso(asOf))).toBe(daysInForce(f).has(asOf));
      }),
      { numRuns: 2000 },
    );
  });

  it('on the record clock: unknown before its first source, and not ended before the record knew of the end', () => {
    fc.assert(
      fc.property(fact, day, day, (f, asOf, knownOn) => {
        expect(isInForce(dated(f), iso(asOf), iso(knownOn))).toBe(daysInForce(f, knownOn).has(asOf));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds on the announcement day and not on the end day', () => {
    expect(isInForce({ announcedOn: '2024-02-29', endedOn: '2024-03-01' }, '2024-02-29')).toBe(true);
    expect(isInForce({ announcedOn: '2024-02-29', endedOn: '2024-03-01' }, '2024-03-01')).toBe(false);
    expect(isInForce({ announcedOn: '2024-02-29', endedOn: null }, '2024-02-28')).toBe(false);
  });

  it('never holds once retracted, even before the retraction date', () => {
    expect(isInForce({ announcedOn: '2024-01-01', endedOn: null, retractedOn: '2025-01-01' }, '2024-06-01')).toBe(false);
  });

  it('treats an absent end date as open-ended', () => {
    expect(isInForce({ announcedOn: '2024-01-01' }, '9999-12-31')).toBe(true);
  });
});

describe('the in-force rule as Cypher, on LadybugDB', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ store: { engine: 'ladybug', path: ':memory:' }, queryTimeoutMs: 10_000 });
    await store.bootstrap();
  });
  afterAll(() => store?.close());

  const IN_FORCE: Query = { name: 'test.inForce', cypher: `MATCH (d:Deal) WHERE ${inForceCypher('d')} RETURN d.id AS id` };
  const dealRow = (id: string, f: Fact) => ({
    ...Object.fromEntries(Object.keys(NODE_TYPES.Deal.properties).map((k) => [k, null])),
    id,
    title: id,
    kind: 'equity_investment',
    status: 'announced',
    summary: id,
    ...dated(f),
  });

  it('selects the same deals as the in-memory rule and the reference, around every boundary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 8 }), async (facts) => {
        const ids = facts.map((_, i) => `deal-${i}`);
        await store.write(NODE_STATEMENTS.Deal.upsert, { rows: facts.map((f, i) => dealRow(ids[i]!, f)) });
        try {
          const boundaries = facts.flatMap((f) => [f.announced, f.ended, f.retracted, f.known, f.endKnown]).filter((d): d is number => d !== null);
          const days = [...new Set(boundaries.flatMap((d) => [d - 1, d, d + 1]))].filter((d) => d >= 0 && d <= LAST_DAY);
          for (const asOf of days) {
            for (const knownOn of [null, ...days.filter((_, i) => i % 3 === 0)]) {
              const found = (await store.read(IN_FORCE, whenParams({ asOf: iso(asOf), knownOn: knownOn === null ? null : iso(knownOn) })))
                .map((r) => String(r.id))
                .sort();
              const inMemory = ids.filter((_, i) => isInForce(dated(facts[i]!), iso(asOf), knownOn === null ? null : iso(knownOn)));
              const reference = ids.filter((_, i) => daysInForce(facts[i]!, knownOn ?? Number.POSITIVE_INFINITY).has(asOf));
              expect(found, `asOf ${iso(asOf)} knownOn ${knownOn}`).toEqual(reference);
              expect(inMemory).toEqual(reference);
            }
          }
        } finally {
          await store.write(NODE_STATEMENTS.Deal.delete, { ids });
        }
      }),
      { numRuns: 25 },
    );
  });
});
