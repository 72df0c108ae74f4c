/**
 * What bears on a channel (a way to have a lab's models) and on a cloud, in one place:
 *
 * - which exclusivity scopes a channel of each access kind falls under, so that an exclusivity
 *   the lab granted, in force on the day and covering one of them, governs the channel even
 *   when the record does not link the two (an exclusive on the lab's API distribution governs
 *   every cloud platform that serves that API);
 * - which restricted items bear on a channel of each access kind, and on a cloud;
 * - whether a restriction bears on a country: it names the country, or it is worldwide and does
 *   not exempt it.
 *
 * The README's access section shows the same tables.
 */
import type { AccessKind, ExclusivityScope, RestrictedItem } from '../../model/vocabulary.ts';

/** Exclusivity scopes a channel of this access kind falls under. */
export const ACCESS_SCOPES: Readonly<Record<AccessKind, readonly ExclusivityScope[]>> = {
  // The lab's own API runs on someone's cloud: an exclusive on hosting its models bears on it.
  own_api: ['cloud_hosting'],
  // A cloud's model platform hosts the models and resells their API and products.
  cloud_platform: ['cloud_hosting', 'api_distribution', 'product_distribution'],
  marketplace: ['api_distribution', 'product_distribution'],
  reseller: ['api_distribution', 'product_distribution'],
  // Running the models in someone else's data centre takes a licence to them.
  on_premises: ['model_license'],
  // Published weights are had by anyone under their licence: no exclusivity restricts them.
  open_weights: [],
};

/** Restricted items that bear on a channel of this access kind. */
export const ACCESS_ITEMS: Readonly<Record<AccessKind, readonly RestrictedItem[]>> = {
  own_api: ['models', 'cloud_access'],
  cloud_platform: ['models', 'cloud_access'],
  marketplace: ['models', 'cloud_access'],
  reseller: ['models', 'cloud_access'],
  // The asker runs the models on its own hardware: chips and weights must reach it.
  on_premises: ['models', 'model_weights', 'chips'],
  open_weights: ['models', 'model_weights'],
};

/** Restricted items that bear on renting a cloud: access to its compute, and the chips it runs on. */
export const CLOUD_ITEMS: readonly RestrictedItem[] = ['cloud_access', 'chips'];

/** True when an exclusivity covering `covers` governs a channel of `access`. */
export function governsChannel(covers: readonly string[], access: AccessKind): boolean {
  const scopes = ACCESS_SCOPES[access] ?? [];
  return covers.some((c) => scopes.includes(c as ExclusivityScope));
}

/** True when a restriction restricting `restricts` bears on something needing `items`. */
export function restrictsAny(restricts: readonly string[], items: readonly RestrictedItem[]): boolean {
  return restricts.some((r) => items.includes(r as RestrictedItem));
}

/** Where a restriction applies, as rows carry it. */
export interface RestrictionReach {
  readonly countries?: readonly string[] | null;
  readonly worldwide?: boolean | null;
  readonly exemptCountries?: readonly string[] | null;
}

/** True when the restriction bears on `country` (an ISO 3166-1 alpha-2 code). */
export function bearsOnCountry(r: RestrictionReach, country: string): boolean {
  if (r.worldwide) return !(r.exemptCountries ?? []).includes(country);
  return (r.countries ?? []).includes(country);
}
