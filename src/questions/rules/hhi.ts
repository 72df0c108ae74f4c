/**
 * The Herfindahl-Hirschman index of a market: the sum of the squared market shares in percent,
 * from near 0 (many small suppliers) to 10,000 (one supplier). Competition authorities read
 * above 2,500 as highly concentrated.
 */

/** The index of `shares` (fractions of the whole, summing to 1), rounded to two decimals. */
export function herfindahlIndex(shares: readonly number[]): number {
  const hhi = shares.reduce((n, share) => n + (share * 100) ** 2, 0);
  return Math.round(hhi * 100) / 100;
}
