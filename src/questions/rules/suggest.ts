/**
 * Suggestions for a name or id that matches nothing: "did you mean microsoft?". Candidates are
 * ranked by the edit distance (Damerau-Levenshtein, so a swapped pair of letters is one edit)
 * between normalised forms of the input and each of a candidate's id, name and aliases; a
 * candidate whose form starts with, or contains, the input ranks before distant ones. Only
 * close candidates are offered: at most a third of the input's length in edits (at least 1,
 * at most 3), so a wild guess gets no suggestion rather than a misleading one.
 */

/** Lowercase, accents removed, only letters and digits: "Micro-Soft Corp." -> "microsoftcorp". */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let best = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

export interface Candidate {
  readonly id: string;
  /** The id itself, the name and the aliases: every form a person might type. */
  readonly forms: readonly string[];
}

/** The most edits a suggestion may be from an input of this (normalised) length. */
export const allowedEdits = (length: number) => Math.min(3, Math.max(1, Math.floor(length / 3)));

/** Up to `max` candidate ids close to `input`, best first (ties by id). */
export function suggest(input: string, candidates: Iterable<Candidate>, max = 3): string[] {
  const q = normalise(input);
  if (!q) return [];
  const limit = allowedEdits(q.length);
  const scored: { id: string; score: number }[] = [];
  for (const c of candidates) {
    let score = Number.POSITIVE_INFINITY;
    for (const form of c.forms) {
      const f = normalise(form);
      if (!f) continue;
      if (f === q) score = Math.min(score, 0);
      else if (q.length >= 3 && f.startsWith(q)) score = Math.min(score, 0.5);
      else if (q.length >= 4 && f.includes(q)) score = Math.min(score, 0.75);
      else {
        const d = editDistance(q, f, limit);
        if (d <= limit) score = Math.min(score, d);
      }
    }
    if (score !== Number.POSITIVE_INFINITY) scored.push({ id: c.id, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, max).map((s) => s.id);
}
