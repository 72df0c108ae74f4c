/**
 * Exports written as a stream of text pieces, for the command line (to a file or standard
 * output) and for the HTTP routes (src/server/export-routes.ts) alike: the graph in the import
 * format (JSON), NDJSON, dynamic GEXF, GraphML and YAML; and the delta file of the changes after a
 * feed cursor. The graph is read whole first (one snapshot), then written a record or a row at a
 * time, so the text is never held whole.
 */
import type { RecordsByCollection } from '../records/record-schemas.ts';
import { readSnapshot, snapshotToRecords, type GraphSnapshot } from '../records/graph-to-records.ts';
import { encodeFeedCursor, type FeedCursor, feedWithRecords } from '../questions/feed.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { toGraphml } from './export-graphml.ts';
import { gexfLines } from './export-gexf.ts';
import { ndjsonLines } from './export-tables.ts';
import { toYaml } from './export-yaml.ts';

export const STREAM_FORMATS = ['json', 'yaml', 'graphml', 'ndjson', 'gexf'] as const;
export type StreamFormat = (typeof STREAM_FORMATS)[number];

/** The import format as JSON, one record per line. */
export function* recordsJson(records: RecordsByCollection): Generator<string> {
  const collections = Object.entries(records);
  yield '{\n';
  for (const [i, [name, list]] of collections.entries()) {
    yield `${JSON.stringify(name)}: [`;
    for (const [j, r] of (list as unknown[]).entries()) yield `${j ? ',' : ''}\n  ${JSON.stringify(r)}`;
    yield `${(list as unknown[]).length ? '\n' : ''}]${i < collections.length - 1 ? ',' : ''}\n`;
  }
  yield '}\n';
}

export function* snapshotText(snap: GraphSnapshot, format: StreamFormat): Generator<string> {
  switch (format) {
    case 'json':
      return yield* recordsJson(snapshotToRecords(snap));
    case 'yaml':
      return yield toYaml(snapshotToRecords(snap));
    case 'graphml':
      return yield toGraphml(snap);
    case 'ndjson':
      return yield* ndjsonLines(snap);
    case 'gexf':
      return yield* gexfLines(snap);
  }
}

export async function* graphText(store: GraphStore, format: StreamFormat): AsyncGenerator<string> {
  yield* snapshotText(await readSnapshot(store), format);
}

/**
 * The delta file: every change after `since`, in order, each with the record before and after it
 * (null when created or deleted), then `until`, the cursor to ask for the next delta after.
 */
export async function* deltaText(store: GraphStore, since: FeedCursor): AsyncGenerator<string> {
  yield `{\n"since": ${JSON.stringify(encodeFeedCursor(since))},\n"changes": [`;
  let until = since;
  let n = 0;
  for await (const c of feedWithRecords(store, since)) {
    const { seq: _s, pos: _p, ...change } = c;
    yield `${n++ ? ',' : ''}\n  ${JSON.stringify(change)}`;
    until = c;
  }
  yield `${n ? '\n' : ''}],\n"until": ${JSON.stringify(encodeFeedCursor(until))}\n}\n`;
}
