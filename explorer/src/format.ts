/** Display helpers: amounts, dates, enum values. */

const UNITS: [number, string][] = [
  [1e12, 'tn'],
  [1e9, 'bn'],
  [1e6, 'm'],
  [1e3, 'k'],
];

/** 300000000000 → "$300bn", 1.5e9 → "$1.5bn". */
export function formatUsd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  for (const [size, unit] of UNITS) {
    if (Math.abs(amount) >= size) {
      const v = amount / size;
      return `$${v >= 100 ? Math.round(v) : Number(v.toPrecision(3))}${unit}`;
    }
  }
  return `$${amount}`;
}

const QUALIFIER: Record<string, string> = { EXACT: '', UP_TO: 'up to ', AT_LEAST: 'at least ', APPROX: '≈' };

/** An amount with its qualifier: "up to $50bn", "≈$300bn". */
export function formatAmount(amount: number | null | undefined, qualifier?: string | null): string {
  if (amount === null || amount === undefined) return '—';
  return `${QUALIFIER[qualifier ?? 'EXACT'] ?? ''}${formatUsd(amount)}`;
}

/** AI_LAB → "AI lab", OWN_API → "Own API", CALLED_OFF → "Called off". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().split('_');
  return words
    .map((w) => (w === 'ai' || w === 'api' || w === 'gpu' || w === 'tpu' || w === 'asic' || w === 'cpu' || w === 'lpu' ? w.toUpperCase() : w))
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());
}

/** Today as YYYY-MM-DD (UTC, like the server). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

const DAY = 86_400_000;
export const isoToDay = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const dayToIso = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-09-10" → "10 Sep 2025" (the same in every locale). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Shortens a label to `max` characters, on a word boundary when it can. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * The day a view is as of, said the same way everywhere (slider, status line, answers, legend):
 * "17 Dec 2025", or "today, 6 Dec 2026" when no day is chosen; with the record clock, "…, as
 * known on 1 Jan 2026".
 */
export function dayText(asOf: string | null, knownOn: string | null = null): string {
  const day = asOf ? formatDate(asOf) : `today, ${formatDate(todayIso())}`;
  return knownOn ? `${day}, as known on ${formatDate(knownOn)}` : day;
}

/** Gigawatts: 1.2 → "1.2 GW". */
export const formatGw = (gw: number | null | undefined): string => (gw === null || gw === undefined ? '—' : `${Number(gw.toPrecision(3))} GW`);
