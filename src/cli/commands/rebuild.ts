import { existsSync, renameSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { importFiles } from '../../importer/import-graph.ts';
import { assertDatabaseFileFree, databaseFileOf, databaseFilesOf, openStore } from '../../store/open-store.ts';
import { parallelImporter, readImportInputs } from '../../importer/import-inputs.ts';
import { GraphWriter } from '../../writes/graph-writer.ts';
import { Journal, journalFileFor } from '../../writes/journal.ts';
import { UsageError } from '../usage-error.ts';
import { reportJournalRepair } from '../journal-repair.ts';

export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description(
      'Recreate the embedded database from the seeds and the write journal (for a database file that no longer opens). ' +
        'The old file is kept beside it with a .broken-<time> suffix. Refused while a server or another command has the database open.',
    )
    .action(async () => {
      const config = loadConfig();
      const path = databaseFileOf(config.store);
      if (path === null) throw new UsageError('rebuild works on an embedded database file (AIGRAPH_DB), not on Neo4j or :memory:.');
      // Moving a live server's database aside would lose every write it acknowledges afterwards.
      await assertDatabaseFileFree(path);
      // Read (and a torn tail cut off) before anything moves: a journal damaged in the middle stops here.
      const journal = new Journal(journalFileFor(path));
      reportJournalRepair(journal);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      for (const file of databaseFilesOf(path)) {
        if (existsSync(file)) renameSync(file, `${path}.broken-${stamp}${file.slice(path.length)}`);
      }
      const store = await openStore({ ...config, queryTimeoutMs: 600_000 });
      try {
        await store.bootstrap();
        const counts = await importFiles(store, [config.seedsDir]);
        const replayed = await new GraphWriter(store, journal, null, readImportInputs, parallelImporter()).replay(true);
        const created = Object.values(counts).reduce((n, c) => n + c.created, 0);
        process.stdout.write(`Rebuilt ${path}: ${created} records from ${config.seedsDir}, ${replayed} writes replayed from the journal.\n`);
      } finally {
        await store.close();
        journal.close();
      }
    });
}
