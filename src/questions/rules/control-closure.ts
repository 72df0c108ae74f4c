/**
 * Who controls whom, transitively: a parent controls its subsidiaries' subsidiaries. Control
 * links are few (subsidiaries, not deals), so the whole relation is walked in memory. A cycle
 * (two organizations reported as controlling each other) does not make an organization its own
 * controller.
 *
 * Control holds in time: a link holds on a day when its `validFrom` is empty or on or before it
 * and its `validUntil` is empty or after it (control ends at the start of `validUntil`). The
 * closure of a day walks only the links that hold that day (`ControlLinks.on`).
 */

/** One control link, its dates as `YYYY-MM-DD` strings (null when the record does not say). */
export interface ControlLink {
  readonly controller: string;
  readonly controlled: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** Whether the link holds on `asOf` (`YYYY-MM-DD` strings order as the dates do). */
export function holdsOn(link: ControlLink, asOf: string): boolean {
  return (link.validFrom === null || link.validFrom <= asOf) && (link.validUntil === null || link.validUntil > asOf);
}

/** Closures kept per link list: days asked recently (a bound, so arbitrary dates cannot grow it). */
const DAYS_KEPT = 64;

/** Every control link of one graph version; the closure of a day is built from them on demand. */
export class ControlLinks {
  private readonly byDay = new Map<string, ControlGraph>();
  constructor(readonly links: readonly ControlLink[]) {}

  /** Who controls whom on `asOf`. */
  on(asOf: string): ControlGraph {
    let graph = this.byDay.get(asOf);
    if (!graph) {
      graph = new ControlGraph(this.links.filter((l) => holdsOn(l, asOf)).map((l) => [l.controller, l.controlled] as const));
      if (this.byDay.size >= DAYS_KEPT) this.byDay.delete(this.byDay.keys().next().value!);
      this.byDay.set(asOf, graph);
    }
    return graph;
  }
}

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

  /** What `id` controls directly (one link), sorted. */
  directlyControlledBy(id: string): string[] {
    return [...new Set(this.down.get(id) ?? [])].filter((x) => x !== id).sort();
  }

  /** What controls `id` directly (one link), sorted. */
  directControllersOf(id: string): string[] {
    return [...new Set(this.up.get(id) ?? [])].filter((x) => x !== id).sort();
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
