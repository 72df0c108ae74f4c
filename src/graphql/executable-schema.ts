/**
 * The executable schema, built once: the SDL files in schema/ with the federation keys
 * (federation.ts), as an Apollo subgraph schema, then every resolver. Apollo Server (/graphql) and
 * the change stream (/graphql/stream) serve the same one. The resolvers are added by graphql-tools
 * rather than by buildSubgraphSchema, which does not carry enums' internal values into argument
 * defaults (`by: ConcentrationMeasure = USD`).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { addResolversToSchema } from '@graphql-tools/schema';
import { type GraphQLSchema, parse } from 'graphql';
import { FEDERATION_SDL, referenceResolvers } from './federation.ts';
import { loadTypeDefs, resolvers } from './schema.ts';

let built: GraphQLSchema | null = null;

export function executableSchema(): GraphQLSchema {
  if (built) return built;
  const typeDefs = parse([...loadTypeDefs(), FEDERATION_SDL].join('\n'));
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers: referenceResolvers as never });
  built = addResolversToSchema({ schema: subgraph, resolvers: resolvers as never });
  return built;
}
