import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { formatCounts, importFiles } from '../../importer/import-graph.ts';
import { withStore } from '../with-store.ts';

async function run(paths: string[], dryRun: boolean): Promise<void> {
  const counts = await withStore((store) => importFiles(store, paths, { dryRun }));
  process.stdout.write(`${formatCounts(counts, dryRun)}\n`);
  if (dryRun) process.stdout.write('Dry run: nothing was written.\n');
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      'Validate and import seed-format files (YAML or JSON) or folders of them: all or nothing. ' +
        'Every problem is reported with file:line:column and field path, and then nothing is written.',
    )
    .argument('<paths...>', 'files or folders (.yaml, .yml, .json)')
    .option('--dry-run', 'validate and count what would change, without writing')
    .action(async (paths: string[], opts: { dryRun?: boolean }) => run(paths, Boolean(opts.dryRun)));
}

export function seedCommand(): Command {
  return new Command('seed')
    .description('Load the curated seeds (AIGRAPH_SEEDS, default ./seeds) into the store; running it again changes nothing.')
    .option('--dry-run', 'validate and count what would change, without writing')
    .action(async (opts: { dryRun?: boolean }) => run([loadConfig().seedsDir], Boolean(opts.dryRun)));
}
