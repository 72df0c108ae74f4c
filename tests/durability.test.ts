/**
 * Nothing acknowledged is lost: the real server is killed with SIGKILL in the middle of a
 * stream of writes, ten times in a row, and every write it acknowledged is there after each
 * restart; a database file that no longer opens is rebuilt from the seeds and the journal.
 * Keys are created and revoked with the CLI while the server runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServer, type RunningServer } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'graph.lbug');
const env = { AIGRAPH_DB: db };

async function gql<T>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<{ status: number; data?: T; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Ids of every organization written by this test (country AQ marks them). */
async function writtenIds(server: RunningServer): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const r: { data?: { organizations: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } = await gql(
      server,
      'query ($after: String) { organizations(filter: { country: "AQ" }, first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    for (const e of r.data!.organizations.edges) ids.add(e.node.id);
    if (!r.data!.organizations.pageInfo.hasNextPage) return ids;
    after = r.data!.organizations.pageInfo.endCursor;
  }
}

describe('durability', () => {
  let key = '';
  const acked: string[] = [];

  it('keeps every acknowledged write across 10 SIGKILLs in a row', async () => {
    const created = await runCli(['keys', 'create', '--role', 'editor', '--name', 'durability'], env);
    expect(created.code).toBe(0);
    key = created.stdout.trim();
    for (let round = 0; round < 10; round++) {
      const server = await startServer(env);
      const present = await writtenIds(server);
      for (const id of acked) expect(present.has(id), `acknowledged write ${id} lost before round ${round}`).toBe(true);
      // A stream of writes; the server is killed in the middle of it, after 15 + round acknowledgements.
      let n = 0;
      const stream = (async () => {
        for (;;) {
          const id = `durable-${round}-${n++}`;
          try {
            const r = await gql(
              server,
              'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
              { input: { id, name: id, kind: 'OTHER', country: 'AQ' } },
              key,
            );
            if (r.errors) throw new Error(JSON.stringify(r.errors));
            acked.push(id);
          } catch {
            return; // the server is gone: this write was never acknowledged
          }
        }
      })();
      while (acked.filter((id) => id.startsWith(`durable-${round}-`)).length < 15 + round) await new Promise((r) => setTimeout(r, 2));
      await server.stop('SIGKILL');
      await stream;
    }
    const server = await startServer(env);
    try {
      const present = await writtenIds(server);
      for (const id of acked) expect(present.has(id), id).toBe(true);
      expect(acked.length).toBeGreaterThanOrEqual(10 * 15);
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('rebuilds a database file that no longer opens from the seeds and the journal', async () => {
    writeFileSync(db, 'this is not a database');
    rmSync(`${db}.wal`, { force: true });
    const broken = await runCli(['serve'], { ...env, PORT: '0' }, 20_000);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('npx aigraph rebuild');
    const rebuilt = await runCli(['rebuild'], env, 120_000);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/writes replayed from the journal/);
    const server = await startServer(env);
    try {
      const present = await writtenIds(server);
      for (const id of acked) expect(present.has(id), id).toBe(true);
      const openai = await gql<{ organization: { name: string } }>(server, '{ organization(id: "openai") { name } }');
      expect(openai.data!.organization.name).toBe('OpenAI');
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('creates, lists and revokes keys with the CLI while the server runs', async () => {
    const server = await startServer(env);
    try {
      const made = await runCli(['keys', 'create', '--role', 'editor', '--name', 'while-running'], env);
      expect(made.code).toBe(0);
      const fresh = made.stdout.trim();
      expect(fresh).toMatch(/^aig_[a-f0-9]{16}_[A-Za-z0-9_-]{43}$/);
      const write = (k: string) =>
        gql(server, 'mutation { upsertOrganization(input: { id: "cli-key-org", name: "CLI key", kind: OTHER, country: "AQ" }) { id } }', {}, k);
      expect((await write(fresh)).errors).toBeUndefined();
      const list = await runCli(['keys', 'list', '--json'], env);
      const keys = JSON.parse(list.stdout) as { name: string; hash?: string }[];
      expect(keys.map((k) => k.name)).toContain('while-running');
      expect(list.stdout).not.toContain(fresh.slice('aig_'.length + 16 + 1)); // the secret (after aig_<id>_) is never shown again
      expect(keys.every((k) => k.hash === undefined)).toBe(true);
      expect((await runCli(['keys', 'revoke', 'while-running'], env)).code).toBe(0);
      const refused = await write(fresh);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await server.stop();
    }
  }, 60_000);
});
