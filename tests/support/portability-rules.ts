/**
 * Constructs the dialect report marks as LadybugDB-only, Neo4j-only or a silent wrong result
 * (shared/cypher-dialect/REPORT.md, section 2). A statement meant for both engines may use none.
 */
export interface PortabilityRule {
  readonly pattern: RegExp;
  readonly why: string;
}

export const PORTABILITY_RULES: readonly PortabilityRule[] = [
  { pattern: /\bshortestPath\s*\(|allShortestPaths\s*\(/i, why: 'Neo4j-only shortest path: use the per-engine variant (R10, section 3)' },
  { pattern: /\*\s*(?:ALL\s+)?W?SHORTEST\b/i, why: 'LadybugDB-only shortest path syntax' },
  { pattern: /\b(?:CALL|COLLECT)\s*(?:\([^)]*\)\s*)?\{/i, why: 'CALL {} / COLLECT {} subqueries fail on LadybugDB (R8)' },
  { pattern: /\[\s*\w+\s+IN\s+[^\]]*\|/i, why: 'list comprehension fails on LadybugDB (R7)' },
  { pattern: /\[\s*\([^\]]*\|/i, why: 'pattern comprehension fails on LadybugDB (R7)' },
  { pattern: /\breduce\s*\(/i, why: 'reduce() is missing on LadybugDB (R7)' },
  { pattern: /\bsubstring\s*\(/i, why: 'substring is 1-based on LadybugDB: a silent wrong result (R9)' },
  { pattern: /\b(?:id|elementId|properties|labels)\s*\(/i, why: 'id/elementId/properties/labels differ between engines (R9)' },
  { pattern: /\[\s*\d+\s*\]/, why: 'list indexing with i >= 0 is 1-based on LadybugDB (R9)' },
  { pattern: /\(\s*\w*\s*:\s*\w+\s*:\s*\w+/, why: ':A:B means AND on Neo4j and OR on LadybugDB (R1)' },
  { pattern: /\bSET\s+\w+\s*\+?=\s*[{$]/i, why: 'SET n = map / SET n += map fail on LadybugDB (R3)' },
  { pattern: /\bFOREACH\b|\bREMOVE\b/i, why: 'FOREACH and REMOVE fail on LadybugDB (R12)' },
  { pattern: /\*\s*\d*\s*\.\.\s*\$/, why: 'parameterised var-length bounds fail on both (R12)' },
  { pattern: /-\[[^\]]*\*\s*(?:\]|\{)/, why: 'unbounded var-length: LadybugDB caps it at 30 (R10)' },
  { pattern: /\b(?:toString|toInteger|toFloat|toBoolean|split|head|last|type|datetime)\s*\(\s*\$/, why: 'a LadybugDB macro cannot take a bare $param (R3)' },
  { pattern: /\b(?:list_\w+|string_split|to_string|current_date|label)\s*\(/i, why: 'LadybugDB-only function' },
  { pattern: /\bdate\s*\(\s*\)|\bdatetime\s*\(\s*\)|\btimestamp\s*\(/i, why: 'date()/timestamp() without an argument is not portable (R11)' },
  { pattern: /ORDER BY[^;]*?\bLIMIT\b[^;]*?\bWITH\b[^;]*?\b(?:collect|sum|count|min|max|avg)\s*\(/i, why: 'aggregating after ORDER BY ... LIMIT aggregates the wrong rows on LadybugDB (R7)' },
  { pattern: /\bWITH\b[^;]*?\bORDER BY\b[^;]*?(?:collect)\s*\(/i, why: 'collect() ignores a preceding ORDER BY on LadybugDB (R7)' },
  { pattern: /UNWIND[^;]*?MATCH\s*\([^)]*\)\s*,\s*\(/i, why: 'comma-joined MATCH after UNWIND plans as a cross product on LadybugDB (R5)' },
  { pattern: /\|\|/, why: "'||' concatenation is not portable (R9)" },
  { pattern: /\bAS\s+(?:all|order|count|any|none|single|end|contains|on|in)\b/i, why: 'reserved word as an alias (R2)' },
];

export function portabilityViolations(cypher: string): string[] {
  const text = cypher.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  return PORTABILITY_RULES.filter((r) => r.pattern.test(text)).map((r) => r.why);
}
