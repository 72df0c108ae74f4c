/**
 * Who controls whom, transitively: a parent controls its subsidiaries' subsidiaries. Control
 * links are few (subsidiaries, not deals), so the whole relation is walked in memory. A cycle
 * (two organizations reported as controlling each other) does not make an organization its own
 * controller.
 */
export class ControlGraph {
  private readonly down = new Map<string, string[]>();
  private readonly up = new Map<string, string[]>();

  /** `edges`: [controller, controlled] pairs. */
  constructor(edges: readonly (readonly [string, string])[]) {
    for (const [from, to] of edges) {
      this.down.set(from, [...(this.down.get(from) ?? []), to]);
      this.up.set(to, [...(this.up.get(to) ?? []), from]);
    }
  }

  private walk(start: string, next: Map<string, string[]>): string[] {
    const seen = new Set<string>();
    const stack = [...(next.get(start) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id) || id === start) continue;
      seen.add(id);
      for (const n of next.get(id) ?? []) stack.push(n); // no spread: a long list would overflow the call stack
    }
    return [...seen].sort();
  }

  /** Everything `id` controls, directly or through subsidiaries, sorted. */
  controlledBy(id: string): string[] {
    return this.walk(id, this.down);
  }

  /** Everything that controls `id`, directly or through parents, sorted. */
  controllersOf(id: string): string[] {
    return this.walk(id, this.up);
  }
}
