/**
 * Records as the API's input spells them, from the record declarations: a party's
 * `org` is `organization`, the members of a group flattened in the input (`covers.chips`)
 * are top-level (`chips`), and a node property kept in a group (`covers.note`) has its own
 * name (`coverageNote`). `recordFromInput` turns a mutation's input into a record;
 * `inputPath` turns a validation issue back into the GraphQL argument it names.
 */
import { RECORDS, type CollectionDecl, type CollectionName } from '../model/records.ts';
import type { FieldPathInRecord } from './record-issue.ts';

export function inputPath(collection: CollectionName, field: FieldPathInRecord, root = 'input'): string {
  const decl: CollectionDecl = RECORDS[collection];
  let path = [...field];
  if (decl.shape === 'node') {
    const [head, next] = path;
    const part = decl.parts.find((p) => p.path[0] === head && (p.path.length === 1 || p.path[1] === next));
    if (part && part.path.length === 2 && decl.flatInInput?.includes(String(head))) {
      path = [part.part === 'prop' ? part.prop : String(next), ...path.slice(2)];
    } else if (part?.part === 'parties' && typeof path[2] === 'string') {
      path = [head!, path[1]!, part.inputNames[path[2]] ?? path[2], ...path.slice(3)];
    }
  }
  let out = root;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${p}`;
  return out;
}

type Obj = Record<string, unknown>;

/** Drops absent (undefined) keys: in an input, absent means "not given", null means "clear". */
export const given = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The record a mutation's input describes (its keys not given are left out). */
export function recordFromInput(collection: CollectionName, input: Obj): Obj {
  const decl: CollectionDecl = RECORDS[collection];
  if (decl.shape === 'edge') return given(input);
  const record: Obj = {};
  const flat = new Map<string, readonly [string, string]>();
  for (const part of decl.parts) {
    if (part.path.length === 2 && decl.flatInInput?.includes(part.path[0]))
      flat.set(part.part === 'prop' ? part.prop : part.path[1], part.path as readonly [string, string]);
  }
  for (const [key, value] of Object.entries(given(input))) {
    const part = decl.parts.find((p) => p.path.length === 1 && p.path[0] === key);
    const grouped = flat.get(key);
    if (grouped) {
      if (value !== null) ((record[grouped[0]] ??= {}) as Obj)[grouped[1]] = value;
    } else if (part?.part === 'parties' && Array.isArray(value)) {
      const back = Object.fromEntries(Object.entries(part.inputNames).map(([k, v]) => [v, k]));
      record[key] = (value as Obj[]).map((p) => given(Object.fromEntries(Object.entries(p).map(([k, v]) => [back[k] ?? k, v]))));
    } else if (part?.part === 'children' && Array.isArray(value)) {
      record[key] = (value as Obj[]).map(given);
    } else record[key] = value;
  }
  return record;
}
