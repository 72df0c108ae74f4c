import { userInfo } from 'node:os';
import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { formatCounts, importFiles, type ImportCounts } from '../../importer/import-graph.ts';
import { ImportError, sortIssues } from '../../importer/import-issue.ts';
import { GraphWriter, WriteRejected } from '../../writes/graph-writer.ts';
import { keepImportInputs, parallelImporter, readImportInputs } from '../../importer/import-inputs.ts';
import { Journal, journalFileFor } from '../../writes/journal.ts';
import { reportJournalRepair } from '../journal-repair.ts';
import { databaseFileOf } from '../../store/open-store.ts';
import { withStore } from '../with-store.ts';

/**
 * `aigraph import` is a write like any other: its input files are kept by content beside the
 * journal and the journal gets one entry naming them, then the writer validates, applies and
 * audits it in one unit of work, so `aigraph rebuild` reproduces it.
 */
async function importJournaled(paths: string[]): Promise<ImportCounts> {
  const config = loadConfig();
  const file = databaseFileOf(config.store);
  return withStore(async (store) => {
    const journal = file ? new Journal(journalFileFor(file)) : null;
    try {
      if (journal) reportJournalRepair(journal);
      const writer = new GraphWriter(store, journal, null, readImportInputs, parallelImporter());
      // Entries a crash left unapplied come first, so this import lands after them, as it did in time.
      await writer.replay();
      const { files, issues } = await keepImportInputs(paths, journal?.importsDir ?? null);
      if (issues.length) throw new ImportError(sortIssues(issues));
      const outcome = await writer.apply({ actor: `cli:${userInfo().username}`, role: 'admin' }, 'import', { kind: 'import', files });
      await store.checkpoint();
      return outcome.counts!;
    } catch (err) {
      if (err instanceof WriteRejected) throw new ImportError(sortIssues([...err.issues]), err.more, err.stopped);
      throw err;
    } finally {
      journal?.close();
    }
  });
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
