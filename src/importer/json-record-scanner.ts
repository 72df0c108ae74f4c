/**
 * Follows the text of one JSON record (an object) as it streams past, to find where it ends and,
 * before anything parses it: a key written twice in one object (JSON.parse would keep the last
 * silently), a string longer than any field allows, a record larger than MAX_RECORD_CHARS.
 * Once a record breaks a size limit its text is no longer needed: the reader stops keeping it
 * and only follows the structure to the record's end, so memory stays bounded.
 */
import { MAX_RECORD_CHARS, MAX_STRING_CHARS } from '../model/limits.ts';
import type { Position } from './read-yaml.ts';

interface Frame {
  /** Keys of an object so far, with where each was first written; null for an array. */
  readonly keys: Map<string, Position> | null;
  /** The key whose value is being read (objects) or the index of the item (arrays). */
  step: string | number;
  expectKey: boolean;
}

export interface RecordProblem {
  readonly line: number;
  readonly column: number;
  /** Path inside the record. */
  readonly path: (string | number)[];
  readonly message: string;
  /** The record cannot be kept (a size limit): its text is dropped and it is not parsed. */
  readonly fatal: boolean;
}

/** Keys longer than this are not compared (no field name comes close); MAX_STRING_CHARS still applies. */
const MAX_KEY_CHARS = 256;
const STRING_STOP = /["\\\n]/g;

export class JsonRecordScanner {
  private stack: Frame[] = [];
  private inString = false;
  private escape = false;
  /** Hex digits of a \\u escape still to come. */
  private hex = 0;
  private isKey = false;
  private key = '';
  private stringChars = 0;
  private stringStart: Position = { line: 1, column: 1 };
  private chars = 0;
  private recordStart: Position = { line: 1, column: 1 };
  /** True once a size limit is broken. */
  oversized = false;
  readonly problems: RecordProblem[] = [];

  /** Starts a record whose opening brace is at `pos`. */
  start(pos: Position): void {
    this.stack = [{ keys: new Map(), step: '', expectKey: true }];
    this.inString = false;
    this.escape = false;
    this.hex = 0;
    this.chars = 1;
    this.oversized = false;
    this.problems.length = 0;
    this.recordStart = { ...pos };
  }

  /**
   * Reads `text` from `from` (the character after the opening brace, or the start of a later
   * chunk), moving `pos` past each character read. Returns the index of the record's closing
   * brace (not read, `pos` left on it), or -1 when the record goes on in the next chunk.
   */
  scan(text: string, from: number, pos: Position): number {
    for (let i = from; i < text.length; i++) {
      if (this.inString && !this.escape && this.hex === 0 && !this.isKey) {
        // Most of a record is string content: skip to the next quote, backslash or line feed.
        STRING_STOP.lastIndex = i;
        const j = STRING_STOP.exec(text)?.index ?? text.length;
        if (j > i) {
          this.stringChars += j - i;
          this.chars += j - i;
          pos.column += j - i;
          this.checkSizes();
          i = j;
          if (i === text.length) return -1;
        }
      }
      const c = text[i]!;
      if (this.inString) {
        // Counts characters as JSON.parse will return them: an escape sequence is one.
        let counted = true;
        if (this.hex > 0) {
          this.hex--;
          counted = false;
        } else if (this.escape) {
          this.escape = false;
          if (c === 'u') this.hex = 4;
        } else if (c === '\\') {
          this.escape = true;
          counted = false;
        } else if (c === '"') this.endString();
        if (this.inString) {
          if (this.isKey && this.key.length < MAX_KEY_CHARS) this.key += c;
          if (counted) this.stringChars++;
        }
      } else if (c === '"') {
        const top = this.stack[this.stack.length - 1]!;
        this.inString = true;
        this.isKey = top.keys !== null && top.expectKey;
        this.key = '';
        this.stringChars = 0;
        this.stringStart = { ...pos };
      } else if (c === '{' || c === '[') {
        this.stack.push({ keys: c === '{' ? new Map() : null, step: c === '{' ? '' : 0, expectKey: c === '{' });
      } else if (c === '}' || c === ']') {
        this.stack.pop();
        if (!this.stack.length) return i;
      } else if (c === ',') {
        const top = this.stack[this.stack.length - 1]!;
        if (top.keys) top.expectKey = true;
        else top.step = (top.step as number) + 1;
      } else if (c === ':') this.stack[this.stack.length - 1]!.expectKey = false;
      this.chars++;
      this.checkSizes();
      if (c === '\n') {
        pos.line++;
        pos.column = 1;
      } else pos.column++;
    }
    return -1;
  }

  private checkSizes(): void {
    if (this.oversized) return;
    if (this.inString && this.stringChars > MAX_STRING_CHARS) {
      this.fail(this.stringStart, this.path(), `a string of more than ${MAX_STRING_CHARS} characters, longer than any field allows (docs/security.md)`);
    } else if (this.chars > MAX_RECORD_CHARS) this.fail(this.recordStart, [], `the record is larger than ${MAX_RECORD_CHARS} characters (docs/security.md)`);
  }

  private endString(): void {
    this.inString = false;
    if (!this.isKey || this.key.length >= MAX_KEY_CHARS) return;
    const top = this.stack[this.stack.length - 1]!;
    let key = this.key;
    if (key.includes('\\')) {
      try {
        key = JSON.parse(`"${key}"`) as string;
      } catch {
        return; // malformed: JSON.parse of the record reports it
      }
    }
    const first = top.keys!.get(key);
    const path = this.path(this.stack.length - 1);
    if (first) {
      this.problems.push({
        ...this.stringStart,
        path: [...path, key],
        message: `duplicate key "${key}" (first written at line ${first.line}, column ${first.column}); each field may appear once`,
        fatal: false,
      });
    } else top.keys!.set(key, { ...this.stringStart });
    top.step = key;
  }

  /** The path inside the record to what is being read, through the first `depth` containers. */
  private path(depth = this.stack.length): (string | number)[] {
    return this.stack
      .slice(0, depth)
      .map((f) => f.step)
      .filter((s) => s !== '');
  }

  private fail(at: Position, path: (string | number)[], message: string): void {
    if (this.oversized) return;
    this.oversized = true;
    this.problems.push({ line: at.line, column: at.column, path, message, fatal: true });
  }
}
