/**
 * GraphQL enums use UPPER_CASE names; the graph stores the lowercase vocabulary values. These
 * maps (derived from the vocabularies) are both Apollo's enum resolvers and codegen's
 * enumValues, so resolvers pass model values through unchanged.
 */
import { PARTY_ROLE_NAMES } from '../model/graph-model.ts';
import {
  ACCESS_KINDS,
  AMOUNT_QUALIFIERS,
  CHIP_KINDS,
  CLOUD_SERVICE_KINDS,
  CONFIDENCES,
  DEAL_KINDS,
  EXCLUSIVITY_KINDS,
  EXCLUSIVITY_SCOPES,
  ORGANIZATION_KINDS,
  RESTRICTED_ITEMS,
  RESTRICTION_KINDS,
  SOURCE_TIERS,
  STATUSES,
  TRANCHE_KINDS,
} from '../model/vocabulary.ts';

function enumMap<T extends string>(values: readonly T[]): Record<Uppercase<T>, T> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<Uppercase<T>, T>;
}

export const GRAPHQL_ENUMS = {
  Status: enumMap(STATUSES),
  SourceTier: enumMap(SOURCE_TIERS),
  Confidence: enumMap(CONFIDENCES),
  AmountQualifier: enumMap(AMOUNT_QUALIFIERS),
  TrancheKind: enumMap(TRANCHE_KINDS),
  ConcentrationMeasure: { USD: 'usd', GW: 'gw' },
  OrganizationKind: enumMap(ORGANIZATION_KINDS),
  ChipKind: enumMap(CHIP_KINDS),
  CloudServiceKind: enumMap(CLOUD_SERVICE_KINDS),
  DealKind: enumMap(DEAL_KINDS),
  PartyRole: enumMap(PARTY_ROLE_NAMES),
  ExclusivityKind: enumMap(EXCLUSIVITY_KINDS),
  ExclusivityScope: enumMap(EXCLUSIVITY_SCOPES),
  AccessKind: enumMap(ACCESS_KINDS),
  RestrictionKind: enumMap(RESTRICTION_KINDS),
  RestrictedItem: enumMap(RESTRICTED_ITEMS),
  ConstraintKind: { EXCLUSIVITY: 'exclusivity', RESTRICTION: 'restriction' },
  GraphNodeKind: {
    ORGANIZATION: 'Organization',
    CHIP: 'Chip',
    CLOUD_SERVICE: 'CloudService',
    DEAL: 'Deal',
    EXCLUSIVITY: 'Exclusivity',
    SOURCE: 'Source',
  },
} as const;
