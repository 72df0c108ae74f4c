/** Calendar days as integers (days since 1970-01-01), and their `YYYY-MM-DD` form, cached. */
const cache = new Map<number, string>();

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) cache.set(day, (s = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  return s;
}
