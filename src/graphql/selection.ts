/**
 * What a field's selection asks for, so a resolver can answer from a read model when everything
 * asked is there, instead of reading whole nodes from the store.
 */
import type { GraphQLResolveInfo } from 'graphql';

/**
 * True when every field selected under this field (in every place the field appears in the
 * operation) is one of `fields` or `__typename`. Conservative: a fragment spread or an inline
 * fragment answers false, so the resolver reads the whole node.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  for (const node of info.fieldNodes) {
    for (const s of node.selectionSet?.selections ?? []) {
      if (s.kind !== 'Field') return false;
      if (s.name.value !== '__typename' && !fields.has(s.name.value)) return false;
    }
  }
  return true;
}
