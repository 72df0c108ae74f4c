/**
 * `aigraph import` as a write like any other: its input files are kept by content beside the
 * journal and the journal gets one entry naming them, then the writer validates, applies and
 * audits it in one unit of work, so `aigraph rebuild` reproduces it (docs/durability.md). A
 * large import into an empty store is read and loaded in parallel (parallel-import.ts).
 */
import { GraphWriter, WriteRejected } from '../writes/graph-writer.ts';
import { Journal, journalFileFor } from '../writes/journal.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { ImportCounts } from '../records/apply-records.ts';
import { ImportError, sortIssues } from './import-issue.ts';
import { keepImportInputs, parallelImporter, readImportInputs } from './import-inputs.ts';
import type { ParallelImportOptions } from './parallel-import.ts';

export interface JournaledImportOptions {
  /** Who imports (the audit entry's actor). */
  readonly actor: string;
  /** The database file the journal sits beside; null: no journal (a database server, or in memory). */
  readonly databaseFile: string | null;
  /** Told about the journal once it is open (before anything is replayed or written). */
  readonly onJournal?: (journal: Journal) => void;
  /** Options of the parallel path (phases are reported through `onPhase`, `keep` included; `minBytes`: the input size from which it is taken). */
  readonly parallel?: Omit<ParallelImportOptions, 'alsoInUnit'> & { readonly minBytes?: number };
}

export async function journaledImport(store: GraphStore, paths: readonly string[], options: JournaledImportOptions): Promise<ImportCounts> {
  const journal = options.databaseFile ? new Journal(journalFileFor(options.databaseFile)) : null;
  try {
    if (journal) options.onJournal?.(journal);
    const writer = new GraphWriter(store, journal, null, readImportInputs, parallelImporter(options.parallel));
    // Entries a crash left unapplied come first, so this import lands after them, as it did in time.
    await writer.replay();
    const t = performance.now();
    const { files, issues } = await keepImportInputs(paths, journal?.importsDir ?? null);
    if (issues.length) throw new ImportError(sortIssues(issues));
    options.parallel?.onPhase?.('keep', performance.now() - t);
    const outcome = await writer.apply({ actor: options.actor, role: 'admin' }, 'import', { kind: 'import', files });
    await store.checkpoint();
    return outcome.counts!;
  } catch (err) {
    if (err instanceof WriteRejected) throw new ImportError(sortIssues([...err.issues]), err.more, err.stopped);
    throw err;
  } finally {
    journal?.close();
  }
}
