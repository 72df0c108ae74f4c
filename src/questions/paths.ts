/**
 * `paths(from, to, maxHops, asOf, knownOn, statuses)`: how two organizations connect on a day,
 * the shortest chains of deals, exclusivities and control links that held then. A hop is one
 * organization-to-organization step: through a deal or an exclusivity (two relationships) or a
 * control link (one).
 *
 * A deal or exclusivity may be walked through when it is not retracted, was announced by `asOf`
 * and known by `knownOn`, and its status on `asOf` (rules/status-on.ts) is a live one other than
 * `rumoured`, the fact being in force that day (rules/in-force.ts); `statuses` widens that set:
 * naming `rumoured` or an ended status lets facts with that status on the day through as well.
 * A control link may be walked on the days it holds (rules/control-closure.ts).
 *
 * The search goes breadth first from `from`, one hop per round: each round reads the facts next
 * to the organizations reached last (their dates filtered in the statement, their status on the
 * day in memory) and the facts' other parties. The engines' shortest-path patterns cannot serve:
 * on LadybugDB a filter inside one cannot read a parameter, so it cannot take the date.
 */
import { PARTY_ROLES } from '../model/graph-model.ts';
import { ENDED_STATUSES, STATUSES, type Status } from '../model/vocabulary.ts';
import { childIndex } from '../records/records-to-graph.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';
import type { ControlGraph } from './rules/control-closure.ts';
import { confidentCypher, inForceCypher, knownByCypher, whenParams, type When } from './rules/in-force.ts';
import { statusOn } from './rules/status-on.ts';

/** Paths returned at most (the shortest ones, in a stable order). */
export const MAX_PATHS = 25;

/** What a path may walk through by default: live facts, not rumoured. */
export const DEFAULT_PATH_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== 'rumoured' && !(ENDED_STATUSES as readonly string[]).includes(s));

/** Every (relationship type, fact label) through which an organization takes part in a fact. */
const FACT_LINKS: readonly (readonly [string, 'Deal' | 'Exclusivity'])[] = [
  ...Object.values(PARTY_ROLES).map((t) => [t, 'Deal'] as const),
  ['HOLDS', 'Exclusivity'],
  ['GRANTS', 'Exclusivity'],
];

/** A fact on `f` that may be on a path: not retracted, announced and known by the day, and in force unless `$endedToo`. */
const FACT_ON_DAY = `f.retractedOn IS NULL AND f.announcedOn <= date($asOf) AND ${knownByCypher('f')} AND ${confidentCypher('f')} AND ($endedToo OR (${inForceCypher('f')}))`;

/** The facts next to the organizations `$orgs` that may be on a path on `$asOf`, with the fields the status rule needs. */
export const PATH_FACTS: Query = {
  name: 'q.paths.facts',
  serial: true,
  cypher: FACT_LINKS.map(
    ([type, label]) =>
      `UNWIND $orgs AS id MATCH (o:Organization {id: id})-[:${type}]->(f:${label}) WHERE ${FACT_ON_DAY} ` +
      `RETURN o.id AS org, '${type}' AS rel, f.id AS fact, f.status AS status, f.announcedOn AS announcedOn, f.endedOn AS endedOn, f.knownSince AS knownSince`,
  ).join(' UNION ALL '),
};

/** The parties of the facts `$facts` (deals and exclusivities), each with its relationship type. */
export const PATH_FACT_PARTIES: Query = {
  name: 'q.paths.parties',
  serial: true,
  cypher: FACT_LINKS.map(
    ([type, label]) => `UNWIND $facts AS id MATCH (f:${label} {id: id})<-[:${type}]-(o:Organization) RETURN f.id AS fact, '${type}' AS rel, o.id AS org`,
  ).join(' UNION ALL '),
};

/** The status histories of the facts `$facts`, with the day each entry became known. */
export const PATH_FACT_HISTORIES: Query = {
  name: 'q.paths.histories',
  serial: true,
  cypher: (['Deal', 'Exclusivity'] as const)
    .map(
      (label) =>
        `UNWIND $facts AS id MATCH (f:${label} {id: id})-[:HAS_STATUS]->(s:StatusEntry) ` +
        'RETURN f.id AS fact, s.id AS entry, s.status AS status, s.changedOn AS changedOn, s.knownSince AS knownSince',
    )
    .join(' UNION ALL '),
};

export const PATH_STATEMENTS: readonly Query[] = [PATH_FACTS, PATH_FACT_PARTIES, PATH_FACT_HISTORIES];

export interface PathStep {
  from: string;
  to: string;
  relationship: string;
}

export interface Path {
  hops: number;
  nodeIds: string[];
  steps: PathStep[];
}

export interface PathsRequest {
  from: string;
  to: string;
  maxHops: number;
  when: When;
  /** Statuses on `when.asOf` that let a fact through besides DEFAULT_PATH_STATUSES. */
  statuses: readonly Status[];
}

/** One way to reach an organization from one reached a round before: one or two steps. */
interface Arrival {
  prev: string;
  steps: PathStep[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The facts among `rows` whose status on the day is one of `allowed`. */
async function factsWithStatus(store: GraphStore, rows: Record<string, unknown>[], when: When, allowed: ReadonlySet<string>): Promise<Set<string>> {
  const facts = new Map<string, Record<string, unknown>>();
  for (const r of rows) facts.set(String(r.fact), r);
  if (!facts.size) return new Set();
  const histories = new Map<string, { entry: string; status: Status; on: string; knownOn: string | null }[]>();
  for (const h of await store.read(PATH_FACT_HISTORIES, { facts: [...facts.keys()] })) {
    const list = histories.get(String(h.fact)) ?? [];
    list.push({ entry: String(h.entry), status: h.status as Status, on: String(h.changedOn), knownOn: str(h.knownSince) });
    histories.set(String(h.fact), list);
  }
  const ok = new Set<string>();
  for (const [id, f] of facts) {
    const history = (histories.get(id) ?? []).sort((a, b) => childIndex(a.entry) - childIndex(b.entry));
    const status = statusOn(
      { status: f.status as Status, announcedOn: String(f.announcedOn), endedOn: str(f.endedOn), knownOn: str(f.knownSince), history },
      when.asOf,
      when.knownOn,
    );
    if (status !== null && allowed.has(status)) ok.add(id);
  }
  return ok;
}

/** The shortest paths within `maxHops` on the day asked, each node sequence once, in a stable order. */
export async function shortestPaths(store: GraphStore, control: ControlGraph, r: PathsRequest): Promise<Path[]> {
  const allowed = new Set<string>([...DEFAULT_PATH_STATUSES, ...(r.statuses ?? [])]);
  const endedToo = [...allowed].some((s) => (ENDED_STATUSES as readonly string[]).includes(s));
  const params = { ...whenParams(r.when), endedToo };
  const round = new Map<string, number>([[r.from, 0]]);
  const arrivals = new Map<string, Arrival[]>();
  const judged = new Map<string, boolean>();
  const parties = new Map<string, { org: string; rel: string }[]>();
  let frontier = [r.from];

  const arrive = (org: string, hop: number, arrival: Arrival) => {
    const seen = round.get(org);
    if (seen !== undefined && seen !== hop) return;
    if (seen === undefined) round.set(org, hop);
    arrivals.set(org, [...(arrivals.get(org) ?? []), arrival]);
  };

  for (let hop = 1; hop <= r.maxHops && frontier.length && !round.has(r.to); hop++) {
    for (const org of frontier) {
      for (const other of control.directlyControlledBy(org)) arrive(other, hop, { prev: org, steps: [{ from: org, to: other, relationship: 'CONTROLS' }] });
      for (const other of control.directControllersOf(org)) arrive(other, hop, { prev: org, steps: [{ from: org, to: other, relationship: 'CONTROLS' }] });
    }
    const near = await store.read(PATH_FACTS, { ...params, orgs: frontier });
    const unjudged = near.filter((f) => !judged.has(String(f.fact)));
    const ok = await factsWithStatus(store, unjudged, r.when, allowed);
    for (const f of unjudged) judged.set(String(f.fact), ok.has(String(f.fact)));
    const walkable = [...new Set(near.map((f) => String(f.fact)).filter((id) => judged.get(id)))];
    const unread = walkable.filter((id) => !parties.has(id));
    if (unread.length) {
      for (const id of unread) parties.set(id, []);
      for (const p of await store.read(PATH_FACT_PARTIES, { facts: unread })) parties.get(String(p.fact))!.push({ org: String(p.org), rel: String(p.rel) });
    }
    for (const f of near) {
      const fact = String(f.fact);
      if (!judged.get(fact)) continue;
      const org = String(f.org);
      for (const p of parties.get(fact)!) {
        if (p.org === org || (round.has(p.org) && round.get(p.org)! < hop)) continue;
        arrive(p.org, hop, {
          prev: org,
          steps: [
            { from: org, to: fact, relationship: String(f.rel) },
            { from: fact, to: p.org, relationship: p.rel },
          ],
        });
      }
    }
    frontier = [...round].filter(([, h]) => h === hop).map(([id]) => id);
  }
  return round.has(r.to) ? unwind(r.from, r.to, round.get(r.to)!, arrivals) : [];
}

const stepKey = (a: Arrival) => `${a.prev}>${a.steps.map((s) => `${s.to}/${s.relationship}`).join('>')}`;

/** The paths that end at `to`, walked back through the arrivals, at most MAX_PATHS, sorted. */
function unwind(from: string, to: string, hops: number, arrivals: Map<string, Arrival[]>): Path[] {
  const out = new Map<string, Path>();
  const back = (org: string, tail: PathStep[]) => {
    if (out.size >= MAX_PATHS) return;
    if (org === from) {
      const nodeIds = [from, ...tail.map((s) => s.to)];
      const key = nodeIds.join('>');
      if (!out.has(key)) out.set(key, { hops, nodeIds, steps: tail });
      return;
    }
    for (const a of [...(arrivals.get(org) ?? [])].sort((x, y) => (stepKey(x) < stepKey(y) ? -1 : 1))) back(a.prev, [...a.steps, ...tail]);
  };
  back(to, []);
  return [...out.values()].sort((a, b) => (a.nodeIds.join() < b.nodeIds.join() ? -1 : 1));
}
