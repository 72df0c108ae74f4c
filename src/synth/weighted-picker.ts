/**
 * Picks members of a pool with power-law (Zipf) weights: the member of global rank r weighs
 * (r + 1)^-exponent. A few hubs take a large share and most members very little, which is
 * the degree shape of real deal graphs. Cumulative weights and a binary search: O(log n).
 */
import type { Rng } from './prng.ts';

export class WeightedPicker {
  private readonly cumulative: Float64Array;
  readonly size: number;

  constructor(
    private readonly members: Int32Array,
    weightOf: (member: number) => number,
  ) {
    this.size = members.length;
    this.cumulative = new Float64Array(members.length);
    let total = 0;
    for (let i = 0; i < members.length; i++) this.cumulative[i] = total += weightOf(members[i]!);
  }

  static zipf(members: readonly number[], exponent: number): WeightedPicker {
    return new WeightedPicker(Int32Array.from(members), (rank) => (rank + 1) ** -exponent);
  }

  pick(rng: Rng): number {
    const total = this.cumulative[this.size - 1]!;
    const r = rng.next() * total;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.members[lo]!;
  }

  /** `n` distinct members (n is small next to the pool); fewer when the pool is smaller. */
  pickDistinct(rng: Rng, n: number, exclude: ReadonlySet<number> = new Set()): number[] {
    const out: number[] = [];
    const seen = new Set(exclude);
    for (let tries = 0; out.length < n && tries < n * 20; tries++) {
      const m = this.pick(rng);
      if (!seen.has(m)) {
        seen.add(m);
        out.push(m);
      }
    }
    return out;
  }
}
