/**
 * What a view is: the node it is drawn around, how far, on which date, what is expanded,
 * hidden, pinned, filtered and asked. All of it lives in the URL, so a view can be shared.
 */
import type { GraphNodeKind, Status } from '../gql/graphql';

export type QuestionState =
  | { name: 'suppliers'; of: string; excluding: string[] }
  | { name: 'exclusivities'; org: string }
  | { name: 'concentration'; of: string }
  | { name: 'paths'; from: string; to: string; maxHops: number };

export interface ViewState {
  /** The node the view is drawn around (null: nothing chosen yet). */
  root: string | null;
  depth: number;
  /** The day the graph is drawn as of; null: every fact, ended ones included. */
  asOf: string | null;
  selected: string | null;
  expanded: string[];
  hidden: string[];
  pinned: string[];
  /** Node kinds drawn. */
  kinds: GraphNodeKind[];
  /** Statuses of facts drawn; null: all. */
  statuses: Status[] | null;
  /** Amount range of deals drawn, in billions of US dollars (deals of unknown amount stay). */
  minBn: number | null;
  maxBn: number | null;
  /** Show only what lies within this many steps of the selection. */
  focusDegrees: number | null;
  question: QuestionState | null;
}

export const ALL_KINDS: readonly GraphNodeKind[] = ['ORGANIZATION', 'CHIP', 'CLOUD_SERVICE', 'DEAL', 'EXCLUSIVITY', 'SOURCE'];
export const DEFAULT_KINDS: readonly GraphNodeKind[] = ['ORGANIZATION', 'CHIP', 'CLOUD_SERVICE', 'DEAL', 'EXCLUSIVITY'];
export const ALL_STATUSES: readonly Status[] = [
  'RUMOURED',
  'REPORTED',
  'IN_TALKS',
  'ANNOUNCED',
  'SIGNED',
  'ACTIVE',
  'COMPLETED',
  'EXPIRED',
  'TERMINATED',
  'SUPERSEDED',
  'CALLED_OFF',
];
export const DEFAULT_DEPTH = 2;

export const defaultState = (): ViewState => ({
  root: null,
  depth: DEFAULT_DEPTH,
  asOf: null,
  selected: null,
  expanded: [],
  hidden: [],
  pinned: [],
  kinds: [...DEFAULT_KINDS],
  statuses: null,
  minBn: null,
  maxBn: null,
  focusDegrees: null,
  question: null,
});

const list = (v: string | null): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const num = (v: string | null): number | null => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = defaultState();
  s.root = p.get('node') || null;
  s.depth = clamp(num(p.get('depth')) ?? DEFAULT_DEPTH, 1, 3);
  s.asOf = isDate(p.get('asOf')) ? p.get('asOf') : null;
  s.selected = p.get('sel') || null;
  s.expanded = list(p.get('expand'));
  s.hidden = list(p.get('hide'));
  s.pinned = list(p.get('pin'));
  if (p.has('kinds')) s.kinds = list(p.get('kinds')).filter((k): k is GraphNodeKind => (ALL_KINDS as string[]).includes(k));
  if (p.has('statuses')) s.statuses = list(p.get('statuses')).filter((k): k is Status => (ALL_STATUSES as string[]).includes(k));
  s.minBn = num(p.get('minBn'));
  s.maxBn = num(p.get('maxBn'));
  const focus = num(p.get('focus'));
  s.focusDegrees = focus === null ? null : clamp(focus, 1, 6);
  const q = p.get('q');
  if (q === 'suppliers') s.question = { name: q, of: p.get('of') || 'openai', excluding: list(p.get('excluding')) };
  else if (q === 'exclusivities') s.question = { name: q, org: p.get('org') || 'openai' };
  else if (q === 'concentration') s.question = { name: q, of: p.get('of') || 'openai' };
  else if (q === 'paths')
    s.question = { name: q, from: p.get('from') || 'amazon', to: p.get('to') || 'microsoft', maxHops: clamp(num(p.get('maxHops')) ?? 3, 1, 6) };
  return s;
}

/** The query string of a state (defaults left out, so shared links stay short). */
export function writeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.root) p.set('node', s.root);
  if (s.depth !== DEFAULT_DEPTH) p.set('depth', String(s.depth));
  if (s.asOf) p.set('asOf', s.asOf);
  if (s.selected) p.set('sel', s.selected);
  if (s.expanded.length) p.set('expand', s.expanded.join(','));
  if (s.hidden.length) p.set('hide', s.hidden.join(','));
  if (s.pinned.length) p.set('pin', s.pinned.join(','));
  if (s.kinds.join(',') !== DEFAULT_KINDS.join(',')) p.set('kinds', s.kinds.join(','));
  if (s.statuses) p.set('statuses', s.statuses.join(','));
  if (s.minBn !== null) p.set('minBn', String(s.minBn));
  if (s.maxBn !== null) p.set('maxBn', String(s.maxBn));
  if (s.focusDegrees !== null) p.set('focus', String(s.focusDegrees));
  const q = s.question;
  if (q) {
    p.set('q', q.name);
    if (q.name === 'suppliers') {
      p.set('of', q.of);
      if (q.excluding.length) p.set('excluding', q.excluding.join(','));
    } else if (q.name === 'exclusivities') p.set('org', q.org);
    else if (q.name === 'concentration') p.set('of', q.of);
    else {
      p.set('from', q.from);
      p.set('to', q.to);
      p.set('maxHops', String(q.maxHops));
    }
  }
  const text = p.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
