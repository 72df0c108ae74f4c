/** The executable schema: the SDL files in schema/ with every resolver, enums and the Date scalar. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Resolvers } from '../generated/graphql.ts';
import { DateScalar } from './date-scalar.ts';
import { GRAPHQL_ENUMS } from './enums.ts';
import { accessResolvers } from './resolvers/access-resolvers.ts';
import { answerResolvers } from './resolvers/answer-resolvers.ts';
import { entityResolvers } from './resolvers/entity-resolvers.ts';
import { feedResolvers } from './resolvers/feed-resolvers.ts';
import { mutationResolvers } from './resolvers/mutation-resolvers.ts';
import { queryResolvers } from './resolvers/query-resolvers.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The last released schema, kept beside the SDL files to compare with (schema-evolution.ts); not part of the schema. */
export const RELEASED_FILE = 'released.graphql';

/** Every schema/*.graphql file but the released one, in name order (base.graphql defines Query first). */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql') && f !== RELEASED_FILE)
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a < b ? -1 : 1))
    .map((f) => readFileSync(SCHEMA_DIR + f, 'utf8'));
}

export const resolvers: Resolvers = {
  Date: DateScalar,
  ...(GRAPHQL_ENUMS as unknown as Resolvers),
  ...entityResolvers,
  ...answerResolvers,
  ...accessResolvers,
  Deal: { ...entityResolvers.Deal, ...mutationResolvers.Deal },
  Exclusivity: { ...entityResolvers.Exclusivity, ...mutationResolvers.Exclusivity },
  Query: { ...queryResolvers.Query, ...mutationResolvers.Query, ...accessResolvers.Query, ...feedResolvers.Query },
  Subscription: feedResolvers.Subscription,
  RecordedChange: feedResolvers.RecordedChange,
  Mutation: mutationResolvers.Mutation,
};
