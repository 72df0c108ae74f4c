/** Keeps one copy of each distinct string: the read models hold millions of repeated days, kinds and statuses. */
export class Strings {
  private readonly seen = new Map<string, string>();
  of(v: unknown): string | null {
    if (v == null) return null;
    const s = String(v);
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    this.seen.set(s, s);
    return s;
  }
}
