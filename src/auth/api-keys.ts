/**
 * API keys, kept in a JSON file beside the database (not in it: LadybugDB lets one process open
 * a database, docs/ladybug-traps.md#one-process-per-file, and `aigraph keys` must work while
 * the server runs). A key is 256 random bits;
 * only its SHA-256 is stored; comparison is constant-time. The file is replaced atomically
 * (write, fsync, rename) under an exclusive lock file, and the server re-reads it when it changes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, fsyncSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };
export const roleAtLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

const keyRecord = z.object({
  id: z.string().regex(/^[a-f0-9]{16}$/),
  name: z.string(),
  role: z.enum(ROLES),
  hash: z.string().regex(/^[a-f0-9]{64}$/),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyRecord = z.infer<typeof keyRecord>;
const keyFile = z.object({ version: z.literal(1), keys: z.array(keyRecord) });

/** What a request carrying a valid key is allowed to be. */
export interface Principal {
  readonly keyId: string;
  readonly name: string;
  readonly role: Role;
}

const PREFIX = 'aig';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class KeyFileError extends Error {}

export class ApiKeyStore {
  private cache: { mtimeMs: number; size: number; keys: ApiKeyRecord[] } | null = null;

  constructor(readonly file: string) {}

  private read(): ApiKeyRecord[] {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(this.file);
    } catch {
      return [];
    }
    if (this.cache && this.cache.mtimeMs === st.mtimeMs && this.cache.size === st.size) return this.cache.keys;
    let parsed: z.infer<typeof keyFile>;
    try {
      parsed = keyFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (err) {
      throw new KeyFileError(`The API key file ${this.file} is not valid: ${(err as Error).message.split('\n')[0]}`);
    }
    this.cache = { mtimeMs: st.mtimeMs, size: st.size, keys: parsed.keys };
    return parsed.keys;
  }

  /** Runs `change` on the current keys under an exclusive lock and replaces the file atomically. */
  private update<T>(change: (keys: ApiKeyRecord[]) => T): T {
    mkdirSync(dirname(this.file), { recursive: true });
    const lock = `${this.file}.lock`;
    let fd: number | undefined;
    for (let attempt = 0; fd === undefined; attempt++) {
      try {
        fd = openSync(lock, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 200) throw new KeyFileError(`Could not lock ${lock}: ${(err as Error).message}`);
        // A lock older than 10 s belongs to a process that died.
        try {
          if (Date.now() - statSync(lock).mtimeMs > 10_000) rmSync(lock, { force: true });
        } catch {
          /* gone already */
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
      }
    }
    try {
      this.cache = null;
      const keys = [...this.read()];
      const out = change(keys);
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ version: 1, keys }, null, 2)}\n`, { mode: 0o600 });
      const tfd = openSync(tmp, 'r+');
      fsyncSync(tfd);
      closeSync(tfd);
      renameSync(tmp, this.file);
      this.cache = null;
      return out;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }

  /** Creates a key and returns it in full: the only time it is ever shown. */
  create(role: Role, name: string, expiresAt: string | null = null): { key: string; record: ApiKeyRecord } {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url'); // 256 bits
    const record: ApiKeyRecord = { id, name, role, hash: sha256(secret), createdAt: new Date().toISOString(), expiresAt, revokedAt: null };
    this.update((keys) => keys.push(record));
    return { key: `${PREFIX}_${id}_${secret}`, record };
  }

  list(): ApiKeyRecord[] {
    return this.read();
  }

  /**
   * Revokes the active key with this id, or else the only active key with this name. A name
   * two active keys share is refused with their ids: revoking one of them would leave the
   * other working while the caller believes the name is gone.
   */
  revoke(idOrName: string): ApiKeyRecord {
    return this.update((keys) => {
      let i = keys.findIndex((k) => k.id === idOrName && !k.revokedAt);
      if (i < 0) {
        const named = keys.flatMap((k, j) => (k.name === idOrName && !k.revokedAt ? [j] : []));
        if (named.length > 1) {
          throw new KeyFileError(`${named.length} active keys are named "${idOrName}" (${named.map((j) => keys[j]!.id).join(', ')}); revoke them by id.`);
        }
        i = named[0] ?? -1;
      }
      if (i < 0) throw new KeyFileError(`No active key with id or name "${idOrName}".`);
      keys[i] = { ...keys[i]!, revokedAt: new Date().toISOString() };
      return keys[i]!;
    });
  }

  /** The principal of a presented key, or null when it is unknown, revoked or expired. */
  verify(presented: string, now = new Date()): Principal | null {
    const m = /^aig_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/.exec(presented);
    if (!m) return null;
    const record = this.read().find((k) => k.id === m[1]);
    if (!record) {
      timingSafeEqual(Buffer.from(sha256(m[2]!)), Buffer.from(sha256(m[2]!))); // same work either way
      return null;
    }
    const ok = timingSafeEqual(Buffer.from(sha256(m[2]!), 'hex'), Buffer.from(record.hash, 'hex'));
    if (!ok || record.revokedAt || (record.expiresAt && new Date(record.expiresAt) <= now)) return null;
    return { keyId: record.id, name: record.name || record.id, role: record.role };
  }
}

/** The key file for a configuration: beside the LadybugDB file, or in ./data for Neo4j. */
export function keyFileFor(dbPath: string | null, explicit?: string): string {
  if (explicit) return explicit;
  if (dbPath && dbPath !== ':memory:') return `${dbPath}.keys.json`;
  return './data/api-keys.json';
}
