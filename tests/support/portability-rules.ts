/**
 * Constructs that fail on one engine, exist on one engine only, or give a silent wrong result
 * on LadybugDB (each rule names its section of docs/ladybug-traps.md). A statement meant for
 * both engines may use none.
 */
export interface PortabilityRule {
  readonly pattern: RegExp;
  readonly why: string;
}

export const PORTABILITY_RULES: readonly PortabilityRule[] = [
  {
    pattern: /\bshortestPath\s*\(|allShortestPaths\s*\(/i,
    why: 'Neo4j-only shortest path: use the per-engine variant (docs/ladybug-traps.md#shortest-path-syntax)',
  },
  { pattern: /\*\s*(?:ALL\s+)?W?SHORTEST\b/i, why: 'LadybugDB-only shortest path syntax (docs/ladybug-traps.md#shortest-path-syntax)' },
  {
    pattern: /\b(?:CALL|COLLECT)\s*(?:\([^)]*\)\s*)?\{/i,
    why: 'CALL {} / COLLECT {} subqueries fail on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)',
  },
  { pattern: /\[\s*\w+\s+IN\s+[^\]]*\|/i, why: 'list comprehension fails on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)' },
  { pattern: /\[\s*\([^\]]*\|/i, why: 'pattern comprehension fails on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)' },
  { pattern: /\breduce\s*\(/i, why: 'reduce() is missing on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)' },
  { pattern: /\bsubstring\s*\(/i, why: 'substring is 1-based on LadybugDB: a silent wrong result (docs/ladybug-traps.md#one-based-indexing)' },
  {
    pattern: /\b(?:id|elementId|properties|labels)\s*\(/i,
    why: 'id/elementId/properties/labels differ between engines (docs/ladybug-traps.md#constructs-that-fail-or-differ)',
  },
  { pattern: /\[\s*\d+\s*\]/, why: 'list indexing with i >= 0 is 1-based on LadybugDB (docs/ladybug-traps.md#one-based-indexing)' },
  { pattern: /\(\s*\w*\s*:\s*\w+\s*:\s*\w+/, why: ':A:B means AND on Neo4j and OR on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)' },
  { pattern: /\bSET\s+\w+\s*\+?=\s*[{$]/i, why: 'SET n = map / SET n += map fail on LadybugDB (docs/ladybug-traps.md#map-parameters)' },
  { pattern: /\bFOREACH\b|\bREMOVE\b/i, why: 'FOREACH and REMOVE fail on LadybugDB (docs/ladybug-traps.md#constructs-that-fail-or-differ)' },
  { pattern: /\*\s*\d*\s*\.\.\s*\$/, why: 'parameterised var-length bounds fail on both (docs/ladybug-traps.md#variable-length-patterns-walk)' },
  { pattern: /-\[[^\]]*\*\s*(?:\]|\{)/, why: 'unbounded var-length: LadybugDB caps it at 30 (docs/ladybug-traps.md#variable-length-patterns-walk)' },
  {
    pattern: /\b(?:toString|toInteger|toFloat|toBoolean|split|head|last|type|datetime)\s*\(\s*\$/,
    why: 'a LadybugDB macro cannot take a bare $param (docs/ladybug-traps.md#macro-with-a-bare-parameter)',
  },
  { pattern: /\b(?:list_\w+|string_split|to_string|current_date|label)\s*\(/i, why: 'LadybugDB-only function (docs/ladybug-traps.md#missing-functions)' },
  {
    pattern: /\bdate\s*\(\s*\)|\bdatetime\s*\(\s*\)|\btimestamp\s*\(/i,
    why: 'date()/timestamp() without an argument is not portable (docs/ladybug-traps.md#constructs-that-fail-or-differ)',
  },
  {
    pattern: /ORDER BY[^;]*?\bLIMIT\b[^;]*?\bWITH\b[^;]*?\b(?:collect|sum|count|min|max|avg)\s*\(/i,
    why: 'aggregating after ORDER BY ... LIMIT aggregates the wrong rows on LadybugDB (docs/ladybug-traps.md#top-k-then-aggregate)',
  },
  {
    pattern: /\bWITH\b[^;]*?\bORDER BY\b[^;]*?(?:collect)\s*\(/i,
    why: 'collect() ignores a preceding ORDER BY on LadybugDB (docs/ladybug-traps.md#collect-ignores-order)',
  },
  {
    pattern: /UNWIND[^;]*?MATCH\s*\([^)]*\)\s*,\s*\(/i,
    why: 'comma-joined MATCH after UNWIND plans as a cross product on LadybugDB (docs/ladybug-traps.md#comma-joined-match-is-a-cross-product)',
  },
  { pattern: /\|\|/, why: "'||' concatenation is not portable (docs/ladybug-traps.md#constructs-that-fail-or-differ)" },
  {
    pattern: /\bAS\s+(?:all|order|count|any|none|single|end|contains|on|in)\b/i,
    why: 'reserved word as an alias (docs/ladybug-traps.md#constructs-that-fail-or-differ)',
  },
];

export function portabilityViolations(cypher: string): string[] {
  const text = cypher.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  return PORTABILITY_RULES.filter((r) => r.pattern.test(text)).map((r) => r.why);
}
