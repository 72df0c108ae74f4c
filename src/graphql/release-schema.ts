/**
 * `npm run schema:release`: writes the current public schema to schema/released.graphql, the
 * schema later changes are checked against (schema-evolution.ts). Run it when a release ships.
 */
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { publicSchema, RELEASED_SCHEMA_FILE } from './schema-evolution.ts';

writeFileSync(RELEASED_SCHEMA_FILE, `${printSchema(lexicographicSortSchema(publicSchema()))}\n`);
process.stdout.write(`Wrote ${RELEASED_SCHEMA_FILE}\n`);
