import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { csvFiles } from '../../importer/export-tables.ts';
import { deltaText, graphText, STREAM_FORMATS, type StreamFormat } from '../../importer/export-stream.ts';
import { parseFeedCursor } from '../../questions/feed.ts';
import { readSnapshot } from '../../records/graph-to-records.ts';
import { UsageError } from '../usage-error.ts';
import { withStore } from '../with-store.ts';

type Format = StreamFormat | 'csv';

async function write(pieces: AsyncIterable<string> | Iterable<string>, out: string | undefined): Promise<void> {
  const target: Writable = out ? createWriteStream(out) : process.stdout;
  await pipeline(Readable.from(pieces), target, { end: Boolean(out) });
}

export function exportCommand(): Command {
  return new Command('export')
    .description(
      'Write the whole graph: in the import format (JSON or YAML), as GraphML or dynamic GEXF for graph tools, as NDJSON, or as CSV files ' +
        '(one per node kind and one of edges, into --out DIR). With --since CURSOR, write the delta file of the changes after that feed cursor instead. ' +
        'While a server holds the database, use its GET /export/* routes.',
    )
    .addOption(new Option('--format <format>', 'output format').choices([...STREAM_FORMATS, 'csv']).default('json'))
    .option('--out <path>', 'write to this file (a folder for csv) instead of standard output')
    .option('--since <cursor>', 'write the changes after this feed cursor (a delta file, JSON) instead of the graph')
    .action(async (opts: { format: Format; out?: string; since?: string }) => {
      if (opts.since !== undefined) {
        const since = parseFeedCursor(opts.since);
        if (!since)
          throw new UsageError(
            `--since: "${opts.since}" is not a feed cursor (expected "<write>-<position>", such as "12-1", from the feed or a delta file's "until").`,
          );
        if (opts.format !== 'json') throw new UsageError('--since writes a JSON delta file: leave out --format or give --format json.');
        return withStore((store) => write(deltaText(store, since), opts.out));
      }
      if (opts.format === 'csv') {
        const dir = opts.out;
        if (!dir) throw new UsageError('--format csv writes one file per node kind and one of edges: give the folder with --out DIR.');
        return withStore(async (store) => {
          const snap = await readSnapshot(store);
          await mkdir(dir, { recursive: true });
          for (const [name, lines] of csvFiles(snap)) await write(lines, join(dir, name));
        });
      }
      return withStore((store) => write(graphText(store, opts.format as StreamFormat), opts.out));
    });
}
