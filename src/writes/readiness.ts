/**
 * Whether the server has finished its start-up work (schema bootstrap, seeding, journal
 * replay). Until then /readyz answers 503 and writes are refused with WriteNotReady: a write
 * accepted before replay ends could be overwritten by older journal entries replayed after it.
 */
export interface Readiness {
  /** Why the server is not ready yet, or null when start-up work is done. */
  pending: string | null;
}

/** Seconds a client is asked to wait (Retry-After) before sending a refused write again. */
export const RETRY_AFTER_SECONDS = 2;

/** A write sent before the server was ready: nothing was done; send it again later. */
export class WriteNotReady extends Error {
  constructor(readonly reason: string) {
    super(`The server is starting (${reason}) and accepts no writes yet: nothing was changed. Retry after ${RETRY_AFTER_SECONDS} s.`);
    this.name = 'WriteNotReady';
  }
}
