/**
 * How the public schema may change (docs/schema-evolution.md): additions (types, fields, optional
 * arguments, enum values) at any time; a removal only of what the last released schema
 * (schema/released.graphql) already marked `@deprecated`; any other breaking change never. This
 * compares the schema with the released one using graphql-js's findBreakingChanges and returns
 * the changes that break that rule, each said with what to do instead.
 */
import {
  BreakingChangeType,
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTypeDefs } from './schema.ts';

export const RELEASED_SCHEMA_FILE = fileURLToPath(new URL('../../schema/released.graphql', import.meta.url));

/** The public schema as the SDL files declare it (federation additions left out: they only add). */
export const publicSchema = (): GraphQLSchema => buildSchema(loadTypeDefs().join('\n'));

export const releasedSchema = (file = RELEASED_SCHEMA_FILE): GraphQLSchema => buildSchema(readFileSync(file, 'utf8'));

/** Whether the released schema deprecated what a removal's description names. */
function wasDeprecated(released: GraphQLSchema, type: BreakingChangeType, description: string): boolean {
  let m: RegExpExecArray | null;
  if (type === BreakingChangeType.FIELD_REMOVED && (m = /^(\w+)\.(\w+) was removed\.$/.exec(description))) {
    const t = released.getType(m[1]!);
    if (isObjectType(t) || isInterfaceType(t)) return Boolean(t.getFields()[m[2]!]?.deprecationReason);
    if (isInputObjectType(t)) return Boolean(t.getFields()[m[2]!]?.deprecationReason);
  }
  if (type === BreakingChangeType.VALUE_REMOVED_FROM_ENUM && (m = /^(\w+) was removed from enum type (\w+)\.$/.exec(description))) {
    const t = released.getType(m[2]!);
    return isEnumType(t) && Boolean(t.getValue(m[1]!)?.deprecationReason);
  }
  if (type === BreakingChangeType.ARG_REMOVED && (m = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(description))) {
    const t = released.getType(m[1]!);
    return (isObjectType(t) || isInterfaceType(t)) && Boolean(t.getFields()[m[2]!]?.args.find((a) => a.name === m![3])?.deprecationReason);
  }
  return false;
}

export function unannouncedBreakingChanges(released: GraphQLSchema, current: GraphQLSchema): string[] {
  return findBreakingChanges(released, current)
    .filter((c) => !wasDeprecated(released, c.type, c.description))
    .map((c) =>
      c.type === BreakingChangeType.FIELD_REMOVED || c.type === BreakingChangeType.VALUE_REMOVED_FROM_ENUM || c.type === BreakingChangeType.ARG_REMOVED
        ? `${c.description} It was not @deprecated in schema/released.graphql: deprecate it first (with the replacement in the reason), release, and remove it in a later release.`
        : `${c.description} (${c.type}) This breaks clients of the released schema: add a new field or argument beside the old one instead, and deprecate the old one.`,
    );
}
