/**
 * Which exclusivities restrict which supplies: the one place that says what a supplier supplies
 * to a customer (read from its deals with it in force on the day) and which exclusivity scopes
 * such a supply falls under. The README's suppliers section shows the same table.
 *
 * A supply is named by the kind of a deal (a compute contract, chip supply, custom silicon, a
 * licence) and by what the deal covers: a chip, or a cloud service of some kind. Deals of other
 * kinds (investments, acquisitions, loans, joint ventures, partnerships) supply nothing an
 * exclusivity restricts unless they cover a chip or a cloud service.
 */
import type { CloudServiceKind, DealKind, ExclusivityScope } from '../../model/vocabulary.ts';

/** What one deal supplies: its kind, and the kinds of cloud services and whether chips it covers. */
export interface DealSupply {
  dealKind: DealKind;
  cloudServiceKinds: readonly CloudServiceKind[];
  coversChips: boolean;
}

const CAPACITY: readonly ExclusivityScope[] = ['compute_capacity', 'first_right_on_capacity'];
/** Capacity rented on a cloud: the customer's models run on the supplier's cloud. */
const CLOUD_CAPACITY: readonly ExclusivityScope[] = ['cloud_hosting', ...CAPACITY];

/** Scopes a deal of this kind falls under, whatever it covers. */
export const DEAL_KIND_SCOPES: Readonly<Record<DealKind, readonly ExclusivityScope[]>> = {
  compute_contract: CAPACITY,
  chip_supply: ['chip_supply'],
  custom_silicon: ['chip_supply'],
  licensing: ['model_license'],
  equity_investment: [],
  acquisition: [],
  joint_venture: [],
  partnership: [],
  debt_financing: [],
};

/** Scopes the supply of a covered cloud service of this kind falls under. */
export const CLOUD_SERVICE_SCOPES: Readonly<Record<CloudServiceKind, readonly ExclusivityScope[]>> = {
  public_cloud: CLOUD_CAPACITY,
  gpu_cloud: CLOUD_CAPACITY,
  supercomputer: CLOUD_CAPACITY,
  other: CLOUD_CAPACITY,
  // A model platform (Bedrock, Vertex AI, Azure OpenAI) hosts and sells the customer's models.
  ai_platform: ['cloud_hosting', 'api_distribution', 'product_distribution'],
};

/** Scopes the supply of a covered chip falls under. */
export const CHIP_SCOPES: readonly ExclusivityScope[] = ['chip_supply'];

/** Every scope the supplies of these deals fall under. */
export function scopesOfSupply(deals: readonly DealSupply[]): Set<ExclusivityScope> {
  const out = new Set<ExclusivityScope>();
  for (const d of deals) {
    for (const s of DEAL_KIND_SCOPES[d.dealKind] ?? []) out.add(s);
    for (const k of d.cloudServiceKinds) for (const s of CLOUD_SERVICE_SCOPES[k] ?? []) out.add(s);
    if (d.coversChips) for (const s of CHIP_SCOPES) out.add(s);
  }
  return out;
}

/** True when an exclusivity covering `covers` restricts a supply under `supplied`. */
export function restricts(covers: readonly string[], supplied: ReadonlySet<ExclusivityScope>): boolean {
  return covers.some((c) => supplied.has(c as ExclusivityScope));
}
