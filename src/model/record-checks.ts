/**
 * Rules between the fields of one record (a deal's dates, its status and its history), named
 * by the record declarations in records.ts. Each returns the problems it finds as
 * [path inside the record, message].
 */
import { ENDED_STATUSES } from './vocabulary.ts';

type Obj = Record<string, unknown>;
export type CheckPath = (string | number)[];
export type RecordCheck = (record: Obj) => [CheckPath, string][];

const isEnded = (status: unknown) => (ENDED_STATUSES as readonly unknown[]).includes(status);

/** An ended status needs the day it ended; a live one has none. */
export const endedMatchesStatus: RecordCheck = (r) => {
  const ended = isEnded(r.status);
  if (ended && !r.endedOn) return [[['endedOn'], `required when status is ${String(r.status)}`]];
  if (!ended && r.endedOn) return [[['endedOn'], `must be absent while status is ${String(r.status)} (use expired, terminated, superseded or called_off)`]];
  return [];
};

/** `later` is not before `earlier` when both are given. */
export const datesInOrder =
  (earlier: string, later: string): RecordCheck =>
  (r) =>
    r[earlier] && r[later] && String(r[earlier]) > String(r[later])
      ? [[[later], `${later} (${String(r[later])}) is before ${earlier} (${String(r[earlier])})`]]
      : [];

/** A retraction says when and why, and nothing says why without saying when. */
export const retractionComplete: RecordCheck = (r) => {
  if (r.retractedOn && !r.retractionReason) return [[['retractionReason'], 'required when retractedOn is given']];
  if (!r.retractedOn && (r.retractionReason || r.retractionSource)) return [[['retractedOn'], 'required when the record says why it was retracted']];
  return [];
};

const historyOf = (r: Obj) => (r.statusHistory as Obj[] | null | undefined) ?? [];

export const historyInDateOrder: RecordCheck = (r) => {
  const history = historyOf(r);
  const out: [CheckPath, string][] = [];
  history.forEach((h, i) => {
    if (i > 0 && String(h.on) < String(history[i - 1]!.on)) out.push([['statusHistory', i, 'on'], 'status history must be in date order']);
  });
  return out;
};

/** The status is where the history ends. */
export const historyMatchesStatus: RecordCheck = (r) => {
  const last = historyOf(r).at(-1);
  return last && last.status !== r.status ? [[['status'], `is ${String(r.status)} but the status history ends with ${String(last.status)}`]] : [];
};

/** No organization twice in the same role; only investors lead. */
export const partiesDistinct: RecordCheck = (r) => {
  const out: [CheckPath, string][] = [];
  const seen = new Set<string>();
  ((r.parties as Obj[] | undefined) ?? []).forEach((p, i) => {
    const k = `${String(p.org)}/${String(p.role)}`;
    if (seen.has(k)) out.push([['parties', i], `${String(p.org)} is listed twice as ${String(p.role)}`]);
    if (p.lead != null && p.role !== 'investor') out.push([['parties', i, 'lead'], 'only an investor can lead a round']);
    seen.add(k);
  });
  return out;
};

/** A restriction bears on named countries or on the whole world (less its exemptions), and says which. */
export const countriesOrWorldwide: RecordCheck = (r) => {
  const named = ((r.countries as unknown[] | null | undefined) ?? []).length > 0;
  const exempt = ((r.exemptCountries as unknown[] | null | undefined) ?? []).length > 0;
  if (r.worldwide === true && named) return [[['countries'], 'must be empty when worldwide is true (list the exceptions in exemptCountries)']];
  if (r.worldwide !== true && !named) return [[['countries'], 'required unless worldwide is true: name the countries the restriction bears on']];
  if (r.worldwide !== true && exempt) return [[['exemptCountries'], 'only a worldwide restriction has exempt countries']];
  return [];
};
