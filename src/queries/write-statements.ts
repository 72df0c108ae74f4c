/** Statements of the write path itself (beyond the records it writes). */
import type { Query } from '../store/graph-store.ts';

/**
 * The first statement of every write's unit of work: it counts writes on a bookkeeping node and,
 * by writing that node, takes its write lock. On Neo4j every later write transaction (from any
 * API replica) waits at this statement until this one ends, so the reads a write makes before
 * it writes (the current record it merges a patch into) see every committed write before it:
 * no lost updates across replicas. On LadybugDB the writer's queue already serialises writes.
 */
export const WRITE_LOCK: Query = {
  name: 'write.lock',
  cypher: "MERGE (m:Meta {id: 'write-lock'}) SET m.journalSeq = coalesce(m.journalSeq, 0.0) + 1.0 RETURN m.journalSeq AS writes",
};

export const WRITE_STATEMENTS: readonly Query[] = [WRITE_LOCK];
