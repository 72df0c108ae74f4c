import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ControlGraph, ControlLinks, type ControlLink } from './control-closure.ts';

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

const DAYS = ['2020-01-01', '2021-06-30', '2022-01-01', '2023-06-01', '2024-12-31'];
const day = fc.option(fc.constantFrom(...DAYS), { nil: null });
const datedLinks = fc.array(fc.record({ controller: fc.constantFrom(...ORGS), controlled: fc.constantFrom(...ORGS), validFrom: day, validUntil: day }), {
  maxLength: 16,
});

describe('the control closure of a day', () => {
  it('walks only the links that hold that day, as the reference closure of those links does', () => {
    fc.assert(
      fc.property(datedLinks, fc.constantFrom(...DAYS, '2019-12-31', '2023-05-31', '2030-01-01'), (links: ControlLink[], asOf) => {
        // The reference: a link holds from validFrom (inclusive) to validUntil (exclusive), each open when empty.
        const holding = links.filter((l) => !(l.validFrom && asOf < l.validFrom) && !(l.validUntil && asOf >= l.validUntil));
        const reach = closure(holding.map((l) => [l.controller, l.controlled] as const));
        const graph = new ControlLinks(links).on(asOf);
        ORGS.forEach((org, i) => {
          expect(graph.controlledBy(org), org).toEqual(ORGS.filter((_other, j) => j !== i && reach[i]![j]));
          expect(graph.controllersOf(org), org).toEqual(ORGS.filter((_other, j) => j !== i && reach[j]![i]));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('follows a divestiture and an acquisition on the same day', () => {
    const links = new ControlLinks([
      { controller: 'seller', controlled: 'unit', validFrom: '2019-01-01', validUntil: '2023-06-01' },
      { controller: 'buyer', controlled: 'unit', validFrom: '2023-06-01', validUntil: null },
      { controller: 'unit', controlled: 'sub', validFrom: null, validUntil: null },
    ]);
    expect(links.on('2018-12-31').controlledBy('seller')).toEqual([]);
    expect(links.on('2023-05-31').controlledBy('seller')).toEqual(['sub', 'unit']);
    expect(links.on('2023-05-31').controllersOf('sub')).toEqual(['seller', 'unit']);
    expect(links.on('2023-06-01').controlledBy('seller')).toEqual([]);
    expect(links.on('2023-06-01').controllersOf('sub')).toEqual(['buyer', 'unit']);
  });
});
