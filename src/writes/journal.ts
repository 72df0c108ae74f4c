/**
 * The write journal of the embedded engine: every write is appended and flushed to disk
 * (fdatasync) before it is applied and acknowledged, so an acknowledged write survives even a
 * database file that no longer opens (LadybugDB issues #714, #843): `aigraph rebuild` replays
 * the journal over the seeds. One JSON line per entry; a write that then failed gets an
 * `abort` line, and replay skips it.
 */
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
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
  private fd: number | null = null;
  private lastSeq = 0;

  constructor(readonly file: string) {
    for (const line of this.lines()) this.lastSeq = Math.max(this.lastSeq, line.seq);
  }

  private lines(): Line[] {
    if (!existsSync(this.file)) return [];
    const out: Line[] = [];
    for (const text of readFileSync(this.file, 'utf8').split('\n')) {
      if (!text.trim()) continue;
      try {
        out.push(JSON.parse(text) as Line);
      } catch {
        // A torn last line from a crash mid-append: that write was never acknowledged.
      }
    }
    return out;
  }

  /** Entries that were not aborted, in order. */
  entries(): JournalEntry[] {
    const lines = this.lines();
    const aborted = new Set(lines.filter((l) => l.type === 'abort').map((l) => l.seq));
    return lines.filter((l): l is { type: 'write' } & JournalEntry => l.type === 'write' && !aborted.has(l.seq)).map(({ type: _t, ...e }) => e);
  }

  private append(line: Line): void {
    if (this.fd === null) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a');
    }
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    fdatasyncSync(this.fd);
  }

  /** Appends a write and flushes it to disk; returns its sequence number. */
  write(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { ...entry, seq: ++this.lastSeq };
    this.append({ type: 'write', ...full });
    return full;
  }

  abort(seq: number): void {
    this.append({ type: 'abort', seq });
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export function journalFileFor(dbPath: string): string {
  return `${dbPath}.journal`;
}
