/**
 * Tries to lose acknowledged writes the ways a trusted store must not (docs/durability.md):
 * writes sent while a server replays a long journal, an import followed by a rebuild, an import
 * killed with SIGKILL, torn and damaged journal tails, a rebuild while a server runs. Each runs
 * the real `aigraph` binary on a real database file.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanJournal } from '../src/writes/journal-file.ts';
import { Journal, journalFileFor } from '../src/writes/journal.ts';
import { BIN, launchServer, ROOT, runCli, startServer, type RunningServer } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-lost-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A folder the store creates itself, so its mode is the store's doing.
const db = join(dir, 'data', 'graph.lbug');
const journalFile = journalFileFor(db);
const env = { AIGRAPH_DB: db, AIGRAPH_KEYS_FILE: join(dir, 'keys.json') };

interface Answer<T> {
  status: number;
  retryAfter: string | null;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T>(server: RunningServer, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer<T>> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...((await res.json()) as object) };
}

const UPSERT = 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }';

/** The audit trail of one record, oldest first. */
async function auditOf(server: RunningServer, subject: string, key: string): Promise<{ operation: string; after: Record<string, unknown> | null }[]> {
  type Page = {
    auditLog: { edges: { node: { id: string; operation: string; after: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
  const nodes: { id: string; operation: string; after: string | null }[] = [];
  for (let after: string | null = null; ; ) {
    const r: Answer<Page> = await gql<Page>(
      server,
      'query ($s: String!, $after: String) { auditLog(subject: $s, first: 100, after: $after) { edges { node { id operation after } } pageInfo { hasNextPage endCursor } } }',
      { s: subject, after },
      key,
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    nodes.push(...r.data.auditLog.edges.map((e) => e.node));
    if (!r.data.auditLog.pageInfo.hasNextPage) break;
    after = r.data.auditLog.pageInfo.endCursor;
  }
  const seq = (id: string) => Number(/^audit-(\d+)-/.exec(id)![1]);
  return nodes
    .sort((a, b) => seq(a.id) - seq(b.id))
    .map((n) => ({ operation: n.operation, after: n.after ? (JSON.parse(n.after) as Record<string, unknown>) : null }));
}

async function countryCount(server: RunningServer, country: string): Promise<number> {
  const r = await gql<{ organizations: { totalCount: number } }>(server, 'query ($c: String!) { organizations(filter: { country: $c }) { totalCount } }', {
    c: country,
  });
  return r.data!.organizations.totalCount;
}

/** Every line of the journal is whole and its checksum holds. */
function expectJournalWellFormed(): void {
  const { tail } = scanJournal(journalFile, readFileSync(journalFile));
  expect(tail).toBeNull();
}

let admin = '';
const acked: string[] = []; // ids of organizations whose write was acknowledged

beforeAll(async () => {
  const made = await runCli(['keys', 'create', '--role', 'admin', '--name', 'lost-writes'], env);
  expect(made.code, made.stderr).toBe(0);
  admin = made.stdout.trim();
  const server = await startServer(env, 60_000);
  try {
    const r = await gql(server, UPSERT, { input: { id: 'startup-org', name: 'Start-up org', kind: 'OTHER', country: 'AQ', description: 'v0' } }, admin);
    expect(r.errors).toBeUndefined();
    acked.push('startup-org');
  } finally {
    await server.stop();
  }
}, 120_000);

describe('writes during start-up', () => {
  it('refuses (503, Retry-After) or applies every write sent while 300 unapplied journal entries replay, and never lets replay undo an acknowledged one', async () => {
    // 300 entries the database does not have, as after a restore from a backup or several crashes.
    const journal = new Journal(journalFile);
    for (let i = 0; i < 300; i++) {
      journal.write({
        at: new Date().toISOString(),
        actor: 'restored',
        role: 'editor',
        operation: 'upsertOrganization',
        change: {
          kind: 'records',
          records: { organizations: [{ id: 'startup-org', name: 'Start-up org', kind: 'other', country: 'AQ', description: `journal-${i}` }] },
        },
      });
    }
    journal.close();

    const server = await launchServer(env);
    const answers: { n: number; status: number; code?: string; retryAfter: string | null }[] = [];
    let ready = false;
    let ackedAfterReady = 0;
    const deadline = Date.now() + 90_000;
    try {
      // One write at a time, from before the server listens until five are acknowledged after it is ready.
      for (let n = 0; Date.now() < deadline && ackedAfterReady < 5; n++) {
        let r: Answer<unknown>;
        try {
          r = await gql(server, UPSERT, { input: { id: 'startup-org', name: 'Start-up org', description: `client-${n}` } }, admin);
        } catch {
          await new Promise((res) => setTimeout(res, 10)); // not listening yet
          continue;
        }
        answers.push({ n, status: r.status, code: r.errors?.[0]?.extensions?.code, retryAfter: r.retryAfter });
        if (!r.errors && ready) ackedAfterReady++;
        if (!ready) ready = (await fetch(`${server.url}/readyz`)).status === 200;
      }
      const refused = answers.filter((a) => a.code);
      const applied = answers.filter((a) => !a.code);
      expect(refused.length).toBeGreaterThan(0);
      for (const a of refused) expect(a).toEqual({ n: a.n, status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '2' });
      expect(applied.length).toBeGreaterThanOrEqual(5);
      // Refusals all come before the first acknowledgement: once writes are open, none is refused.
      expect(Math.max(...refused.map((a) => a.n))).toBeLessThan(Math.min(...applied.map((a) => a.n)));

      const org = await gql<{ organization: { description: string } }>(server, '{ organization(id: "startup-org") { description } }');
      expect(org.data!.organization.description).toBe(`client-${applied.at(-1)!.n}`);
      // The serial order: the 300 replayed entries, then exactly the acknowledged writes, in order.
      const trail = (await auditOf(server, 'startup-org', admin)).map((e) => String(e.after?.description));
      expect(trail.slice(1, 301)).toEqual(Array.from({ length: 300 }, (_, i) => `journal-${i}`));
      expect(trail.slice(301)).toEqual(applied.map((a) => `client-${a.n}`));
      console.log(`start-up: ${refused.length} writes refused with 503 during replay of 300 entries, ${applied.length} applied after, none undone`);
    } finally {
      await server.stop();
    }
  }, 180_000);
});

describe('imports', () => {
  it('keeps an imported organization through `aigraph rebuild`, with the import in the audit trail', async () => {
    const file = join(dir, 'one-org.yaml');
    writeFileSync(file, 'organizations:\n  - id: imported-org\n    name: Imported Org\n    kind: other\n    country: AQ\n');
    const imported = await runCli(['import', file], env, 120_000);
    expect(imported.code, imported.stderr).toBe(0);
    acked.push('imported-org');
    const rebuilt = await runCli(['rebuild'], env, 180_000);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const server = await startServer(env, 60_000);
    try {
      const org = await gql<{ organization: { name: string } | null }>(server, '{ organization(id: "imported-org") { name } }');
      expect(org.data!.organization).toEqual({ name: 'Imported Org' });
      expect((await auditOf(server, 'imported-org', admin)).map((e) => e.operation)).toContain('import');
    } finally {
      await server.stop();
    }
  }, 300_000);

  it('applies an import killed with SIGKILL after it was journaled, all of it, on the next start (and through rebuild, below)', async () => {
    const n = 10_000;
    const file = join(dir, 'many-orgs.json');
    const orgs = Array.from({ length: n }, (_, i) => ({ id: `killed-import-${i}`, name: `Killed import ${i}`, kind: 'other', country: 'BV' }));
    writeFileSync(file, JSON.stringify({ organizations: orgs }));
    const before = statSync(journalFile).size;
    const child = spawn(process.execPath, [BIN, 'import', file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.on('close', () => r()));
    // Killed as soon as its journal entry is on disk: while it writes the records.
    while (child.exitCode === null && statSync(journalFile).size === before) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expectJournalWellFormed();
    const server = await startServer(env, 120_000);
    try {
      expect(await countryCount(server, 'BV')).toBe(n);
    } finally {
      await server.stop();
    }
    acked.push('killed-import-0', `killed-import-${n - 1}`);
  }, 300_000);
});

describe('a bulk import', () => {
  it('journals a bulk import into an empty store as one entry and one audit entry, and rebuild keeps all of it', async () => {
    const bulkEnv = { ...env, AIGRAPH_DB: join(dir, 'bulk', 'graph.lbug') };
    const n = 12_000; // above the bulk path's threshold
    const file = join(dir, 'bulk-orgs.json');
    writeFileSync(
      file,
      JSON.stringify({ organizations: Array.from({ length: n }, (_, i) => ({ id: `bulk-${i}`, name: `Bulk ${i}`, kind: 'other', country: 'TK' })) }),
    );
    const imported = await runCli(['import', file], bulkEnv, 180_000);
    expect(imported.code, imported.stderr).toBe(0);
    const journalLines = readFileSync(journalFileFor(bulkEnv.AIGRAPH_DB), 'utf8').trim().split('\n');
    expect(journalLines).toHaveLength(1);
    expect(journalLines[0]!.length).toBeLessThan(1000); // the files' names and hashes, not their records
    const imported1 = await startServer(bulkEnv, 60_000);
    try {
      expect(await countryCount(imported1, 'TK')).toBe(n);
      const audit = await gql<{ auditLog: { totalCount: number; edges: { node: { operation: string } }[] } }>(
        imported1,
        '{ auditLog(first: 10) { totalCount edges { node { operation } } } }',
        {},
        admin,
      );
      expect(audit.data!.auditLog.totalCount).toBe(1);
      expect(audit.data!.auditLog.edges[0]!.node.operation).toBe('import');
    } finally {
      await imported1.stop();
    }
    const rebuilt = await runCli(['rebuild'], bulkEnv, 300_000);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/1 writes replayed/);
    const server = await startServer(bulkEnv, 60_000);
    try {
      expect(await countryCount(server, 'TK')).toBe(n);
    } finally {
      await server.stop();
    }
  }, 400_000);
});

describe('the journal', () => {
  it('cuts a torn tail off on start (and says so), then keeps every acknowledged write through rebuild', async () => {
    appendFileSync(journalFile, '0badc0de {"type":"write","seq":99999,"at":"2026-');
    const server = await startServer(env, 60_000);
    try {
      expect(server.output()).toMatch(/torn last write/);
      expect(
        (await gql(server, UPSERT, { input: { id: 'after-torn-tail', name: 'After a torn tail', kind: 'OTHER', country: 'AQ' } }, admin)).errors,
      ).toBeUndefined();
      acked.push('after-torn-tail');
    } finally {
      await server.stop();
    }
    expectJournalWellFormed();
    const rebuilt = await runCli(['rebuild'], env, 180_000);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const again = await startServer(env, 60_000);
    try {
      for (const id of acked)
        expect((await gql<{ organization: { id: string } | null }>(again, `{ organization(id: "${id}") { id } }`)).data!.organization, id).toEqual({ id });
      expect(await countryCount(again, 'BV')).toBe(10_000);
    } finally {
      await again.stop();
    }
  }, 400_000);

  it('refuses to start on a line damaged in the middle, naming the line, and changes nothing', async () => {
    const original = readFileSync(journalFile);
    const lines = original.toString('utf8').split('\n');
    lines[1] = lines[1]!.replace('"seq":', '"seq": '); // the checksum no longer matches
    writeFileSync(journalFile, lines.join('\n'));
    try {
      const r = await runCli(['serve'], { ...env, PORT: '0' }, 60_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/journal .* is damaged at line 2 \(checksum mismatch\)/);
      expect(readFileSync(journalFile).toString('utf8')).toBe(lines.join('\n'));
    } finally {
      writeFileSync(journalFile, original);
    }
  }, 120_000);
});

describe('rebuild and files', () => {
  it('refuses to rebuild while a server holds the database, and moves nothing', async () => {
    const broken = () => readdirSync(join(dir, 'data')).filter((f) => f.includes('broken'));
    const before = broken();
    const server = await startServer(env, 60_000);
    try {
      const r = await runCli(['rebuild'], env, 60_000);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/is locked: another process/);
      expect(broken()).toEqual(before);
      expect(
        (await gql(server, UPSERT, { input: { id: 'during-rebuild', name: 'During rebuild', kind: 'OTHER', country: 'AQ' } }, admin)).errors,
      ).toBeUndefined();
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('creates the data folder 0700 and the database, its WAL, the journal and kept imports 0600', () => {
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    const files = [db, `${db}.wal`, journalFile].filter((f) => existsSync(f));
    expect(files).toContain(db);
    expect(files).toContain(journalFile);
    const kept = `${journalFile}.imports`;
    expect(statSync(kept).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(kept)) files.push(join(kept, f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) expect(statSync(f).mode & 0o777, f).toBe(0o600);
  });
});
