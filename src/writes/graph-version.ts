/**
 * The graph version read caches key on (the response cache, the control links and id candidates
 * of a version). A database only this process writes (LadybugDB): the writer's count, moved by
 * every commit here. A store that other processes write too (`capabilities.shared`: Neo4j behind
 * several API replicas): that count plus the write lock's count, read from the store once per
 * request (`refresh`), so every replica's caches move with every write, wherever it was made.
 */
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

export class GraphVersion {
  private stored = 0;

  constructor(
    private readonly writer: { readonly version: number },
    private readonly store: GraphStore,
  ) {}

  /** The version as last known: this process's writes at once, other processes' since the last refresh. */
  get version(): number {
    return this.stored + this.writer.version;
  }

  /** On a shared store, reads the write lock's count (every write in any process moves it). */
  async refresh(): Promise<void> {
    if (!this.store.capabilities.shared) return;
    const [lock] = await this.store.read(NODE_STATEMENTS.Meta.get, { id: 'write-lock' });
    this.stored = Number(lock?.journalSeq ?? 0);
  }
}
