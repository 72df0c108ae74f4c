/** A small real file system for the full-disk tests: a tmpfs mounted where the tests run as root. */
import { execFileSync } from 'node:child_process';

/** Mounts a tmpfs of `size` (e.g. "20m") at `dir`; returns null, or why it could not (the test then skips, saying so). */
export function mountTmpfs(dir: string, size: string, mode?: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root, and this test runs as another user';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', mode ? `size=${size},mode=${mode}` : `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount -t tmpfs failed here (${String((err as { stderr?: Buffer }).stderr ?? err).trim()})`;
  }
}
