/**
 * Argument rules beyond their GraphQL types, checked with zod; a violation is a
 * BAD_USER_INPUT error that names the argument.
 */
import { z } from 'zod';
import { badInput } from './errors.ts';

export const firstArg = z.number().int().min(1, { message: 'must be from 1 to 100' }).max(100, { message: 'must be from 1 to 100' });
export const maxHopsArg = z.number().int().min(1, { message: 'must be from 1 to 6' }).max(6, { message: 'must be from 1 to 6' });
export const depthArg = z.number().int().min(1, { message: 'must be from 1 to 3' }).max(3, { message: 'must be from 1 to 3' });
export const limitArg = z.number().int().min(1, { message: 'must be from 1 to 500' }).max(500, { message: 'must be from 1 to 500' });
export const amountArg = z.number().finite().nonnegative({ message: 'must be >= 0' });
export const textArg = z.string().trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' });

/** Parses one argument; on failure throws BAD_USER_INPUT naming it. */
export function arg<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw badInput(`Argument "${name}" ${r.error.issues[0]?.message ?? 'is invalid'}.`, name);
  return r.data;
}

export function dateRange(from: string | null | undefined, to: string | null | undefined, names: [string, string]): void {
  if (from && to && from > to) throw badInput(`Argument "${names[0]}" (${from}) must not be after "${names[1]}" (${to}).`, names[0]);
}

const CURSOR = /^o:(\d{1,15})$/;
/** No list this API pages holds more rows; a cursor past it was not one this API returned. */
export const MAX_CURSOR_OFFSET = 100_000_000;
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}
/** The offset after a cursor (0 without one). */
export function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const m = CURSOR.exec(Buffer.from(after, 'base64url').toString());
  if (!m || Number(m[1]) >= MAX_CURSOR_OFFSET) throw badInput('Argument "after" is not a cursor this API returned.', 'after');
  return Number(m[1]) + 1;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
