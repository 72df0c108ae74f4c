/**
 * Strict ids: an argument that names nothing is an error that says so and suggests, never
 * silently ignored. Existence is checked by primary key (cheap at any size); only on a miss
 * are the candidates of the expected kinds read (ids, names or titles, aliases) to suggest the
 * closest ones (suggest.ts).
 */
import type { NodeLabel } from '../../model/graph-model.ts';
import { NOUN, withArticle } from '../../model/nouns.ts';
import type { GraphStore, Query } from '../../store/graph-store.ts';
import { PerVersion } from '../per-version.ts';
import { normalise, suggest, type Candidate } from './suggest.ts';

/** The kinds an id argument may name, and how each is captioned. */
const CAPTION = {
  Organization: 'name',
  Chip: 'name',
  CloudService: 'name',
  Deal: 'title',
  Exclusivity: 'title',
  Channel: 'title',
  Restriction: 'title',
  Source: 'title',
} as const;
export type NamedLabel = keyof typeof CAPTION;
export const NAMED_LABELS = Object.keys(CAPTION) as NamedLabel[];

const hasAliases = (label: NamedLabel) => label === 'Organization' || label === 'Chip' || label === 'CloudService';

/** Every id of a kind with the forms a person might type for it. */
export const ID_FORMS: Readonly<Record<NamedLabel, Query>> = Object.fromEntries(
  NAMED_LABELS.map((label) => [
    label,
    {
      name: `ids.formsOf${label}`,
      cypher: `MATCH (n:${label}) RETURN n.id AS id, n.${CAPTION[label]} AS caption${hasAliases(label) ? ', n.aliases AS aliases' : ''}`,
    },
  ]),
) as Record<NamedLabel, Query>;

export const KNOWN_ID_STATEMENTS: readonly Query[] = Object.values(ID_FORMS);

export async function candidatesOf(store: GraphStore, label: NamedLabel): Promise<Candidate[]> {
  const rows = await store.read(ID_FORMS[label]);
  return rows.map((r) => ({ id: String(r.id), forms: [String(r.id), String(r.caption ?? ''), ...((r.aliases as string[] | null) ?? [])] }));
}

export interface UnknownId {
  readonly id: string;
  /** The kind found under that id, when it names something of another kind. */
  readonly actual: NodeLabel | null;
  readonly suggestions: string[];
}

/**
 * The ids among `ids` that name nothing of the `expected` kinds, each with up to three
 * suggestions. `labelsOf` gives each id's label by primary key (the request's batched loader, so
 * the lookup that follows reuses it); `candidates` reads the candidates of a kind (cached by the
 * caller per graph version).
 */
export async function unknownIds(
  labelsOf: (ids: readonly string[]) => Promise<readonly (NodeLabel | null)[]>,
  ids: readonly string[],
  expected: readonly NamedLabel[],
  candidates: (label: NamedLabel) => Promise<Candidate[]>,
): Promise<UnknownId[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const labels = await labelsOf(wanted);
  const found = new Map(wanted.map((id, i) => [id, labels[i] ?? null]));
  const missing = wanted.filter((id) => !(expected as readonly string[]).includes(found.get(id) ?? ''));
  if (!missing.length) return [];
  const pool = (await Promise.all(expected.map(candidates))).flat();
  return missing.map((id) => ({ id, actual: found.get(id) ?? null, suggestions: suggest(id, pool) }));
}

/** "No organization with id "microsft" (argument "excluding"). Did you mean microsoft?" */
export function unknownIdMessage(argument: string, expected: readonly NamedLabel[], u: UnknownId): string {
  const kinds = expected.map((l) => NOUN[l]).join(' or ');
  const what = u.actual ? `"${u.id}" is ${withArticle(NOUN[u.actual])}, not ${withArticle(kinds)}` : `No ${kinds} with id "${u.id}"`;
  const hint = u.suggestions.length ? ` Did you mean ${u.suggestions.join(', ')}?` : '';
  return `${what} (argument "${argument}").${hint}`;
}

/** The candidates of every named kind, read at most once per graph version. */
export function candidateCaches(store: GraphStore, version: () => number): (label: NamedLabel) => Promise<Candidate[]> {
  const caches = new Map(NAMED_LABELS.map((l) => [l, new PerVersion(version, () => candidatesOf(store, l))]));
  return (label) => caches.get(label)!.get();
}

export interface NameResolution {
  readonly name: string;
  /** Ids whose id, name, title or alias is the name (ignoring case, accents and punctuation); several when it is ambiguous. */
  readonly ids: string[];
  /** When nothing matches exactly: up to three close ids. */
  readonly suggestions: string[];
}

/** `resolve(names)`: names and aliases to ids, for other applications. */
export async function resolveNames(
  names: readonly string[],
  candidates: (label: NamedLabel) => Promise<Candidate[]>,
  kinds: readonly NamedLabel[] = NAMED_LABELS,
): Promise<NameResolution[]> {
  const pool = (await Promise.all(kinds.map(candidates))).flat();
  const byForm = new Map<string, Set<string>>();
  for (const c of pool) {
    for (const f of c.forms) {
      const n = normalise(f);
      if (!n) continue;
      let ids = byForm.get(n);
      if (!ids) byForm.set(n, (ids = new Set()));
      ids.add(c.id);
    }
  }
  return names.map((name) => {
    const ids = [...(byForm.get(normalise(name)) ?? [])].sort();
    return { name, ids, suggestions: ids.length ? [] : suggest(name, pool) };
  });
}
