/**
 * Size limits of everything written into the graph, stated once. The record validators apply
 * the field limits, so imports and the API's mutations refuse the same things; the readers of
 * import files apply the file, record and problem limits before anything is parsed whole.
 * docs/security.md lists each limit and what it protects.
 */
import { z } from 'zod';

/** Longest string, in UTF-16 code units (JavaScript's string length), per field name. */
export const FIELD_LIMITS = {
  /** Ids and every reference to one (slugs). */
  id: 120,
  name: 200,
  publisher: 200,
  alias: 200,
  title: 500,
  round: 200,
  term: 500,
  url: 2048,
  /** Summaries, descriptions, scopes, notes, retraction reasons: anything written as prose. */
  text: 10_000,
} as const;

/** Which limit a property uses; a property not named here is prose. */
const LIMIT_OF: Readonly<Record<string, keyof typeof FIELD_LIMITS>> = {
  id: 'id',
  name: 'name',
  publisher: 'publisher',
  aliases: 'alias',
  title: 'title',
  round: 'round',
  term: 'term',
  url: 'url',
};

export function fieldLimit(property: string): number {
  return FIELD_LIMITS[LIMIT_OF[property] ?? 'text'];
}

/** The longest string any field allows: a reader refuses a longer one before parsing it. */
export const MAX_STRING_CHARS = Math.max(...Object.values(FIELD_LIMITS));

/** Most items in one list of a record (aliases, sources, parties, covered chips, history...). */
export const MAX_LIST_ITEMS = 1000;

/** Longest text of one record in a JSON file, in characters (bounds what is held to parse one record). */
export const MAX_RECORD_CHARS = 1 << 20;

/**
 * Largest YAML file. YAML is parsed whole into a syntax tree about 15 to 30 times the size of
 * the text; large imports come as JSON, which is streamed record by record.
 */
export const MAX_YAML_FILE_BYTES = 1 << 20;

/** Most records in one import (all files together): what validation and the diff hold at once. */
export const MAX_RECORDS = 5_000_000;

/** Problems reported before reading stops: enough to fix a file, never a flood held in memory. */
export const MAX_PROBLEMS = 100;

/**
 * Characters no string field may hold: C0 controls other than tab, line feed and carriage
 * return, DEL, the C1 controls, U+FFFE, U+FFFF and lone surrogates. XML 1.0 cannot carry most of
 * them at all (not even as character references) and YAML may only write them escaped, so a
 * value holding one could not be exported faithfully to every format.
 */
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** `U+0000` for a character (a lone surrogate included). */
export function codePointName(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a string breaks the character rule, or null. */
export function forbiddenCharProblem(s: string): string | null {
  const m = FORBIDDEN_CHAR.exec(s);
  if (!m) return null;
  const c = m[0];
  const what = c >= '\uD800' && c <= '\uDFFF' ? 'a lone surrogate' : c === '\uFFFE' || c === '\uFFFF' ? 'a noncharacter' : 'a control character';
  return `contains ${codePointName(c)} (${what}) at character ${m.index + 1}, which no field may hold (only tab and line breaks among controls)`;
}

/**
 * A string within `max` characters and free of forbidden characters, then checked by `inner`.
 * The length is checked first and alone, so an oversized value is never trimmed, scanned or
 * matched against a pattern.
 */
export function boundedString<T extends z.ZodType<unknown, string>>(max: number, inner: T) {
  return z
    .string()
    .check((ctx) => {
      const s = ctx.value;
      if (s.length > max) {
        ctx.issues.push({ code: 'custom', input: s, message: `expected at most ${max} characters, got ${s.length}`, continue: false });
        return;
      }
      const problem = forbiddenCharProblem(s);
      if (problem) ctx.issues.push({ code: 'custom', input: s, message: problem, continue: false });
    })
    .pipe(inner);
}

/** A list of at most MAX_LIST_ITEMS items. */
export function boundedList<T extends z.ZodType>(item: T) {
  return z.array(item).max(MAX_LIST_ITEMS, { message: `expected at most ${MAX_LIST_ITEMS} items` });
}
