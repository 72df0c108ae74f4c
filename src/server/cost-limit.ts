/**
 * A query cost limit that counts page sizes: each field costs 1, times the sizes of the lists
 * it sits in. A list field's size is its `first` or `limit` argument (or that argument's
 * default), or LIST_GUESS for lists without one. graphql-armor's cost limit counts the shape
 * of a query but not `first:`, so `deals(first: 100) { ... deals(first: 100) }` would pass it.
 * Fragments are expanded where they are used, so a limit cannot hide in one.
 */
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

const LIST_GUESS = 5;
const PAGE_ARGS = ['first', 'limit'];

function isList(t: GraphQLOutputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}

function fieldsOf(schema: GraphQLSchema, typeName: string): Record<string, GraphQLField<unknown, unknown>> | null {
  const t = schema.getType(typeName);
  return t && 'getFields' in t ? (t.getFields() as Record<string, GraphQLField<unknown, unknown>>) : null;
}

function pageSize(field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[], variables: Record<string, unknown>): number | null {
  for (const name of PAGE_ARGS) {
    const def = field.args.find((a) => a.name === name);
    if (!def) continue;
    const given = args.find((a) => a.name.value === name)?.value;
    if (given?.kind === Kind.INT) return Number(given.value);
    if (given?.kind === Kind.VARIABLE) return Number(variables[given.name.value] ?? def.defaultValue ?? LIST_GUESS);
    return Number(def.defaultValue ?? LIST_GUESS);
  }
  return null;
}

export function queryCost(
  schema: GraphQLSchema,
  selection: SelectionSetNode,
  typeName: string,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  seen: ReadonlySet<string> = new Set(),
): number {
  let cost = 0;
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) {
        cost += 1;
        continue;
      }
      const field = fieldsOf(schema, typeName)?.[sel.name.value];
      if (!field) continue;
      const size = pageSize(field, sel.arguments ?? [], variables) ?? (isList(field.type) ? LIST_GUESS : 1);
      const inner = sel.selectionSet ? queryCost(schema, sel.selectionSet, getNamedType(field.type).name, fragments, variables, seen) : 0;
      cost += 1 + size * inner;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      cost += queryCost(schema, sel.selectionSet, sel.typeCondition?.name.value ?? typeName, fragments, variables, seen);
    } else {
      const name = sel.name.value;
      const frag = fragments[name];
      if (!frag || seen.has(name)) continue; // cycles are rejected by GraphQL's own rules
      cost += queryCost(schema, frag.selectionSet, frag.typeCondition.name.value, fragments, variables, new Set([...seen, name]));
    }
  }
  return cost;
}

/** The validation rule: refuses an operation whose cost exceeds maxCost, before any resolver runs. */
export function costLimitRule(maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    return {
      OperationDefinition(op) {
        const root = op.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType();
        if (!root) return;
        const cost = queryCost(context.getSchema(), op.selectionSet, root.name, fragments);
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first/limit) or fewer nested lists.`, { nodes: [op] }));
        }
      },
    };
  };
}
