/**
 * Who controls whom, transitively. Control links are few (subsidiaries, not deals), so the whole
 * CONTROLS relation is read once per graph version and walked in memory: a variable-length
 * CONTROLS*1..6 match per request measured 1.5-1.8 s on LadybugDB at a million deals.
 */
import { relationshipStatementsFor } from '../queries/model-statements.ts';
import type { GraphStore } from '../store/graph-store.ts';

export class ControlGraph {
  private readonly down = new Map<string, string[]>();
  private readonly up = new Map<string, string[]>();

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

  /** Everything `id` controls, directly or through subsidiaries. */
  controlledBy(id: string): string[] {
    return this.walk(id, this.down);
  }

  /** Everything that controls `id`, directly or through parents. */
  controllersOf(id: string): string[] {
    return this.walk(id, this.up);
  }
}

export async function readControlGraph(store: GraphStore): Promise<ControlGraph> {
  const rows = await store.read(relationshipStatementsFor('CONTROLS', 'Organization', 'Organization').all);
  return new ControlGraph(rows.map((r) => [String(r.from), String(r.to)] as const));
}

/** Keeps one value per graph version, recomputed after a write. */
export class PerVersion<T> {
  private cached: { version: number; value: Promise<T> } | null = null;
  constructor(
    private readonly version: () => number,
    private readonly compute: () => Promise<T>,
  ) {}
  get(): Promise<T> {
    const v = this.version();
    if (!this.cached || this.cached.version !== v) {
      const value = this.compute();
      this.cached = { version: v, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached = null;
      });
    }
    return this.cached.value;
  }
}
