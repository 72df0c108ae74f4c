/**
 * `exclusivities(holder, grantor, asOf)`: exclusivities in force on a date, by holder and grantor
 * (either may be absent). With a holder or a grantor the statement starts from that organization
 * (one primary-key match and one hop) instead of joining every HOLDS with every GRANTS
 * relationship. The suppliers question reads the exclusivities a customer granted from here too.
 */
import { columnsOf } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** `$holder` and `$grantor` ('' for any), `$asOf`; rows carry `holderId` and `grantorId`. */
const exclusivities = (name: string, start: string): Query => ({
  name: `q.exclusivities.${name}`,
  cypher:
    `${start} ` +
    `WHERE ($holder = '' OR h.id = $holder) AND ($grantor = '' OR g.id = $grantor) AND ${inForceCypher('x')} ` +
    `RETURN ${columnsOf('Exclusivity', 'x')}, h.id AS holderId, g.id AS grantorId ORDER BY x.announcedOn, x.id`,
});
export const EXCLUSIVITIES = {
  any: exclusivities('any', 'MATCH (h:Organization)-[:HOLDS]->(x:Exclusivity) MATCH (g:Organization)-[:GRANTS]->(x)'),
  ofGrantor: exclusivities('ofGrantor', 'MATCH (g:Organization {id: $grantor})-[:GRANTS]->(x:Exclusivity)<-[:HOLDS]-(h:Organization)'),
  ofHolder: exclusivities('ofHolder', 'MATCH (h:Organization {id: $holder})-[:HOLDS]->(x:Exclusivity)<-[:GRANTS]-(g:Organization)'),
} satisfies Record<string, Query>;

/** Every exclusivity with its holder and grantor, whatever its dates (the supply graph holds them). */
export const ALL_EXCLUSIVITIES: Query = {
  name: 'q.exclusivities.all',
  cypher: `MATCH (h:Organization)-[:HOLDS]->(x:Exclusivity) MATCH (g:Organization)-[:GRANTS]->(x) RETURN ${columnsOf('Exclusivity', 'x')}, h.id AS holderId, g.id AS grantorId`,
};

/** The order of `exclusivitiesInForce`: oldest first, then by id. */
export const byAnnouncement = (a: Row, b: Row) => compare(String(a.announcedOn), String(b.announcedOn)) || compare(String(a.id), String(b.id));
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Exclusivities in force on `asOf`, by holder and grantor (null for any), oldest first. */
export async function exclusivitiesInForce(store: GraphStore, holder: string | null, grantor: string | null, when: When): Promise<Row[]> {
  const query = grantor ? EXCLUSIVITIES.ofGrantor : holder ? EXCLUSIVITIES.ofHolder : EXCLUSIVITIES.any;
  return store.read(query, { holder: holder ?? '', grantor: grantor ?? '', ...whenParams(when) });
}
