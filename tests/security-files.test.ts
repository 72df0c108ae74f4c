/**
 * Hostile files: imports stay within their documented limits (docs/security.md) in bounded
 * memory and say which limit a file broke; exports of a graph holding characters XML 1.0 cannot
 * carry still parse; a file that is not a database is refused naming `aigraph rebuild`; a key
 * name two keys share is not revoked at random. The large files are generated in a temporary
 * folder and measured through the real CLI in a child process (its peak RSS from /proc).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toGraphml } from '../src/importer/export-graphml.ts';
import { toYaml } from '../src/importer/export-yaml.ts';
import { readSnapshot, snapshotToRecords } from '../src/records/graph-to-records.ts';
import { formatIssue, ImportError } from '../src/importer/import-issue.ts';
import { importFiles } from '../src/importer/import-graph.ts';
import { GRAPH_LABELS } from '../src/model/graph-model.ts';
import { FIELD_LIMITS, MAX_PROBLEMS, MAX_RECORD_CHARS, MAX_STRING_CHARS, MAX_YAML_FILE_BYTES } from '../src/model/limits.ts';
import { NODE_STATEMENTS } from '../src/queries/model-statements.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';
import { BIN, ROOT, runCli } from './support/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'aigraph-security-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MB = 1 << 20;
const ORG = { id: 'x-org', name: 'X', kind: 'other', country: 'US' };

async function memoryStore(): Promise<GraphStore> {
  const store = await LadybugStore.open({ path: ':memory:', queryTimeoutMs: 60_000 });
  await store.bootstrap();
  return store;
}

async function importProblems(store: GraphStore, paths: string[]): Promise<{ lines: string[]; error: ImportError }> {
  const err = await importFiles(store, paths).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return { lines: (err as ImportError).issues.map(formatIssue), error: err as ImportError };
}

/** Writes `head`, then `item` repeated (joined by `sep`) up to `total` bytes, then `tail`. */
async function writeRepeated(file: string, head: string, item: string, sep: string, tail: string, total: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', () => resolve())));
  await write(head);
  const block = Array.from({ length: Math.max(1, Math.floor(MB / (item.length + sep.length))) }, () => item).join(sep);
  let written = head.length;
  for (let first = true; written < total; first = false) {
    let piece = (first ? '' : sep) + block;
    const last = written + piece.length >= total;
    if (last) {
      piece = piece.slice(0, total - written);
      if (sep) piece = piece.slice(0, Math.max(0, piece.lastIndexOf(sep)));
    }
    await write(piece);
    written += piece.length;
    if (last) break;
  }
  await write(tail);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Runs the CLI and samples its peak resident memory (VmHWM) until it exits. */
function runCliMeasured(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // exited between two samples
      }
    };
    const timer = setInterval(sample, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code, signal) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({ code, signal, stderr, peakMb: peakKb / 1024 });
    });
  });
}

describe('imports within their limits', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(async () => store.close());

  it('refuses a field longer than its limit, naming the field and the limit', async () => {
    const file = join(tmp, 'long-name.json');
    writeFileSync(file, JSON.stringify({ organizations: [{ ...ORG, name: 'n'.repeat(FIELD_LIMITS.name + 1) }] }));
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([`${file}:1:40 organizations[0].name: expected at most ${FIELD_LIMITS.name} characters, got ${FIELD_LIMITS.name + 1}`]);
  });

  it('refuses ids, urls and list items above their limits', async () => {
    const file = join(tmp, 'limits.yaml');
    writeFileSync(
      file,
      [
        'organizations:',
        `  - {id: ${'a'.repeat(FIELD_LIMITS.id + 1)}, name: A, kind: other, country: US}`,
        `  - {id: b-org, name: B, kind: other, country: US, aliases: [${Array.from({ length: 1001 }, (_, i) => `b${i}`).join(', ')}]}`,
        'sources:',
        `  - {id: s1, url: "https://example.com/${'p'.repeat(FIELD_LIMITS.url)}", publisher: P, title: T, publishedOn: 2025-01-01}`,
      ].join('\n'),
    );
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([
      `${file}:2:10 organizations[0].id: expected at most ${FIELD_LIMITS.id} characters, got ${FIELD_LIMITS.id + 1}`,
      `${file}:3:61 organizations[1].aliases: expected at most 1000 items`,
      `${file}:5:19 sources[0].url: expected at most ${FIELD_LIMITS.url} characters, got ${FIELD_LIMITS.url + 20}`,
    ]);
  });

  it('refuses control characters, U+FFFF and lone surrogates in any string field', async () => {
    const file = join(tmp, 'controls.json');
    const orgs = [
      { ...ORG, id: 'c1', name: 'Nul\u0000Name' },
      { ...ORG, id: 'c2', name: 'Bell\u0007' },
      { ...ORG, id: 'c3', description: 'Non\uFFFFcharacter' },
      { ...ORG, id: 'c4', aliases: ['ok', 'half \uD800 pair'] },
      { ...ORG, id: 'c5', description: 'Tabs\tand\nline breaks are fine' },
    ];
    writeFileSync(file, `{"organizations": [\n${orgs.map((o) => JSON.stringify(o)).join(',\n')}\n]}`);
    const { lines } = await importProblems(store, [file]);
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'organizations[0].name: contains U+0000 (a control character) at character 4, which no field may hold (only tab and line breaks among controls)',
      'organizations[1].name: contains U+0007 (a control character) at character 5, which no field may hold (only tab and line breaks among controls)',
      'organizations[2].description: contains U+FFFF (a noncharacter) at character 4, which no field may hold (only tab and line breaks among controls)',
      'organizations[3].aliases[1]: contains U+D800 (a lone surrogate) at character 6, which no field may hold (only tab and line breaks among controls)',
    ]);
  });

  it('refuses a key written twice in one JSON record, naming the key and both places', async () => {
    const file = join(tmp, 'duplicate-keys.json');
    writeFileSync(
      file,
      [
        '{"organizations": [',
        '  {"id": "dup-a", "name": "A", "kind": "other",',
        '   "country": "US", "name": "B"},',
        '  {"id": "dup-b", "name": "B", "kind": "other", "country": "US", "aliases": ["x"], "\\u0061liases": ["y"]}',
        '],',
        '"deals": [{"id": "d", "parties": [{"org": "dup-a", "role": "investor", "org": "dup-b"}]}]',
        '}',
      ].join('\n'),
    );
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([
      `${file}:3:21 organizations[0].name: duplicate key "name" (first written at line 2, column 19); each field may appear once`,
      `${file}:4:84 organizations[1].aliases: duplicate key "aliases" (first written at line 4, column 66); each field may appear once`,
      `${file}:6:72 deals[0].parties[0].org: duplicate key "org" (first written at line 6, column 36); each field may appear once`,
    ]);
  });

  it('refuses a key written twice in a YAML record too', async () => {
    const file = join(tmp, 'duplicate-keys.yaml');
    writeFileSync(file, 'organizations:\n  - id: dup-y\n    name: A\n    name: B\n    kind: other\n    country: US\n');
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([`${file}:4:5: malformed YAML: Map keys must be unique`]);
  });

  it('refuses YAML aliases, which could expand a small file into a huge value', async () => {
    const file = join(tmp, 'aliases.yaml');
    writeFileSync(file, 'organizations:\n  - &a {id: al-a, name: A, kind: other, country: US}\n  - *a\n');
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([`${file}:3:5: YAML alias *a is not supported in import files; write the value out`]);
  });

  it(`keeps the first ${MAX_PROBLEMS} problems and says that reading stopped there`, async () => {
    const file = join(tmp, 'many-problems.json');
    writeFileSync(file, JSON.stringify({ organizations: Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, name: 'P', kind: 'other', country: 'usa' })) }));
    const { lines, error } = await importProblems(store, [file]);
    expect(lines).toHaveLength(MAX_PROBLEMS);
    expect(lines[MAX_PROBLEMS - 1]).toContain(`organizations[${MAX_PROBLEMS - 1}].country`);
    expect(error.message).toMatch(new RegExp(`^at least ${MAX_PROBLEMS} problems in the input; nothing was written:`));
    expect(error.message).toMatch(/reading stopped after the first 100 problems; the rest of the input was not checked$/);
  });

  it('refuses a JSON record larger than the record limit without keeping its text', async () => {
    const file = join(tmp, 'huge-record.json');
    const aliases = Array.from({ length: Math.ceil(MAX_RECORD_CHARS / 8) }, (_, i) => `a${i}`);
    writeFileSync(file, `{"organizations": [\n${JSON.stringify({ ...ORG, aliases })}, ${JSON.stringify({ ...ORG, id: 'after' })}\n]}`);
    const { lines } = await importProblems(store, [file]);
    expect(lines).toEqual([`${file}:2:1 organizations[0]: the record is larger than ${MAX_RECORD_CHARS} characters (docs/security.md)`]);
  });

  it('imports a single JSON file of 200,000 records (no list is spread into call arguments)', async () => {
    const file = join(tmp, 'orgs-200k.json');
    const out = createWriteStream(file);
    out.write('{"organizations": [\n');
    for (let i = 0; i < 200_000; i++) out.write(`${i ? ',\n' : ''}{"id": "bulk-${i}", "name": "Bulk ${i}", "kind": "other", "country": "US"}`);
    await new Promise<void>((resolve) => out.end('\n]}\n', () => resolve()));
    const fresh = await memoryStore();
    try {
      const counts = await importFiles(fresh, [file]);
      expect(counts.organizations).toEqual({ created: 200_000, updated: 0, unchanged: 0 });
    } finally {
      await fresh.close();
      rmSync(file);
    }
  }, 180_000);
});

describe('hostile import files through the CLI, in bounded memory', () => {
  const env = () => ({ AIGRAPH_DB: join(tmp, 'cli.lbug') });

  it('refuses 200 MB of junk JSON records after the first problems, under 1 GB', async () => {
    const file = join(tmp, 'junk.json');
    await writeRepeated(file, '{"deals": [', '{"x":1}', ',', ']}\n', 200 * MB);
    try {
      const r = await runCliMeasured(['import', file], env());
      expect(r.signal).toBeNull();
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`at least ${MAX_PROBLEMS} problems in the input; nothing was written`);
      expect(r.stderr).toContain(`${file}:1:12 deals[0].id: required`);
      expect(r.stderr).toContain('reading stopped after the first 100 problems');
      expect(r.peakMb).toBeGreaterThan(0);
      expect(r.peakMb).toBeLessThan(1024);
    } finally {
      rmSync(file, { force: true });
    }
  }, 240_000);

  it('refuses a record holding a 200 MB string by the field limit, under 1 GB', async () => {
    const file = join(tmp, 'long-string.json');
    await writeRepeated(file, '{"deals": [{"id": "big", "summary": "', 'abcdefgh', '', '"}]}\n', 200 * MB);
    try {
      const r = await runCliMeasured(['import', file], env());
      expect(r.signal).toBeNull();
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${file}:1:37 deals[0].summary: a string of more than ${MAX_STRING_CHARS} characters, longer than any field allows`);
      expect(r.peakMb).toBeGreaterThan(0);
      expect(r.peakMb).toBeLessThan(1024);
    } finally {
      rmSync(file, { force: true });
    }
  }, 240_000);

  it('refuses a 200 MB YAML file by its size before reading it, under 1 GB', async () => {
    const file = join(tmp, 'junk.yaml');
    await writeRepeated(file, 'deals:\n', '  - {x: 1}', '\n', '\n', 200 * MB);
    try {
      const r = await runCliMeasured(['import', file], env());
      expect(r.signal).toBeNull();
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/YAML file of 20\d\.\d MiB, above the 1 MiB limit for YAML; write large imports as JSON/);
      expect(r.peakMb).toBeLessThan(1024);
    } finally {
      rmSync(file, { force: true });
    }
  }, 240_000);

  it('parses the largest YAML file allowed, of the costliest shape, under 1 GB', async () => {
    const file = join(tmp, 'junk-at-limit.yaml');
    await writeRepeated(file, 'deals:\n', '  - {x: 1}', '\n', '\n', MAX_YAML_FILE_BYTES - MB / 16);
    try {
      const r = await runCliMeasured(['import', file], env());
      expect(r.signal).toBeNull();
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${file}:2:5 deals[0].id: required`);
      expect(r.peakMb).toBeLessThan(1024);
    } finally {
      rmSync(file, { force: true });
    }
  }, 240_000);
});

describe('mutations under the same field limits', () => {
  let api: ApiServer;
  beforeAll(async () => {
    api = await startApiServer();
  }, 60_000);
  afterAll(async () => api?.close());

  it('refuses an over-long name and a NUL character with BAD_USER_INPUT naming the field', async () => {
    const editor = api.key('editor');
    const upsert = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }';
    const long = await api.gql(upsert, { input: { id: 'long-org', name: 'n'.repeat(FIELD_LIMITS.name + 1), kind: 'OTHER', country: 'US' } }, editor);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toContain(`expected at most ${FIELD_LIMITS.name} characters, got ${FIELD_LIMITS.name + 1}`);
    const nul = await api.gql(upsert, { input: { id: 'nul-org', name: 'a\u0000b', kind: 'OTHER', country: 'US' } }, editor);
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nul.errors?.[0]?.message).toContain('contains U+0000');
    const none = await api.gql<{ organization: null }>('{ organization(id: "nul-org") { id } }');
    expect(none.data?.organization).toBeNull();
  });
});

describe('exports of a graph holding characters XML 1.0 cannot carry', () => {
  // Written straight into the store, around the import rules: as a graph written before them holds them.
  const HOSTILE = 'N\u0000U\u0001L\u0008\u000B\u000C\u001F \u007F\u0085\u009F \uFFFE\uFFFF <&"\'> tab\tcr\rlf\n end';
  let store: GraphStore;
  beforeAll(async () => {
    store = await memoryStore();
    await store.transaction(async (tx) => {
      await tx.run(NODE_STATEMENTS.Organization.upsert, {
        rows: [{ id: 'hostile-org', name: HOSTILE, kind: 'other', country: 'US', aliases: [HOSTILE], description: HOSTILE }] as never,
      });
    });
  });
  afterAll(async () => store.close());

  it('holds the characters as written (the precondition of the next two tests)', async () => {
    const snap = await readSnapshot(store);
    expect(snap.nodes.Organization![0]!.name).toBe(HOSTILE);
  });

  it('writes GraphML that a strict XML 1.0 parser accepts, each unrepresentable character replaced by U+FFFD', async () => {
    const text = toGraphml(await readSnapshot(store));
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    const data: string[] = [];
    let inName = false;
    parser.on('error', (e) => errors.push(e.message));
    parser.on('opentag', (t) => (inName = t.name === 'data' && t.attributes.key?.value === 'n_name'));
    parser.on('text', (t) => inName && data.push(t));
    parser.on('closetag', () => (inName = false));
    parser.write(text).close();
    expect(errors).toEqual([]);
    expect(data.join('')).toBe(HOSTILE.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD'));
    // the check itself: the same text written raw is refused by the parser
    const raw = new SaxesParser();
    const rawErrors: string[] = [];
    raw.on('error', (e) => rawErrors.push(e.message));
    raw.write(`<a>${'\u0000'}</a>`).close();
    expect(rawErrors.length).toBeGreaterThan(0);
  });

  it('writes YAML with every non-printable character escaped, read back exactly', async () => {
    const text = toYaml(snapshotToRecords(await readSnapshot(store)));
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/);
    const back = parseYaml(text, { strict: true, uniqueKeys: true }) as { organizations: { name: string; aliases: string[]; description: string }[] };
    expect(back.organizations[0]!.name).toBe(HOSTILE);
    expect(back.organizations[0]!.aliases).toEqual([HOSTILE]);
  });

  it('writes a lone surrogate escaped in YAML and replaced in GraphML', () => {
    const records = { organizations: [{ id: 'half', name: 'half \uD800 pair', kind: 'other', country: 'US' }] };
    const yaml = toYaml(records as never);
    expect(yaml).toContain('\\uD800');
    expect((parseYaml(yaml) as typeof records).organizations[0]!.name).toBe('half \uD800 pair');
    const nodes = Object.fromEntries(GRAPH_LABELS.map((l) => [l, l === 'Organization' ? records.organizations : []]));
    const graphml = toGraphml({ nodes, rels: new Map() } as never);
    const errors: string[] = [];
    const parser = new SaxesParser();
    parser.on('error', (e) => errors.push(e.message));
    parser.write(graphml).close();
    expect(errors).toEqual([]);
    expect(graphml).toContain('half \uFFFD pair');
  });
});

describe('database files and keys', () => {
  it('refuses a file that is not a database before opening it, naming aigraph rebuild', async () => {
    for (const [name, bytes] of [
      ['junk.lbug', Buffer.from('not a database at all, just text\n'.repeat(400))],
      ['short.lbug', Buffer.from('LBUG\u0000\u0000\u0000\u0000')],
    ] as const) {
      const db = join(tmp, name);
      writeFileSync(db, bytes);
      const r = await runCli(['export', '--format', 'json'], { AIGRAPH_DB: db });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`The database file ${db} could not be opened`);
      expect(r.stderr).toContain(`AIGRAPH_DB=${db} npx aigraph rebuild`);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses to revoke a name two active keys share, listing their ids; by id it works', async () => {
    const env = { AIGRAPH_KEYS_FILE: join(tmp, 'keys.json'), AIGRAPH_DB: join(tmp, 'keys.lbug') };
    for (let i = 0; i < 2; i++) expect((await runCli(['keys', 'create', '--role', 'reader', '--name', 'shared'], env)).code).toBe(0);
    const ids = (JSON.parse((await runCli(['keys', 'list', '--json'], env)).stdout) as { id: string }[]).map((k) => k.id);
    expect(ids).toHaveLength(2);
    const refused = await runCli(['keys', 'revoke', 'shared'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`2 active keys are named "shared" (${ids.join(', ')}); revoke them by id.`);
    const listed = JSON.parse((await runCli(['keys', 'list', '--json'], env)).stdout) as { revokedAt: string | null }[];
    expect(listed.every((k) => k.revokedAt === null)).toBe(true);
    expect((await runCli(['keys', 'revoke', ids[0]!], env)).code).toBe(0);
    // one active key is left with the name: the name is no longer ambiguous
    const byName = await runCli(['keys', 'revoke', 'shared'], env);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain(`Revoked ${ids[1]} (shared).`);
  });
});
