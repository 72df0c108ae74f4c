/**
 * The control links of the current graph: the CONTROLS relation read once per graph version,
 * and the closure of a day walked in memory (see rules/control-closure.ts), since a
 * variable-length match per request is slow on LadybugDB.
 */
import { relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ControlGraph, ControlLinks } from './rules/control-closure.ts';

export { ControlGraph, ControlLinks };

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function readControlLinks(store: GraphStore): Promise<ControlLinks> {
  const rows = await store.read(relationshipStatementsFor('CONTROLS', 'Organization', 'Organization').all);
  return new ControlLinks(
    rows.map((r) => ({ controller: String(r.from), controlled: String(r.to), validFrom: day(r.validFrom), validUntil: day(r.validUntil) })),
  );
}
