/**
 * The closed vocabularies of the graph. Seeds, the importer, the API and the explorer all take
 * their allowed values from here, so a new value is added in one place.
 */
export const ORGANIZATION_KINDS = [
  'ai_lab',
  'hyperscaler',
  'cloud_provider',
  'neocloud',
  'chip_designer',
  'foundry',
  'investor',
  'sovereign_fund',
  'government',
  'data_center_operator',
  'energy',
  'conglomerate',
  'other',
] as const;

export const CHIP_KINDS = ['gpu', 'tpu', 'asic', 'cpu', 'wafer_scale', 'lpu', 'other'] as const;

export const CLOUD_SERVICE_KINDS = ['public_cloud', 'gpu_cloud', 'ai_platform', 'supercomputer', 'other'] as const;

export const DEAL_KINDS = [
  'equity_investment',
  'acquisition',
  'compute_contract',
  'chip_supply',
  'custom_silicon',
  'joint_venture',
  'partnership',
  'licensing',
  'debt_financing',
] as const;

/**
 * Status of a deal or an exclusivity, after Wikidata's ranks: nothing is deleted, it is marked.
 * `reported`: the press reports it as agreed, the parties never confirmed it (it never counts as
 * committed); `rumoured`: talked of, not reported as agreed.
 */
export const STATUSES = [
  'rumoured',
  'reported',
  'in_talks',
  'announced',
  'signed',
  'active',
  'completed',
  'expired',
  'terminated',
  'superseded',
  'called_off',
] as const;

/** Statuses that mean the fact no longer holds (its `endedOn` says since when). */
export const ENDED_STATUSES = ['expired', 'terminated', 'superseded', 'called_off'] as const;

/**
 * How close a source is to the fact: `primary` (the parties' own release, filing or blog),
 * `press` (an outlet with its own reporting, or a named wire story), `secondary` (syndication,
 * aggregator, blog).
 */
export const SOURCE_TIERS = ['primary', 'press', 'secondary'] as const;

/** How far a fact can be trusted, lowest first: the rule is src/questions/rules/confidence.ts. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;

export const AMOUNT_QUALIFIERS = ['exact', 'up_to', 'at_least', 'approx'] as const;

/** A tranche of a deal's money: paid or due unconditionally, or only when a condition is met. */
export const TRANCHE_KINDS = ['upfront', 'conditional'] as const;

export const EXCLUSIVITY_KINDS = ['exclusive', 'right_of_first_refusal', 'exclusive_license', 'other'] as const;

/**
 * What an exclusivity covers: hosting of the grantor's models on a cloud, distribution of its API
 * or of its products, a licence to its models or IP, compute capacity, a first right on new
 * capacity, chip supply. Which supplies each restricts: src/questions/rules/scope.ts.
 */
export const EXCLUSIVITY_SCOPES = [
  'cloud_hosting',
  'api_distribution',
  'product_distribution',
  'model_license',
  'compute_capacity',
  'first_right_on_capacity',
  'chip_supply',
] as const;

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type ChipKind = (typeof CHIP_KINDS)[number];
export type CloudServiceKind = (typeof CLOUD_SERVICE_KINDS)[number];
export type DealKind = (typeof DEAL_KINDS)[number];
export type SourceTier = (typeof SOURCE_TIERS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Status = (typeof STATUSES)[number];
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];
export type TrancheKind = (typeof TRANCHE_KINDS)[number];
export type ExclusivityKind = (typeof EXCLUSIVITY_KINDS)[number];
export type ExclusivityScope = (typeof EXCLUSIVITY_SCOPES)[number];
