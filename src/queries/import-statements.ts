/**
 * Statements the record layer needs beyond the generated ones, derived from the children that
 * the record declarations (src/model/records.ts) give deals and exclusivities: removing a
 * record's child nodes before it is written again, and reading the sources its children cite.
 */
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { COLLECTION_NAMES, RECORDS, type ChildrenPart, type CollectionDecl } from '../model/records.ts';
import type { Query } from '../store/graph-store.ts';

export interface ChildStatements {
  readonly parent: NodeLabel;
  readonly part: ChildrenPart;
  /** `$ids`: parents whose children of this part are removed. */
  readonly delete: Query;
  /**
   * `$ids`: parents; the sources their children cite, as rows `from` (child id), `to` (source id).
   * Read from the parents: from the children's own ids LadybugDB scans the whole child table
   * (docs/ladybug-traps.md).
   */
  readonly cites: Query;
}

const plural = (label: string) => (label.endsWith('y') ? `${label.slice(0, -1)}ies` : `${label}s`);

function childStatements(parent: NodeLabel, part: ChildrenPart): ChildStatements {
  const { label: child, via } = part;
  return {
    parent,
    part,
    delete: {
      name: `import.delete${parent}${plural(child)}`,
      cypher: `UNWIND $ids AS id MATCH (p:${parent} {id: id})-[:${via}]->(c:${child}) DETACH DELETE c`,
    },
    cites: {
      name: `import.citesOf${child}Of${parent}`,
      cypher: `UNWIND $ids AS id MATCH (p:${parent} {id: id})-[:${via as RelationshipType}]->(a:${child})-[:CITES]->(b:Source) RETURN a.id AS from, b.id AS to`,
    },
  };
}

/** The child statements of every collection, by the parent label. */
export const CHILD_STATEMENTS: readonly ChildStatements[] = COLLECTION_NAMES.flatMap((c) => {
  const decl: CollectionDecl = RECORDS[c];
  if (decl.shape !== 'node') return [];
  return decl.parts.flatMap((p) => (p.part === 'children' ? [childStatements(decl.label, p)] : []));
});

export const childStatementsOf = (parent: NodeLabel): readonly ChildStatements[] => CHILD_STATEMENTS.filter((s) => s.parent === parent);

export const IMPORT_STATEMENTS: readonly Query[] = [...CHILD_STATEMENTS.map((s) => s.delete), ...CHILD_STATEMENTS.map((s) => s.cites)];
