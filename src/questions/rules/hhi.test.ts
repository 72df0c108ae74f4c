import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { herfindahlIndex } from './hhi.ts';

/** Committed dollars of one to twelve suppliers, each known and positive. */
const amounts = fc.array(fc.integer({ min: 1, max: 10 ** 11 }), { minLength: 1, maxLength: 12 });
const sharesOf = (xs: readonly number[]) => {
  const total = xs.reduce((n, x) => n + x, 0);
  return xs.map((x) => x / total);
};

describe('the Herfindahl-Hirschman index', () => {
  it('is 10,000 times the sum of squared amounts over the squared total (the reference), to two decimals', () => {
    fc.assert(
      fc.property(amounts, (xs) => {
        const total = xs.reduce((n, x) => n + x, 0);
        const reference = (10_000 * xs.reduce((n, x) => n + (x / total) * x, 0)) / total;
        expect(Math.abs(herfindahlIndex(sharesOf(xs)) - reference)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('lies between 10,000 / n and 10,000 for n suppliers', () => {
    fc.assert(
      fc.property(amounts, (xs) => {
        const hhi = herfindahlIndex(sharesOf(xs));
        expect(hhi).toBeGreaterThanOrEqual(10_000 / xs.length - 0.005);
        expect(hhi).toBeLessThanOrEqual(10_000 + 0.005);
      }),
    );
  });

  it('does not depend on the order of the suppliers', () => {
    fc.assert(
      fc.property(
        amounts.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
        ([xs, shuffled]) => {
          expect(herfindahlIndex(sharesOf(shuffled))).toBeCloseTo(herfindahlIndex(sharesOf(xs)), 1);
        },
      ),
    );
  });

  it('is 10,000 for a single supplier and 10,000 / n for n equal ones', () => {
    expect(herfindahlIndex([1])).toBe(10_000);
    expect(herfindahlIndex([0.25, 0.25, 0.25, 0.25])).toBe(2_500);
    expect(herfindahlIndex([0.5, 0.3, 0.2])).toBe(3_800);
  });

  it('is 0 for no suppliers', () => {
    expect(herfindahlIndex([])).toBe(0);
  });
});
