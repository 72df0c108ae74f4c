/**
 * Reads a YAML seed file into raw records that know where they came from. The `yaml` package
 * keeps every node's source range, so any field path maps back to a line and column.
 * Seed files are reviewer-sized; large imports come as JSON, which is streamed (read-json.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { MAX_PROBLEMS, MAX_YAML_FILE_BYTES } from '../model/limits.ts';
import type { ImportIssue } from './import-issue.ts';
import { COLLECTION_NAMES, type CollectionName } from '../records/record-schemas.ts';
import { firstInvalidUtf8, positionOfByte } from './utf8.ts';

export interface Position {
  line: number;
  column: number;
}

export interface RawRecord {
  readonly file: string;
  readonly collection: CollectionName;
  readonly index: number;
  readonly value: unknown;
  /** `value` already passed its collection's schema (checkRecord) and is what it returned. */
  readonly checked?: boolean;
  /**
   * Where the value at `path` inside this record is written (or its nearest written parent);
   * with `key`, where that key of the map at `path` is written.
   */
  locate(path: readonly PropertyKey[], key?: string): Position;
}

export interface ReadResult {
  records: RawRecord[];
  issues: ImportIssue[];
}

function isCollection(key: string): key is CollectionName {
  return (COLLECTION_NAMES as string[]).includes(key);
}

/** The deepest node along `path` below `node`, and for a missing map key, the map itself. */
export function nodeAt(node: YamlNode, path: readonly PropertyKey[]): YamlNode {
  let current: YamlNode = node;
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair?.value) return (pair?.key as YamlNode | undefined) ?? current;
      current = pair.value as YamlNode;
    } else if (isSeq(current) && typeof step === 'number' && current.items[step]) {
      current = current.items[step] as YamlNode;
    } else return current;
  }
  return current;
}

/** Position of a key inside a map (for "unrecognized key" problems). */
export function keyNodeAt(node: YamlNode, path: readonly PropertyKey[], key: string): YamlNode {
  const parent = nodeAt(node, path);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair?.key) return pair.key as YamlNode;
  }
  return parent;
}

function locator(node: YamlNode, pos: (offset: number) => Position): RawRecord['locate'] {
  return (path, key) => {
    const target = key === undefined ? nodeAt(node, path) : keyNodeAt(node, path, key);
    return pos(target.range?.[0] ?? node.range?.[0] ?? 0);
  };
}

/**
 * A locator for one record given as text (a JSON object) that starts at `start` in its file:
 * JSON is YAML, so the same node ranges serve. Parsed only when a problem must be located.
 */
export function textLocator(text: string, start: Position): RawRecord['locate'] {
  let cached: RawRecord['locate'] | undefined;
  return (path, key) => {
    if (!cached) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      const pos = (offset: number): Position => {
        const p = lineCounter.linePos(offset);
        return { line: start.line + p.line - 1, column: p.line === 1 ? start.column + p.col - 1 : p.col };
      };
      cached = doc.contents ? locator(doc.contents as YamlNode, pos) : () => start;
    }
    return cached(path, key);
  };
}

export function parseYamlText(file: string, text: string, lineOffset = 0, columnOffset = 0): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.line === 1 ? p.col + columnOffset : p.col };
  };
  const issues: ImportIssue[] = [];
  for (const e of doc.errors.slice(0, MAX_PROBLEMS)) {
    const p = pos(e.pos[0]);
    issues.push({ file, ...p, path: '', message: `malformed ${text.trimStart().startsWith('{') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}` });
  }
  // An alias repeats a value written elsewhere: records must be self-contained, and aliases of
  // aliases can expand a small file into an enormous value.
  visit(doc, {
    Alias(_, node) {
      issues.push({
        file,
        ...pos(node.range?.[0] ?? 0),
        path: '',
        message: `YAML alias *${node.source} is not supported in import files; write the value out`,
      });
      return issues.length >= MAX_PROBLEMS ? visit.BREAK : undefined;
    },
  });
  if (issues.length) return { records: [], issues };
  const records: RawRecord[] = [];
  const root = doc.contents;
  if (root === null) return { records, issues };
  if (!isMap(root)) {
    issues.push({ file, ...pos(root.range?.[0] ?? 0), path: '', message: `expected a map of collections (${COLLECTION_NAMES.join(', ')})` });
    return { records, issues };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyPos = pos((pair.key as YamlNode | null)?.range?.[0] ?? 0);
    if (!isCollection(key)) {
      issues.push({ file, ...keyPos, path: key, message: `unknown collection "${key}"; expected one of ${COLLECTION_NAMES.join(', ')}` });
      continue;
    }
    const seq = pair.value;
    if (seq === null || (isScalar(seq) && seq.value === null)) continue; // an empty collection
    if (!isSeq(seq)) {
      issues.push({ file, ...keyPos, path: key, message: 'expected a list of records' });
      continue;
    }
    seq.items.forEach((item, index) => {
      const node = item as YamlNode;
      records.push({
        file,
        collection: key,
        index,
        value: node.toJSON(),
        locate: locator(node, pos),
      });
    });
  }
  return { records, issues };
}

/** Decodes UTF-8 strictly; an invalid byte is a located issue. */
export function decodeUtf8(file: string, buf: Uint8Array): { text: string } | { issue: ImportIssue } {
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) {
    return {
      issue: { file, ...positionOfByte(buf, bad), path: '', message: `invalid UTF-8 (byte 0x${buf[bad]!.toString(16).padStart(2, '0')} at offset ${bad})` },
    };
  }
  const text = new TextDecoder('utf-8').decode(buf);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Reads a YAML file no larger than MAX_YAML_FILE_BYTES: it is parsed whole, into a tree many
 * times its size, so a larger one is refused before it is read.
 */
export async function readYamlFile(file: string): Promise<ReadResult> {
  const size = (await stat(file)).size;
  if (size > MAX_YAML_FILE_BYTES) {
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(n % 2 ** 20 ? 1 : 0)} MiB`;
    return {
      records: [],
      issues: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `YAML file of ${mib(size)}, above the ${mib(MAX_YAML_FILE_BYTES)} limit for YAML; write large imports as JSON, which is read record by record, or split the file`,
        },
      ],
    };
  }
  const decoded = decodeUtf8(file, await readFile(file));
  if ('issue' in decoded) return { records: [], issues: [decoded.issue] };
  return parseYamlText(file, decoded.text);
}
