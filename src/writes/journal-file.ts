/**
 * The journal's file format and its two disk rules, apart from what the entries mean:
 *
 * - Every entry is one whole line, `<crc32 as 8 hex digits> <JSON>\n`, so a line that was torn
 *   by a crash or changed on disk is recognised. Lines of plain JSON (journals written before
 *   checksums) are read as they are.
 * - An append either lands whole and flushed (fdatasync) or not at all: a write that fails
 *   (a full disk) is cut off again, and the next append first cuts off anything a failed cut
 *   left behind.
 *
 * On opening, damaged bytes after the last good line are a torn tail (an append that never
 * finished, so never acknowledged): they are cut off and reported. A damaged line with good
 * lines after it cannot come from a crash; it is an error naming the line.
 */
import { closeSync, existsSync, fchmodSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, statfsSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { isNoSpace, StorageFullError } from '../store/store-errors.ts';

/**
 * Free space a write needs on the journal's file system before it starts. LadybugDB does not
 * survive running out of space mid-commit (measured on a full tmpfs: the commit fails with
 * "Cannot write to file", and once space is back the next commit never returns), so a write is
 * refused with StorageFullError while less than this is free, before the engine is asked.
 * A few megabytes cover a write and the checkpoint after it.
 */
export const FREE_SPACE_RESERVE_BYTES = 8 * 2 ** 20;

/** A line in the middle of the journal is damaged: replaying past it could skip a write. */
export class JournalCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(
      `The write journal ${file} is damaged at line ${line} (${reason}), and good entries follow it, so it is not a torn last write. ` +
        'Nothing was changed. Restore the journal from a backup, or inspect that line before starting again.',
    );
    this.name = 'JournalCorruptError';
  }
}

/** What opening a journal cut off: a torn or damaged tail. */
export interface TailRepair {
  readonly line: number;
  readonly bytes: number;
  readonly reason: string;
}

const checksum = (json: string) => (crc32(json) >>> 0).toString(16).padStart(8, '0');

export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

/** The value of one line (without its newline), or why it is not a good line. */
export function decodeLine(text: string): { value: unknown } | { reason: string } {
  let json = text;
  if (!text.startsWith('{')) {
    const m = /^([0-9a-f]{8}) (.*)$/s.exec(text);
    if (!m) return { reason: 'not a journal line' };
    if (checksum(m[2]!) !== m[1]) return { reason: 'checksum mismatch' };
    json = m[2]!;
  }
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? { value } : { reason: 'not a journal entry' };
  } catch {
    return { reason: 'not valid JSON' };
  }
}

/** The good lines of a journal's bytes, and the length they end at; throws on damage before the tail. */
export function scanJournal(file: string, bytes: Buffer): { values: unknown[]; goodLength: number; tail: TailRepair | null } {
  const values: unknown[] = [];
  let goodLength = 0;
  let bad: { line: number; reason: string } | null = null;
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    line++;
    const nl = bytes.indexOf(0x0a, start);
    if (nl < 0) {
      bad ??= { line, reason: 'an unfinished last line' };
      break;
    }
    const decoded = decodeLine(bytes.toString('utf8', start, nl));
    if ('value' in decoded) {
      if (bad) throw new JournalCorruptError(file, bad.line, bad.reason);
      values.push(decoded.value);
      goodLength = nl + 1;
    } else bad ??= { line, reason: decoded.reason };
    start = nl + 1;
  }
  return { values, goodLength, tail: bad ? { ...bad, bytes: bytes.length - goodLength } : null };
}

/** An append-only file of checksummed lines; see the module comment for its rules. */
export class JournalFile {
  private fd: number | null = null;
  /** Where the last good line ends: everything past it is cut off before the next append. */
  private length = 0;
  private clean = true;
  /** The tail cut off when the file was opened, if any. */
  readonly repaired: TailRepair | null;

  constructor(readonly file: string) {
    const { goodLength, tail } = this.scan();
    this.length = goodLength;
    this.repaired = tail;
    if (tail) {
      this.open();
      this.cut();
    }
  }

  private scan() {
    return scanJournal(this.file, existsSync(this.file) ? readFileSync(this.file) : Buffer.alloc(0));
  }

  /** Every good line's value, read from disk. */
  values(): unknown[] {
    return this.scan().values;
  }

  /** The length the file has up to its last good line. */
  get size(): number {
    return this.length;
  }

  private open(): number {
    if (this.fd === null) {
      // Private: the journal holds every write and its author (the folder too, when created here).
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      this.fd = openSync(this.file, 'a', 0o600);
      try {
        fchmodSync(this.fd, 0o600); // a journal created by an older version or another umask
      } catch {
        // Not ours to change (another owner): leave it.
      }
    }
    return this.fd;
  }

  /** Cuts the file back to its last good line and flushes that; false when even that failed. */
  private cut(): boolean {
    try {
      const fd = this.open();
      if (fstatSync(fd).size !== this.length) ftruncateSync(fd, this.length);
      fdatasyncSync(fd);
      this.clean = true;
    } catch {
      this.clean = false;
    }
    return this.clean;
  }

  /** Throws StorageFullError when less than `reserve` bytes are free where the journal lives. */
  ensureSpace(reserve: number): void {
    const fs = statfsSync(dirname(this.file));
    if (fs.bavail * fs.bsize < reserve) throw new StorageFullError(this.file);
  }

  /** Appends one value as a whole, flushed line; on failure nothing of it stays (StorageFullError on a full disk). */
  append(value: unknown): void {
    const fd = this.open();
    if (!this.clean && !this.cut()) throw new StorageFullError(this.file);
    const bytes = Buffer.from(encodeLine(value));
    try {
      // writeSync may write part of the buffer (a nearly full disk): go on until all of it is written or it fails.
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fdatasyncSync(fd);
    } catch (err) {
      this.cut();
      throw isNoSpace(err) ? new StorageFullError(this.file, err) : err;
    }
    this.length += bytes.length;
  }

  /** Removes the last `bytes` bytes appended (an entry whose write was then not applied); false when that failed. */
  truncateLast(bytes: number): boolean {
    this.length -= bytes;
    return this.cut();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
