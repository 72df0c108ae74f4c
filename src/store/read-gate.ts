/**
 * The bounded queue in front of the store's readers. At most `maxRunning` reads run at once; the
 * rest wait in two FIFO queues of at most `maxQueued` each, one for reads of cheap requests and
 * one for reads of costly ones, and a free slot always goes to a cheap request's read first, so
 * a burst of costly operations cannot make a simple lookup wait behind all of its statements.
 * A read that finds its queue full fails at once with StoreBusyError (answered 503 with
 * Retry-After). A waiting read whose request is given up (its AbortSignal fires) leaves the queue
 * and is never sent; a read already sent runs to its end, bounded by the statement timeout.
 */
import type { GraphStore, Params, Query, Row } from './graph-store.ts';
import { RequestCancelledError, StoreBusyError } from './store-errors.ts';

export interface ReadTicket {
  /** Fires when the request is given up; its reason is a RequestCancelledError. */
  readonly signal?: AbortSignal;
  /** Reads of a costly request wait behind every cheap request's. */
  readonly costly?: boolean;
}

interface Waiter {
  start(): void;
}

export interface ReadGateStats {
  running: number;
  queued: number;
  refused: number;
  skipped: number;
}

export class ReadGate {
  private running = 0;
  private readonly cheap: Waiter[] = [];
  private readonly costly: Waiter[] = [];
  private refused = 0;
  private skipped = 0;

  constructor(
    readonly maxRunning: number,
    readonly maxQueued: number,
    /** What a refused read tells the client to wait before trying again. */
    readonly retryAfterSeconds = 1,
  ) {}

  stats(): ReadGateStats {
    return { running: this.running, queued: this.cheap.length + this.costly.length, refused: this.refused, skipped: this.skipped };
  }

  run<T>(work: () => Promise<T>, ticket: ReadTicket = {}): Promise<T> {
    const { signal } = ticket;
    if (signal?.aborted) {
      this.skipped++;
      return Promise.reject(cancellation(signal));
    }
    if (this.running < this.maxRunning) return this.start(work);
    const queue = ticket.costly ? this.costly : this.cheap;
    if (queue.length >= this.maxQueued) {
      this.refused++;
      return Promise.reject(new StoreBusyError(this.retryAfterSeconds));
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          this.start(work).then(resolve, reject);
        },
      };
      const onAbort = () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        this.skipped++;
        reject(cancellation(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  }

  private async start<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      (this.cheap.shift() ?? this.costly.shift())?.start();
    }
  }
}

function cancellation(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new RequestCancelledError('disconnected');
}

/**
 * The store as one request sees it: its reads pass the gate with the request's signal and
 * class; everything else goes straight to the store (writes have their own queue).
 */
export function gatedStore(store: GraphStore, gate: ReadGate, ticket: () => ReadTicket): GraphStore {
  return {
    engine: store.engine,
    capabilities: store.capabilities,
    bootstrap: () => store.bootstrap(),
    read: (query: Query, params?: Params): Promise<Row[]> => gate.run(() => store.read(query, params), ticket()),
    write: (query, params) => store.write(query, params),
    transaction: (work) => store.transaction(work),
    checkpoint: () => store.checkpoint(),
    openBulkLoad: (options) => store.openBulkLoad(options),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
