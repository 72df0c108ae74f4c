import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runCli, startServer } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'aigraph-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aigraph serve', () => {
  it('answers /healthz and /readyz 200 on an empty data folder, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'fresh', 'graph.lbug');
    // NODE_ENV unset, as `npm start` runs it (vitest sets "test", which hides handlers that
    // libraries install only outside tests, such as Apollo's own SIGTERM handler, which would end
    // the server mid-close).
    const server = await startServer({ AIGRAPH_DB: db, NODE_ENV: '' });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toEqual({ status: 'ready', engine: 'ladybug' });
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
  });

  it('refuses a second server on the same data file, naming the lock, without hanging or crashing', async () => {
    const db = join(dir, 'shared', 'graph.lbug');
    const first = await startServer({ AIGRAPH_DB: db });
    try {
      const second = await runCli(['serve'], { AIGRAPH_DB: db, PORT: String(await freePort()), LOG_LEVEL: 'warn' }, 60_000);
      expect(second.signal).toBeNull(); // exited by itself: no segfault, no kill at the hang bound
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/locked/);
      expect(second.stderr).toContain(db);
      // The first server is unharmed.
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    } finally {
      await first.stop();
    }
  });

  it('stops with a message naming the variable when the configuration is bad', async () => {
    const r = await runCli(['serve'], { PORT: 'eighty', AIGRAPH_DB: join(dir, 'x.lbug') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('eighty');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('aigraph CLI', () => {
  // One process start per command: the timeout guards against a hang, not a speed (a loaded machine starts them slowly).
  it('prints help for every command', { timeout: 180_000 }, async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['serve', 'queries']));
    for (const c of commands) {
      const r = await runCli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain(`Usage: aigraph ${c}`);
    }
  });

  it('prints the catalog as JSON with name, engine and cypher', async () => {
    const r = await runCli(['queries', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; engine: string; cypher: string }[];
    expect(list.length).toBeGreaterThan(100);
    for (const e of list) {
      expect(Object.keys(e).sort()).toEqual(['cypher', 'engine', 'name']);
      expect(['both', 'neo4j', 'ladybug']).toContain(e.engine);
      expect(e.cypher.length).toBeGreaterThan(0);
    }
  });

  it('rejects an unknown command with a non-zero exit', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
