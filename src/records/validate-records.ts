/**
 * Validates records before anything is written, and reports every problem at once: the
 * record schemas (zod), the declared checks between fields, ids that repeat across files and
 * kinds (derived child ids included), and references to things that exist neither in the
 * input nor in the graph. Which fields are references, and to what, comes from the record
 * declarations (src/model/records.ts) and the model (graph-model.ts).
 */
import type { z } from 'zod';
import { NODE_TYPES, type NodeLabel, type PropertyDef } from '../model/graph-model.ts';
import { NOUN, withArticle as articled } from '../model/nouns.ts';
import { RECORDS, type CollectionDecl, type CollectionName } from '../model/records.ts';
import { FIND_IDS } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ProblemList } from './problem-list.ts';
import { formatPath, type RecordInput, type RecordIssue } from './record-issue.ts';
import { COLLECTIONS, emptyRecords, type RecordsByCollection } from './record-schemas.ts';
import { childId, valueAt } from './records-to-graph.ts';

type Obj = Record<string, unknown>;
type Path = (string | number)[];

export interface ValidationResult {
  records: RecordsByCollection;
  issues: RecordIssue[];
  /** Problems found beyond those in `issues` (at most MAX_PROBLEMS are kept). */
  more: number;
}

const withArticle = (label: NodeLabel) => articled(NOUN[label]);

function rawValueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function zodMessage(issue: z.core.$ZodIssue): string {
  const m = issue.message.replace(/^Invalid input: /, '');
  if (/received undefined$/.test(m)) return 'required';
  if (issue.code === 'invalid_value' && 'values' in issue) return `expected one of ${(issue.values as unknown[]).join(', ')}`;
  return m;
}

/** Every reference a record makes: [path inside the record, referenced id, expected label]. */
export function referencesOf(collection: CollectionName, r: Obj): [Path, string, NodeLabel][] {
  const refs: [Path, string, NodeLabel][] = [];
  const list = (ids: unknown, base: Path, label: NodeLabel) => {
    if (Array.isArray(ids)) (ids as string[]).forEach((id, i) => void refs.push([[...base, i], id, label]));
    else if (typeof ids === 'string') refs.push([base, ids, label]);
  };
  const decl: CollectionDecl = RECORDS[collection];
  if (decl.shape === 'edge') {
    list(r[decl.from.key], [decl.from.key], decl.from.label);
    list(r[decl.to.key], [decl.to.key], decl.to.label);
    list(r.sources, ['sources'], 'Source');
    return refs;
  }
  for (const [key, def] of Object.entries(NODE_TYPES[decl.label].properties) as [string, PropertyDef][]) {
    if (def.references) list(r[key], [key], def.references as NodeLabel);
  }
  for (const part of decl.parts) {
    if (part.part === 'link') list(valueAt(r, part.path), [...part.path], part.target);
    else if (part.part === 'parties')
      ((r.parties as Obj[] | undefined) ?? []).forEach((p, i) => void refs.push([['parties', i, 'org'], String(p.org), 'Organization']));
    else if (part.part === 'children') {
      ((valueAt(r, part.path) as Obj[] | null | undefined) ?? []).forEach((c, i) => {
        list(c.sources, [...part.path, i, 'sources'], 'Source');
      });
    }
  }
  return refs;
}

/** The ids a record defines: its own and its children's, with where each is declared. */
export function definedIds(collection: CollectionName, r: Obj): [string, NodeLabel, Path][] {
  const decl: CollectionDecl = RECORDS[collection];
  if (decl.shape === 'edge') return [];
  const out: [string, NodeLabel, Path][] = [[String(r.id), decl.label, ['id']]];
  for (const part of decl.parts) {
    if (part.part !== 'children') continue;
    ((valueAt(r, part.path) as unknown[] | null | undefined) ?? []).forEach((_, i) => {
      out.push([childId(String(r.id), part.idInfix, i), part.label, [...part.path, i]]);
    });
  }
  return out;
}

export function issueAt(rec: RecordInput, path: Path, message: string, key?: string): RecordIssue {
  const pos = rec.locate?.(path, key) ?? { line: 1, column: 1 };
  const field = key ? [...path, key] : path;
  return { file: rec.file, ...pos, path: formatPath(rec.collection, rec.index, field), message, at: { collection: rec.collection, index: rec.index, field } };
}

/** `file:line:column` of a path inside a record. */
export function whereIn(rec: RecordInput, path: Path): string {
  const p = rec.locate?.(path) ?? { line: 1, column: 1 };
  return `${rec.file}:${p.line}:${p.column}`;
}

/** The key a relationship record is unique by (its two ends), or null for a node record. */
export function pairOf(collection: CollectionName, value: Obj): string | null {
  const decl: CollectionDecl = RECORDS[collection];
  return decl.shape === 'edge' ? `${String(value[decl.from.key])}->${String(value[decl.to.key])}` : null;
}

export const duplicatePairMessage = (collection: CollectionName, pair: string, where: string) =>
  `duplicate ${collection === 'control' ? 'control link' : 'link'} ${pair}: already defined at ${where}`;

export const duplicateIdMessage = (id: string, first: NodeLabel, where: string) => `duplicate id "${id}": already defined as ${withArticle(first)} at ${where}`;

/** What is wrong with a reference to `id` expecting `label` when the id is `actual` (undefined: unknown); null when nothing is. */
export function referenceProblem(id: string, label: NodeLabel, actual: NodeLabel | undefined): string | null {
  if (!actual) return `unknown ${NOUN[label]} "${id}"`;
  if (actual !== label) return `"${id}" is ${withArticle(actual)}, not ${withArticle(label)}`;
  return null;
}

/**
 * Shape, types and the declared checks of one record: the value as its schema returns it, or its
 * problems. Readers run it as they stream, so a file of broken records stops early.
 */
export function checkRecord(rec: RecordInput): { value: Obj; issues: null } | { value: null; issues: RecordIssue[] } {
  const parsed = COLLECTIONS[rec.collection].safeParse(rec.value);
  if (!parsed.success) {
    const issues: RecordIssue[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) issues.push(issueAt(rec, path, `unknown field "${k}"`, k));
      else issues.push(issueAt(rec, path, rawValueAt(rec.value, path) === undefined ? 'required' : zodMessage(issue)));
    }
    return { value: null, issues };
  }
  const value = parsed.data as Obj;
  const decl: CollectionDecl = RECORDS[rec.collection];
  const problems = decl.checks.flatMap((check) => check(value));
  if (problems.length) return { value: null, issues: problems.map(([path, message]) => issueAt(rec, path, message)) };
  return { value, issues: null };
}

/**
 * Validates records, all or nothing. Records marked `checked` passed checkRecord already (their
 * value is what it returned). At most MAX_PROBLEMS problems are kept; `more` counts the rest.
 */
export async function validateRecords(raw: readonly RecordInput[], store?: GraphStore): Promise<ValidationResult> {
  const problems = new ProblemList();
  const issues = problems.issues;
  const records = emptyRecords();
  const at = (rec: RecordInput, path: Path, message: string, key?: string) => problems.add(issueAt(rec, path, message, key));

  // 1. Shape and types, then the declared checks between fields.
  const valid: { rec: RecordInput; value: Obj }[] = [];
  for (const rec of raw) {
    if (rec.checked) {
      valid.push({ rec, value: rec.value as Obj });
      continue;
    }
    const checked = checkRecord(rec);
    if (checked.value) valid.push({ rec, value: checked.value });
    else problems.addAll(checked.issues);
  }

  // 2. Ids unique across files and kinds; relationship records unique by their ends.
  const defined = new Map<string, { label: NodeLabel; rec: RecordInput }>();
  const pairs = new Map<string, RecordInput>();
  for (const { rec, value } of valid) {
    const pair = pairOf(rec.collection, value);
    if (pair !== null) {
      const first = pairs.get(pair);
      if (first) at(rec, [], duplicatePairMessage(rec.collection, pair, whereIn(first, [])));
      else pairs.set(pair, rec);
      continue;
    }
    for (const [id, label, path] of definedIds(rec.collection, value)) {
      const first = defined.get(id);
      if (first) at(rec, path, duplicateIdMessage(id, first.label, whereIn(first.rec, ['id'])));
      else defined.set(id, { label, rec });
    }
  }

  // 3. References resolve to the right kind, in the input or in the graph.
  const inGraph = new Map<string, NodeLabel>();
  if (store) {
    const wanted = new Set<string>(defined.keys());
    for (const { rec, value } of valid) for (const [, id] of referencesOf(rec.collection, value)) wanted.add(id);
    const ids = [...wanted];
    for (let i = 0; i < ids.length; i += 5000) {
      for (const row of await store.read(FIND_IDS, { ids: ids.slice(i, i + 5000) })) inGraph.set(String(row.id), row.label as NodeLabel);
    }
    for (const [id, { label, rec }] of defined) {
      const existing = inGraph.get(id);
      if (existing && existing !== label) at(rec, ['id'], `id "${id}" already belongs to ${withArticle(existing)} in the graph`);
    }
  }
  for (const { rec, value } of valid) {
    for (const [path, id, label] of referencesOf(rec.collection, value)) {
      const problem = referenceProblem(id, label, defined.get(id)?.label ?? inGraph.get(id));
      if (problem) at(rec, path, problem);
    }
  }

  if (!issues.length) for (const { rec, value } of valid) (records[rec.collection] as Obj[]).push(value);
  return { records, issues, more: problems.dropped };
}
