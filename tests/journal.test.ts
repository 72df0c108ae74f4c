/**
 * The journal file on real files: whole checksummed lines, torn and damaged tails cut off on
 * opening, damage before good lines refused naming the line, a failed write cut off again, and
 * (as root, on a real full tmpfs) an append that runs out of space leaving no torn line.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StorageFullError } from '../src/store/store-errors.ts';
import { JournalCorruptError, scanJournal } from '../src/writes/journal-file.ts';
import { Journal } from '../src/writes/journal.ts';
import { mountTmpfs } from './support/tmpfs.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-journal-'));
let n = 0;
const fresh = () => join(dir, `j${n++}.journal`);
const entry = (id: string) => ({
  at: '2026-01-01T00:00:00.000Z',
  actor: 'test',
  role: 'editor',
  operation: 'upsertOrganization',
  change: { kind: 'delete' as const, id, label: 'Organization' as const },
});
const ids = (j: Journal) => j.entries().map((e) => (e.change as { id: string }).id);

const mnt = join(dir, 'tiny-disk');
mkdirSync(mnt);
const skipReason = mountTmpfs(mnt, '1m');
if (skipReason) console.warn(`full-disk journal test skipped: ${skipReason}`);
afterAll(() => {
  if (!skipReason) execFileSync('umount', [mnt]);
  rmSync(dir, { recursive: true, force: true });
});

describe('the journal file', () => {
  it('writes one checksummed line per entry and reads plain JSON lines of older journals', () => {
    const file = fresh();
    writeFileSync(file, `${JSON.stringify({ type: 'write', seq: 1, ...entry('legacy') })}\n`);
    const j = new Journal(file);
    j.write(entry('a'));
    j.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[1]).toMatch(/^[0-9a-f]{8} \{"type":"write"/);
    expect(ids(new Journal(file))).toEqual(['legacy', 'a']);
    expect(new Journal(file).entries().map((e) => e.seq)).toEqual([1, 2]);
  });

  it('cuts a torn last line off on opening, reports it, and appends after the last good line', () => {
    const file = fresh();
    const j = new Journal(file);
    j.write(entry('a'));
    j.close();
    const good = readFileSync(file).length;
    const torn = '1234abcd {"type":"write","seq":2,"at":"2026';
    appendFileSync(file, torn);
    const reopened = new Journal(file);
    expect(reopened.repaired).toEqual({ line: 2, bytes: Buffer.byteLength(torn), reason: 'an unfinished last line' });
    expect(readFileSync(file).length).toBe(good);
    reopened.write(entry('b'));
    reopened.close();
    expect(ids(new Journal(file))).toEqual(['a', 'b']);
    expect(scanJournal(file, readFileSync(file)).tail).toBeNull();
  });

  it('cuts damaged last lines off (a bad checksum, zeros)', () => {
    const file = fresh();
    const j = new Journal(file);
    j.write(entry('a'));
    j.write(entry('b'));
    j.close();
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text.slice(0, -10)}X${text.slice(-9)}\0\0\0\0`);
    const reopened = new Journal(file);
    expect(reopened.repaired?.reason).toBe('checksum mismatch');
    expect(ids(reopened)).toEqual(['a']);
    expect(new Journal(file).repaired).toBeNull();
  });

  it('refuses a journal damaged before good lines, naming the line, and leaves the file as it was', () => {
    const file = fresh();
    const j = new Journal(file);
    for (const id of ['a', 'b', 'c']) j.write(entry(id));
    j.close();
    const damaged = readFileSync(file, 'utf8').replace('"id":"b"', '"id":"B"');
    writeFileSync(file, damaged);
    expect(() => new Journal(file)).toThrow(JournalCorruptError);
    expect(() => new Journal(file)).toThrow(/damaged at line 2 \(checksum mismatch\)/);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });

  it('cuts a write that was not applied off again, so replay never sees it', () => {
    const file = fresh();
    const j = new Journal(file);
    j.write(entry('a'));
    const size = readFileSync(file).length;
    const failed = j.write(entry('b'));
    j.abort(failed.seq);
    expect(readFileSync(file).length).toBe(size);
    expect(j.write(entry('c')).seq).toBe(2);
    j.close();
    expect(ids(new Journal(file))).toEqual(['a', 'c']);
  });

  it('refuses a write with StorageFullError while less than the reserve is free', () => {
    const j = new Journal(fresh(), Number.MAX_SAFE_INTEGER);
    expect(() => j.write(entry('a'))).toThrow(StorageFullError);
    expect(j.entries()).toEqual([]);
  });

  it.skipIf(skipReason !== null)('leaves no torn line when an append runs out of space on a real full disk, and appends again once space returns', () => {
    const file = join(mnt, 'full.journal');
    const j = new Journal(file, 0); // no reserve: let the append itself hit ENOSPC
    j.write(entry('before'));
    const filler = join(mnt, 'filler');
    const fd = openSync(filler, 'w');
    for (const size of [1 << 16, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC: next, smaller chunks
      }
    }
    closeSync(fd);
    // Entries big enough to need a new page: the tail of the journal's last page fills first.
    const big = (id: string) => ({ ...entry(id), operation: 'x'.repeat(6000) });
    let failures = 0;
    for (let i = 0; i < 5; i++) {
      try {
        j.write(big(`full-${i}`));
      } catch (err) {
        expect(err).toBeInstanceOf(StorageFullError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(scanJournal(file, readFileSync(file)).tail).toBeNull();
    rmSync(filler);
    j.write(entry('after'));
    j.close();
    const kept = ids(new Journal(file));
    expect(kept[0]).toBe('before');
    expect(kept.at(-1)).toBe('after');
    expect(scanJournal(file, readFileSync(file)).tail).toBeNull();
  });
});
