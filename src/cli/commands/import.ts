import { userInfo } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { formatCounts, importFiles, type ImportCounts } from '../../importer/import-graph.ts';
import { journaledImport } from '../../importer/journaled-import.ts';
import { reportJournalRepair } from '../journal-repair.ts';
import { databaseFileOf } from '../../store/open-store.ts';
import { withStore } from '../with-store.ts';

/** `aigraph import` of files into the configured store, journaled (journaled-import.ts). */
async function importJournaled(paths: string[]): Promise<ImportCounts> {
  const file = databaseFileOf(loadConfig().store);
  return withStore((store) => journaledImport(store, paths, { actor: `cli:${userInfo().username}`, databaseFile: file, onJournal: reportJournalRepair }));
}

async function run(paths: string[], dryRun: boolean): Promise<void> {
  const counts = dryRun ? await withStore((store) => importFiles(store, paths, { dryRun })) : await importJournaled(paths);
  process.stdout.write(`${formatCounts(counts, dryRun)}\n`);
  if (dryRun) process.stdout.write('Dry run: nothing was written.\n');
}

/** Seeds: what `rebuild` loads first, so they are not journaled (see docs/durability.md). */
async function seed(dryRun: boolean): Promise<void> {
  const counts = await withStore((store) => importFiles(store, [loadConfig().seedsDir], { dryRun }));
  process.stdout.write(`${formatCounts(counts, dryRun)}\n`);
  if (dryRun) process.stdout.write('Dry run: nothing was written.\n');
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      'Validate and import seed-format files (YAML or JSON) or folders of them: all or nothing. ' +
        'Every problem is reported with file:line:column and field path, and then nothing is written. ' +
        'The files are kept by content beside the write journal, so `aigraph rebuild` replays the import.',
    )
    .argument('<paths...>', 'files or folders (.yaml, .yml, .json)')
    .option('--dry-run', 'validate and count what would change, without writing')
    .action(async (paths: string[], opts: { dryRun?: boolean }) => run(paths, Boolean(opts.dryRun)));
}

export function seedCommand(): Command {
  return new Command('seed')
    .description('Load the curated seeds (AIGRAPH_SEEDS, default ./seeds) into the store; running it again changes nothing.')
    .option('--dry-run', 'validate and count what would change, without writing')
    .action(async (opts: { dryRun?: boolean }) => seed(Boolean(opts.dryRun)));
}
