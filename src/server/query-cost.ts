/**
 * What an operation costs, computed once per request with its variables by
 * graphql-query-complexity, before any resolver runs:
 * - a field costs 1 plus its selection times its size: a list's `first` or `limit` (its default
 *   when not given), LIST_GUESS for a list without one, 1 for a single value;
 * - the questions whose store work does not follow their selection add it, in rows the store
 *   reads: a neighbourhood reads up to `limit` rows per relationship type and direction at each
 *   of `depth` levels (and its node and edge lists hold up to `limit` entries, not LIST_GUESS);
 *   a paths search explores a number of chains that grows with each hop it may take; a text
 *   search and a date-range scan read a whole table whatever page they answer.
 * Before that walk, the document's size with every fragment expanded where it is spread is
 * counted with each fragment counted once (memoised), so a small document whose fragments spread
 * each other twice over (1.4 KB that expands to 2^30 selections) is refused in one linear pass,
 * and the walk, which expands fragments, only ever sees documents of at most MAX_QUERY_NODES
 * selections.
 * Introspection costs 1 per field: it reads no store.
 */
import {
  GraphQLError,
  getNamedType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The size assumed for a list field without `first` or `limit`. */
export const LIST_GUESS = 5;
/** Relationship types and directions a neighbourhood level reads, each up to `limit` rows. */
export const NEIGHBOURHOOD_BRANCHES = 12;
/** Chains a paths search explores per organization-to-organization hop, as rows. */
export const PATH_BRANCHING = 4;
export const PATH_ROWS_PER_CHAIN = 10;
/** Rows a whole-table scan (search, changes, the change feed) is priced at. */
export const SCAN_ROWS = 500;
/** Selections (fields and fragment spreads, fragments expanded) the cost walk visits at most. */
export const MAX_QUERY_NODES = 2000;

const PAGE_ARGS = ['first', 'limit'] as const;

function isList(t: GraphQLOutputType): boolean {
  return isListType(isNonNullType(t) ? t.ofType : t);
}

/** Store rows a question reads beyond what its selection shows (0 for other fields). */
export function storeRows(parent: string, field: string, args: Record<string, unknown>): number {
  if (parent !== 'Query') return 0;
  switch (field) {
    case 'neighborhood':
      return Number(args.depth ?? 1) * Number(args.limit ?? 200) * NEIGHBOURHOOD_BRANCHES;
    case 'paths':
      return PATH_ROWS_PER_CHAIN * PATH_BRANCHING ** Math.max(1, Math.min(6, Number(args.maxHops ?? 3)));
    case 'search':
    case 'changes':
    case 'feed':
      return SCAN_ROWS;
    default:
      return 0;
  }
}

/** The one estimator: page sizes, list guesses, store work. */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const page = PAGE_ARGS.map((name) => args[name]).find((v) => typeof v === 'number');
  // A neighbourhood's nodes and edges lists hold up to `limit` entries; they were counted at LIST_GUESS.
  const size =
    field.name === 'neighborhood' && type.name === 'Query'
      ? Math.ceil(Number(args.limit ?? 200) / LIST_GUESS)
      : (page ?? (isList(field.type) ? LIST_GUESS : 1));
  const named = getNamedType(field.type);
  return 1 + storeRows(type.name, field.name, args) + size * (named && childComplexity > 0 ? childComplexity : 0);
};

/**
 * The selections of the document's operations with every fragment spread replaced by its
 * selections, counted in one pass over the document: each fragment's count is computed once.
 * Stops counting past `cap`, so the answer is exact up to it and only says "more" beyond.
 */
export function expandedSelections(document: DocumentNode, cap = Number.MAX_SAFE_INTEGER): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const count = (set: SelectionSetNode | undefined): number => {
    let n = 0;
    for (const sel of set?.selections ?? []) {
      n += 1;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        // A cycle is refused by GraphQL's own rules; counting it as empty keeps this pass finite.
        if (inProgress.has(name)) continue;
        let size = memo.get(name);
        if (size === undefined) {
          inProgress.add(name);
          size = count(fragments.get(name)?.selectionSet);
          inProgress.delete(name);
          memo.set(name, size);
        }
        n += size;
      } else {
        n += count(sel.selectionSet);
      }
      if (n > cap) return cap + 1;
    }
    return n;
  };
  let total = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) total = Math.min(cap + 1, total + count(d.selectionSet));
  return total;
}

/** Thrown when the document is too large once its fragments are expanded. */
export class TooManySelectionsError extends GraphQLError {
  constructor() {
    super(`The operation has more than ${MAX_QUERY_NODES} selections once its fragments are expanded: spread each fragment fewer times.`);
  }
}

/**
 * The cost of the operation `operationName` (or the document's only one) with these variables.
 * Throws TooManySelectionsError for a document of more than MAX_QUERY_NODES selections with its
 * fragments expanded, and a GraphQLError when the variables do not fit the operation.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): number {
  if (expandedSelections(document, MAX_QUERY_NODES) > MAX_QUERY_NODES) throw new TooManySelectionsError();
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName: operationName ?? undefined,
    estimators: [costEstimator],
    maxQueryNodes: MAX_QUERY_NODES,
  });
}
