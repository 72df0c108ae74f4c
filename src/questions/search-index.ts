/**
 * The full-text index behind `search`, built in memory once per graph version from whole-table
 * reads: organizations, chips and cloud services by name and aliases, deals and exclusivities
 * (not retracted) by title, and by summary (a deal) or scope (an exclusivity).
 *
 * Words are lower-cased runs of letters and digits. The index maps each word to the documents
 * holding it, per field (names and titles; summaries), as sorted integer arrays, so a million
 * documents cost tens of megabytes rather than a map per posting. A query word matches a word of
 * the vocabulary exactly, as its prefix, within one or two typos (words of 4 and 8 letters or
 * more, sharing the first or the second letter), or inside it (query words of 3 letters or more,
 * as the substring search did); every query word must match. Ranking, best first:
 * 1. how the whole text meets a name, alias or title: equal, a prefix of it, a prefix of one of
 *    its words, inside it, else only word by word;
 * 2. the word score (exact > prefix > inside > typo; names and titles weigh more than summaries);
 * 3. organizations, chips, cloud services, deals, exclusivities; then shorter names; then the
 *    name and the id, so the order is total and pages are stable.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';

const LABELS = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity'] as const satisfies readonly NodeLabel[];
type SearchLabel = (typeof LABELS)[number];

/** The statements the index is built from (whole tables, once per graph version). */
export const SEARCH_INDEX_STATEMENTS: readonly Query[] = [
  ...(['Organization', 'Chip', 'CloudService'] as const).map((l) => ({
    name: `q.searchIndex.${l}`,
    cypher: `MATCH (n:${l}) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, '' AS body`,
  })),
  { name: 'q.searchIndex.Deal', cypher: 'MATCH (n:Deal) WHERE n.retractedOn IS NULL RETURN n.id AS id, n.title AS name, n.summary AS body' },
  { name: 'q.searchIndex.Exclusivity', cypher: 'MATCH (n:Exclusivity) WHERE n.retractedOn IS NULL RETURN n.id AS id, n.title AS name, n.scope AS body' },
];

/** Words of a text: lower-cased runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Edit distance of `a` and `b` (insertions, deletions, substitutions, swaps of two neighbours) when at most `max`, else `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows of the table (two back, for swaps), reused between calls: the typo lookup runs
  // this on thousands of candidate words per query word.
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let before = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[before + j - 2]! + 1);
      rows[cur + j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const free = before;
    before = prev;
    prev = cur;
    cur = free;
  }
  return Math.min(rows[prev + b.length]!, max + 1);
}
let rows = new Int32Array(96);

/** How a query word meets a vocabulary word, as a weight (0: not at all): `wordWeight`. */
const EXACT = 4;
const PREFIX = 3;
const INSIDE = 2;
const TYPO = 1;
const NAME_BOOST = 3;
/** Query words looked up (the rest of a long text is ignored). */
const MAX_WORDS = 16;

/** Typos a query word may have: two from 8 letters, one from 4, none below. */
const typoAllowance = (query: string) => (query.length >= 8 ? 2 : query.length >= 4 ? 1 : 0);

export function wordWeight(query: string, word: string, letterSets: number = ANY_LETTERS): number {
  if (word === query) return EXACT;
  if (word.startsWith(query)) return PREFIX;
  if (query.length >= 3 && word.includes(query)) return INSIDE;
  const typos = typoAllowance(query);
  // A typo is looked for among words that share the first or the second letter (a cheap filter).
  if (!typos || (word[0] !== query[0] && word[1] !== query[1])) return 0;
  // Each edit adds or removes at most two letters of the set of letters a word holds, so words
  // whose sets differ by more than twice the typos allowed cannot be that close (`letterSets`:
  // the XOR of the two words' `letterSet`, when the caller has them).
  if (popcount(letterSets) > 2 * typos) return 0;
  return editDistance(query, word, typos) <= typos ? TYPO : 0;
}

const ANY_LETTERS = 0;
/** The letters a word holds as 32 bits (a-z their own, anything else shares the last six by code). */
export function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    set |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return set;
}
function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How the whole text meets a lower-cased name: 0 equal, 1 prefix, 2 prefix of a word, 3 inside, 4 not. */
function textTier(q: string, name: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const at = name.indexOf(q);
  if (at < 0) return 4;
  for (let i = at; i >= 0; i = name.indexOf(q, i + 1)) if (!isWordChar(name.charCodeAt(i - 1))) return 2;
  return 3;
}

/** Whether a character (by code) is a letter or a digit, as `wordsOf` splits (ASCII without the regular expression). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

export interface SearchHit {
  id: string;
  label: NodeLabel;
}

interface Ranked {
  doc: number;
  tier: number;
  score: number;
}

export class SearchIndex {
  private readonly ids: string[] = [];
  private label = new Uint8Array(0);
  /** Lower-cased name (or title) of each document, then its aliases. */
  private readonly names: string[][] = [];
  /** Word -> documents, per field. */
  private readonly inNames = new Map<string, Int32Array>();
  private readonly inBodies = new Map<string, Int32Array>();
  /** Every word of every field, sorted (a prefix is a range of it). */
  private vocabulary: string[] = [];
  /** Three letters -> the words (by index in `vocabulary`) that hold them: the candidates for a match inside a word. */
  private readonly trigrams = new Map<string, Int32Array>();
  /** Length and first letter (`8a`), or length and second letter (`8_a`) -> the words: the candidates for a typo. */
  private readonly shapes = new Map<string, Int32Array>();
  /** Per word, the last query word that took it as a candidate (a candidate is looked at once). */
  private seen = new Uint32Array(0);
  /** Per word, its `letterSet`. */
  private letters = new Uint32Array(0);
  private seenMark = 0;

  static async read(store: GraphStore): Promise<SearchIndex> {
    const index = new SearchIndex();
    const names = new Map<string, number[]>();
    const bodies = new Map<string, number[]>();
    const labels: number[] = [];
    const post = (map: Map<string, number[]>, word: string, doc: number) => {
      let list = map.get(word);
      if (!list) map.set(word, (list = []));
      if (list[list.length - 1] !== doc) list.push(doc);
    };
    for (const [i, statement] of SEARCH_INDEX_STATEMENTS.entries()) {
      for (const row of await store.read(statement)) {
        const doc = index.ids.length;
        index.ids.push(String(row.id));
        labels.push(i);
        const all = [String(row.name ?? ''), ...((row.aliases as string[] | null) ?? [])].map((n) => n.toLowerCase());
        index.names.push(all);
        for (const n of all) for (const w of wordsOf(n)) post(names, w, doc);
        if (row.body) for (const w of wordsOf(String(row.body))) post(bodies, w, doc);
      }
    }
    index.label = Uint8Array.from(labels);
    for (const [w, list] of names) index.inNames.set(w, Int32Array.from(list));
    for (const [w, list] of bodies) index.inBodies.set(w, Int32Array.from(list));
    index.indexVocabulary([...new Set([...names.keys(), ...bodies.keys()])].sort());
    return index;
  }

  private indexVocabulary(sorted: string[]): void {
    this.vocabulary = sorted;
    this.seen = new Uint32Array(sorted.length);
    this.letters = Uint32Array.from(sorted, letterSet);
    const trigrams = new Map<string, number[]>();
    const shapes = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    };
    sorted.forEach((word, i) => {
      for (let at = 0; at + 3 <= word.length; at++) add(trigrams, word.slice(at, at + 3), i);
      add(shapes, `${word.length}${word[0]}`, i);
      if (word.length > 1) add(shapes, `${word.length}_${word[1]}`, i);
    });
    for (const [k, list] of trigrams) this.trigrams.set(k, Int32Array.from(list));
    for (const [k, list] of shapes) this.shapes.set(k, Int32Array.from(list));
  }

  /** The words of the vocabulary a query word matches, with how (`wordWeight`). */
  matchingWords(query: string): Map<string, number> {
    const out = new Map<string, number>();
    const mine = letterSet(query);
    for (const c of this.candidates(query)) {
      const w = wordWeight(query, this.vocabulary[c]!, mine ^ this.letters[c]!);
      if (w) out.set(this.vocabulary[c]!, w);
    }
    return out;
  }

  /**
   * The words of the vocabulary `wordWeight` could give a weight for `query`, each once: those it
   * starts (a range of the sorted vocabulary), those holding its rarest three letters (the only
   * ones it can be inside), and those of a length within its typo allowance sharing its first or
   * second letter (the only ones within that many typos the rule looks at). Every other word
   * weighs 0, so scanning only these finds what scanning the whole vocabulary found.
   */
  private candidates(query: string): number[] {
    const out: number[] = [];
    const mark = ++this.seenMark;
    if (mark === 0xffffffff) {
      this.seen.fill(0);
      this.seenMark = 1;
    }
    const take = (i: number) => {
      if (this.seen[i] === this.seenMark) return;
      this.seen[i] = this.seenMark;
      out.push(i);
    };
    const v = this.vocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v[mid]! < query) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < v.length && v[i]!.startsWith(query); i++) take(i);
    if (query.length >= 3) {
      let rarest: Int32Array | undefined;
      for (let at = 0; at + 3 <= query.length; at++) {
        const list = this.trigrams.get(query.slice(at, at + 3));
        if (!list) {
          rarest = undefined;
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      if (rarest) for (const i of rarest) take(i);
    }
    const typos = typoAllowance(query);
    for (let len = query.length - typos; typos && len <= query.length + typos; len++) {
      for (const list of [this.shapes.get(`${len}${query[0]}`), this.shapes.get(`${len}_${query[1]}`)]) if (list) for (const i of list) take(i);
    }
    return out;
  }

  get size(): { documents: number; words: number } {
    return { documents: this.ids.length, words: this.vocabulary.length };
  }

  /**
   * The best `first` hits for `text`, after the hit `after` (an id a previous page ended with)
   * when given; `undefined` when `after` is not a hit of this text.
   */
  search(text: string, first: number, after?: string | null): SearchHit[] | undefined {
    const q = text.trim().toLowerCase();
    const first0 = (doc: number) => this.names[doc]![0]!;
    const cmp = (a: Ranked, b: Ranked) =>
      a.tier - b.tier ||
      b.score - a.score ||
      this.label[a.doc]! - this.label[b.doc]! ||
      first0(a.doc).length - first0(b.doc).length ||
      (first0(a.doc) < first0(b.doc) ? -1 : first0(a.doc) > first0(b.doc) ? 1 : 0) ||
      (this.ids[a.doc]! < this.ids[b.doc]! ? -1 : this.ids[a.doc]! > this.ids[b.doc]! ? 1 : 0);
    let cursor: Ranked | undefined;
    if (after != null) {
      this.match(q, (r) => {
        if (this.ids[r.doc] === after) cursor = { ...r };
      });
      if (!cursor) return undefined;
    }
    // The best `first` after the cursor, kept sorted: a bounded insertion, not a sort of every match.
    const top: Ranked[] = [];
    this.match(q, (r) => {
      if (cursor && cmp(r, cursor) <= 0) return;
      if (top.length === first && cmp(r, top[first - 1]!) >= 0) return;
      let at = top.length;
      while (at > 0 && cmp(r, top[at - 1]!) < 0) at--;
      top.splice(at, 0, { ...r });
      if (top.length > first) top.pop();
    });
    return top.map((r) => ({ id: this.ids[r.doc]!, label: LABELS[this.label[r.doc]!] as SearchLabel }));
  }

  /** Calls `found` with every document the text matches, its tier and word score (the object is reused). */
  private match(q: string, found: (r: Ranked) => void): void {
    const r: Ranked = { doc: 0, tier: 4, score: 0 };
    const words = [...new Set(wordsOf(q))].slice(0, MAX_WORDS);
    if (words.length === 0) {
      // Nothing to look up by word (punctuation only): the names and titles that contain it.
      if (!q) return;
      this.names.forEach((all, doc) => {
        r.doc = doc;
        r.tier = Math.min(...all.map((n) => textTier(q, n)));
        r.score = 0;
        if (r.tier < 4) found(r);
      });
      return;
    }
    const { score, matched, inName, best } = this.scratchFor(this.ids.length);
    // Only a document the first word finds can match every word: the rest are never visited,
    // and the scratch columns are cleared for these alone afterwards.
    const candidates: number[] = [];
    try {
      words.forEach((word, k) => {
        const touched: number[] = [];
        for (const [v, w] of this.matchingWords(word)) {
          for (const [postings, boost] of [
            [this.inNames.get(v), NAME_BOOST],
            [this.inBodies.get(v), 1],
          ] as const) {
            if (!postings) continue;
            for (let i = 0; i < postings.length; i++) {
              const doc = postings[i]!;
              if (matched[doc] !== k) continue;
              if (best[doc] === 0) touched.push(doc);
              if (w * boost > best[doc]!) best[doc] = w * boost;
            }
          }
        }
        for (const doc of touched) {
          score[doc]! += best[doc]!;
          if (best[doc]! >= NAME_BOOST * INSIDE && inName[doc] === k) inName[doc]!++;
          best[doc] = 0;
          matched[doc]!++;
          if (k === 0) candidates.push(doc);
        }
      });
      const all = words.length;
      for (const doc of candidates) {
        if (matched[doc] !== all) continue;
        r.doc = doc;
        r.score = score[doc]!;
        r.tier = 4;
        if (inName[doc] === all) for (const name of this.names[doc]!) r.tier = Math.min(r.tier, textTier(q, name));
        found(r);
      }
    } finally {
      for (const doc of candidates) {
        score[doc] = 0;
        matched[doc] = 0;
        inName[doc] = 0;
      }
    }
  }

  /**
   * Per-document columns one query works in, kept between queries (a query runs to its end
   * before another starts: the work is synchronous) and cleared by the query for the documents it
   * touched, so a query costs what it matches, not the size of the graph.
   */
  private scratch: { score: Float64Array; matched: Uint8Array; inName: Uint8Array; best: Float64Array } | null = null;
  private scratchFor(n: number) {
    if (!this.scratch || this.scratch.score.length !== n)
      this.scratch = { score: new Float64Array(n), matched: new Uint8Array(n), inName: new Uint8Array(n), best: new Float64Array(n) };
    return this.scratch;
  }
}
