/**
 * Every write of the API goes through here, one at a time: validate (the record rules),
 * detect what changes, journal it (flushed to disk), apply it with its audit entries and the
 * journal position in one unit of work, or abort it in the journal. The graph version moves
 * with every committed write, so read caches can key on it.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import { COLLECTION_NAMES, collectionOfLabel, type CollectionName } from '../model/records.ts';
import { deleteRecordNode, diffRecords, readRecordsFor, writeRecords } from '../records/apply-records.ts';
import { canonicalRecord, recordKey } from '../records/canonical.ts';
import type { RecordInput, RecordIssue } from '../records/record-issue.ts';
import { emptyRecords, type RecordsByCollection } from '../records/record-schemas.ts';
import { validateRecords } from '../records/validate-records.ts';
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';
import type { Journal, JournalEntry } from './journal.ts';
import type { WriteChange } from './write-change.ts';

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
}

/** The input broke a rule; each issue names the record and the field inside it (`at`). */
export class WriteRejected extends Error {
  constructor(readonly issues: readonly RecordIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'WriteRejected';
  }
}

const META_ID = 'journal';

export class GraphWriter {
  private chain: Promise<unknown> = Promise.resolve();
  private seqWithoutJournal = 0;
  /** Moves with every committed write. */
  version = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly journal: Journal | null,
  ) {}

  /** Marks the graph changed by a writer other than this one (seeding at start-up). */
  invalidate(): void {
    this.version++;
  }

  /** Applies one change for an author; writes are serialised so journal order is commit order. */
  apply(author: Author, operation: string, change: WriteChange): Promise<WriteOutcome> {
    const run = () => this.applyNow({ at: new Date().toISOString(), ...author, operation, change }, true);
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Re-applies journal entries the database does not have (after a crash or a rebuild). */
  async replay(all = false): Promise<number> {
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
  }

  private async applyNow(entry: Omit<JournalEntry, 'seq'> & { seq?: number }, journal: boolean): Promise<WriteOutcome> {
    const { change } = entry;
    let records = emptyRecords();
    let created = new Set<Obj>();
    let updated = new Set<Obj>();
    let before = new Map<Obj, Obj>();
    let deleted: { label: NodeLabel; id: string; before: Obj } | null = null;

    if (change.kind === 'records') {
      const raw: RecordInput[] = COLLECTION_NAMES.flatMap((c) => ((change.records[c] ?? []) as unknown[]).map((value, index) => ({ file: 'input', collection: c, index, value })));
      const validation = await validateRecords(raw, this.store);
      if (validation.issues.length) throw new WriteRejected(validation.issues);
      records = validation.records;
      ({ created, updated, before } = await diffRecords(this.store, records));
      if (!created.size && !updated.size) return { created: 0, updated: 0, unchanged: raw.length, deleted: 0 };
    } else {
      const collection = collectionOfLabel(change.label);
      if (!collection) throw new WriteRejected([{ file: 'input', line: 1, column: 1, path: 'id', message: `a ${change.label} cannot be deleted on its own` }]);
      const old = ((await readRecordsFor(this.store, { [collection]: [change.id] }))[collection] as Obj[])[0];
      if (!old) return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      deleted = { label: change.label, id: change.id, before: old };
    }

    const written = journal && this.journal ? this.journal.write({ at: entry.at, actor: entry.actor, role: entry.role, operation: entry.operation, change }) : null;
    const seq = written?.seq ?? entry.seq ?? ++this.seqWithoutJournal;
    try {
      await this.store.transaction(async (tx) => {
        if (deleted) await deleteRecordNode(tx, deleted.label, deleted.id);
        else await writeRecords(tx, records, created, updated);
        await this.audit(tx, entry, seq, records, created, updated, before, deleted);
        if (this.journal) await tx.run(NODE_STATEMENTS.Meta.upsert, { rows: [{ id: META_ID, journalSeq: seq }] });
      });
    } catch (err) {
      if (written) this.journal!.abort(written.seq);
      throw err;
    }
    this.version++;
    return { created: created.size, updated: updated.size, unchanged: 0, deleted: deleted ? 1 : 0 };
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
    const row = (subject: string, b: Obj | null, a: Obj | null) => ({
      id: `audit-${seq}-${rows.length + 1}-${Date.parse(entry.at)}`,
      at: entry.at,
      actor: entry.actor,
      role: entry.role,
      operation: entry.operation,
      subject,
      before: b ? JSON.stringify(b) : null,
      after: a ? JSON.stringify(a) : null,
    });
    if (deleted) rows.push(row(deleted.id, deleted.before, null));
    for (const c of COLLECTION_NAMES) {
      for (const r of records[c] as Obj[]) {
        if (created.has(r)) rows.push(row(recordKey(c, r), null, canonicalRecord(c, r)));
        else if (updated.has(r)) rows.push(row(recordKey(c, r), before.get(r) ?? null, canonicalRecord(c, r)));
      }
    }
    await tx.run(NODE_STATEMENTS.AuditEntry.upsert, { rows: rows as never });
  }
}
