/**
 * The server as users run it: a child process (`node bin/aigraph.js serve`, or `npm start`),
 * on a chosen LadybugDB file and a free loopback port; its readiness time and memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 on /readyz. */
  readonly readyMs: number;
  /** Resident memory now and at its peak (MB), from /proc. */
  memory(): { rssMb: number; peakRssMb: number };
  /** False once the process has exited (a crash, e.g. out of memory). */
  alive(): boolean;
  /** The end of what the server wrote to stderr. */
  stderrTail(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** The node process serving (npm start runs a shell and then node: find the deepest child). */
function serverPid(root: number): number {
  let pid = root;
  for (let depth = 0; depth < 4; depth++) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      break;
    }
    if (!children.length) break;
    pid = Number(children[0]);
  }
  return pid;
}

export interface StartOptions {
  readonly db: string;
  readonly seeds?: string;
  readonly seedOnStart?: boolean;
  /** `npm` runs `npm start` exactly as users do; `node` runs bin/aigraph.js serve directly. */
  readonly via?: 'npm' | 'node';
  readonly timeoutMs?: number;
  /** AIGRAPH_CACHE_ENTRIES (0: off); the server's default when absent. */
  readonly cacheEntries?: number;
  /** AIGRAPH_QUERY_TIMEOUT_MS; the server's default when absent. */
  readonly queryTimeoutMs?: number;
  /** More environment for the server (limits under test). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The Node flags `npm start` gives the server (package.json), so a server started without npm runs as it does. */
const START_FLAGS = (
  /^node((?: --[\w-]+(?:=\S+)?)*) bin\/aigraph\.js serve$/.exec(
    (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start,
  )?.[1] ?? ''
)
  .split(' ')
  .filter(Boolean);

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    AIGRAPH_DB: o.db,
    AIGRAPH_SEEDS: o.seeds ?? 'seeds',
    AIGRAPH_SEED_ON_START: String(o.seedOnStart ?? true),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...(o.cacheEntries === undefined ? {} : { AIGRAPH_CACHE_ENTRIES: String(o.cacheEntries) }),
    ...(o.queryTimeoutMs === undefined ? {} : { AIGRAPH_QUERY_TIMEOUT_MS: String(o.queryTimeoutMs) }),
    ...o.env,
  };
  const started = performance.now();
  const child: ChildProcess =
    o.via === 'npm'
      ? spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true })
      : spawn(process.execPath, [...START_FLAGS, 'bin/aigraph.js', 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (o.timeoutMs ?? 300_000);
  let readyMs = NaN;
  while (performance.now() < deadline) {
    if (exited !== null) throw new Error(`the server exited (${exited}) before it was ready:\n${stderr}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) {
        readyMs = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  if (Number.isNaN(readyMs)) {
    process.kill(-child.pid!, 'SIGKILL');
    throw new Error(`the server was not ready within ${o.timeoutMs ?? 300_000} ms:\n${stderr}`);
  }
  const pid = serverPid(child.pid!);
  return {
    url,
    pid,
    readyMs: Math.round(readyMs),
    memory: () => ({ rssMb: procStatus(pid, 'VmRSS'), peakRssMb: procStatus(pid, 'VmHWM') }),
    alive: () => exited === null,
    stderrTail: () => stderr.slice(-2000),
    async stop() {
      if (exited !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 30_000);
      await done;
      // With `npm start` the child is npm: the server process of its group may still be closing
      // the store. The next start must not open the file before it is gone.
      while (groupAlive(child.pid!)) await new Promise((r) => setTimeout(r, 20));
      clearTimeout(timer);
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
