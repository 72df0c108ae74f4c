import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { toGraphml } from '../../importer/export-graphml.ts';
import { toYaml } from '../../importer/export-yaml.ts';
import { readSnapshot, snapshotToRecords } from '../../records/graph-to-records.ts';
import { withStore } from '../with-store.ts';

export function exportCommand(): Command {
  return new Command('export')
    .description('Write the whole graph in the import format (JSON or YAML), or as GraphML for graph tools.')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'yaml', 'graphml']).default('json'))
    .option('--out <path>', 'write to this file instead of standard output')
    .action(async (opts: { format: 'json' | 'yaml' | 'graphml'; out?: string }) => {
      const text = await withStore(async (store) => {
        const snap = await readSnapshot(store);
        if (opts.format === 'graphml') return toGraphml(snap);
        const records = snapshotToRecords(snap);
        return opts.format === 'yaml' ? toYaml(records) : `${JSON.stringify(records, null, 2)}\n`;
      });
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
}
