/** Valid sample values for every property of the model, so round trips cover every type. */
import { NODE_TYPES, RELATIONSHIP_TYPES, type NodeLabel, type PropertyDef, type RelationshipType } from '../../src/model/graph-model.ts';
import type { Value } from '../../src/store/graph-store.ts';

export function sampleValue(key: string, def: PropertyDef, salt: string): Value {
  if (def.vocabulary) return def.type === 'string[]' ? [...def.vocabulary.slice(-2)] : def.vocabulary[def.vocabulary.length - 1]!;
  switch (def.type) {
    case 'string':
      if (def.format === 'url') return `https://example.org/${salt}`;
      if (def.format === 'country') return 'US';
      if (def.format === 'slug') return salt;
      return `${key} of ${salt} — "quoted", 'single', \`tick\``;
    case 'string[]':
      if (def.format === 'country') return ['UA', 'US'];
      return [`${salt}-a`, `${salt} b`];
    case 'date':
      return '2025-12-16';
    case 'float':
      return 12_345_678_901.5;
    case 'boolean':
      return true;
  }
}

export function sampleNode(label: NodeLabel, id: string): Record<string, Value> {
  const row: Record<string, Value> = {};
  for (const [k, def] of Object.entries(NODE_TYPES[label].properties)) row[k] = k === 'id' ? id : sampleValue(k, def, id);
  return row;
}

export function sampleRelProps(type: RelationshipType, salt: string): Record<string, Value> {
  const row: Record<string, Value> = {};
  for (const [k, def] of Object.entries(RELATIONSHIP_TYPES[type].properties)) row[k] = sampleValue(k, def, salt);
  return row;
}
