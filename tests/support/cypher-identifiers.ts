/**
 * Pulls labels, relationship types and property accesses out of catalog Cypher, with the
 * variable each property is read from, so a test can check them against the model with
 * exact case (LadybugDB ignores case; Neo4j does not, so a typo would only fail in production).
 */
export interface Identifiers {
  labels: string[];
  relationshipTypes: string[];
  /** [variable, property], and for pattern maps the label instead of a variable. */
  properties: { owner: string; property: string; ownerKind: 'variable' | 'label' }[];
  /** variable -> labels or relationship types it is bound to by a pattern. */
  bindings: Map<string, string[]>;
}

function stripStrings(cypher: string): string {
  return cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}

export function identifiersOf(cypherText: string): Identifiers {
  const cypher = stripStrings(cypherText);
  const labels: string[] = [];
  const relationshipTypes: string[] = [];
  const bindings = new Map<string, string[]>();
  const properties: Identifiers['properties'] = [];

  // Node patterns: (var:Label|Other {key: ...})
  for (const m of cypher.matchAll(/\(\s*(\w*)\s*:\s*([A-Za-z_]\w*(?:\s*\|\s*[A-Za-z_]\w*)*)\s*(\{[^}]*\})?/g)) {
    const names = m[2]!.split('|').map((s) => s.trim());
    labels.push(...names);
    if (m[1]) bindings.set(m[1], names);
    for (const k of (m[3] ?? '').matchAll(/([A-Za-z_]\w*)\s*:/g)) {
      for (const l of names) properties.push({ owner: l, property: k[1]!, ownerKind: 'label' });
    }
  }
  // Relationship patterns: [var:TYPE|OTHER*1..3 {key: ...}]
  for (const m of cypher.matchAll(/\[\s*(\w*)\s*:\s*([A-Za-z_]\w*(?:\s*\|\s*[A-Za-z_]\w*)*)/g)) {
    const names = m[2]!.split('|').map((s) => s.trim());
    relationshipTypes.push(...names);
    if (m[1]) bindings.set(m[1], names);
  }
  // Property reads and writes: var.prop
  for (const m of cypher.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) {
    properties.push({ owner: m[1]!, property: m[2]!, ownerKind: 'variable' });
  }
  return { labels, relationshipTypes, properties, bindings };
}
