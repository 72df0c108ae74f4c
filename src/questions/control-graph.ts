/**
 * The control closure of the current graph: the CONTROLS relation read once per graph version
 * and walked in memory (see rules/control-closure.ts), since a variable-length match per request
 * is slow on LadybugDB.
 */
import { relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ControlGraph } from './rules/control-closure.ts';

export { ControlGraph };

export async function readControlGraph(store: GraphStore): Promise<ControlGraph> {
  const rows = await store.read(relationshipStatementsFor('CONTROLS', 'Organization', 'Organization').all);
  return new ControlGraph(rows.map((r) => [String(r.from), String(r.to)] as const));
}
