/**
 * zod validators of entity input, derived from the graph model. The record schemas
 * (src/records/record-schemas.ts) are built on these, so a property's rules live in one place.
 */
import { z } from 'zod';
import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyDef, type RelationshipType } from './graph-model.ts';
import { boundedList, boundedString, FIELD_LIMITS, fieldLimit } from './limits.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a real calendar date written `YYYY-MM-DD` (so 2025-02-30 is refused). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the digits of `s` from `from` to `to` (exclusive), or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `YYYY-MM-DD` naming a day of the Gregorian calendar, years 0100 to 9999 (JavaScript's Date
 * reads two-digit years as 19xx, so earlier years were never accepted). Checked without
 * allocating: an import checks millions of dates.
 */
export function isCalendarDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

export const slug = boundedString(
  FIELD_LIMITS.id,
  z.string().regex(SLUG_PATTERN, { message: 'expected a lowercase slug like "openai" or "aws-ec2" (a-z, 0-9 and single dashes)' }),
);

export const calendarDate = z.string().refine(isCalendarDate, { message: 'expected a real calendar date written YYYY-MM-DD' });

export const httpUrl = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
    } catch {
      return false;
    }
  },
  { message: 'expected an absolute http(s) URL' },
);

export const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code like "US"' });

/** Amounts in US dollars: never negative, and at most $10^15 (a whole number above 2^63 cannot bind on LadybugDB). */
export const nonNegativeAmount = z
  .number()
  .finite()
  .nonnegative({ message: 'expected an amount >= 0' })
  .max(1e15, { message: 'expected an amount of at most 1e15 US dollars' });

/** A share in percent. */
export const percentage = z.number().finite().min(0).max(100, { message: 'expected a percentage from 0 to 100' });

/** Non-empty prose of at most `max` characters (src/model/limits.ts). */
export function text(max: number) {
  return boundedString(max, z.string().trim().min(1, { message: 'expected a non-empty string' }));
}

/** The zod type of one property, without optionality; `key` picks its size limit. */
export function propertySchema(def: PropertyDef, key = ''): z.ZodType {
  switch (def.type) {
    case 'string':
      if (def.vocabulary) return z.enum(def.vocabulary as [string, ...string[]]);
      if (def.format === 'slug') return slug;
      if (def.format === 'url') return boundedString(fieldLimit(key), httpUrl);
      if (def.format === 'country') return countryCode;
      return text(fieldLimit(key));
    case 'string[]':
      if (def.vocabulary) return boundedList(z.enum(def.vocabulary as [string, ...string[]]));
      if (def.format === 'country') return boundedList(countryCode);
      return boundedList(text(fieldLimit(key)));
    case 'date':
      return calendarDate;
    case 'float':
      return def.format === 'percent' ? percentage : nonNegativeAmount;
    case 'boolean':
      return z.boolean();
  }
}

function objectSchema(properties: Readonly<Record<string, PropertyDef>>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, def] of Object.entries(properties)) {
    const base = propertySchema(def, key);
    shape[key] = def.required ? base : base.nullish();
  }
  return z.object(shape).strict();
}

export const nodeValidators = Object.fromEntries(Object.entries(NODE_TYPES).map(([label, def]) => [label, objectSchema(def.properties)])) as Record<
  NodeLabel,
  z.ZodObject
>;

export const relationshipValidators = Object.fromEntries(
  Object.entries(RELATIONSHIP_TYPES).map(([type, def]) => [
    type,
    z.object({ from: slug, to: slug, ...objectSchema(def.properties).shape }).strict() as z.ZodObject,
  ]),
) as Record<RelationshipType, z.ZodObject>;
