/**
 * A real full disk: the server runs on a 64 MB tmpfs (room for the seeded graph) that the test
 * fills. Writes must fail with STORAGE_FULL (HTTP 507, Retry-After), the journal must stay
 * well-formed, writes must resume by themselves once space is freed, and every acknowledged write
 * must survive `aigraph rebuild`.
 * Mounting needs root; elsewhere the test is skipped and says why.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanJournal } from '../src/writes/journal-file.ts';
import { journalFileFor } from '../src/writes/journal.ts';
import { runCli, startServer, type RunningServer } from './support/run-cli.ts';
import { mountTmpfs } from './support/tmpfs.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-full-disk-'));
const mnt = join(dir, 'small-disk');
mkdirSync(mnt);

const skipReason = mountTmpfs(mnt, '64m', '0700');
if (skipReason) console.warn(`full-disk test skipped: ${skipReason}`);

afterAll(() => {
  if (!skipReason) execFileSync('umount', [mnt]);
  rmSync(dir, { recursive: true, force: true });
});

const db = join(mnt, 'graph.lbug');
const env = { AIGRAPH_DB: db, AIGRAPH_KEYS_FILE: join(dir, 'keys.json') };

async function upsert(server: RunningServer, id: string, key: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
      variables: { input: { id, name: id, kind: 'OTHER', country: 'HM' } },
    }),
  });
  const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

/** Fills the file system with one file until it refuses another byte. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (const size of [1 << 20, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as { code?: string }).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(skipReason !== null)('a full disk', () => {
  it('refuses writes with STORAGE_FULL (507), keeps the journal whole, resumes when space returns, and loses no acknowledged write through rebuild', async () => {
    const made = await runCli(['keys', 'create', '--role', 'editor', '--name', 'full-disk'], env);
    expect(made.code, made.stderr).toBe(0);
    const key = made.stdout.trim();
    const acked: string[] = [];
    const server = await startServer(env, 60_000);
    const filler = join(mnt, 'filler');
    try {
      for (let i = 0; i < 5; i++) {
        expect((await upsert(server, `before-full-${i}`, key)).code).toBeUndefined();
        acked.push(`before-full-${i}`);
      }
      fill(filler);
      // Until the last partly used pages are used up some writes may still land; then every one is refused.
      const refused: Awaited<ReturnType<typeof upsert>>[] = [];
      for (let i = 0; i < 300 && refused.length < 5; i++) {
        const r = await upsert(server, `while-full-${i}`, key);
        if (r.code) refused.push(r);
        else acked.push(`while-full-${i}`);
      }
      expect(refused.length).toBe(5);
      for (const r of refused)
        expect({ status: r.status, code: r.code, retryAfter: r.retryAfter }).toEqual({ status: 507, code: 'STORAGE_FULL', retryAfter: '30' });
      expect(refused[0]!.message).toMatch(/no storage space left/);
      expect(scanJournal(journalFileFor(db), readFileSync(journalFileFor(db))).tail).toBeNull();

      rmSync(filler);
      let resumed = false;
      for (let i = 0; i < 20 && !resumed; i++) {
        const r = await upsert(server, `after-full-${i}`, key);
        if (!r.code) {
          acked.push(`after-full-${i}`);
          resumed = true;
        } else await new Promise((res) => setTimeout(res, 200));
      }
      expect(resumed).toBe(true);
      console.log(`full disk: ${acked.length} writes acknowledged, ${refused.length} refused with STORAGE_FULL, writes resumed without a restart`);
    } finally {
      rmSync(filler, { force: true });
      await server.stop();
    }
    expect(scanJournal(journalFileFor(db), readFileSync(journalFileFor(db))).tail).toBeNull();
    // Rebuilt from the journal alone, on a roomier disk (the small one cannot hold two databases).
    const elsewhere = { ...env, AIGRAPH_DB: join(dir, 'rebuilt', 'graph.lbug') };
    mkdirSync(join(dir, 'rebuilt'));
    copyFileSync(journalFileFor(db), journalFileFor(elsewhere.AIGRAPH_DB));
    const rebuilt = await runCli(['rebuild'], elsewhere, 180_000);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const again = await startServer(elsewhere, 60_000);
    try {
      for (const id of acked) {
        const res = await fetch(`${again.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ organization(id: "${id}") { id } }` }),
        });
        expect(((await res.json()) as { data: { organization: unknown } }).data.organization, id).toEqual({ id });
      }
    } finally {
      await again.stop();
    }
  }, 400_000);
});
