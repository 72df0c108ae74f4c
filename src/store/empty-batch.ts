import type { Params } from './graph-store.ts';

/**
 * True when the statement unwinds an empty list parameter, so it has nothing to do. Both
 * adapters then return no rows without sending it: LadybugDB cannot even bind it
 * (docs/ladybug-traps.md#empty-list-parameters), and on Neo4j it saves a round trip.
 */
export function isEmptyBatch(cypher: string, params: Params): boolean {
  for (const m of cypher.matchAll(/UNWIND \$(\w+)/g)) {
    const v = params[m[1]!];
    if (Array.isArray(v) && v.length === 0) return true;
  }
  return false;
}
