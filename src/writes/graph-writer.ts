/**
 * Every write goes through here (the API's mutations, `aigraph import`, journal replay), one at
 * a time through one queue, each in one unit of work: take the write lock, read what the write
 * depends on (a patch's current record, references, what changes), journal it (flushed to
 * disk), apply it with its audit entries and the journal position, or cut it from the journal
 * again. Reading inside the unit is what keeps read-merge-write changes (partial upserts,
 * status changes, retractions) from losing each other's updates. Until start-up work is done
 * (`readiness`), writes are refused with WriteNotReady. The graph version moves with every
 * committed write, so read caches can key on it.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import { COLLECTION_NAMES, collectionOfLabel, RECORDS, type CollectionName } from '../model/records.ts';
import { involvedOrganizations } from '../records/involved-organizations.ts';
import { deleteRecordNode, diffRecords, isGraphEmpty, readRecordsFor, writeRecords, type ImportCounts } from '../records/apply-records.ts';
import { canonicalRecord, recordKey } from '../records/canonical.ts';
import { deriveAll } from '../records/derived.ts';
import type { RecordInput, RecordIssue } from '../records/record-issue.ts';
import { emptyRecords, type RecordsByCollection } from '../records/record-schemas.ts';
import { validateRecords } from '../records/validate-records.ts';
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import { BULK_THRESHOLD, bulkLoad } from '../records/bulk-load.ts';
import { WRITE_LOCK } from '../queries/write-statements.ts';
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';
import type { Journal, JournalEntry } from './journal.ts';
import { readsInUnit } from './reads-in-unit.ts';
import { WriteNotReady, type Readiness } from './readiness.ts';
import type { ImportReader, ParallelImporter, WriteChange } from './write-change.ts';

type Obj = Record<string, unknown>;

export interface Author {
  readonly actor: string;
  readonly role: string;
}

export interface WriteOutcome {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  /** Per collection, for imports. */
  readonly counts?: ImportCounts;
}

/** Computes a change from the graph as it is when the write's turn comes (read through `view`, inside the write's unit). */
export type ChangeFrom = (view: GraphStore) => Promise<WriteChange>;

type Pending = Omit<JournalEntry, 'seq' | 'change'> & { seq?: number; change: WriteChange | ChangeFrom };

/** The input broke a rule; `issues` name the fields (paths like `deals[0].parties[1].org`). */
export class WriteRejected extends Error {
  constructor(
    readonly issues: readonly RecordIssue[],
    /** Problems found beyond `issues`, and whether reading stopped at the problem limit. */
    readonly more = 0,
    readonly stopped = false,
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'WriteRejected';
  }
}

const META_ID = 'journal';

export class GraphWriter {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly commitListeners = new Set<() => void>();
  /** Moves with every committed write. */
  version = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly journal: Journal | null,
    /** While `pending` is set, writes are refused (start-up work not done); absent: always open. */
    private readonly readiness: Readiness | null = null,
    /** How an import's kept files are read (replay and `aigraph import`); without one, imports are refused. */
    private readonly readImport: ImportReader | null = null,
    /** How a large import into an empty store is read and loaded in parallel; without one, every import takes the ordinary path. */
    private readonly parallelImport: ParallelImporter | null = null,
  ) {}

  /** Marks the graph changed by a writer other than this one (seeding at start-up). */
  invalidate(): void {
    this.committed();
  }

  /** Calls `listener` after every committed write (the live change stream wakes on it); returns how to stop. */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private committed(): void {
    this.version++;
    for (const l of this.commitListeners) l();
  }

  /**
   * Applies one change for an author; writes are serialised so journal order is commit order.
   * A change given as a function of the graph (ChangeFrom) is computed in the write's turn,
   * inside its unit of work, so two read-merge-writes of one record never see the same "before".
   */
  apply(author: Author, operation: string, change: WriteChange | ChangeFrom): Promise<WriteOutcome> {
    if (this.readiness?.pending) return Promise.reject(new WriteNotReady(this.readiness.pending));
    return this.enqueue(() => this.applyNow({ at: new Date().toISOString(), ...author, operation, change }, true));
  }

  private enqueue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * Re-applies journal entries the database does not have (after a crash, a restore or a
   * rebuild), in the writer's queue, so no write can run between them.
   */
  replay(all = false): Promise<number> {
    return this.enqueue(async () => {
      if (!this.journal) return 0;
      const [meta] = await this.store.read(NODE_STATEMENTS.Meta.get, { id: META_ID });
      const applied = all ? 0 : Number(meta?.journalSeq ?? 0);
      let n = 0;
      for (const entry of this.journal.entries()) {
        if (entry.seq <= applied) continue;
        await this.applyNow(entry, false);
        n++;
      }
      return n;
    });
  }

  private async applyNow(entry: Pending, journal: boolean): Promise<WriteOutcome> {
    let written: JournalEntry | null = null;
    let bulk: { records: RecordsByCollection; counts: ImportCounts; journaled: Omit<JournalEntry, 'seq'> } | null = null;
    let parallel: { journaled: Omit<JournalEntry, 'seq'> & { change: Extract<WriteChange, { kind: 'import' }> } } | null = null;
    // Without a journal, the write lock's count (in the database, so shared by every replica) orders writes.
    let locked = 0;
    try {
      const outcome = await this.store.transaction(async (tx): Promise<WriteOutcome | null> => {
        const [lock] = await tx.run(WRITE_LOCK);
        locked = Number(lock?.writes ?? 0);
        const view = readsInUnit(this.store, tx);
        const change = typeof entry.change === 'function' ? await entry.change(view) : entry.change;
        const journaled = { at: entry.at, actor: entry.actor, role: entry.role, operation: entry.operation, change };
        let records = emptyRecords();
        let created = new Set<Obj>();
        let updated = new Set<Obj>();
        let before = new Map<Obj, Obj>();
        let counts: ImportCounts | undefined;
        let deleted: { label: NodeLabel; id: string; before: Obj } | null = null;

        if (change.kind === 'records' || change.kind === 'import') {
          const empty = change.kind === 'import' && (await isGraphEmpty(view));
          if (
            change.kind === 'import' &&
            empty &&
            this.parallelImport &&
            this.store.capabilities.bulkCopy &&
            (await this.parallelImport.wants(change.files, this.keptIn))
          ) {
            // A large import into an empty store is read, checked and loaded in one go, after this unit.
            parallel = { journaled: { ...journaled, change } };
            return null;
          }
          const { raw, issues, stopped } =
            change.kind === 'import' ? await this.readImportFiles(change.files) : { raw: this.rawOf(change.records), issues: [], stopped: false };
          if (stopped) throw new WriteRejected(issues, 0, true);
          // References into an empty store cannot resolve: asking it for every id would only cost time.
          const validation = await validateRecords(raw, empty ? undefined : view);
          if (issues.length || validation.issues.length) throw new WriteRejected([...issues, ...validation.issues], validation.more);
          records = validation.records;
          ({ created, updated, before, counts } = await diffRecords(view, records, empty));
          if (!created.size && !updated.size) return { created: 0, updated: 0, unchanged: raw.length, deleted: 0, counts };
          if (empty && !updated.size && created.size > BULK_THRESHOLD) {
            // Into an empty store, a large import goes through the bulk path, after this unit.
            bulk = { records, counts, journaled };
            return null;
          }
        } else {
          const collection = collectionOfLabel(change.label);
          if (!collection)
            throw new WriteRejected([{ file: 'input', line: 1, column: 1, path: 'id', message: `a ${change.label} cannot be deleted on its own` }]);
          const old = ((await readRecordsFor(view, { [collection]: [change.id] }))[collection] as Obj[])[0];
          if (!old) return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
          deleted = { label: change.label, id: change.id, before: old };
        }

        written = journal && this.journal ? this.journal.write(journaled) : null;
        const seq = written?.seq ?? entry.seq ?? locked;
        if (deleted) await deleteRecordNode(tx, deleted.label, deleted.id);
        else await writeRecords(tx, records, created, updated);
        await this.audit(tx, journaled, seq, records, created, updated, before, deleted);
        if (this.journal) await tx.run(NODE_STATEMENTS.Meta.upsert, { rows: [{ id: META_ID, journalSeq: seq }] });
        return { created: created.size, updated: updated.size, unchanged: 0, deleted: deleted ? 1 : 0, counts };
      });
      if (outcome) {
        if (outcome.created || outcome.updated || outcome.deleted) this.committed();
        return outcome;
      }
      if (parallel)
        return await this.applyParallel(
          (parallel as { journaled: Omit<JournalEntry, 'seq'> & { change: Extract<WriteChange, { kind: 'import' }> } }).journaled,
          journal,
          entry.seq ?? locked,
          (w) => (written = w),
        );
      const b = bulk!;
      written = journal && this.journal ? this.journal.write(b.journaled) : null;
      const seq = written?.seq ?? entry.seq ?? locked;
      await bulkLoad(this.store, b.records, {
        // One audit entry for the whole import (its files and counts), not one per record.
        alsoInUnit: async (tx) => {
          await deriveAll(tx);
          await this.auditImport(tx, b.journaled, seq, b.counts);
          if (this.journal) await tx.run(NODE_STATEMENTS.Meta.upsert, { rows: [{ id: META_ID, journalSeq: seq }] });
        },
      });
      this.committed();
      const total = (k: 'created' | 'unchanged') => Object.values(b.counts).reduce((n, c) => n + c[k], 0);
      return { created: total('created'), updated: 0, unchanged: total('unchanged'), deleted: 0, counts: b.counts };
    } catch (err) {
      if (written) this.journal!.abort((written as JournalEntry).seq);
      throw err;
    }
  }

  private get keptIn(): string | null {
    return this.journal?.importsDir ?? null;
  }

  /**
   * A large import into an empty store: the parallel importer reads, checks and loads the files;
   * the journal entry is written once they are known good, and the derived properties, the
   * audit entry and the journal position commit with the load.
   */
  private async applyParallel(
    journaled: Omit<JournalEntry, 'seq'> & { change: Extract<WriteChange, { kind: 'import' }> },
    journal: boolean,
    fallbackSeq: number,
    onJournaled: (entry: JournalEntry) => void,
  ): Promise<WriteOutcome> {
    const result = await this.parallelImport!.run(this.store, journaled.change.files, this.keptIn, async (tx, counts) => {
      const written = journal && this.journal ? this.journal.write(journaled) : null;
      if (written) onJournaled(written);
      const seq = written?.seq ?? fallbackSeq;
      await deriveAll(tx);
      await this.auditImport(tx, journaled, seq, counts);
      if (this.journal) await tx.run(NODE_STATEMENTS.Meta.upsert, { rows: [{ id: META_ID, journalSeq: seq }] });
    });
    if (!result.ok) throw new WriteRejected(result.issues, result.more, result.stopped);
    this.committed();
    const created = Object.values(result.counts).reduce((n, c) => n + c.created, 0);
    return { created, updated: 0, unchanged: 0, deleted: 0, counts: result.counts };
  }

  private readImportFiles(files: Parameters<ImportReader>[0]): ReturnType<ImportReader> {
    if (!this.readImport) throw new Error('This writer was built without an import reader.');
    return this.readImport(files, this.keptIn);
  }

  private rawOf(records: Partial<RecordsByCollection>): RecordInput[] {
    return COLLECTION_NAMES.flatMap((c) => ((records[c] ?? []) as unknown[]).map((value, index) => ({ file: 'input', collection: c, index, value })));
  }

  private async auditImport(tx: UnitOfWork, entry: Omit<JournalEntry, 'seq'>, seq: number, counts: ImportCounts): Promise<void> {
    const files = entry.change.kind === 'import' ? entry.change.files.map((f) => ({ name: f.name, sha256: f.sha256 })) : [];
    const row = {
      id: `audit-${seq}-1-${Date.parse(entry.at)}`,
      at: entry.at,
      actor: entry.actor,
      role: entry.role,
      operation: entry.operation,
      subject: `import:${files.map((f) => f.sha256.slice(0, 12)).join(',')}`,
      before: null,
      after: JSON.stringify({ files, counts }),
      seq,
      pos: 1,
      label: null,
      organizations: [],
    };
    await tx.run(NODE_STATEMENTS.AuditEntry.upsert, { rows: [row] as never });
  }

  private async audit(
    tx: UnitOfWork,
    entry: Omit<JournalEntry, 'seq'>,
    seq: number,
    records: RecordsByCollection,
    created: Set<Obj>,
    updated: Set<Obj>,
    before: Map<Obj, Obj>,
    deleted: { label: NodeLabel; id: string; before: Obj } | null,
  ): Promise<void> {
    const rows: Obj[] = [];
    const row = (c: CollectionName, subject: string, b: Obj | null, a: Obj | null) => ({
      id: `audit-${seq}-${rows.length + 1}-${Date.parse(entry.at)}`,
      at: entry.at,
      actor: entry.actor,
      role: entry.role,
      operation: entry.operation,
      subject,
      before: b ? JSON.stringify(b) : null,
      after: a ? JSON.stringify(a) : null,
      // The change feed's fields (src/questions/feed.ts).
      seq,
      pos: rows.length + 1,
      label: RECORDS[c].shape === 'node' ? RECORDS[c].label : null,
      organizations: involvedOrganizations(c, b, a),
    });
    if (deleted) rows.push(row(collectionOfLabel(deleted.label)!, deleted.id, deleted.before, null));
    for (const c of COLLECTION_NAMES) {
      for (const r of records[c] as Obj[]) {
        if (created.has(r)) rows.push(row(c, recordKey(c, r), null, canonicalRecord(c, r)));
        else if (updated.has(r)) rows.push(row(c, recordKey(c, r), before.get(r) ?? null, canonicalRecord(c, r)));
      }
    }
    await tx.run(NODE_STATEMENTS.AuditEntry.upsert, { rows: rows as never });
  }
}
