/**
 * The graph explorer at `/`, in chromium against the real server and the shipped seeds, with
 * every request that would leave the machine blocked: search and draw a neighbourhood, open a
 * deal and its sources, ask who supplies OpenAI outside Microsoft, travel back in time until a
 * deal disappears, export a PNG, reload a shared URL, and use it on a narrow screen. Each step
 * saves a screenshot to test-output/screenshots/explorer-*.png.
 * Needs Debian's chromium at /usr/bin/chromium (CI installs it); without it the suite is skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, type BrowserHarness } from './support/browser.ts';
import { ROOT, startServer, type RunningServer } from './support/run-cli.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`[explorer.test] skipped: ${unavailable}`);

const EXPLORER = join(ROOT, 'explorer');
/** Oracle's ~$300bn compute contract with OpenAI, announced on 10 September 2025. */
const ORACLE_DEAL = 'oracle-openai-2025-compute-contract';

/** Newest modification time under a folder (the explorer's sources). */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** `npm install` builds the explorer (prepare); build again here when the sources are newer. */
function ensureExplorerBuilt(): void {
  const index = join(EXPLORER, 'dist', 'index.html');
  const sources = Math.max(newest(join(EXPLORER, 'src')), newest(join(EXPLORER, 'index.html')), newest(join(EXPLORER, 'vite.config.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

/** What the page exposes to tests (explorer/src/main.ts): the drawn nodes, where they are, the view's state. */
interface Hooks {
  nodeIds(): string[];
  position(id: string): { x: number; y: number } | null;
  state(): { root: string | null; selected: string | null; asOf: string | null; expanded: string[] };
}
// These run in the page (serialized by Playwright), where the explorer sets `aigraphExplorer`.
const nodeIds = (page: Page) => page.evaluate(() => (globalThis as unknown as { aigraphExplorer: Hooks }).aigraphExplorer.nodeIds());
const selected = (page: Page) => page.evaluate(() => (globalThis as unknown as { aigraphExplorer: Hooks }).aigraphExplorer.state().selected);
const asOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { aigraphExplorer: Hooks }).aigraphExplorer.state().asOf);
const position = (page: Page, id: string) => page.evaluate((n) => (globalThis as unknown as { aigraphExplorer: Hooks }).aigraphExplorer.position(n), id);

/** Waits until the graph has drawn its latest view. */
async function drawn(page: Page): Promise<void> {
  await page.locator('[data-testid="graph-canvas"][data-state="ready"]').waitFor({ timeout: 20_000 });
}

describe.skipIf(unavailable)('the explorer at /, in chromium', () => {
  let dir: string;
  let server: RunningServer | undefined;
  let browser: BrowserHarness | undefined;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aigraph-explorer-'));
    ensureExplorerBuilt();
    [server, browser] = await Promise.all([startServer({ AIGRAPH_DB: join(dir, 'graph.lbug') }, 60_000), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('searches “OpenAI” and draws its neighbourhood and its details', { timeout: 30_000 }, async () => {
    await page.goto(`${server!.url}/`, { waitUntil: 'load' });
    await expect.poll(() => page.title()).toContain('Explorer');
    await page.getByTestId('graph-canvas').waitFor({ state: 'visible' });

    const search = page.getByTestId('search-input');
    await search.fill('OpenAI');
    await page.locator('#search-results li[data-id="openai"]').waitFor({ state: 'visible' });
    await search.press('Enter');
    await drawn(page);

    const ids = await nodeIds(page);
    expect(ids.length).toBeGreaterThan(30);
    expect(ids).toEqual(expect.arrayContaining(['openai', 'oracle', ORACLE_DEAL, 'microsoft']));
    expect(Number(await page.getByTestId('graph-canvas').getAttribute('data-edges'))).toBeGreaterThan(ids.length - 1);

    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('San Francisco AI lab');
    expect(await details.locator('h2').first().textContent()).toContain('OpenAI');
    expect(new URL(page.url()).searchParams.get('node')).toBe('openai');

    // The GraphiQL link carries the query behind this view.
    const href = (await page.getByTestId('graphiql-link').getAttribute('href'))!;
    expect(href.startsWith('/graphiql?query=')).toBe(true);
    expect(new URL(href, server!.url).searchParams.get('query')).toContain('neighborhood(id: "openai", depth: 2');
    await browser!.screenshot('explorer-1-openai');
  });

  it('opens a deal and shows its sources as links, and its status history', { timeout: 20_000 }, async () => {
    // The root is drawn on top: a click on the canvas selects it.
    const at = (await position(page, 'openai'))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => selected(page)).toBe('openai');

    // Its connections are listed in the details panel; open the Oracle deal from there.
    await page.getByTestId('details-panel').locator(`[data-testid="connections"] button[data-node="${ORACLE_DEAL}"]`).click();
    const details = page.getByTestId('details-panel');
    const sources = details.locator('[data-testid="sources"] a');
    await sources.first().waitFor({ timeout: 10_000 });
    expect(await details.locator('h2').first().textContent()).toContain('Oracle');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await details.textContent()).toContain('Status history');
    expect(new URL(page.url()).searchParams.get('sel')).toBe(ORACLE_DEAL);
    await browser!.screenshot('explorer-2-deal-sources');
  });

  it('is usable by keyboard: arrow keys select, Enter expands', { timeout: 20_000 }, async () => {
    await page.getByTestId('graph-canvas').focus();
    const before = await selected(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => selected(page)).not.toBe(before);
    // Select Oracle (from the details of the deal), then expand it with Enter.
    await page.goto(`${server!.url}/?node=openai&sel=oracle`);
    await drawn(page);
    const count = (await nodeIds(page)).length;
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('expand')).toBe('oracle');
    await drawn(page);
    expect((await nodeIds(page)).length).toBeGreaterThanOrEqual(count);
  });

  it('lists who supplies OpenAI outside Microsoft, with restrictions, and highlights them', { timeout: 20_000 }, async () => {
    const form = page.getByTestId('question-suppliers');
    expect(await form.locator('input').nth(0).inputValue()).toBe('openai');
    expect(await form.locator('input').nth(1).inputValue()).toBe('microsoft');
    await form.locator('button').first().click();
    await drawn(page);
    const list = page.getByTestId('result-list');
    await expect.poll(() => list.locator(':scope > li').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const text = (await list.textContent())!;
    expect(text).toContain('Oracle');
    expect(await list.locator('[data-supplier="microsoft"]').count()).toBe(0);
    expect(await list.locator('[data-testid="restricted-by"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#results-summary').textContent()).toContain('outside microsoft');
    const ids = await nodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['oracle', ORACLE_DEAL]));
    const url = new URL(page.url());
    expect([url.searchParams.get('q'), url.searchParams.get('of'), url.searchParams.get('excluding')]).toEqual(['suppliers', 'openai', 'microsoft']);
    await browser!.screenshot('explorer-3-suppliers');
  });

  it('replays history: before the Oracle deal was announced, it is gone', { timeout: 20_000 }, async () => {
    expect(await nodeIds(page)).toContain(ORACLE_DEAL);
    const first = (await page.locator('#asof-date').getAttribute('min'))!;
    const days = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
    const slider = page.getByTestId('asof-slider');

    await slider.fill(String(days('2025-09-01')));
    await expect.poll(() => asOf(page)).toBe('2025-09-01');
    await drawn(page);
    expect(await nodeIds(page)).not.toContain(ORACLE_DEAL);
    expect(await page.locator('#asof-output').textContent()).toBe('1 Sep 2025');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2025-09-01');
    await browser!.screenshot('explorer-4-before-oracle-deal');

    await slider.fill(String(days('2025-09-15')));
    await expect.poll(() => asOf(page)).toBe('2025-09-15');
    await drawn(page);
    expect(await nodeIds(page)).toContain(ORACLE_DEAL);
  });

  it("shows the API's error with its suggestion for a misspelt organization", { timeout: 20_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?node=openai`);
      await drawn(view);
      const form = view.getByTestId('question-suppliers');
      await form.locator('input').nth(0).fill('openai');
      await form.locator('input').nth(1).fill('microsft');
      await form.locator('button').first().click();
      const summary = view.locator('#results-summary');
      await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('Did you mean microsoft?');
      await browser!.screenshot('explorer-misspelt-organization', view);
    } finally {
      await view.close();
    }
  });

  it('shows a fact as it stood on the chosen day: the Azure API exclusivity active on 17 Dec 2025', { timeout: 20_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?node=openai&asOf=2025-12-17&sel=microsoft-openai-azure-api-exclusivity`);
      await drawn(view);
      const details = view.getByTestId('details-panel');
      // The header shows at once; the properties once the node has loaded.
      await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('Grantor');
      const text = (await details.textContent())!;
      expect(text).toContain('Active');
      expect(text).not.toMatch(/Status\s*Terminated/);
      await browser!.screenshot('explorer-dated-exclusivity', view);
    } finally {
      await view.close();
    }
  });

  it('exports the view as a PNG, and as GraphML', { timeout: 20_000 }, async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^aigraph-openai-2025-09-15\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(30_000);

    const [graphml] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-graphml').click()]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain(`<node id="${ORACLE_DEAL}">`);
  });

  it('redraws the same view from a shared URL', { timeout: 20_000 }, async () => {
    const shared = page.url();
    const ids = (await nodeIds(page)).sort();
    const other = await browser!.context.newPage();
    try {
      await other.goto(shared);
      await drawn(other);
      await other.getByTestId('result-list').locator(':scope > li').first().waitFor();
      expect((await nodeIds(other)).sort()).toEqual(ids);
      expect(await other.locator('#asof-output').textContent()).toBe('15 Sep 2025');
    } finally {
      await other.close();
    }
  });

  it('fits a narrow screen', { timeout: 20_000 }, async () => {
    const narrow = await browser!.context.newPage();
    try {
      await narrow.setViewportSize({ width: 390, height: 844 });
      await narrow.goto(`${server!.url}/?node=anthropic`);
      await drawn(narrow);
      for (const id of ['search-input', 'graph-canvas', 'asof-slider']) expect(await narrow.getByTestId(id).isVisible(), id).toBe(true);
      const fits = await narrow.evaluate(() => {
        const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
        return g.document.documentElement.scrollWidth <= g.innerWidth;
      });
      expect(fits).toBe(true);
      await browser!.screenshot('explorer-5-narrow', narrow);
    } finally {
      await narrow.close();
    }
  });

  it('needed nothing from outside the machine, and logged no error', () => {
    expect(browser!.blocked).toEqual([]);
    expect(browser!.consoleErrors).toEqual([]);
    expect(browser!.requests.some((u) => u.endsWith('/graphql'))).toBe(true);
  });
});
