/** `paths` on the seeds: on a date it never goes through a fact announced after it or a control link not yet begun. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

type Node = { __typename: string; id: string; announcedOn?: string; retractedOn?: string | null };
type Path = { hops: number; nodes: Node[]; steps: { from: { id: string }; to: { id: string }; relationship: string }[] };

const QUERY = `query ($from: ID!, $to: ID!, $asOf: Date) {
  paths(from: $from, to: $to, maxHops: 3, asOf: $asOf) {
    hops
    nodes { __typename id ... on Deal { announcedOn retractedOn } ... on Exclusivity { announcedOn retractedOn } }
    steps { from { id } to { id } relationship }
  }
}`;

describe('paths on the seeds, on a date', () => {
  const pairs = [
    ['openai', 'nvidia'],
    ['amazon', 'microsoft'],
    ['anthropic', 'google'],
    ['openai', 'amd'],
    ['x', 'nvidia'],
  ] as const;
  const days = ['2019-06-01', '2023-01-01', '2025-06-01', '2025-12-17', '2026-03-01'];

  it('never goes through a fact announced after the day, nor a retracted one', async () => {
    let found = 0;
    for (const day of days) {
      for (const [from, to] of pairs) {
        const r = await api.gql<{ paths: Path[] }>(QUERY, { from, to, asOf: day });
        expect(r.errors).toBeUndefined();
        for (const p of r.data!.paths) {
          found++;
          expect(p.nodes[0]!.id).toBe(from);
          expect(p.nodes.at(-1)!.id).toBe(to);
          for (const n of p.nodes) {
            if (n.__typename !== 'Deal' && n.__typename !== 'Exclusivity') continue;
            expect(n.announcedOn! <= day, `${n.id} announced ${n.announcedOn}, after ${day}`).toBe(true);
            expect(n.retractedOn, n.id).toBeNull();
          }
        }
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('reaches X from xAI through control only once xAI had bought it', async () => {
    const ask = async (asOf: string) => (await api.gql<{ paths: Path[] }>(QUERY, { from: 'x', to: 'xai', asOf })).data!.paths;
    expect((await ask('2025-03-28')).some((p) => p.hops === 1 && p.steps[0]!.relationship === 'CONTROLS')).toBe(true);
    expect((await ask('2025-03-27')).some((p) => p.steps.some((s) => s.relationship === 'CONTROLS'))).toBe(false);
  });
});
