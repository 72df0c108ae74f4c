import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAmounts, totalsByParty, type PartyAmountRow } from './commitments.ts';

const DEALS = ['d1', 'd2', 'd3', 'd4'];
const PARTIES = ['p1', 'p2', 'p3', 'p4'];
/** Whole dollars, so sums do not depend on the order of addition. */
const amount = fc.option(fc.integer({ min: 0, max: 10 ** 12 }), { nil: null });

/** Rows of up to four deals, each deal with one headline amount; a party may appear twice in a deal. */
const rows: fc.Arbitrary<PartyAmountRow[]> = fc
  .record({
    headlines: fc.array(amount, { minLength: DEALS.length, maxLength: DEALS.length }),
    parts: fc.array(fc.record({ deal: fc.integer({ min: 0, max: DEALS.length - 1 }), party: fc.constantFrom(...PARTIES), partyAmountUsd: amount }), {
      maxLength: 14,
    }),
  })
  .map(({ headlines, parts }) =>
    parts.map((p) => ({ deal: DEALS[p.deal]!, party: p.party, partyAmountUsd: p.partyAmountUsd, dealAmountUsd: headlines[p.deal]! })),
  );

/** The reference, straight from the rule's wording, one deal and one party at a time. */
function referenceSplit(input: readonly PartyAmountRow[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const deal of new Set(input.map((r) => r.deal))) {
    const ofDeal = input.filter((r) => r.deal === deal);
    const parties = [...new Set(ofDeal.map((r) => r.party))];
    out[deal] = {};
    for (const party of parties) {
      const own = ofDeal.filter((r) => r.party === party && r.partyAmountUsd !== null).map((r) => r.partyAmountUsd!);
      out[deal][party] = own.length > 0 ? Math.max(...own) : parties.length === 1 ? ofDeal[0]!.dealAmountUsd : null;
    }
  }
  return out;
}

function referenceTotals(input: readonly PartyAmountRow[]): Record<string, number | null> {
  const split = referenceSplit(input);
  const out: Record<string, number | null> = {};
  for (const party of new Set(input.map((r) => r.party))) {
    const known = Object.values(split)
      .map((parties) => parties[party])
      .filter((a): a is number => a !== undefined && a !== null);
    out[party] = known.length ? known.reduce((n, a) => n + a, 0) : null;
  }
  return out;
}

const plain = (split: Map<string, Map<string, number | null>>) => Object.fromEntries([...split].map(([deal, parties]) => [deal, Object.fromEntries(parties)]));

describe('the commitments split', () => {
  it('matches the reference for any rows', () => {
    fc.assert(
      fc.property(rows, (input) => {
        expect(plain(splitAmounts(input))).toEqual(referenceSplit(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        rows.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input, { minLength: input.length }))),
        ([input, shuffled]) => {
          expect(plain(splitAmounts(shuffled))).toEqual(plain(splitAmounts(input)));
        },
      ),
    );
  });

  it('totals each party over its deals, null when no amount of it is known', () => {
    fc.assert(
      fc.property(rows, (input) => {
        expect(Object.fromEntries(totalsByParty(splitAmounts(input)))).toEqual(referenceTotals(input));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives a round's headline amount to its only investor", () => {
    const split = splitAmounts([{ deal: 'round', party: 'amazon', partyAmountUsd: null, dealAmountUsd: 4e9 }]);
    expect(split.get('round')?.get('amazon')).toBe(4e9);
  });

  it("never hands a shared round's headline amount to each investor", () => {
    const split = splitAmounts([
      { deal: 'round', party: 'microsoft', partyAmountUsd: null, dealAmountUsd: 6.6e9 },
      { deal: 'round', party: 'nvidia', partyAmountUsd: 1e8, dealAmountUsd: 6.6e9 },
    ]);
    expect(Object.fromEntries(split.get('round')!)).toEqual({ microsoft: null, nvidia: 1e8 });
    expect(Object.fromEntries(totalsByParty(split))).toEqual({ microsoft: null, nvidia: 1e8 });
  });

  it('counts a party with two paying roles in one deal once, at its larger amount', () => {
    const split = splitAmounts([
      { deal: 'd', party: 'google', partyAmountUsd: 2e9, dealAmountUsd: 3e9 },
      { deal: 'd', party: 'google', partyAmountUsd: 1e9, dealAmountUsd: 3e9 },
    ]);
    expect(split.get('d')?.get('google')).toBe(2e9);
  });
});
