/** The Date scalar: a real calendar date written YYYY-MM-DD, in and out. */
import { GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate } from '../model/validators.ts';
import { badInput } from './errors.ts';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw badInput(`Date must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date written YYYY-MM-DD.',
  serialize: (v) => String(v),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
