/**
 * Reads the input files of an import in bounded memory: JSON streamed record by record, YAML
 * refused above MAX_YAML_FILE_BYTES, every record checked (checkRecord) as soon as it is read so
 * that only valid records are kept, reading stopped at MAX_PROBLEMS problems or MAX_RECORDS
 * records. What references and ids across records need is checked afterwards (validateRecords).
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { MAX_RECORDS } from '../model/limits.ts';
import type { ImportIssue } from './import-issue.ts';
import { ProblemList } from '../records/problem-list.ts';
import { readJsonFile } from './read-json.ts';
import { readYamlFile, type RawRecord } from './read-yaml.ts';
import { checkRecord } from '../records/validate-records.ts';

const INPUT_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The input files named by paths: files as given, folders searched for .yaml/.yml/.json. */
export async function expandInputs(paths: readonly string[]): Promise<{ files: string[]; issues: ImportIssue[] }> {
  const files: string[] = [];
  const issues: ImportIssue[] = [];
  const walk = async (dir: string) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      issues.push({ file: p, line: 1, column: 1, path: '', message: 'no such file or folder' });
    }
  }
  return { files, issues };
}

export interface ReadInputsResult {
  /** The records that passed checkRecord (`checked`); none once reading stopped. */
  raw: RawRecord[];
  issues: ImportIssue[];
  /** Reading stopped at the problem limit: the rest of the input was not checked. */
  stopped: boolean;
}

export async function readInputs(paths: readonly string[]): Promise<ReadInputsResult> {
  const problems = new ProblemList();
  const { files, issues } = await expandInputs(paths);
  problems.addAll(issues);
  if (!files.length && !issues.length) problems.add({ file: paths.join(' '), line: 1, column: 1, path: '', message: 'no .yaml, .yml or .json files found' });
  return readInputFiles(
    files.map((f) => ({ path: f, name: f })),
    problems,
  );
}

/**
 * Reads the given files as readInputs does (bounded, checked as they stream, stopped at the
 * problem limit); `name` is what records and problems call the file (a kept copy of an import
 * is read from its copy but named as the file the user gave).
 */
export async function readInputFiles(files: readonly { path: string; name: string }[], problems = new ProblemList()): Promise<ReadInputsResult> {
  const raw: RawRecord[] = [];
  let tooMany = false;
  /** Keeps a record that passes its checks; false once reading must stop. */
  const take = (rec: RawRecord): boolean => {
    if (raw.length >= MAX_RECORDS) {
      problems.add({
        file: rec.file,
        ...rec.locate([]),
        path: `${rec.collection}[${rec.index}]`,
        message: `more than ${MAX_RECORDS} records in one import; split the input into several imports`,
      });
      tooMany = true;
      return false;
    }
    const checked = checkRecord(rec);
    if (checked.value) {
      raw.push({ ...rec, value: checked.value, checked: true });
    } else problems.addAll(checked.issues);
    return !problems.full;
  };
  for (const f of files) {
    if (problems.full || tooMany) break;
    await readInputFile(f, take, problems);
  }
  // Records and problems are called by the file's given name (a kept copy is read from elsewhere).
  const nameOf = new Map(files.filter((f) => f.name !== f.path).map((f) => [f.path, f.name]));
  if (nameOf.size) {
    for (let i = 0; i < raw.length; i++) {
      const name = nameOf.get(raw[i]!.file);
      if (name) raw[i] = { ...raw[i]!, file: name };
    }
    for (let i = 0; i < problems.issues.length; i++) {
      const name = nameOf.get(problems.issues[i]!.file);
      if (name) problems.issues[i] = { ...problems.issues[i]!, file: name };
    }
  }
  const stopped = problems.full || tooMany;
  // Nothing will be written and no further problem reported: the records read are not needed.
  if (stopped) raw.length = 0;
  return { raw, issues: problems.issues, stopped };
}

/**
 * Reads one input file (JSON streamed, YAML whole), handing each record to `take` as it is read
 * until `take` returns false; problems go to `problems`, and reading stops when it is full.
 * Records and problems are called by `path` (the caller renames them when `name` differs).
 */
export async function readInputFile(f: { path: string; name: string }, take: (rec: RawRecord) => boolean, problems: ProblemList): Promise<void> {
  if (extname(f.name).toLowerCase() === '.json') await readJsonFile(f.path, take, problems);
  else {
    const result = await readYamlFile(f.path);
    problems.addAll(result.issues);
    for (const rec of result.records) if (!take(rec)) break;
  }
}
