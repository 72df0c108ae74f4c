/**
 * One worker thread of a parallel import (parallel-import.ts): reads the files the main thread
 * hands it, one at a time, checks each record as it is read (checkRecord: shape, types, the
 * declared checks, the reader's limits), writes the rows of every valid record straight to its
 * own part of the bulk load's CSV files, and sends the main thread what only all files together
 * can check, compactly: the ids each record defines, the ids it references (each with its label)
 * and the ends of relationship records. No record is kept after it is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NODE_LABELS, type NodeLabel } from '../model/graph-model.ts';
import { recordRows } from '../records/bulk-load.ts';
import { ProblemList } from '../records/problem-list.ts';
import type { CollectionName } from '../records/record-schemas.ts';
import { checkRecord, definedIds, pairOf, referencesOf } from '../records/validate-records.ts';
import type { BulkShardSpec } from '../store/graph-store.ts';
import { openCsvShard } from '../store/ladybug/csv-tables.ts';
import { readInputFile } from './read-inputs.ts';
import type { FromMain, ToMain } from './import-messages.ts';

/** Records between two messages of ids to the main thread. */
const BATCH = 20_000;

const port = parentPort!;
const spec = (workerData as { spec: BulkShardSpec }).spec;
const tables = openCsvShard(spec);
const addRows = recordRows(tables);
const labelCode = new Map<NodeLabel, number>(NODE_LABELS.map((l, i) => [l, i]));

type Obj = Record<string, unknown>;

async function readFile(fileIndex: number, path: string, name: string): Promise<void> {
  const problems = new ProblemList();
  const counts: Partial<Record<CollectionName, number>> = {};
  let records = 0;
  let defined: string[] = [];
  let definedLabels: number[] = [];
  let refs: string[] = [];
  let refLabels: number[] = [];
  let pairs: string[] = [];
  let inBatch = 0;
  const flush = () => {
    const msg: ToMain = {
      kind: 'ids',
      defined,
      definedLabels: Uint8Array.from(definedLabels),
      refs,
      refLabels: Uint8Array.from(refLabels),
      pairs,
    };
    port.postMessage(msg, [msg.definedLabels.buffer as ArrayBuffer, msg.refLabels.buffer as ArrayBuffer]);
    defined = [];
    definedLabels = [];
    refs = [];
    refLabels = [];
    pairs = [];
    inBatch = 0;
  };
  await readInputFile(
    { path, name },
    (rec) => {
      records++;
      const checked = checkRecord(rec);
      if (!checked.value) {
        problems.addAll(checked.issues);
        return !problems.full;
      }
      const value = checked.value as Obj;
      counts[rec.collection] = (counts[rec.collection] ?? 0) + 1;
      const pair = pairOf(rec.collection, value);
      if (pair !== null) pairs.push(pair);
      else
        for (const [id, label] of definedIds(rec.collection, value)) {
          defined.push(id);
          definedLabels.push(labelCode.get(label)!);
        }
      for (const [, id, label] of referencesOf(rec.collection, value)) {
        refs.push(id);
        refLabels.push(labelCode.get(label)!);
      }
      // Once this file has a problem nothing will be written: its rows are not needed.
      if (!problems.issues.length) addRows(rec.collection, value);
      if (++inBatch >= BATCH) flush();
      return true;
    },
    problems,
  );
  flush();
  // Problems are called by the file's given name (a kept copy is read from elsewhere).
  const issues = path === name ? problems.issues : problems.issues.map((i) => (i.file === path ? { ...i, file: name } : i));
  const msg: ToMain = { kind: 'file-done', fileIndex, records, counts, issues, dropped: problems.dropped, full: problems.full };
  port.postMessage(msg);
}

port.on('message', (msg: FromMain) => {
  if (msg.kind === 'file') {
    // An unexpected failure ends the thread: the main thread sees it as an 'error' event.
    readFile(msg.fileIndex, msg.path, msg.name).catch((err: unknown) =>
      setImmediate(() => {
        throw err;
      }),
    );
  } else {
    tables.close();
    const done: ToMain = { kind: 'done', written: tables.summary() };
    port.postMessage(done);
  }
});
