/**
 * Streams a JSON import file record by record, so a large file is never held whole in memory.
 * No well-kept streaming JSON library reports where each value starts, and located errors
 * need that, so this scanner splits the top level (`{"deals": [ {...}, ... ], ...}`) itself and
 * hands each record's text to JSON.parse; a problem inside a record is located lazily by
 * re-reading just that record (textLocator). A JsonRecordScanner follows each record's text to
 * its end and refuses duplicate keys and oversized strings or records before anything parses it.
 */
import { createReadStream } from 'node:fs';
import { formatPath, type ImportIssue } from './import-issue.ts';
import { JsonRecordScanner } from './json-record-scanner.ts';
import { ProblemList } from '../records/problem-list.ts';
import { textLocator, type Position, type RawRecord, type ReadResult } from './read-yaml.ts';
import { COLLECTION_NAMES, type CollectionName } from '../records/record-schemas.ts';
import { firstInvalidUtf8 } from './utf8.ts';

type State = 'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'record-or-end' | 'record' | 'in-record' | 'after-record' | 'after-value' | 'done';

const EXPECTED: Record<State, string> = {
  start: "'{' (a map of collections)",
  'key-or-end': "a collection name or '}'",
  key: 'a collection name',
  colon: "':'",
  value: "'[' (a list of records)",
  'record-or-end': "a record '{' or ']'",
  record: "a record '{'",
  'in-record': 'the rest of the record',
  'after-record': "',' or ']'",
  'after-value': "',' or '}'",
  done: 'the end of the file',
};

function isWs(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\r' || c === '\t';
}

/**
 * Reads every record; `onRecord` sees each as it is read, so callers may validate and drop it,
 * and stop the reading by returning false. Problems go to `problems` (returned as `issues`, with
 * those found before when the list is shared); reading stops when it is full.
 */
export async function readJsonFile(file: string, onRecord?: (r: RawRecord) => boolean | undefined, problems = new ProblemList()): Promise<ReadResult> {
  const records: RawRecord[] = [];
  // Every problem goes to the list, which keeps the first MAX_PROBLEMS.
  const issues = { push: (i: ImportIssue) => problems.add(i) };
  let state: State = 'start';
  let line = 1;
  let column = 1;
  let keyBuf = '';
  let inKey = false;
  let escaped = false;
  let collection: string | null = null;
  let index = 0;
  let recordText = '';
  let recordStart: Position = { line: 1, column: 1 };
  const recordScanner = new JsonRecordScanner();
  let stopped = false;

  const fail = (message: string) => {
    issues.push({ file, line, column, path: '', message });
    stopped = true;
  };

  const emit = (text: string) => {
    const name = collection!;
    if (!(COLLECTION_NAMES as string[]).includes(name)) return; // reported once at the key
    if (recordScanner.problems.length) {
      for (const p of recordScanner.problems) issues.push({ file, line: p.line, column: p.column, path: formatPath(name, index, p.path), message: p.message });
      if (problems.full) stopped = true;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const at = m ? Number(m[1]) : 0;
      const before = text.slice(0, at).split('\n');
      const pos =
        before.length === 1
          ? { line: recordStart.line, column: recordStart.column + at }
          : { line: recordStart.line + before.length - 1, column: before[before.length - 1]!.length + 1 };
      issues.push({ file, ...pos, path: `${name}[${index}]`, message: `malformed JSON: ${(err as Error).message}` });
      if (problems.full) stopped = true;
      return;
    }
    const record: RawRecord = { file, collection: name as CollectionName, index, value, locate: textLocator(text, recordStart) };
    if (onRecord) {
      if (onRecord(record) === false) stopped = true;
    } else records.push(record);
  };

  const scan = (text: string) => {
    let segStart = state === 'in-record' ? 0 : -1;
    for (let i = 0; i < text.length && !stopped; i++) {
      const c = text[i]!;
      if (state === 'in-record') {
        const pos = { line, column };
        const end = recordScanner.scan(text, i, pos);
        line = pos.line;
        column = pos.column;
        if (end < 0) break;
        i = end;
        column++; // the closing brace
        if (!recordScanner.oversized) recordText += text.slice(segStart, i + 1);
        emit(recordText);
        recordText = '';
        index++;
        state = 'after-record';
        segStart = -1;
        continue;
      } else if (inKey) {
        if (escaped) {
          keyBuf += c;
          escaped = false;
        } else if (c === '\\') escaped = true;
        else if (c === '"') {
          inKey = false;
          collection = keyBuf;
          if (!(COLLECTION_NAMES as string[]).includes(keyBuf)) {
            issues.push({ file, line, column, path: keyBuf, message: `unknown collection "${keyBuf}"; expected one of ${COLLECTION_NAMES.join(', ')}` });
          }
          state = 'colon';
        } else keyBuf += c;
      } else if (!isWs(c)) {
        switch (state) {
          case 'start':
            if (c === '{') state = 'key-or-end';
            else fail(`malformed JSON: expected ${EXPECTED[state]}, found '${c}'`);
            break;
          case 'key-or-end':
          case 'key':
            if (c === '"') {
              inKey = true;
              keyBuf = '';
            } else if (c === '}' && state === 'key-or-end') state = 'done';
            else fail(`malformed JSON: expected ${EXPECTED[state]}, found '${c}'`);
            break;
          case 'colon':
            if (c === ':') state = 'value';
            else fail(`malformed JSON: expected ${EXPECTED[state]}, found '${c}'`);
            break;
          case 'value':
            if (c === '[') {
              state = 'record-or-end';
              index = 0;
            } else fail(`malformed JSON: expected ${EXPECTED[state]} for "${collection}", found '${c}'`);
            break;
          case 'record-or-end':
          case 'record':
            if (c === '{') {
              state = 'in-record';
              recordStart = { line, column };
              recordScanner.start(recordStart);
              segStart = i;
            } else if (c === ']' && state === 'record-or-end') state = 'after-value';
            else fail(`malformed JSON: expected ${EXPECTED[state]} in "${collection}", found '${c}'`);
            break;
          case 'after-record':
            if (c === ',') state = 'record';
            else if (c === ']') state = 'after-value';
            else fail(`malformed JSON: expected ${EXPECTED[state]} in "${collection}", found '${c}'`);
            break;
          case 'after-value':
            if (c === ',') state = 'key';
            else if (c === '}') state = 'done';
            else fail(`malformed JSON: expected ${EXPECTED[state]}, found '${c}'`);
            break;
          case 'done':
            fail(`malformed JSON: unexpected '${c}' after the end of the data`);
            break;
        }
      }
      if (c === '\n') {
        line++;
        column = 1;
      } else column++;
    }
    if (state === 'in-record' && segStart >= 0 && !stopped && !recordScanner.oversized) recordText += text.slice(segStart);
  };

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let tail: Buffer = Buffer.alloc(0);
  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (stopped) break;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const joined = Buffer.concat([tail, chunk]);
      const bad = Math.max(0, firstInvalidUtf8(joined) - tail.length);
      scan(new TextDecoder('utf-8').decode(chunk.subarray(0, bad)).replace(/\uFFFD+$/, ''));
      if (!stopped) fail(`invalid UTF-8 (byte 0x${chunk[bad]?.toString(16).padStart(2, '0') ?? '??'})`);
      break;
    }
    tail = chunk.subarray(Math.max(0, chunk.length - 3));
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    scan(text);
  }
  if (!stopped) {
    try {
      decoder.decode();
    } catch {
      fail('invalid UTF-8: the file ends inside a character');
    }
  }
  if (!stopped && (state as State) !== 'done') fail(`malformed JSON: the file ends where ${EXPECTED[state]} was expected`);
  return { records, issues: problems.issues };
}
