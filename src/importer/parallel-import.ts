/**
 * The import of a large input into an EMPTY store whose bulk load writes files (LadybugDB's COPY),
 * spread over worker threads: each worker reads whole files, checks every record as it is read
 * and writes its rows straight to its own part of the load's CSV files (import-worker.ts); this
 * thread keeps only compact id sets (every id defined, with its label; every id referenced, with
 * the labels expected of it; the ends of relationship records) and checks them when every file
 * is read. Nothing is written unless the whole input is valid; then the load's COPY statements,
 * and whatever the caller adds (`alsoInUnit`), run in one unit of work.
 *
 * The promises of the serial importer hold: every problem is reported with file:line:column and
 * field path, in the same words (a problem between records, a duplicate id or a dangling
 * reference, is located by reading the files once more, only when there is one); reading stops
 * at MAX_PROBLEMS problems, counted over the files in their given order; MAX_RECORDS holds.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NODE_LABELS, type NodeLabel } from '../model/graph-model.ts';
import { MAX_PROBLEMS, MAX_RECORDS } from '../model/limits.ts';
import { zeroCounts, type ImportCounts } from '../records/apply-records.ts';
import { requireEmpty } from '../records/bulk-load.ts';
import { ProblemList } from '../records/problem-list.ts';
import {
  checkRecord,
  definedIds,
  duplicateIdMessage,
  duplicatePairMessage,
  issueAt,
  pairOf,
  referenceProblem,
  referencesOf,
  whereIn,
} from '../records/validate-records.ts';
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';
import type { ImportIssue } from './import-issue.ts';
import type { FromMain, ToMain } from './import-messages.ts';
import { readInputFile } from './read-inputs.ts';

type Obj = Record<string, unknown>;

export interface ParallelImportOptions {
  /** Worker threads (default: the cores available, at most 4, at least 1). */
  readonly workers?: number;
  /** Where the load may write its temporary files. */
  readonly tmpDir?: string;
  /** More work committed with the load, in its unit of work (derived properties, the audit entry, the journal position), told the counts. */
  readonly alsoInUnit?: (tx: UnitOfWork, counts: ImportCounts) => Promise<void>;
  /** Told when each phase ends: `read` (files read, checked and turned into rows), `check` (ids across files), `write`, `checkpoint`. */
  readonly onPhase?: (phase: string, ms: number) => void;
}

export type ParallelImportResult =
  | { readonly ok: true; readonly counts: ImportCounts; readonly records: number; readonly nodes: number; readonly relationships: number }
  | { readonly ok: false; readonly issues: ImportIssue[]; readonly more: number; readonly stopped: boolean };

interface FileResult {
  readonly records: number;
  readonly counts: Partial<Record<string, number>>;
  readonly issues: ImportIssue[];
  readonly dropped: number;
  readonly full: boolean;
}

/** The id sets this thread keeps while the workers read. */
class IdSets {
  /** Id -> index of its label in NODE_LABELS (the first definition seen). */
  readonly defined = new Map<string, number>();
  /** Referenced id -> bit mask of the labels expected of it, for references not yet seen satisfied. */
  readonly refs = new Map<string, number>();
  readonly pairs = new Set<string>();
  readonly dupIds = new Set<string>();
  readonly dupPairs = new Set<string>();

  add(msg: Extract<ToMain, { kind: 'ids' }>): void {
    const { defined, refs } = this;
    for (let i = 0; i < msg.defined.length; i++) {
      const id = msg.defined[i]!;
      if (defined.has(id)) this.dupIds.add(id);
      else defined.set(id, msg.definedLabels[i]!);
    }
    for (let i = 0; i < msg.refs.length; i++) {
      const id = msg.refs[i]!;
      const label = msg.refLabels[i]!;
      // A reference to an id already defined with the expected label is settled (a second
      // definition of that id is a duplicate, reported as such).
      if (defined.get(id) !== label) refs.set(id, (refs.get(id) ?? 0) | (1 << label));
    }
    for (const p of msg.pairs) {
      if (this.pairs.has(p)) this.dupPairs.add(p);
      else this.pairs.add(p);
    }
  }

  /** Referenced ids that are not defined, or not with every label expected of them. */
  badRefs(): Set<string> {
    const bad = new Set<string>();
    for (const [id, mask] of this.refs) {
      const actual = this.defined.get(id);
      if (actual === undefined || mask !== 1 << actual) bad.add(id);
    }
    return bad;
  }
}

function workerCount(requested: number | undefined, files: number): number {
  const n = requested ?? Math.min(4, availableParallelism());
  return Math.max(1, Math.min(n, files));
}

/**
 * Reads, checks and loads `files` (read from `path`, called `name`) into an empty store; returns
 * the counts, or the problems (and then nothing was written). Throws StoreNotEmptyError when the
 * store holds nodes.
 */
export async function parallelImport(
  store: GraphStore,
  files: readonly { path: string; name: string }[],
  options: ParallelImportOptions = {},
): Promise<ParallelImportResult> {
  await requireEmpty(store);
  const load = await store.openBulkLoad({ tmpDir: options.tmpDir, onPhase: (p, ms) => p !== 'rows' && options.onPhase?.(p, ms) });
  if (!load.shards) {
    load.abort();
    throw new Error(`The ${store.engine} store's bulk load takes no rows written by other threads.`);
  }
  const shards = load.shards;
  let committed = false;
  try {
    let t = performance.now();
    const ids = new IdSets();
    const results: (FileResult | undefined)[] = new Array(files.length);
    await runWorkers(
      files,
      workerCount(options.workers, files.length),
      (name) => shards.spec(name),
      ids,
      results,
      (w) => shards.add(w),
    );
    options.onPhase?.('read', performance.now() - t);
    t = performance.now();

    // Problems in file order, as the serial reader meets them; it stops at the first MAX_PROBLEMS.
    const problems = new ProblemList();
    let records = 0;
    let stopped = false;
    const counts = zeroCounts();
    for (let i = 0; i < files.length; i++) {
      const r = results[i];
      if (!r) break;
      problems.addAll(r.issues);
      problems.dropped += r.dropped;
      for (const [c, n] of Object.entries(r.counts)) counts[c as keyof ImportCounts].created += n ?? 0;
      if (records + r.records > MAX_RECORDS && !stopped) {
        problems.add({
          file: files[i]!.name,
          line: 1,
          column: 1,
          path: '',
          message: `more than ${MAX_RECORDS} records in one import; split the input into several imports`,
        });
        stopped = true;
      }
      records += r.records;
      if (r.full || problems.full) stopped = true;
      if (stopped) break;
    }
    if (stopped) return { ok: false, issues: problems.issues, more: 0, stopped: true };

    const bad = ids.badRefs();
    if (ids.dupIds.size || ids.dupPairs.size || bad.size) {
      await locateProblems(files, ids, bad, problems);
    }
    options.onPhase?.('check', performance.now() - t);
    if (problems.issues.length) return { ok: false, issues: problems.issues, more: problems.dropped, stopped: false };

    const written = await load.commit(async (tx) => options.alsoInUnit?.(tx, counts));
    committed = true;
    return { ok: true, counts, records, nodes: written.nodes, relationships: written.relationships };
  } finally {
    if (!committed) load.abort();
  }
}

/**
 * Hands the files to `n` workers in their given order, one at a time, and gathers what they send.
 * Resolves with -1 when every file is read, or with the index of the file after which reading
 * stopped at the problem limit (the workers are then ended without finishing).
 */
function runWorkers(
  files: readonly { path: string; name: string }[],
  n: number,
  specFor: (name: string) => import('../store/graph-store.ts').BulkShardSpec,
  ids: IdSets,
  results: (FileResult | undefined)[],
  addShard: (written: import('../store/graph-store.ts').BulkShardWritten) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let running = n;
    let settled = false;
    const finish = (err: unknown, value = -1) => {
      if (settled) return;
      settled = true;
      // Every worker is ended before the caller removes their files (or writes what they wrote).
      void Promise.allSettled(workers.map((w) => w.terminate())).then(() => (err ? reject(err) : resolve(value)));
    };
    /** Stops early once the files read so far, in order, hold MAX_PROBLEMS problems or one whose reading stopped. */
    const problemPrefix = () => {
      let count = 0;
      for (let i = 0; i < results.length; i++) {
        const r = results[i];
        if (!r) return -1;
        count += r.issues.length;
        if (r.full || count >= MAX_PROBLEMS) return i;
      }
      return -1;
    };
    const give = (w: Worker) => {
      const msg: FromMain = next < files.length ? { kind: 'file', fileIndex: next, ...files[next++]! } : { kind: 'end' };
      w.postMessage(msg);
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL('./import-worker.mjs', import.meta.url), {
        workerData: { spec: specFor(`w${k}`) },
        execArgv: [],
        // Every record leaves short-lived garbage (its parsed value, the checked copy, its rows):
        // a larger young generation lets more of it die before it is copied.
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      });
      workers.push(w);
      w.on('message', (msg: ToMain) => {
        if (settled) return;
        try {
          if (msg.kind === 'ids') ids.add(msg);
          else if (msg.kind === 'file-done') {
            results[msg.fileIndex] = msg;
            const at = problemPrefix();
            if (at >= 0) return finish(null, at);
            give(w);
          } else {
            addShard(msg.written);
            if (--running === 0) finish(null);
          }
        } catch (err) {
          finish(err);
        }
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`An import worker stopped unexpectedly (exit code ${code}).`));
      });
      give(w);
    }
  });
}

/**
 * Reads the files once more, in order, to report each duplicate id, duplicate relationship and
 * bad reference found by the id sets where the serial validator reports it, in its words:
 * duplicates first, then references.
 */
async function locateProblems(files: readonly { path: string; name: string }[], ids: IdSets, bad: ReadonlySet<string>, problems: ProblemList): Promise<void> {
  const dups = new ProblemList();
  const refs = new ProblemList();
  const firstId = new Map<string, { label: NodeLabel; where: string }>();
  const firstPair = new Map<string, string>();
  const labelOf = (id: string) => {
    const code = ids.defined.get(id);
    return code === undefined ? undefined : NODE_LABELS[code];
  };
  for (const f of files) {
    await readInputFile(
      f,
      (raw) => {
        const rec = raw.file === f.name ? raw : { ...raw, file: f.name };
        const checked = checkRecord(rec);
        if (!checked.value) return true;
        const value = checked.value as Obj;
        const pair = pairOf(rec.collection, value);
        if (pair !== null && ids.dupPairs.has(pair)) {
          const first = firstPair.get(pair);
          if (first) dups.add(issueAt(rec, [], duplicatePairMessage(rec.collection, pair, first)));
          else firstPair.set(pair, whereIn(rec, []));
        }
        if (pair === null && ids.dupIds.size) {
          for (const [id, label, path] of definedIds(rec.collection, value)) {
            if (!ids.dupIds.has(id)) continue;
            const first = firstId.get(id);
            if (first) dups.add(issueAt(rec, path, duplicateIdMessage(id, first.label, first.where)));
            else firstId.set(id, { label, where: whereIn(rec, ['id']) });
          }
        }
        if (bad.size) {
          for (const [path, id, label] of referencesOf(rec.collection, value)) {
            if (!bad.has(id)) continue;
            const problem = referenceProblem(id, label, firstId.get(id)?.label ?? labelOf(id));
            if (problem) refs.add(issueAt(rec, path, problem));
          }
        }
        return true;
      },
      new ProblemList(),
    );
  }
  for (const list of [dups, refs]) {
    problems.addAll(list.issues);
    problems.dropped += list.dropped;
  }
}
