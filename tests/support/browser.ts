/**
 * A headless browser for end-to-end tests of the pages the server serves (GraphiQL, the explorer).
 *
 * It runs Debian's chromium (`apt-get install chromium`, which `.ci/run` does in CI) through
 * playwright-core; Playwright never downloads a browser here. Each launch gets a fresh, temporary
 * profile, and every request that leaves the machine (anything but 127.0.0.1, localhost, [::1]) is
 * aborted and recorded in `blocked`, so a test can assert that a page needs nothing from outside.
 * Console errors and uncaught page errors are recorded in `consoleErrors`.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './run-cli.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Why browser tests cannot run on this machine, or null when they can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests`;
  return null;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for a URL that stays on this machine (or never touches the network: data:, blob:, about:). */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

export interface BrowserHarness {
  readonly context: BrowserContext;
  /** The page the browser opened with; `context.newPage()` gives more, under the same rules. */
  readonly page: Page;
  /** URLs of requests (and WebSockets) that were aborted because they would leave the machine. */
  readonly blocked: string[];
  /** Every request URL the pages made, allowed or not, in order. */
  readonly requests: string[];
  /** `console.error` messages and uncaught page errors. */
  readonly consoleErrors: string[];
  /** Saves a full-page screenshot of `page` (default: the first page) to test-output/screenshots/<name>.png. */
  screenshot(name: string, page?: Page): Promise<string>;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra chromium switches. */
  args?: string[];
  viewport?: { width: number; height: number };
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserHarness> {
  const reason = browserUnavailable();
  if (reason) throw new Error(reason);
  const profile = await mkdtemp(join(tmpdir(), 'aigraph-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--no-pings',
        '--metrics-recording-only',
        '--safebrowsing-disable-auto-update',
        // The browser's own background traffic (update checks, sign-in, autofill) never reaches
        // the page routes below; make every name but localhost unresolvable so it stays local too.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE ::1',
        ...(options.args ?? []),
      ],
      viewport: options.viewport ?? { width: 1280, height: 800 },
      // Requests from service workers would escape page routing.
      serviceWorkers: 'block',
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }

  const blocked: string[] = [];
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (isLocalUrl(ws.url())) return ws.connectToServer();
    blocked.push(ws.url());
    return ws.close({ code: 1008, reason: 'blocked by the test harness' });
  });
  context.on('request', (req) => requests.push(req.url()));
  context.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      consoleErrors.push(`${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  context.on('weberror', (err) => consoleErrors.push(`uncaught: ${err.error().stack ?? err.error().message}`));

  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    blocked,
    requests,
    consoleErrors,
    async screenshot(name, target = page) {
      await mkdir(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await target.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      try {
        await context.close();
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}
