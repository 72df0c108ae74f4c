/**
 * What a view is: the node it is drawn around, how far, on which date, what is expanded,
 * hidden, pinned, filtered and asked. All of it lives in the URL, so a view can be shared.
 */
import type { GraphNodeKind, Status } from '../gql/graphql';
import type { ArgValue, QuestionState } from '../questions/question';
import { QUESTIONS, questionNamed } from '../questions/registry';

export type { QuestionState } from '../questions/question';

/** Style rules: what node colour and size stand for. */
export const COLOR_RULES = ['kind', 'status', 'community'] as const;
export const SIZE_RULES = ['kind', 'degree', 'betweenness'] as const;
export type ColorRule = (typeof COLOR_RULES)[number];
export type SizeRule = (typeof SIZE_RULES)[number];

export interface ViewState {
  /** The node the view is drawn around (null: nothing chosen yet). */
  root: string | null;
  depth: number;
  /** The day the graph is drawn as of; null: every fact, ended ones included, statuses of today. */
  asOf: string | null;
  /** The record clock: only what sources published by this day said; null: everything recorded. */
  knownOn: string | null;
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
  /** Fade everything but the answer. */
  focusAnswer: boolean;
  /** Draw deals between organizations as one grouped link per pair. */
  groupDeals: boolean;
  colorBy: ColorRule;
  sizeBy: SizeRule;
  /** What is wrong with the link the view was read from (shown, never guessed around). */
  linkErrors: string[];
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
  knownOn: null,
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
  focusAnswer: false,
  groupDeals: false,
  colorBy: 'kind',
  sizeBy: 'kind',
  linkErrors: [],
});

const list = (v: string | null): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const num = (v: string | null): number | null => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
/** A real calendar day written YYYY-MM-DD (2025-02-30 is not one). */
export const isDate = (v: string | null): v is string =>
  !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

function readDay(p: URLSearchParams, name: string, errors: string[]): string | null {
  const v = p.get(name);
  if (v === null || v === '') return null;
  if (isDate(v)) return v;
  errors.push(`“${name}=${v}” is not a day written YYYY-MM-DD.`);
  return null;
}

/** A question named by a link, its fields read from their parameters; errors name what is missing or wrong. */
function readQuestion(p: URLSearchParams, errors: string[]): QuestionState | null {
  const name = p.get('q');
  if (!name) return null;
  const spec = questionNamed(name);
  if (!spec) {
    errors.push(`The link asks “q=${name}”, which is not a question here (${QUESTIONS.map((q) => q.name).join(', ')}).`);
    return null;
  }
  const args: Record<string, ArgValue> = {};
  for (const f of spec.fields) {
    const raw = p.get(f.param)?.trim() ?? '';
    if (!raw) {
      if (f.required) errors.push(`The ${spec.name} question needs “${f.param}” (${f.label.toLowerCase()}).`);
      args[f.param] = f.initial;
      if (f.type === 'organizations') args[f.param] = [];
    } else if (f.type === 'integer') {
      const n = Number(raw);
      if (!Number.isInteger(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max))
        errors.push(`“${f.param}=${raw}” must be a whole number from ${f.min} to ${f.max}.`);
      args[f.param] = Number.isInteger(n) ? n : f.initial;
    } else if (f.type === 'organizations') args[f.param] = list(raw).map((v) => v.toLowerCase());
    else args[f.param] = raw.toLowerCase();
  }
  return { name, args };
}

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = defaultState();
  const errors: string[] = [];
  s.question = readQuestion(p, errors);
  // A link that names a question and no node draws around the question's subject.
  s.root = p.get('node') || (s.question && !errors.length ? questionNamed(s.question.name)!.subject(s.question.args) : null);
  s.depth = clamp(num(p.get('depth')) ?? DEFAULT_DEPTH, 1, 3);
  s.asOf = readDay(p, 'asOf', errors);
  s.knownOn = readDay(p, 'knownOn', errors);
  s.selected = p.get('sel') || (p.get('node') ? null : s.root);
  s.expanded = list(p.get('expand'));
  s.hidden = list(p.get('hide'));
  s.pinned = list(p.get('pin'));
  if (p.has('kinds')) s.kinds = list(p.get('kinds')).filter((k): k is GraphNodeKind => (ALL_KINDS as string[]).includes(k));
  if (p.has('statuses')) s.statuses = list(p.get('statuses')).filter((k): k is Status => (ALL_STATUSES as string[]).includes(k));
  s.minBn = num(p.get('minBn'));
  s.maxBn = num(p.get('maxBn'));
  const focus = num(p.get('focus'));
  s.focusDegrees = focus === null ? null : clamp(focus, 1, 6);
  s.focusAnswer = p.get('fade') === '1';
  s.groupDeals = p.get('group') === 'deals';
  const color = p.get('color');
  const size = p.get('size');
  if (color) {
    if ((COLOR_RULES as readonly string[]).includes(color)) s.colorBy = color as ColorRule;
    else errors.push(`“color=${color}” is not a colour rule (${COLOR_RULES.join(', ')}).`);
  }
  if (size) {
    if ((SIZE_RULES as readonly string[]).includes(size)) s.sizeBy = size as SizeRule;
    else errors.push(`“size=${size}” is not a size rule (${SIZE_RULES.join(', ')}).`);
  }
  s.linkErrors = errors;
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
  if (s.knownOn) p.set('knownOn', s.knownOn);
  if (s.focusAnswer) p.set('fade', '1');
  if (s.groupDeals) p.set('group', 'deals');
  if (s.colorBy !== 'kind') p.set('color', s.colorBy);
  if (s.sizeBy !== 'kind') p.set('size', s.sizeBy);
  const q = s.question;
  if (q) {
    p.set('q', q.name);
    for (const [k, v] of Object.entries(q.args)) {
      if (Array.isArray(v)) {
        if (v.length) p.set(k, v.join(','));
      } else p.set(k, String(v));
    }
  }
  const text = p.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}
