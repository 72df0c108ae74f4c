/**
 * The `aigraph` command line. Each command lives in its own module under commands/; errors
 * the user can fix (configuration, a locked database, bad input) print one clear message and
 * exit non-zero, without a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config.ts';
import { ImportError } from '../importer/import-issue.ts';
import { KeyFileError } from '../auth/api-keys.ts';
import { StoreError } from '../store/store-errors.ts';
import { coverageCommand } from './commands/coverage.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand, seedCommand } from './commands/import.ts';
import { keysCommand } from './commands/keys.ts';
import { queriesCommand } from './commands/queries.ts';
import { rebuildCommand } from './commands/rebuild.ts';
import { serveCommand } from './commands/serve.ts';
import { UsageError } from './usage-error.ts';
import { synthCommand } from './commands/synth.ts';
import { JournalCorruptError } from '../writes/journal-file.ts';
import { ImportCopyError } from '../importer/import-inputs.ts';

// Every file aigraph creates is its user's only (0600, folders 0700), as PostgreSQL does: the
// database, its WAL, the write journal and kept imports hold the audit trail and every write.
process.umask(0o077);

const program = new Command().name('aigraph').description('A knowledge graph of the AI industry, served over GraphQL.').showHelpAfterError().exitOverride();

program.addCommand(serveCommand());
program.addCommand(seedCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(coverageCommand());
program.addCommand(queriesCommand());
program.addCommand(keysCommand());
program.addCommand(rebuildCommand());
program.addCommand(synthCommand());

function exitCodeFor(err: unknown): number {
  if (err instanceof ConfigError || err instanceof UsageError) return 2;
  if (err instanceof ImportError) return 3;
  return 1;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (
    err instanceof ConfigError ||
    err instanceof StoreError ||
    err instanceof UsageError ||
    err instanceof ImportError ||
    err instanceof KeyFileError ||
    err instanceof JournalCorruptError ||
    err instanceof ImportCopyError
  ) {
    process.stderr.write(`aigraph: ${err.message}\n`);
  } else {
    process.stderr.write(`aigraph: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(exitCodeFor(err));
}
