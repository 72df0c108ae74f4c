/**
 * Synthetic chips and cloud services (designed and operated by organizations of the right
 * kinds, hubs first), and control links (a parent always ranks above its subsidiary, so
 * control never forms a cycle and each organization has at most one controller).
 */
import type { ChipKind, CloudServiceKind } from '../model/vocabulary.ts';
import type { ChipRecord, CloudServiceRecord, ControlRecord } from '../records/record-schemas.ts';
import { isoOf } from './dates.ts';
import { brand, slugify } from './names.ts';
import type { Organizations } from './organizations.ts';
import type { Rng } from './prng.ts';
import { WeightedPicker } from './weighted-picker.ts';

const CHIP_KIND_WEIGHTS: Readonly<Record<ChipKind, number>> = { gpu: 40, asic: 25, tpu: 5, cpu: 10, lpu: 5, wafer_scale: 3, other: 12 };
const SERVICE_KIND_WEIGHTS: Readonly<Record<CloudServiceKind, number>> = { public_cloud: 25, gpu_cloud: 40, ai_platform: 25, supercomputer: 5, other: 5 };

export interface Catalog {
  readonly chips: ChipRecord[];
  readonly services: CloudServiceRecord[];
  readonly chipPicker: WeightedPicker;
  /** Chips each organization designs, services each operates (by organization rank). */
  readonly chipsOf: Map<number, string[]>;
  readonly servicesOf: Map<number, string[]>;
}

export function makeCatalog(rng: Rng, orgs: Organizations, chipCount: number, serviceCount: number, firstDay: number, lastDay: number): Catalog {
  const chips: ChipRecord[] = [];
  const chipsOf = new Map<number, string[]>();
  for (let i = 0; i < chipCount; i++) {
    const designer = orgs.pools.chipSupplier.pick(rng);
    const name = `${brand(rng)} ${rng.pick(['X', 'H', 'T', 'M', 'Q'])}${rng.between(1, 9)}${rng.pick(['00', '50', '', ' Ultra', ' Pro'])}`;
    const id = `${slugify(name)}-c${i.toString(36)}`;
    const chip: ChipRecord = { id, name, kind: rng.weighted(CHIP_KIND_WEIGHTS), designer: orgs.ids[designer]! };
    if (rng.chance(0.8)) chip.manufacturer = orgs.ids[orgs.pools.foundry.pick(rng)]!;
    if (rng.chance(0.7)) chip.announcedOn = isoOf(rng.between(firstDay, lastDay));
    if (rng.chance(0.3)) chip.aliases = [name.split(' ').slice(1).join(' ')];
    chips.push(chip);
    chipsOf.set(designer, [...(chipsOf.get(designer) ?? []), id]);
  }
  const chipPicker = WeightedPicker.zipf([...chips.keys()], 1);

  const services: CloudServiceRecord[] = [];
  const servicesOf = new Map<number, string[]>();
  for (let i = 0; i < serviceCount; i++) {
    const operator = orgs.pools.computeSupplier.pick(rng);
    const name = `${orgs.names[operator]!.split(' ')[0]} ${rng.pick(['Compute', 'GPU Cloud', 'AI Studio', 'Elastic', 'Supercluster', 'Inference'])} ${i}`;
    const id = `${slugify(name)}-s${i.toString(36)}`;
    const service: CloudServiceRecord = { id, name, kind: rng.weighted(SERVICE_KIND_WEIGHTS), operator: orgs.ids[operator]! };
    if (chips.length) service.chips = [...new Set(chipPicker.pickDistinct(rng, rng.between(1, 4)).map((c) => chips[c]!.id))].sort();
    services.push(service);
    servicesOf.set(operator, [...(servicesOf.get(operator) ?? []), id]);
  }
  return { chips, services, chipPicker, chipsOf, servicesOf };
}

/** About one organization in `every` is controlled by a larger one. */
export function makeControl(
  rng: Rng,
  orgs: Organizations,
  every: number,
  sourceIdAt: (rng: Rng) => string,
  firstDay: number,
  lastDay: number,
): ControlRecord[] {
  const count = orgs.ids.length;
  const wanted = Math.floor(count / every);
  const controlled = new Set<number>();
  const links: ControlRecord[] = [];
  for (let tries = 0; links.length < wanted && tries < wanted * 20; tries++) {
    const child = rng.between(Math.min(16, count - 1), count - 1);
    if (controlled.has(child) || child === 0) continue;
    let parent = orgs.pools.any.pick(rng);
    if (parent >= child) parent = rng.int(Math.min(child, 16));
    controlled.add(child);
    const link: ControlRecord = { controller: orgs.ids[parent]!, controlled: orgs.ids[child]!, sources: [sourceIdAt(rng)] };
    if (rng.chance(0.7)) link.stakePct = rng.chance(0.5) ? 100 : rng.between(51, 99);
    if (rng.chance(0.6)) link.validFrom = isoOf(rng.between(firstDay, lastDay));
    links.push(link);
  }
  return links;
}
