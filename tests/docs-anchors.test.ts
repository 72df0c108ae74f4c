/**
 * Comments point at the repository's own docs (docs/ladybug-traps.md#..., docs/architecture.md#...):
 * every such anchor names a heading that exists, and the folders kept clean cite no document
 * that is not in the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src', 'tests', 'bench', 'explorer/src', 'docs', 'README.md'];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => (name === 'node_modules' || name === 'generated' ? [] : files(join(path, name))));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(doc: string): Set<string> {
  return new Set([...readFileSync(doc, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

const DOCS = { 'ladybug-traps.md': anchorsOf('docs/ladybug-traps.md'), 'architecture.md': anchorsOf('docs/architecture.md') };
const SOURCES = ROOTS.flatMap(files).filter((f) => /\.(ts|md)$/.test(f));

describe('links to the docs', () => {
  it('name headings that exist', () => {
    const broken: string[] = [];
    for (const file of SOURCES) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(ladybug-traps|architecture)\.md#([\w-]+)/g)) {
        if (!DOCS[`${m[1]}.md` as keyof typeof DOCS].has(m[2]!)) broken.push(`${file}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
    expect(SOURCES.length).toBeGreaterThan(50);
  });

  it('finds a broken anchor (the check can fail)', () => {
    expect(DOCS['ladybug-traps.md'].has('rows-need-every-key')).toBe(true);
    expect(DOCS['ladybug-traps.md'].has('rows-need-every-keys')).toBe(false);
    expect(slug('Failed BEGIN poisons the connection')).toBe('failed-begin-poisons-the-connection');
  });
});

/** Folders whose comments cite only the repository's own docs: all of them. */
const CLEAN = ['src', 'bench', 'tests', 'explorer/src'];
const PENDING: string[] = [];
const OUTSIDE = /dialect report|DESIGN section|shared\/|cypher-dialect|\breport (?:\d|section)|\(R\d+\b/i;

describe('comments', () => {
  it('cite no document that is not in the repository', () => {
    const self = join('tests', 'docs-anchors.test.ts');
    const found = CLEAN.flatMap(files)
      .filter((f) => /\.ts$/.test(f) && f !== self && !PENDING.includes(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (OUTSIDE.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
