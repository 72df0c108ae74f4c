/**
 * A read-only view of the store whose reads run inside a unit of work: what a write reads
 * before it writes (validation, the current record a patch merges into, what changed) is read
 * in the same unit as the write, after its lock (write-statements.ts), so it cannot be stale.
 */
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';

export function readsInUnit(store: GraphStore, tx: UnitOfWork): GraphStore {
  const notHere = (what: string) => () => Promise.reject(new Error(`${what} is not available inside a unit of work`));
  return {
    engine: store.engine,
    capabilities: store.capabilities,
    openBulkLoad: notHere('openBulkLoad'),
    read: (query, params) => tx.run(query, params),
    write: notHere('write'),
    transaction: notHere('transaction'),
    bootstrap: notHere('bootstrap'),
    checkpoint: notHere('checkpoint'),
    ping: notHere('ping'),
    close: notHere('close'),
  };
}
