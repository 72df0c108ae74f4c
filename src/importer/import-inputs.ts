/**
 * How an import is journaled without writing its records twice: the input files are copied
 * once, by content (sha256), into a folder beside the journal, and the journal gets one short
 * entry naming the files and their hashes. Replay reads the copies back, checks their hashes
 * and imports them again. The copy is a reflink where the file system has them (no data
 * copied) and a plain copy elsewhere: one sequential write of the input, against an import
 * that parses, validates and writes every record.
 */
import { createHash } from 'node:crypto';
import { chmodSync, constants, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import { copyFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ImportedFile, ParallelImporter } from '../writes/write-change.ts';
import { parallelImport, type ParallelImportOptions } from './parallel-import.ts';
import { expandInputs } from './import-graph.ts';
import type { ImportIssue } from './import-issue.ts';
import { readInputFiles } from './read-inputs.ts';
import type { RawRecord } from './read-yaml.ts';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The input files named by `paths` (folders searched as `aigraph import` does). With a folder
 * to keep them in, each is copied there under its hash and flushed; without one (no journal:
 * Neo4j, :memory:) they are read where they are.
 */
export async function keepImportInputs(paths: readonly string[], keepIn: string | null): Promise<{ files: ImportedFile[]; issues: ImportIssue[] }> {
  const { files: found, issues } = await expandInputs(paths);
  if (!found.length && !issues.length) issues.push({ file: paths.join(' '), line: 1, column: 1, path: '', message: 'no .yaml, .yml or .json files found' });
  if (issues.length || !keepIn) return { files: found.map((name) => ({ name, sha256: '', copy: '' })), issues };
  mkdirSync(keepIn, { recursive: true, mode: 0o700 });
  const files: ImportedFile[] = [];
  for (const name of found) {
    const tmp = join(keepIn, `.incoming-${process.pid}-${files.length}`);
    await copyFile(name, tmp, constants.COPYFILE_FICLONE);
    chmodSync(tmp, 0o600); // a copy keeps its source's mode: the kept input is private like the journal
    const sha256 = await sha256Of(tmp);
    const copy = `${sha256}${extname(name).toLowerCase()}`;
    if (existsSync(join(keepIn, copy))) rmSync(tmp);
    else {
      fsyncPath(tmp);
      renameSync(tmp, join(keepIn, copy));
    }
    files.push({ name, sha256, copy });
  }
  fsyncPath(keepIn);
  return { files, issues };
}

/** A kept copy is missing or no longer has the content the journal recorded. */
export class ImportCopyError extends Error {
  constructor(file: ImportedFile, path: string, problem: string) {
    super(
      `The journaled import of ${file.name} cannot be replayed: its kept copy ${path} ${problem}. Restore that file from a backup of ${basename(path)}'s folder.`,
    );
    this.name = 'ImportCopyError';
  }
}

/** Where each of an import's files is read from (its kept copy when `keptIn` is given, its hash checked), with its own name. */
async function inputPaths(files: readonly ImportedFile[], keptIn: string | null): Promise<{ path: string; name: string }[]> {
  const named: { path: string; name: string }[] = [];
  for (const f of files) {
    let path = f.name;
    if (keptIn && f.copy) {
      path = join(keptIn, f.copy);
      if (!existsSync(path)) throw new ImportCopyError(f, path, 'is missing');
      if ((await sha256Of(path)) !== f.sha256) throw new ImportCopyError(f, path, 'has changed (its sha256 differs)');
    }
    named.push({ path, name: f.name });
  }
  return named;
}

/** The raw records of an import's files (from their kept copies when `keptIn` is given), named by the files' own names. */
export async function readImportInputs(
  files: readonly ImportedFile[],
  keptIn: string | null,
): Promise<{ raw: RawRecord[]; issues: ImportIssue[]; stopped: boolean }> {
  // Bounded like every import: records checked as they stream, reading stopped at the problem limit.
  return readInputFiles(await inputPaths(files, keptIn));
}

/**
 * Inputs of at least this many bytes in all, imported into an empty store, are read, checked and
 * loaded in parallel (parallel-import.ts); smaller ones take the ordinary path, where starting
 * worker threads and COPY would cost more than they save.
 */
export const PARALLEL_IMPORT_MIN_BYTES = 5_000_000;

/** The parallel import of an import's files, for the writer (ParallelImporter). */
export function parallelImporter(options: Omit<ParallelImportOptions, 'alsoInUnit'> & { minBytes?: number } = {}): ParallelImporter {
  const minBytes = options.minBytes ?? PARALLEL_IMPORT_MIN_BYTES;
  return {
    async wants(files, keptIn) {
      let bytes = 0;
      for (const f of files) {
        const path = keptIn && f.copy ? join(keptIn, f.copy) : f.name;
        bytes += await stat(path).then(
          (s) => s.size,
          () => 0,
        );
      }
      return bytes >= minBytes;
    },
    async run(store, files, keptIn, alsoInUnit) {
      const result = await parallelImport(store, await inputPaths(files, keptIn), { ...options, alsoInUnit });
      return result.ok ? { ok: true, counts: result.counts } : result;
    },
  };
}
