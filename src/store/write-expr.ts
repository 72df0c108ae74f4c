import type { PropertyDef } from '../model/graph-model.ts';

/**
 * How a row field is written in a batched statement: typed through a conversion, so a field
 * that is null in every row of a batch still binds on LadybugDB
 * (docs/ladybug-traps.md#all-null-fields-bind-as-strings). The conversions are native on
 * Neo4j and macros on LadybugDB.
 */
export function writeExpr(field: string, def: PropertyDef): string {
  switch (def.type) {
    case 'date':
      return `date(${field})`;
    case 'float':
      return `toFloat(${field})`;
    case 'boolean':
      return `toBoolean(${field})`;
    default:
      return field;
  }
}
