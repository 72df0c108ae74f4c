/**
 * The API as an Apollo Federation 2 subgraph: the six entities (Organization, Chip, CloudService,
 * Deal, Exclusivity, Source) are keyed by `id`, so a company's supergraph can join its own types
 * to them, and `_service { sdl }` and `_entities` answer as the federation spec says. The keys are
 * declared here as type extensions rather than in schema/*.graphql, so the SDL files stay plain
 * GraphQL for codegen and the contract snapshot.
 */
import type { NodeLabel } from '../model/graph-model.ts';
import type { GraphContext } from './context.ts';
import { loadAnyNode } from './resolvers/node-helpers.ts';

export const ENTITIES = ['Organization', 'Chip', 'CloudService', 'Deal', 'Exclusivity', 'Source'] as const satisfies readonly NodeLabel[];

/** The federation link and the keys, appended to the schema's SDL. */
export const FEDERATION_SDL = [
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])',
  ...ENTITIES.map((t) => `extend type ${t} @key(fields: "id")`),
].join('\n');

/** `_entities` resolves a reference `{ __typename, id }` to the node, or null when no such node is of that type. */
export const referenceResolvers = Object.fromEntries(
  ENTITIES.map((label) => [
    label,
    {
      __resolveReference: async (ref: { id: string }, ctx: GraphContext) => {
        const node = await loadAnyNode(ctx, ref.id);
        return node && (node as { __label?: string }).__label === label ? node : null;
      },
    },
  ]),
) as Record<(typeof ENTITIES)[number], { __resolveReference: (ref: { id: string }, ctx: GraphContext) => Promise<unknown> }>;
