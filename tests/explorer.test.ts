/**
 * The graph explorer at `/`, in chromium against the real server and the shipped seeds, with
 * every request that would leave the machine blocked: search and draw a neighbourhood, open a
 * deal and its sources, ask who supplies OpenAI outside Microsoft (a sortable table, exported as
 * CSV), travel back in time until a deal disappears, see a fact's status on the chosen day and
 * as known on a record day, open links that name a question, see the API's suggestions for a
 * misspelt organization, ask where a lab's models can be had and where a government can turn
 * outside a provider, declutter and group the graph, colour and size it by community and
 * centrality, save views, read an organization's timeline, export PNG, SVG and GraphML, reload a
 * shared URL, and use it on a narrow screen. Each step saves a screenshot to
 * test-output/screenshots/explorer-*.png.
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
/** Microsoft's exclusivity on OpenAI's API: active on 17 Dec 2025, terminated since. */
const AZURE_API = 'microsoft-openai-azure-api-exclusivity';

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
  edgeIds(): string[];
  position(id: string): { x: number; y: number } | null;
  state(): { root: string | null; selected: string | null; asOf: string | null; knownOn: string | null; expanded: string[]; question: { name: string } | null };
  status(id: string): string | null;
  labelOverlaps(): number;
  labelsHidden(): number;
  nodeStyle(id: string): { color: string; width: number; opacity: number } | null;
}
/** Calls one of the page's test hooks. */
const hook = <K extends keyof Hooks>(page: Page, name: K, ...args: Parameters<Hooks[K]>) =>
  page.evaluate(([n, a]) => (globalThis as unknown as { aigraphExplorer: Record<string, (...x: unknown[]) => unknown> }).aigraphExplorer[n]!(...a), [
    name,
    args,
  ] as const) as Promise<ReturnType<Hooks[K]>>;
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
    const table = page.getByTestId('answer-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    const text = (await table.textContent())!;
    expect(text).toContain('Oracle');
    expect(await table.locator('tr[data-id="microsoft"]').count()).toBe(0);
    expect(await table.locator('[data-testid="restricted-by"]').count()).toBeGreaterThan(0);
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

  it('shows a fact as it stood on the chosen day, everywhere: the Azure API exclusivity active on 17 Dec 2025', { timeout: 30_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?node=openai&asOf=2025-12-17&sel=${AZURE_API}`);
      await drawn(view);
      // The details panel: the status on that day, and today's apart.
      const onDay = view.getByTestId('details-panel').getByTestId('status-on-day');
      await expect.poll(() => onDay.textContent(), { timeout: 10_000 }).toBe('Active on 17 Dec 2025');
      expect(await view.getByTestId('details-panel').textContent()).toMatch(/Status today\s*Terminated/);
      // The graph's badge (its status class and label) and the legend say the same day.
      expect(await hook(view, 'status', AZURE_API)).toBe('ACTIVE');
      expect(await view.getByTestId('legend-summary-day').textContent()).toBe('· statuses on 17 Dec 2025');
      expect(await view.getByTestId('asof-output').textContent()).toBe('17 Dec 2025');
      await browser!.screenshot('explorer-dated-exclusivity', view);

      // The record clock: on 1 Sep 2025 nobody had reported the Oracle contract yet.
      expect(await nodeIds(view)).toContain(ORACLE_DEAL);
      await view.getByTestId('knownon-date').fill('2025-09-01');
      await expect.poll(() => hook(view, 'state').then((s) => s.knownOn)).toBe('2025-09-01');
      await drawn(view);
      expect(await nodeIds(view)).not.toContain(ORACLE_DEAL);
      expect(new URL(view.url()).searchParams.get('knownOn')).toBe('2025-09-01');
      expect(await view.getByTestId('legend-summary-day').textContent()).toBe('· statuses on 17 Dec 2025, as known on 1 Sep 2025');
      await browser!.screenshot('explorer-known-on', view);

      // With no day chosen, the slider and the answer name the same day: today.
      await view.goto(`${server!.url}/?q=exclusivities&org=openai`);
      await drawn(view);
      const today = (await view.getByTestId('asof-output').textContent())!;
      expect(today).toMatch(/^today, \d{1,2} [A-Z][a-z]{2} \d{4}$/);
      await expect.poll(() => view.locator('#results-summary').textContent(), { timeout: 10_000 }).toContain(today);
    } finally {
      await view.close();
    }
  });

  it('opens a link that names a question with its answer as a sortable table, and exports it as CSV', { timeout: 30_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?q=suppliers&of=openai&excluding=microsoft&asOf=2026-03-01`);
      await drawn(view);
      const table = view.getByTestId('answer-table');
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
      expect(await hook(view, 'state').then((s) => [s.root, s.question?.name])).toEqual(['openai', 'suppliers']);
      const headers = await table.locator('thead th').allTextContents();
      expect(headers.map((h) => h.trim())).toEqual(['Supplier', 'Committed', 'Potential', 'GW', 'Deals', 'Restrictions', 'Confidence']);
      expect(await view.locator('#results-summary').textContent()).toContain('outside microsoft, 1 Mar 2026');
      expect(await rows.locator('[data-testid="restricted-by"]').count()).toBeGreaterThan(0);
      await browser!.screenshot('explorer-answer-table', view);

      // Sort by supplier, A to Z, then Z to A.
      const sortBy = (name: string) => table.locator('thead th button', { hasText: name }).click();
      const names = async () => (await rows.locator('td:first-child [data-node]').allTextContents()).map((t) => t.trim());
      await sortBy('Supplier');
      const az = await names();
      expect(az).toEqual([...az].sort((a, b) => a.localeCompare(b)));
      expect(await table.locator('th[data-key="supplier"]').getAttribute('aria-sort')).toBe('ascending');
      await sortBy('Supplier');
      expect(await names()).toEqual([...az].reverse());

      // The CSV has the same rows, in the order shown, with amounts as plain numbers.
      const [download] = await Promise.all([view.waitForEvent('download'), view.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toBe('aigraph-suppliers-openai-2026-03-01.csv');
      const lines = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('Supplier,Committed (USD),Potential (USD),GW,Deals,Restrictions,Confidence');
      expect(lines.length - 1).toBe(await rows.count());
      expect(lines.slice(1).map((l) => l.replace(/^"([^"]*)".*$|^([^,]*),.*$/, '$1$2'))).toEqual([...az].reverse());
      const oracle = lines.find((l) => l.startsWith('Oracle,'))!;
      expect(oracle.split(',')[2]).toMatch(/^\d{9,}$/);
      expect(oracle.split(',').at(-1)).toMatch(/^(HIGH|MEDIUM|LOW)$/);

      // A row links to the graph.
      await rows.locator('[data-node="oracle"]').first().click();
      await expect.poll(() => selected(view)).toBe('oracle');
      await browser!.screenshot('explorer-answer-row-selected', view);
    } finally {
      await view.close();
    }
  });

  it("shows the API's error with its suggestion for a misspelt organization, in any field", { timeout: 30_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?q=suppliers&of=openai&excluding=microsft`);
      const error = view.getByTestId('answer-error');
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('Did you mean microsoft?');
      expect(await view.locator('#suppliers-excluding').getAttribute('aria-invalid')).toBe('true');
      await browser!.screenshot('explorer-misspelt-organization', view);
      // Choosing the suggestion asks again with it.
      await view.getByTestId('suggestion').filter({ hasText: 'microsoft' }).click();
      await expect.poll(() => view.getByTestId('answer-table').locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(3);
      expect(new URL(view.url()).searchParams.get('excluding')).toBe('microsoft');

      // The same from a form field of another question.
      await view.getByRole('tab', { name: 'Paths' }).click();
      await view.locator('#paths-from').fill('amazn');
      await view.getByTestId('question-paths').locator('button[type="submit"]').click();
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('Did you mean amazon');
      expect(await view.locator('#paths-from').getAttribute('aria-invalid')).toBe('true');
      await browser!.screenshot('explorer-misspelt-paths', view);

      // A link that says something impossible is refused, naming it.
      await view.goto(`${server!.url}/?q=suppliers&asOf=2025-02-30`);
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('“asOf=2025-02-30” is not a day');
      expect(await error.textContent()).toContain('needs “of”');
    } finally {
      await view.close();
    }
  });

  it('answers where OpenAI’s models can be had on 1 June 2026: a table of channels with Azure and Bedrock, exported as CSV', { timeout: 30_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?q=availability&of=openai&asOf=2026-06-01`);
      await drawn(view);
      const table = view.getByTestId('answer-table');
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(await hook(view, 'state').then((s) => [s.root, s.question?.name, s.asOf])).toEqual(['openai', 'availability', '2026-06-01']);
      expect(await view.getByTestId('question-availability').locator('input').first().inputValue()).toBe('openai');
      const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
      expect(headers).toEqual([
        'Channel',
        'Access',
        'Provider',
        'Through',
        'Status',
        'Announced',
        'Available from',
        'Until',
        'Governed by',
        'Terms',
        'Confidence',
      ]);
      expect(await view.locator('#results-summary').textContent()).toMatch(/^\d+ channels for OpenAI’s models, 1 Jun 2026\.$/);
      // Azure OpenAI (Microsoft's) and Bedrock (AWS's, generally available that day), each governed by Microsoft's first-ship right.
      const azure = table.locator('tr[data-id="azure-openai-service"]');
      // Bedrock carries two OpenAI channels (the frontier models, and imported gpt-oss weights).
      const bedrock = table.locator('tr[data-id="amazon-bedrock"]').filter({ hasText: 'OpenAI frontier models and Codex on Amazon Bedrock' });
      expect(await bedrock.count()).toBe(1);
      expect(await azure.locator('td').nth(2).textContent()).toBe('Microsoft');
      expect(await bedrock.locator('td').nth(2).textContent()).toBe('Amazon Web Services');
      expect(await bedrock.locator('td').nth(3).textContent()).toBe('Amazon Bedrock');
      expect(await bedrock.locator('td').nth(6).textContent()).toBe('28 Apr 2026');
      expect(await table.locator('tr[data-id="openai"]').first().locator('td').nth(1).textContent()).toBe('Own API');
      for (const row of [azure, bedrock]) {
        expect(await row.locator('td').nth(1).textContent()).toBe('Cloud platform');
        expect(await row.getByTestId('governed-by').locator('[data-node="microsoft-openai-azure-first-ship"]').count()).toBe(1);
      }
      // Drawn as links from OpenAI to the services its models go through.
      expect(await hook(view, 'edgeIds')).toEqual(
        expect.arrayContaining(['openai|AVAILABLE_THROUGH|amazon-bedrock', 'openai|AVAILABLE_THROUGH|azure-openai-service']),
      );
      await browser!.screenshot('explorer-availability', view);

      // Sorted by provider, exported as CSV in that order, with the API's values.
      await table.locator('thead th button', { hasText: 'Provider' }).click();
      const providers = (await rows.locator('td:nth-child(3)').allTextContents()).map((t) => t.trim());
      expect(providers).toEqual([...providers].sort((a, b) => a.localeCompare(b)));
      const [download] = await Promise.all([view.waitForEvent('download'), view.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toBe('aigraph-availability-openai-2026-06-01.csv');
      const lines = readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('Channel,Access,Provider,Through,Status,Announced,Available from,Until,Governed by,Terms,Confidence');
      expect(lines.length - 1).toBe(providers.length);
      const bedrockLine = lines.find((l) => l.startsWith('OpenAI frontier models and Codex on Amazon Bedrock,'))!;
      expect(bedrockLine).toContain(',Cloud platform,Amazon Web Services,Amazon Bedrock,Active,2026-04-28,2026-04-28,');

      // A row links to the graph.
      await bedrock.locator('[data-node="amazon-bedrock"]').click();
      await expect.poll(() => selected(view)).toBe('amazon-bedrock');
    } finally {
      await view.close();
    }
  });

  it('answers where Ukraine’s government can turn outside Microsoft: labs and clouds with their constraints', { timeout: 30_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      // A misspelt asker: the API's suggestion, chosen, asks again.
      await view.goto(`${server!.url}/?q=diversification&for=government-of-ukrane&outside=microsoft`);
      const error = view.getByTestId('answer-error');
      await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('Did you mean government-of-ukraine');
      expect(await view.locator('#diversification-for').getAttribute('aria-invalid')).toBe('true');
      await view
        .getByTestId('suggestion')
        .filter({ hasText: /^government-of-ukraine$/ })
        .click();
      await expect.poll(() => new URL(view.url()).searchParams.get('for')).toBe('government-of-ukraine');
      await drawn(view);

      const table = view.getByTestId('answer-table');
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const url = new URL(view.url());
      expect([url.searchParams.get('q'), url.searchParams.get('for'), url.searchParams.get('outside')]).toEqual([
        'diversification',
        'government-of-ukraine',
        'microsoft',
      ]);
      expect(await hook(view, 'state').then((s) => s.root)).toBe('government-of-ukraine');
      expect(await view.locator('#results-summary').textContent()).toMatch(
        /^Government of Ukraine \(UA\) outside microsoft: \d+ labs? and \d+ clouds? within reach, today, /,
      );
      const types = (await rows.locator('td:nth-child(2)').allTextContents()).map((t) => t.trim());
      expect(types).toContain('Lab');
      expect(types).toContain('Cloud');
      // No option goes through Microsoft; OpenAI is reachable (its own API, Bedrock), constrained by Microsoft's first-ship right.
      expect(await table.locator('tr[data-id="microsoft"], tr[data-id="azure-openai-service"]').count()).toBe(0);
      const openai = table.locator('tr[data-id="openai"]');
      const constraints = openai.getByTestId('constraints');
      expect(await constraints.locator('[data-node="microsoft-openai-azure-first-ship"]').count()).toBeGreaterThan(0);
      expect(await constraints.textContent()).toContain('excluded provider');
      // Bedrock is a cloud it already deals with (the 2022 migration deal with AWS).
      const bedrock = table.locator('tr[data-id="amazon-bedrock"]');
      expect(await bedrock.locator('td').nth(1).textContent()).toBe('Cloud');
      await bedrock.locator('td').nth(3).locator('summary').click();
      expect(await bedrock.locator('[data-node="aws-ukraine-2022-government-cloud-migration"]').count()).toBe(1);
      // The notes: what it would spread away from, and the restrictions on its country.
      const notes = view.getByTestId('diversification-notes');
      expect(await notes.locator('[data-node="microsoft-ukraine-2022-free-cloud-support"]').count()).toBe(1);
      expect(await notes.textContent()).toContain('No restriction in force bears on UA.');
      await browser!.screenshot('explorer-diversification', view);

      // The CSV carries the constraints in words.
      const [download] = await Promise.all([view.waitForEvent('download'), view.getByTestId('export-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe('Option,Type,Through,Deals,Constraints,Confidence');
      expect(csv).toContain('[held by a provider left out]');
    } finally {
      await view.close();
    }
  });

  it('keeps the graph readable: no overlapping labels, deals grouped into links, focus on the answer', { timeout: 45_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?node=openai`);
      await drawn(view);
      expect(await hook(view, 'labelsHidden')).toBeGreaterThan(0);
      expect(await hook(view, 'labelOverlaps')).toBe(0);

      const before = (await nodeIds(view)).length;
      await view.locator('#style summary').click();
      await view.getByTestId('group-deals').check();
      await expect.poll(() => new URL(view.url()).searchParams.get('group')).toBe('deals');
      const after = await nodeIds(view);
      expect(after).not.toContain(ORACLE_DEAL);
      expect(after.length).toBeLessThan(before);
      expect(await hook(view, 'edgeIds')).toContain('deals|openai|oracle');
      expect(await hook(view, 'labelOverlaps')).toBe(0);
      await browser!.screenshot('explorer-grouped-deals', view);
      await view.getByTestId('group-deals').uncheck();
      await expect.poll(() => nodeIds(view)).toContain(ORACLE_DEAL);

      // Focus on the answer fades what is not part of it.
      await view.goto(`${server!.url}/?q=suppliers&of=openai&excluding=microsoft`);
      await drawn(view);
      await view.getByTestId('answer-table').waitFor();
      const outside = (await nodeIds(view)).find((id) => id === 'microsoft')!;
      expect((await hook(view, 'nodeStyle', outside))!.opacity).toBeGreaterThan(0.5);
      await view.getByTestId('focus-answer').click();
      await expect.poll(async () => (await hook(view, 'nodeStyle', outside))!.opacity).toBeLessThan(0.2);
      expect((await hook(view, 'nodeStyle', 'oracle'))!.opacity).toBe(1);
      expect(new URL(view.url()).searchParams.get('fade')).toBe('1');
      await browser!.screenshot('explorer-focus-answer', view);
    } finally {
      await view.close();
    }
  });

  it('colours by community and sizes by centrality, saves named views, and shows a timeline of changes', { timeout: 45_000 }, async () => {
    const view = await browser!.context.newPage();
    try {
      await view.goto(`${server!.url}/?node=openai`);
      await drawn(view);
      const kindColour = (await hook(view, 'nodeStyle', 'oracle'))!.color;
      await view.locator('#style summary').click();
      await view.getByTestId('style-color').selectOption('community');
      await view.getByTestId('style-size').selectOption('betweenness');
      const communities = Number((await view.getByTestId('communities').textContent())!.match(/^(\d+) communities/)![1]);
      expect(communities).toBeGreaterThan(1);
      const top = view.getByTestId('centrality-top').locator('li');
      expect(await top.count()).toBe(5);
      expect(await top.first().getAttribute('data-node')).toBe('openai');
      const [root, small] = [(await hook(view, 'nodeStyle', 'openai'))!, (await hook(view, 'nodeStyle', 'oracle'))!];
      expect(root.width).toBeGreaterThan(small.width);
      expect(small.color).not.toBe(kindColour);
      const url = new URL(view.url());
      expect([url.searchParams.get('color'), url.searchParams.get('size')]).toEqual(['community', 'betweenness']);
      await browser!.screenshot('explorer-communities-centrality', view);

      // A saved view is a link, kept in this browser.
      await view.locator('#views summary').click();
      await view.getByTestId('view-name').fill('OpenAI communities');
      await view.getByTestId('save-view').click();
      const saved = view.getByTestId('saved-view').filter({ hasText: 'OpenAI communities' });
      expect(await saved.getAttribute('href')).toBe(`/${url.search}`);
      await view.goto(`${server!.url}/?node=anthropic`);
      await drawn(view);
      await view.locator('#views summary').click();
      await view.getByTestId('saved-view').filter({ hasText: 'OpenAI communities' }).click();
      await view.waitForURL(/node=openai/);
      await drawn(view);
      expect(await hook(view, 'state').then((s) => s.root)).toBe('openai');
      expect(await view.getByTestId('style-color').inputValue()).toBe('community');

      // OpenAI's timeline (choosing it from the most central): a change moves the view to its day and selects its fact.
      await view.locator('#style summary').click();
      await view.getByTestId('centrality-top').locator('li[data-node="openai"] button').click();
      await expect.poll(() => selected(view)).toBe('openai');
      const ticks = view.getByTestId('details-panel').locator('[data-testid="timeline"] .tick');
      await expect.poll(() => ticks.count(), { timeout: 10_000 }).toBeGreaterThan(10);
      const tick = ticks.first();
      const [day, fact] = [await tick.getAttribute('data-on'), await tick.getAttribute('data-fact')];
      await tick.click();
      await expect.poll(() => asOf(view)).toBe(day);
      await drawn(view);
      expect(await selected(view)).toBe(fact);
      await browser!.screenshot('explorer-timeline', view);
    } finally {
      await view.close();
    }
  });

  it('exports the view as a PNG, an SVG and GraphML', { timeout: 20_000 }, async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^aigraph-openai-2025-09-15\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(30_000);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svg.suggestedFilename()).toBe('aigraph-openai-2025-09-15.svg');
    const vector = readFileSync((await svg.path())!, 'utf8');
    expect(vector).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(vector).toContain(`<g data-id="${ORACLE_DEAL}">`);
    expect(vector).toContain('>OpenAI</tspan>');

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
      await other.getByTestId('answer-table').locator('tbody tr').first().waitFor();
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
