/**
 * The import format as YAML. YAML may hold only printable characters as they are (YAML 1.2,
 * 5.1: tab, line breaks, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD and beyond the
 * BMP); anything else must be escaped inside double quotes. The `yaml` package writes DEL, the
 * C1 controls, U+FFFE and U+FFFF raw, so a string holding one is written here with escapes.
 * The import rules refuse such characters (src/model/limits.ts), so only a graph written before
 * those rules, or around them, holds any; the export still writes them faithfully.
 */
import { stringify, type Scalar, type ScalarTag } from 'yaml';
import type { RecordsByCollection } from '../records/record-schemas.ts';

// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
};

/** A double-quoted YAML scalar on one line, every non-printable character escaped. */
export function doubleQuotedYaml(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (NON_PRINTABLE.test(ch)) {
      const code = ch.charCodeAt(0);
      out += code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function withEscapedStrings(tags: unknown[]): unknown[] {
  return tags.map((t) => {
    const tag = t as ScalarTag;
    if (tag.tag !== 'tag:yaml.org,2002:str' || !tag.stringify) return tag;
    const plain = tag.stringify.bind(tag);
    return {
      ...tag,
      stringify: (item: Scalar, ...rest: Parameters<typeof plain> extends [unknown, ...infer R] ? R : never) =>
        typeof item.value === 'string' && NON_PRINTABLE.test(item.value) ? doubleQuotedYaml(item.value) : plain(item, ...rest),
    };
  });
}

export function toYaml(records: RecordsByCollection): string {
  return stringify(records, { lineWidth: 0, customTags: withEscapedStrings as never });
}
