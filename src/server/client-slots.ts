/**
 * The per-client cap on costly operations: one client (an API key, or an address for anonymous
 * requests) runs at most `perClient` costly operations at once; up to `queuedPerClient` more wait
 * their turn (the explorer sends a view and its expansions together), and beyond that the
 * operation is refused with 429 and Retry-After. A waiting operation whose request is given up
 * leaves the queue. Cheap operations are never capped here.
 */
import { AppError } from '../graphql/errors.ts';

interface Client {
  running: number;
  waiting: (() => void)[];
}

export class ClientSlots {
  private readonly clients = new Map<string, Client>();

  constructor(
    readonly perClient: number,
    readonly queuedPerClient: number,
    readonly retryAfterSeconds = 1,
  ) {}

  /** Clients with a costly operation running or waiting. */
  get size(): number {
    return this.clients.size;
  }

  /** Waits for a slot; resolves to its release (call it once, when the operation ends). */
  async acquire(client: string, signal?: AbortSignal): Promise<() => void> {
    let c = this.clients.get(client);
    if (!c) this.clients.set(client, (c = { running: 0, waiting: [] }));
    if (c.running < this.perClient) c.running++;
    else {
      if (c.waiting.length >= this.queuedPerClient) {
        this.forget(client, c);
        throw new AppError(
          'TOO_MANY_REQUESTS',
          `Too many costly operations at once from this client (at most ${this.perClient} run and ${this.queuedPerClient} wait): try again shortly.`,
          {
            http: { status: 429, headers: new Map([['retry-after', String(this.retryAfterSeconds)]]) },
          },
        );
      }
      const entry = c;
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = entry.waiting.indexOf(go);
          if (i >= 0) entry.waiting.splice(i, 1);
          this.forget(client, entry);
          reject(signal!.reason);
        };
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        entry.waiting.push(go);
      });
    }
    // Here the slot is ours: taken above, or handed over by a release.
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = c.waiting.shift();
      if (next)
        next(); // the slot passes to the next waiter: `running` stays
      else {
        c.running--;
        this.forget(client, c);
      }
    };
  }

  private forget(client: string, c: Client): void {
    if (c.running === 0 && c.waiting.length === 0) this.clients.delete(client);
  }
}
