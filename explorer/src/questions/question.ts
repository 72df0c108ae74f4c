/**
 * What a question is, declared once: its name in links (`q=`), its tab and form fields (each
 * field is a URL parameter), the node the view is drawn around while it shows, and how to ask
 * the API. The panel, the URL and the answer view are all built from these declarations: a new
 * question is one file exporting a `QuestionSpec`, listed in ./registry.ts.
 */
import type { Answer } from './answer';

export type ArgValue = string | string[] | number;
export type Args = Readonly<Record<string, ArgValue>>;

export interface Field {
  /** The URL parameter and the key in `Args`. */
  readonly param: string;
  readonly label: string;
  /** One organization (id or name), a comma-separated list of them, or a whole number. */
  readonly type: 'organization' | 'organizations' | 'integer';
  /** What the form shows before the user types (never used to fill a link's missing argument). */
  readonly initial: ArgValue;
  /** A link without a required field is an error; an optional one falls back to `initial`. */
  readonly required: boolean;
  readonly min?: number;
  readonly max?: number;
}

/** The two clocks every answer is asked on: valid time (asOf) and record time (knownOn); null: today, everything recorded. */
export interface Day {
  readonly asOf: string | null;
  readonly knownOn: string | null;
}

export interface QuestionSpec {
  /** The `q=` of links. */
  readonly name: string;
  /** The tab's label. */
  readonly tab: string;
  readonly title: string;
  /** The run button's label. */
  readonly button: string;
  readonly fields: readonly Field[];
  /** The node the view is drawn around while this question's answer shows. */
  subject(args: Args): string;
  ask(args: Args, day: Day): Promise<Answer>;
}

export interface QuestionState {
  readonly name: string;
  readonly args: Args;
}

/** Typed readers of a question's arguments (the URL and the form validate them first). */
export const text = (args: Args, key: string): string => String(args[key] ?? '');
export const list = (args: Args, key: string): string[] => {
  const v = args[key];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)];
};
export const int = (args: Args, key: string): number => Number(args[key]);
