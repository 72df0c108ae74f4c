/**
 * The deal filter (the `DealFilter` argument of `deals` and `Organization.deals`), as Cypher on
 * `d` and as the parameters it reads. Optional filters never use null parameters: LadybugDB types
 * a null parameter as BOOL and then fails to compare it, so every optional filter comes with a
 * boolean switch (`$useKinds`) or a sentinel ('' for "any id", far dates for open ranges), and an
 * empty list is padded with a value no deal has (an empty list parameter binds as NULL there).
 */
import { PARTY_ROLES } from '../../model/graph-model.ts';
import type { Params } from '../../store/graph-store.ts';
import type { Confidence } from '../../model/vocabulary.ts';
import { confidencesFrom } from './confidence.ts';
import { confidentCypher, inForceCypher, knownByCypher, LATEST_DAY } from './in-force.ts';

/** Every party relationship type, as a Cypher type alternation. */
export const ALL_ROLES = Object.values(PARTY_ROLES).join('|');

export interface DealFilterInput {
  party?: string | null;
  counterparty?: string | null;
  kinds?: readonly string[] | null;
  statuses?: readonly string[] | null;
  announcedFrom?: string | null;
  announcedTo?: string | null;
  asOf?: string | null;
  knownOn?: string | null;
  minConfidence?: Confidence | null;
  minAmountUsd?: number | null;
  maxAmountUsd?: number | null;
  includeRetracted?: boolean | null;
}

export const HIDE_RETRACTED = '(NOT $hideRetracted OR d.retractedOn IS NULL)';

/** The filter on `d` except the party (which the party-anchored statements match first). */
export const DEAL_FILTER_REST = [
  `($counterparty = '' OR EXISTS { MATCH (c:Organization {id: $counterparty})-[:${ALL_ROLES}]->(d) })`,
  '(NOT $useKinds OR d.kind IN $kinds)',
  '(NOT $useStatuses OR d.status IN $statuses)',
  'd.announcedOn >= date($announcedFrom) AND d.announcedOn <= date($announcedTo)',
  `(NOT $useAsOf OR (${inForceCypher('d')}))`,
  `(NOT $useKnownOn OR ${knownByCypher('d')})`,
  confidentCypher('d'),
  '(NOT $useMin OR d.amountUsd >= $minAmountUsd)',
  '(NOT $useMax OR d.amountUsd <= $maxAmountUsd)',
  HIDE_RETRACTED,
].join(' AND ');

/** The whole filter on `d`, party included. */
export const DEAL_FILTER = `($party = '' OR EXISTS { MATCH (p:Organization {id: $party})-[:${ALL_ROLES}]->(d) }) AND ${DEAL_FILTER_REST}`;

/**
 * The deals of `$party` that pass `where`, bound to `d`. Starting from the party finds its deals
 * through its relationships instead of testing an EXISTS subquery on every deal of the graph.
 */
export const partyDeals = (where: string) => `MATCH (p:Organization {id: $party})-[:${ALL_ROLES}]->(x:Deal) WITH DISTINCT x AS d WHERE ${where}`;

const nonEmpty = (xs: readonly string[] | null | undefined) => (xs?.length ? [...xs] : ['']);

/** The parameters of `DEAL_FILTER` for a filter (switches and sentinels, never nulls). */
export function dealFilterParams(f: DealFilterInput = {}): Params {
  return {
    party: f.party ?? '',
    counterparty: f.counterparty ?? '',
    useKinds: Boolean(f.kinds?.length),
    kinds: nonEmpty(f.kinds),
    useStatuses: Boolean(f.statuses?.length),
    statuses: nonEmpty(f.statuses),
    announcedFrom: f.announcedFrom ?? '0001-01-01',
    announcedTo: f.announcedTo ?? '9999-12-31',
    useAsOf: Boolean(f.asOf),
    asOf: f.asOf ?? '9999-12-31',
    useKnownOn: Boolean(f.knownOn),
    knownOn: f.knownOn ?? LATEST_DAY,
    confidences: confidencesFrom(f.minConfidence),
    useMin: f.minAmountUsd != null,
    minAmountUsd: f.minAmountUsd ?? 0,
    useMax: f.maxAmountUsd != null,
    maxAmountUsd: f.maxAmountUsd ?? 0,
    hideRetracted: !f.includeRetracted,
  };
}
