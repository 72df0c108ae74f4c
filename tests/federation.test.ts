/**
 * The API as a Federation 2 subgraph: `_service { sdl }` and `_entities` on the real server, and a
 * supergraph composed in process (@apollo/composition) from this subgraph's own SDL and a tiny
 * second subgraph, served by @apollo/gateway, answering a query that crosses both: the second
 * subgraph lists organizations by id and adds a field to Organization; this API resolves their
 * names and countries through `_entities`.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../src/graphql/federation.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

/** A second team's subgraph: its watch list, and a rating it keeps per organization. */
const CRM_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Organization @key(fields: "id") {
    id: ID!
    "The second team's own rating."
    rating: Int!
  }
  type WatchItem {
    note: String!
    organization: Organization!
  }
  type Query {
    watchlist: [WatchItem!]!
  }
`;
const RATINGS: Record<string, number> = { openai: 5, anthropic: 4 };
const crmSchema = buildSubgraphSchema({
  typeDefs: parse(CRM_SDL),
  resolvers: {
    Query: { watchlist: () => Object.keys(RATINGS).map((id) => ({ note: `watch ${id}`, organization: { id } })) },
    Organization: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      rating: (o: { id: string }) => RATINGS[o.id] ?? 0,
    },
  } as never,
});

describe('federation', () => {
  it('publishes its SDL with a key on each entity', async () => {
    const r = await api.gql<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(r.errors).toBeUndefined();
    const sdl = r.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    for (const t of ENTITIES) expect(sdl).toMatch(new RegExp(`(type|extend type) ${t}[^{]*@key\\(fields: "id"\\)`));
  });

  it('resolves an Organization by id through _entities, and null for an id of another kind or of nothing', async () => {
    const r = await api.gql<{ _entities: ({ id: string; name: string } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } ... on Deal { id title } } }`,
      {
        r: [
          { __typename: 'Organization', id: 'openai' },
          { __typename: 'Organization', id: 'aws-openai-2025-cloud-agreement' },
          { __typename: 'Organization', id: 'no-such-org' },
          { __typename: 'Deal', id: 'aws-openai-2025-cloud-agreement' },
        ],
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toEqual([{ id: 'openai', name: 'OpenAI' }, null, null, { id: 'aws-openai-2025-cloud-agreement', title: expect.any(String) }]);
  });

  it('composes with a second subgraph, and the gateway answers a query crossing both', async () => {
    const sdl = (await api.gql<{ _service: { sdl: string } }>('{ _service { sdl } }')).data!._service.sdl;
    const composed = composeServices([
      { name: 'aigraph', typeDefs: parse(sdl), url: `${api.url}/graphql` },
      { name: 'crm', typeDefs: parse(CRM_SDL), url: 'local://crm' },
    ]);
    expect(composed.errors?.map((e) => e.message)).toBeUndefined();
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ name, url }) => (name === 'crm' ? new LocalGraphQLDataSource(crmSchema) : new RemoteGraphQLDataSource({ url })),
    });
    const router = new ApolloServer({ gateway });
    await router.start();
    try {
      const res = await router.executeOperation({
        query: '{ watchlist { note organization { id name country rating deals(first: 1) { totalCount } } } }',
      });
      const body = res.body.kind === 'single' ? res.body.singleResult : null;
      expect(body?.errors).toBeUndefined();
      const list = (body!.data as { watchlist: { organization: { id: string; name: string; rating: number; deals: { totalCount: number } } }[] }).watchlist;
      expect(list.map((w) => [w.organization.id, w.organization.name, w.organization.rating])).toEqual([
        ['openai', 'OpenAI', 5],
        ['anthropic', 'Anthropic', 4],
      ]);
      expect(list[0]!.organization.deals.totalCount).toBeGreaterThan(10);
    } finally {
      await router.stop();
    }
  });
});
