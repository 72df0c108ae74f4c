/**
 * The write journal of the embedded engine: every write is appended and flushed to disk
 * (fdatasync) before it is applied and acknowledged, so an acknowledged write survives even a
 * database file that no longer opens (LadybugDB issues #714, #843): `aigraph rebuild` replays
 * the journal over the seeds. One checksummed line per entry (journal-file.ts); a write that
 * then failed is cut off again (or, where that failed, followed by an `abort` line that replay
 * skips). An import is one entry naming the content hashes of its input files, whose copies
 * are kept beside the journal (import-inputs.ts).
 */
import { FREE_SPACE_RESERVE_BYTES, JournalFile, type TailRepair } from './journal-file.ts';
import type { WriteChange } from './write-change.ts';

export interface JournalEntry {
  seq: number;
  at: string;
  actor: string;
  role: string;
  operation: string;
  change: WriteChange;
}

type Line = ({ type: 'write' } & JournalEntry) | { type: 'abort'; seq: number };

export class Journal {
  private readonly disk: JournalFile;
  private lastSeq = 0;
  /** The last entry appended by this process and the bytes it took, so a failed write can be cut off. */
  private last: { seq: number; bytes: number } | null = null;

  /** Opens the journal, cutting off a torn tail (see `repaired`); throws JournalCorruptError on damage before it. */
  constructor(
    readonly file: string,
    /** Free space a write needs before it starts (see FREE_SPACE_RESERVE_BYTES). */
    private readonly reserveBytes = FREE_SPACE_RESERVE_BYTES,
  ) {
    this.disk = new JournalFile(file);
    for (const line of this.lines()) this.lastSeq = Math.max(this.lastSeq, line.seq);
  }

  /** The torn or damaged tail cut off on opening, if any (the caller logs it). */
  get repaired(): TailRepair | null {
    return this.disk.repaired;
  }

  /** The folder beside the journal that keeps copies of imported files. */
  get importsDir(): string {
    return `${this.file}.imports`;
  }

  private lines(): Line[] {
    return this.disk.values() as Line[];
  }

  /** Entries that were not aborted, in order. */
  entries(): JournalEntry[] {
    const lines = this.lines();
    const aborted = new Set(lines.filter((l) => l.type === 'abort').map((l) => l.seq));
    return lines.filter((l): l is { type: 'write' } & JournalEntry => l.type === 'write' && !aborted.has(l.seq)).map(({ type: _t, ...e }) => e);
  }

  /** Appends a write and flushes it to disk; returns its sequence number. Throws StorageFullError on a full disk, leaving no trace. */
  write(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: this.lastSeq + 1 };
    this.disk.ensureSpace(this.reserveBytes);
    const before = this.disk.size;
    this.disk.append({ type: 'write', ...full });
    this.lastSeq = full.seq;
    this.last = { seq: full.seq, bytes: this.disk.size - before };
    return full;
  }

  /** Withdraws a write that was not applied: cut off when it is the last line, else an `abort` line. */
  abort(seq: number): void {
    if (this.last?.seq === seq && this.lastSeq === seq) {
      const { bytes } = this.last;
      this.last = null;
      if (this.disk.truncateLast(bytes)) {
        this.lastSeq--;
        return;
      }
    }
    this.disk.append({ type: 'abort', seq });
  }

  close(): void {
    this.disk.close();
  }
}

export function journalFileFor(dbPath: string): string {
  return `${dbPath}.journal`;
}
