import { Command } from 'commander';
import { ImportError, sortIssues } from '../../importer/import-issue.ts';
import { readInputs } from '../../importer/read-inputs.ts';
import { coverageOf, formatCoverage } from '../../records/coverage.ts';
import { readSnapshot, snapshotToRecords } from '../../records/graph-to-records.ts';
import type { RecordsByCollection } from '../../records/record-schemas.ts';
import { validateRecords } from '../../records/validate-records.ts';
import { withStore } from '../with-store.ts';

/** The records of import files, checked as an import checks them (nothing is written). */
async function recordsOfFiles(paths: readonly string[]): Promise<RecordsByCollection> {
  const { raw, issues, stopped } = await readInputs(paths);
  if (stopped) throw new ImportError(sortIssues(issues), 0, true);
  const validation = await validateRecords(raw);
  const all = [...issues, ...validation.issues];
  if (all.length) throw new ImportError(sortIssues(all), validation.more);
  return validation.records;
}

export function coverageCommand(): Command {
  return new Command('coverage')
    .description(
      'Report what the graph covers: counts by year, kind, region and source tier, the newest fact, and the gaps (organizations without a relationship, facts with only secondary sources, ungraded sources).',
    )
    .argument('[paths...]', 'import files or folders to report on (default: the configured database)')
    .option('--json', 'print the report as JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const records = paths.length ? await recordsOfFiles(paths) : await withStore(async (store) => snapshotToRecords(await readSnapshot(store)));
      const report = coverageOf(records);
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatCoverage(report));
    });
}
