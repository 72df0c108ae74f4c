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

/**
 * How a lab's models can be had through a channel: the lab's own API or apps (`own_api`), a
 * cloud's model platform that serves them as a managed service (`cloud_platform`: Bedrock,
 * Vertex AI, Foundry, Azure OpenAI), a listing on a cloud marketplace billed by the cloud
 * (`marketplace`), a reseller, a deployment in the customer's own or a sovereign data centre
 * (`on_premises`), or downloadable weights (`open_weights`).
 */
export const ACCESS_KINDS = ['own_api', 'cloud_platform', 'marketplace', 'reseller', 'on_premises', 'open_weights'] as const;

/**
 * What kind of government measure a restriction is: an export control (licence requirement or
 * ban on exports), an import restriction, a sanction, a restriction on investment, a ban on
 * use (e.g. of a model on state devices), or other.
 */
export const RESTRICTION_KINDS = ['export_control', 'import_restriction', 'sanction', 'investment_restriction', 'usage_ban', 'other'] as const;

/**
 * What a restriction restricts: AI chips, model weights, access to cloud compute, use of hosted
 * models or apps, chipmaking equipment, investment. Which channels and clouds each bears on:
 * src/questions/rules/restriction-scope.ts.
 */
export const RESTRICTED_ITEMS = ['chips', 'model_weights', 'cloud_access', 'models', 'chipmaking_equipment', 'investment'] as const;

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
export type AccessKind = (typeof ACCESS_KINDS)[number];
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];
export type RestrictedItem = (typeof RESTRICTED_ITEMS)[number];
