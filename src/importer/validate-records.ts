/**
 * Validates raw records before anything is written, and reports every problem at once: the
 * record schemas (zod), dates and statuses that contradict each other, ids that repeat across
 * files and kinds, and references to things that exist neither in the input nor in the graph.
 */
import type { z } from 'zod';
import type { NodeLabel } from '../model/graph-model.ts';
import { ENDED_STATUSES } from '../model/vocabulary.ts';
import { FIND_IDS } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { formatPath, type ImportIssue } from './import-issue.ts';
import { ProblemList } from './problem-list.ts';
import { amountReportId, statusEntryId } from './records-to-graph.ts';
import type { RawRecord } from './read-yaml.ts';
import { COLLECTIONS, emptyRecords, type CollectionName, type RecordsByCollection } from './record-schemas.ts';

type Obj = Record<string, unknown>;
type Path = (string | number)[];

export interface ValidationResult {
  records: RecordsByCollection;
  issues: ImportIssue[];
  /** Problems found beyond those in `issues`. */
  more: number;
}

const LABEL_OF: Partial<Record<CollectionName, NodeLabel>> = {
  organizations: 'Organization',
  chips: 'Chip',
  cloudServices: 'CloudService',
  sources: 'Source',
  deals: 'Deal',
  exclusivities: 'Exclusivity',
};

const NOUN: Record<NodeLabel, string> = {
  Organization: 'organization',
  Chip: 'chip',
  CloudService: 'cloud service',
  Source: 'source',
  Deal: 'deal',
  Exclusivity: 'exclusivity',
  StatusEntry: 'status entry',
  AmountReport: 'amount report',
  AuditEntry: 'audit entry',
  Meta: 'server record',
};
const withArticle = (label: NodeLabel) => `${/^[aeiou]/.test(NOUN[label]) ? 'an' : 'a'} ${NOUN[label]}`;

function valueAt(value: unknown, path: Path): unknown {
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
function referencesOf(collection: CollectionName, r: Obj): [Path, string, NodeLabel][] {
  const refs: [Path, string, NodeLabel][] = [];
  const list = (key: string, label: NodeLabel, base: Path = [], obj: Obj = r) =>
    ((obj[key] as string[] | null | undefined) ?? []).forEach((id, i) => refs.push([[...base, key, i], id, label]));
  const one = (key: string, label: NodeLabel) => {
    if (typeof r[key] === 'string') refs.push([[key], r[key] as string, label]);
  };
  const history = () =>
    ((r.statusHistory as Obj[] | null | undefined) ?? []).forEach((h, i) => list('sources', 'Source', ['statusHistory', i], h));
  switch (collection) {
    case 'chips':
      one('designer', 'Organization');
      one('manufacturer', 'Organization');
      break;
    case 'cloudServices':
      one('operator', 'Organization');
      list('chips', 'Chip');
      break;
    case 'deals':
      one('retractionSource', 'Source');
      (r.parties as Obj[]).forEach((p, i) => refs.push([['parties', i, 'org'], p.org as string, 'Organization']));
      if (r.covers) {
        list('chips', 'Chip', ['covers'], r.covers as Obj);
        list('cloudServices', 'CloudService', ['covers'], r.covers as Obj);
      }
      list('sources', 'Source');
      history();
      ((r.otherReports as Obj[] | null | undefined) ?? []).forEach((o, i) => list('sources', 'Source', ['otherReports', i], o));
      list('supersedes', 'Deal');
      break;
    case 'exclusivities':
      one('retractionSource', 'Source');
      one('holder', 'Organization');
      one('grantor', 'Organization');
      one('deal', 'Deal');
      list('sources', 'Source');
      history();
      break;
    case 'control':
      one('controller', 'Organization');
      one('controlled', 'Organization');
      list('sources', 'Source');
      break;
    default:
      break;
  }
  return refs;
}

/** Dates and statuses that contradict each other, inside one deal or exclusivity. */
function consistencyIssues(collection: CollectionName, r: Obj): [Path, string][] {
  const out: [Path, string][] = [];
  if (collection !== 'deals' && collection !== 'exclusivities') return out;
  const ended = (ENDED_STATUSES as readonly string[]).includes(r.status as string);
  if (ended && !r.endedOn) out.push([['endedOn'], `required when status is ${String(r.status)}`]);
  if (!ended && r.endedOn) out.push([['endedOn'], `must be absent while status is ${String(r.status)} (use expired, terminated, superseded or called_off)`]);
  const before = (a: string, b: string) => {
    if (r[a] && r[b] && String(r[a]) > String(r[b])) out.push([[b], `${b} (${String(r[b])}) is before ${a} (${String(r[a])})`]);
  };
  before('announcedOn', 'endedOn');
  if (r.retractedOn && !r.retractionReason) out.push([['retractionReason'], 'required when retractedOn is given']);
  if (!r.retractedOn && (r.retractionReason || r.retractionSource)) out.push([['retractedOn'], 'required when the record says why it was retracted']);
  before(collection === 'deals' ? 'effectiveFrom' : 'validFrom', collection === 'deals' ? 'effectiveUntil' : 'validUntil');
  const history = (r.statusHistory as Obj[] | null | undefined) ?? [];
  history.forEach((h, i) => {
    if (i > 0 && String(h.on) < String(history[i - 1]!.on)) out.push([['statusHistory', i, 'on'], 'status history must be in date order']);
  });
  const last = history[history.length - 1];
  if (last && last.status !== r.status) out.push([['status'], `is ${String(r.status)} but the status history ends with ${String(last.status)}`]);
  if (collection === 'deals') {
    const seen = new Set<string>();
    (r.parties as Obj[]).forEach((p, i) => {
      const k = `${String(p.org)}/${String(p.role)}`;
      if (seen.has(k)) out.push([['parties', i], `${String(p.org)} is listed twice as ${String(p.role)}`]);
      if (p.lead != null && p.role !== 'investor') out.push([['parties', i, 'lead'], 'only an investor can lead a round']);
      seen.add(k);
    });
  }
  return out;
}

function issueAt(rec: RawRecord, path: Path, message: string, key?: string): ImportIssue {
  return { file: rec.file, ...rec.locate(path, key), path: formatPath(rec.collection, rec.index, key ? [...path, key] : path), message };
}

/**
 * Shape, types and internal consistency of one record: the value as its schema returns it, or
 * its problems. Readers run it as they stream, so a file of broken records stops early.
 */
export function checkRecord(rec: RawRecord): { value: Obj; issues: null } | { value: null; issues: ImportIssue[] } {
  const parsed = COLLECTIONS[rec.collection].safeParse(rec.value);
  if (!parsed.success) {
    const issues: ImportIssue[] = [];
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) issues.push(issueAt(rec, path, `unknown field "${k}"`, k));
      else issues.push(issueAt(rec, path, valueAt(rec.value, path) === undefined ? 'required' : zodMessage(issue)));
    }
    return { value: null, issues };
  }
  const value = parsed.data as Obj;
  const problems = consistencyIssues(rec.collection, value);
  if (problems.length) return { value: null, issues: problems.map(([path, message]) => issueAt(rec, path, message)) };
  return { value, issues: null };
}

/**
 * Validates records, all or nothing. Records marked `checked` passed checkRecord already (their
 * value is what it returned). At most MAX_PROBLEMS problems are kept; `more` counts the rest.
 */
export async function validateRecords(raw: readonly RawRecord[], store?: GraphStore): Promise<ValidationResult> {
  const problems = new ProblemList();
  const issues = problems.issues;
  const records = emptyRecords();
  const at = (rec: RawRecord, path: Path, message: string, key?: string) => {
    if (problems.full) problems.dropped++;
    else problems.add(issueAt(rec, path, message, key));
  };

  // 1. Shape and types.
  const valid: { rec: RawRecord; value: Obj }[] = [];
  for (const rec of raw) {
    if (rec.checked) {
      valid.push({ rec, value: rec.value as Obj });
      continue;
    }
    const checked = checkRecord(rec);
    if (checked.value) valid.push({ rec, value: checked.value });
    else problems.addAll(checked.issues);
  }

  // 2. Ids unique across files and kinds (derived child ids included).
  const defined = new Map<string, { label: NodeLabel; rec: RawRecord }>();
  const controlPairs = new Map<string, RawRecord>();
  const define = (id: string, label: NodeLabel, rec: RawRecord, path: Path) => {
    const first = defined.get(id);
    if (first) {
      const p = first.rec.locate(['id']);
      at(rec, path, `duplicate id "${id}": already defined as ${withArticle(first.label)} at ${first.rec.file}:${p.line}:${p.column}`);
    } else defined.set(id, { label, rec });
  };
  for (const { rec, value } of valid) {
    const label = LABEL_OF[rec.collection];
    if (label) {
      define(String(value.id), label, rec, ['id']);
      ((value.statusHistory as unknown[] | null | undefined) ?? []).forEach((_, i) => define(statusEntryId(String(value.id), i), 'StatusEntry', rec, ['statusHistory', i]));
      ((value.otherReports as unknown[] | null | undefined) ?? []).forEach((_, i) => define(amountReportId(String(value.id), i), 'AmountReport', rec, ['otherReports', i]));
    } else {
      const pair = `${String(value.controller)}->${String(value.controlled)}`;
      const first = controlPairs.get(pair);
      if (first) {
        const p = first.locate([]);
        at(rec, [], `duplicate control link ${pair}: already defined at ${first.file}:${p.line}:${p.column}`);
      } else controlPairs.set(pair, rec);
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
      const actual = defined.get(id)?.label ?? inGraph.get(id);
      if (!actual) at(rec, path, `unknown ${NOUN[label]} "${id}"`);
      else if (actual !== label) at(rec, path, `"${id}" is ${withArticle(actual)}, not ${withArticle(label)}`);
    }
  }

  if (!issues.length) for (const { rec, value } of valid) (records[rec.collection] as Obj[]).push(value);
  return { records, issues, more: problems.dropped };
}
