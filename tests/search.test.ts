/**
 * `search` on the full-text index (src/questions/search-index.ts), through the API on the
 * seeds: ranking, prefixes, typos, summaries, pages and the index of each graph version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editDistance, SEARCH_INDEX_STATEMENTS, SearchIndex, wordsOf, wordWeight } from '../src/questions/search-index.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
});

type Hit = { __typename: string; id: string };
const ask = async (text: string, first = 10, after?: string) => {
  const r = await api.gql<{ search: Hit[] }>('query ($t: String!, $f: Int, $a: ID) { search(text: $t, first: $f, after: $a) { __typename id } }', {
    t: text,
    f: first,
    a: after,
  });
  return r;
};
const ids = async (text: string, first = 10) => (await ask(text, first)).data!.search.map((h) => h.id);

describe('search', () => {
  it('ranks an exact name first, then a prefix, and finds a word inside a name', async () => {
    expect((await ids('anthropic'))[0]).toBe('anthropic');
    expect((await ids('Anthrop'))[0]).toBe('anthropic');
    expect(await ids('thropic')).toContain('anthropic');
  });

  it('tolerates typos', async () => {
    expect((await ids('anthropik'))[0]).toBe('anthropic');
    expect((await ids('nvidai'))[0]).toBe('nvidia');
  });

  it('finds deals by a word of their summary and needs every word', async () => {
    const { data } = await api.gql<{ deals: { edges: { node: { id: string; summary: string } }[] } }>(
      '{ deals(first: 1, filter: { party: "openai" }) { edges { node { id summary } } } }',
    );
    const deal = data!.deals.edges[0]!.node;
    const words = wordsOf(deal.summary).filter((w) => w.length > 6);
    expect(words.length).toBeGreaterThan(1);
    expect(await ids(words.slice(0, 2).join(' '), 100)).toContain(deal.id);
    expect(await ids(`${words[0]} qqqzzzxxx`, 100)).toEqual([]);
  });

  it('pages by the id of the last hit, in the same order as one long page', async () => {
    const all = await ids('open', 9);
    expect(all.length).toBe(9);
    const pages: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = (await ask('open', 3, after)).data!.search.map((h) => h.id);
      pages.push(...page);
      after = page[page.length - 1];
    }
    expect(pages).toEqual(all);
    const bad = await ask('open', 3, 'not-a-hit');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.argument).toBe('after');
  });

  it('follows writes: a recorded deal is found, a retracted one is not', async () => {
    const editor = api.key('editor');
    const recorded = await api.gql(
      'mutation ($input: DealInput!) { recordDeal(input: $input) { id } }',
      {
        input: {
          id: 'zyxquartz-openai',
          title: 'Zyxquartz supplies OpenAI',
          kind: 'COMPUTE_CONTRACT',
          status: 'SIGNED',
          announcedOn: '2026-01-01',
          summary: 'Capacity.',
          parties: [
            { organization: 'openai', role: 'CUSTOMER' },
            { organization: 'nvidia', role: 'SUPPLIER' },
          ],
          sources: ['indiatoday-2025-01-22-stargate-project-announced'],
        },
      },
      editor,
    );
    expect(recorded.errors).toBeUndefined();
    expect(await ids('zyxquarz')).toEqual(['zyxquartz-openai']);
    const retracted = await api.gql(
      'mutation { retract(id: "zyxquartz-openai", reason: "Test.", source: "indiatoday-2025-01-22-stargate-project-announced") { ... on Deal { id } } }',
      {},
      editor,
    );
    expect(retracted.errors).toBeUndefined();
    expect(await ids('zyxquartz')).toEqual([]);
  });
});

describe('the vocabulary index', () => {
  it('finds, for any query word, exactly the words a scan of the whole vocabulary finds', async () => {
    const index = await SearchIndex.read(api.store);
    // The vocabulary as the index builds it: every word of every name, alias, title and body.
    const vocabulary = new Set<string>();
    for (const statement of SEARCH_INDEX_STATEMENTS) {
      for (const row of await api.store.read(statement)) {
        for (const text of [row.name, ...((row.aliases as string[] | null) ?? []), row.body]) for (const w of wordsOf(String(text ?? ''))) vocabulary.add(w);
      }
    }
    expect(vocabulary.size).toBeGreaterThan(3000);
    // Query words: whole words, prefixes, insides, and one or two typos (swaps, drops, changes),
    // from a spread of the vocabulary, and a few that match nothing.
    const words = [...vocabulary].sort().filter((_, i) => i % 23 === 0);
    const queries = new Set(['zyxquartz', 'a', 'ai', 'xx', '1']);
    for (const w of words) {
      queries.add(w).add(w.slice(0, 3)).add(w.slice(1, -1)).add(w.slice(2));
      if (w.length > 3)
        queries
          .add(`${w[1]}${w[0]}${w.slice(2)}`)
          .add(w.slice(0, -1))
          .add(`${w.slice(0, 2)}q${w.slice(3)}`);
      if (w.length > 7) queries.add(`x${w.slice(1, 4)}${w.slice(5)}`);
    }
    let matched = 0;
    for (const q of queries) {
      if (!q) continue;
      const scanned = new Map([...vocabulary].flatMap((v) => (wordWeight(q, v) ? [[v, wordWeight(q, v)] as const] : [])));
      expect(new Map([...index.matchingWords(q)].sort()), q).toEqual(new Map([...scanned].sort()));
      matched += scanned.size;
    }
    expect(queries.size).toBeGreaterThan(500);
    expect(matched).toBeGreaterThan(queries.size);
  });
});

describe('editDistance', () => {
  it('counts edits up to the bound', () => {
    expect(editDistance('nvidia', 'nvidai', 2)).toBe(1);
    expect(editDistance('nvidia', 'nvdiai', 1)).toBe(2);
    expect(editDistance('anthropic', 'anthropik', 2)).toBe(1);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });
});
