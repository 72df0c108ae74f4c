/**
 * GraphiQL in a real browser: the page served at /graphiql renders, runs a query against the
 * real server and shows the answer, with every request that would leave the machine blocked.
 * Needs Debian's chromium at /usr/bin/chromium (CI installs it); without it the suite is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, type BrowserHarness } from './support/browser.ts';
import { startServer, type RunningServer } from './support/run-cli.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`[graphiql.test] skipped: ${unavailable}`);

describe.skipIf(unavailable)('GraphiQL at /graphiql, in chromium', () => {
  let dir: string;
  let server: RunningServer | undefined;
  let browser: BrowserHarness | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aigraph-graphiql-'));
    [server, browser] = await Promise.all([startServer({ AIGRAPH_DB: join(dir, 'graph.lbug') }, 60_000), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs a prefilled query and shows its result, needing nothing from outside the machine', { timeout: 60_000 }, async () => {
    const { page } = browser!;
    const query = '{ organization(id: "openai") { name } }';
    await page.goto(`${server!.url}/graphiql?query=${encodeURIComponent(query)}`, { waitUntil: 'load' });

    // The query editor is rendered and holds the query from the URL.
    const editor = page.locator('.graphiql-query-editor .CodeMirror-code');
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => editor.textContent(), { timeout: 10_000 }).toContain(query);

    await page.locator('button.graphiql-execute-button').click();
    const result = page.locator('.result-window .CodeMirror-code');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('"data"');
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('"name": "OpenAI"');
    expect(shown).not.toContain('"errors"');

    await browser!.screenshot('graphiql-organization');

    // GraphiQL and its assets came from the server itself; nothing tried to leave the machine.
    expect(browser!.blocked).toEqual([]);
    expect(browser!.requests.some((u) => u.endsWith('/graphql'))).toBe(true);
    expect(browser!.consoleErrors).toEqual([]);
  });
});
