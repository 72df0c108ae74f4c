/**
 * The name of a record field in the API's input, from the record declarations: a party's
 * `org` is `organization`, the members of a group flattened in the input (`covers.chips`)
 * are top-level (`chips`), and a node property kept in a group (`covers.note`) has its own
 * name (`coverageNote`). Used to turn a validation issue into the GraphQL argument it names.
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
