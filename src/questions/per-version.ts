/** A value computed at most once per graph version, recomputed after a write. */
export class PerVersion<T> {
  private cached: { version: number; value: Promise<T> } | null = null;
  constructor(
    private readonly version: () => number,
    private readonly compute: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    const v = this.version();
    if (!this.cached || this.cached.version !== v) {
      const value = this.compute();
      this.cached = { version: v, value };
      // A failed computation is not kept: the next call tries again.
      value.catch(() => {
        if (this.cached?.value === value) this.cached = null;
      });
    }
    return this.cached.value;
  }
}
