/**
 * The nesting limit on a request's variables, checked before anything walks them recursively
 * (GraphQL's coercion, JSON.stringify in the response cache or a log line overflow the stack on
 * a value nested a few thousand levels). The walk itself keeps its own stack.
 */

/** Deeper than any input this schema declares (a mutation input with its sources is 4 levels). */
export const MAX_VARIABLES_DEPTH = 32;

/** True when `value` nests objects or arrays more than `maxDepth` levels. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(v as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** The variables of a /graphql request: the POST body's, or the GET `variables` parameter parsed (undefined when absent or not JSON: Apollo answers that). */
export function requestVariables(method: string, body: unknown, query: unknown): unknown {
  if (method === 'GET') {
    const raw = (query as Record<string, unknown> | undefined)?.variables;
    if (typeof raw !== 'string') return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const vars = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).variables : undefined;
  if (typeof vars !== 'string') return vars;
  try {
    return JSON.parse(vars);
  } catch {
    return undefined;
  }
}
