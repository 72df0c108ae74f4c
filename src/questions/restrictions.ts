/**
 * `restrictions(country, asOf, knownOn)`: the government measures in force on a day (on both
 * clocks, rules/in-force.ts) that bear on a country (rules/channel-scope.ts: named, or worldwide
 * and not exempt), oldest first, each with the organizations it names. A measure announced but
 * not yet in effect is in force in this sense: it is law or policy that day and bears on plans;
 * `inEffect` tells the two apart.
 */
import type { Status } from '../model/vocabulary.ts';
import { columnsOf } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { bearsOnCountry } from './rules/channel-scope.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** Restrictions in force on `$asOf`, with their issuer. */
export const RESTRICTIONS_IN_FORCE: Query = {
  name: 'q.restrictions.inForce',
  cypher: `MATCH (i:Organization)-[:ISSUES]->(r:Restriction) WHERE ${inForceCypher('r')} RETURN ${columnsOf('Restriction', 'r')}, i.id AS issuerId ORDER BY r.announcedOn, r.id`,
};

/** `$ids`: restrictions; the organizations each names. */
export const RESTRICTION_TARGETS: Query = {
  name: 'q.restrictions.targets',
  cypher: 'UNWIND $ids AS id MATCH (r:Restriction {id: id})-[:TARGETS]->(o:Organization) RETURN r.id AS restriction, o.id AS target',
};

export const RESTRICTION_STATEMENTS: readonly Query[] = [RESTRICTIONS_IN_FORCE, RESTRICTION_TARGETS];

export interface RestrictionFacts {
  row: Row;
  id: string;
  issuerId: string;
  targetIds: string[];
}

/** The restrictions in force on `when` that bear on `country` (null: on any country). */
export async function restrictionsOn(store: GraphStore, country: string | null, when: When): Promise<RestrictionFacts[]> {
  const rows = (await store.read(RESTRICTIONS_IN_FORCE, whenParams(when))).filter(
    (r) =>
      country === null ||
      bearsOnCountry(
        { countries: r.countries as string[] | null, worldwide: r.worldwide as boolean | null, exemptCountries: r.exemptCountries as string[] | null },
        country,
      ),
  );
  const out = rows.map(({ issuerId, ...row }) => ({ row, id: String(row.id), issuerId: String(issuerId), targetIds: [] as string[] }));
  if (out.length) {
    const byId = new Map(out.map((r) => [r.id, r]));
    for (const t of await store.read(RESTRICTION_TARGETS, { ids: [...byId.keys()] })) byId.get(String(t.restriction))?.targetIds.push(String(t.target));
    for (const r of out) r.targetIds.sort();
  }
  return out;
}

/** Statuses of a measure that has taken effect. */
const EFFECTIVE: readonly Status[] = ['active', 'signed', 'completed'];

/**
 * Whether the restriction is in effect on `asOf`: its `validFrom` is on or before it, or, when the
 * record gives none, its status that day (`statusOnDay`) says it took effect (active, signed,
 * completed) rather than only announced.
 */
export const inEffect = (row: Row, asOf: string, statusOnDay: Status): boolean =>
  row.validFrom != null ? String(row.validFrom) <= asOf : EFFECTIVE.includes(statusOnDay);
