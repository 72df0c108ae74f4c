/**
 * The organizations a record involves, read from its declaration (src/model/records.ts): an
 * organization itself, a deal's parties, an exclusivity's holder and grantor, a chip's designer
 * and maker, a cloud service's operator, both ends of a control link. The change feed records
 * them with each change so a consumer can follow some organizations only.
 */
import { RECORDS, type CollectionName } from '../model/records.ts';

type Obj = Record<string, unknown>;

const at = (record: Obj, path: readonly string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), record);

export function involvedOrganizations(collection: CollectionName, ...records: (Obj | null | undefined)[]): string[] {
  const decl = RECORDS[collection];
  const ids = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') ids.add(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') ids.add(x);
  };
  for (const record of records) {
    if (!record) continue;
    if (decl.shape === 'edge') {
      if (decl.from.label === 'Organization') add(record[decl.from.key]);
      if (decl.to.label === 'Organization') add(record[decl.to.key]);
      continue;
    }
    if (decl.label === 'Organization') add(record.id);
    for (const part of decl.parts) {
      if (part.part === 'link' && part.target === 'Organization') add(at(record, part.path));
      if (part.part === 'parties') for (const p of (at(record, part.path) as Obj[] | undefined) ?? []) add(p.org);
    }
  }
  return [...ids].sort();
}
