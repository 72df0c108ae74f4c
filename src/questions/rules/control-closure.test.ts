import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ControlGraph } from './control-closure.ts';

const ORGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const edges = fc.array(fc.tuple(fc.constantFrom(...ORGS), fc.constantFrom(...ORGS)), { maxLength: 16 });

/** The reference: Warshall's transitive closure over a reachability matrix. */
function closure(pairs: readonly (readonly [string, string])[]): boolean[][] {
  const n = ORGS.length;
  const reach = ORGS.map((from) => ORGS.map((to) => pairs.some(([x, y]) => x === from && y === to)));
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
  return reach;
}

describe('the control closure', () => {
  it('finds everything an organization controls, directly or not, as the reference does (itself never)', () => {
    fc.assert(
      fc.property(edges, (pairs) => {
        const graph = new ControlGraph(pairs);
        const reach = closure(pairs);
        ORGS.forEach((org, i) => {
          expect(graph.controlledBy(org), org).toEqual(ORGS.filter((_other, j) => j !== i && reach[i]![j]));
          expect(graph.controllersOf(org), org).toEqual(ORGS.filter((_other, j) => j !== i && reach[j]![i]));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("counts a subsidiary's subsidiary", () => {
    const graph = new ControlGraph([
      ['alphabet', 'google'],
      ['google', 'deepmind'],
    ]);
    expect(graph.controlledBy('alphabet')).toEqual(['deepmind', 'google']);
    expect(graph.controllersOf('deepmind')).toEqual(['alphabet', 'google']);
  });

  it('does not make an organization its own controller through a cycle', () => {
    const graph = new ControlGraph([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(graph.controlledBy('x')).toEqual(['y']);
    expect(graph.controllersOf('x')).toEqual(['y']);
  });

  it('knows nothing of an organization without control links', () => {
    expect(new ControlGraph([['x', 'y']]).controlledBy('z')).toEqual([]);
  });
});
