/**
 * `aigraph synth`: a deterministic synthetic graph in the import format, written as streamed
 * JSON files: `organizations.json` (organizations, chips, cloud services), `deals-NNNN.json`
 * (deals with the sources and exclusivities they bring, 50,000 deals a file) and
 * `control.json`. Same options and seed, same bytes.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeCatalog, makeControl } from './catalog.ts';
import { dayOf } from './dates.ts';
import { makeDeals } from './deals.ts';
import { JsonCollectionsWriter } from './json-writer.ts';
import { makeOrganizations } from './organizations.ts';
import { Rng } from './prng.ts';

export interface SynthOptions {
  readonly orgs: number;
  readonly deals: number;
  readonly seed: number;
  readonly out: string;
  /** Deals per file. */
  readonly dealsPerFile?: number;
  /** Write into a folder that already holds import files. */
  readonly force?: boolean;
}

export interface SynthSummary {
  readonly files: { file: string; bytes: number }[];
  readonly counts: Record<'organizations' | 'chips' | 'cloudServices' | 'sources' | 'deals' | 'exclusivities' | 'control', number>;
  /** The organizations with most deals, most first: benchmarks query them. */
  readonly hubs: { id: string; deals: number }[];
  readonly ms: number;
}

/** The world ends on this day: fixed, so the output does not depend on the day it runs. */
export const SYNTH_FIRST_DAY = '2012-01-01';
export const SYNTH_LAST_DAY = '2026-10-31';

export async function synthesize(options: SynthOptions): Promise<SynthSummary> {
  const started = performance.now();
  if (options.orgs < 2) throw new RangeError('--orgs must be at least 2');
  if (options.deals < 0) throw new RangeError('--deals must be at least 0');
  await mkdir(options.out, { recursive: true });
  const existing = (await readdir(options.out)).filter((f) => /\.(json|ya?ml)$/i.test(f));
  if (existing.length && !options.force) {
    throw new Error(
      `${options.out} already holds import files (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', ...' : ''}); use --force to overwrite`,
    );
  }
  const perFile = options.dealsPerFile ?? 50_000;
  const root = new Rng(options.seed);
  const firstDay = dayOf(SYNTH_FIRST_DAY);
  const lastDay = dayOf(SYNTH_LAST_DAY);
  const files: { file: string; bytes: number }[] = [];
  const counts = { organizations: 0, chips: 0, cloudServices: 0, sources: 0, deals: 0, exclusivities: 0, control: 0 };

  const { orgs, records: orgRecords } = makeOrganizations(root.fork(1), options.orgs);
  const catalog = makeCatalog(root.fork(2), orgs, Math.max(10, Math.round(options.orgs / 400)), Math.max(5, Math.round(options.orgs / 250)), firstDay, lastDay);
  const head = new JsonCollectionsWriter(join(options.out, 'organizations.json'));
  await head.begin('organizations');
  for (const r of orgRecords) await head.add(r);
  await head.begin('chips');
  for (const r of catalog.chips) await head.add(r);
  await head.begin('cloudServices');
  for (const r of catalog.services) await head.add(r);
  files.push({ file: head.file, bytes: await head.close() });
  counts.organizations = orgRecords.length;
  counts.chips = catalog.chips.length;
  counts.cloudServices = catalog.services.length;

  const degree = new Uint32Array(options.orgs);
  const rankOf = new Map(orgs.ids.map((id, i) => [id, i]));
  const sourceIds: string[] = [];
  let part: JsonCollectionsWriter | null = null;
  let pending: { sources: string[]; exclusivities: string[] } = { sources: [], exclusivities: [] };
  let inPart = 0;
  const closePart = async () => {
    if (!part) return;
    for (const [name, list] of Object.entries(pending)) {
      if (!list.length) continue;
      await part.begin(name);
      for (const json of list) await part.add(json);
    }
    files.push({ file: part.file, bytes: await part.close() });
    part = null;
    pending = { sources: [], exclusivities: [] };
  };
  for (const item of makeDeals(root.fork(3), orgs, catalog, { deals: options.deals, firstDay, lastDay })) {
    if (!part) {
      part = new JsonCollectionsWriter(join(options.out, `deals-${String(files.length).padStart(4, '0')}.json`));
      await part.begin('deals');
      inPart = 0;
    }
    if (item.kind === 'deal') {
      await part.add(item.record);
      counts.deals++;
      for (const p of item.record.parties) degree[rankOf.get(p.org)!]!++;
      if (++inPart >= perFile) await closePart();
    } else if (item.kind === 'source') {
      pending.sources.push(JSON.stringify(item.record));
      sourceIds.push(item.record.id);
      counts.sources++;
    } else {
      pending.exclusivities.push(JSON.stringify(item.record));
      counts.exclusivities++;
    }
  }
  await closePart();

  const rng = root.fork(4);
  // Control links cite existing sources; with no deals there are none, so one is made here.
  const tail = new JsonCollectionsWriter(join(options.out, 'control.json'));
  if (!sourceIds.length) {
    sourceIds.push('synthetic-registry-2012-01-01-s0');
    await tail.begin('sources');
    await tail.add({
      id: sourceIds[0],
      url: 'https://registry.example/companies',
      publisher: 'Synthetic Registry',
      title: 'Company register',
      publishedOn: SYNTH_FIRST_DAY,
    });
    counts.sources++;
  }
  const control = makeControl(rng, orgs, 40, (r) => sourceIds[r.int(sourceIds.length)]!, firstDay, lastDay);
  await tail.begin('control');
  for (const c of control) await tail.add(c);
  files.push({ file: tail.file, bytes: await tail.close() });
  counts.control = control.length;

  const hubs = [...degree.keys()]
    .sort((a, b) => degree[b]! - degree[a]! || a - b)
    .slice(0, 10)
    .map((r) => ({ id: orgs.ids[r]!, deals: degree[r]! }));
  const summary: SynthSummary = { files, counts, hubs, ms: Math.round(performance.now() - started) };
  // Not an import file (.txt): what was generated, for people and for `npm run bench`.
  await writeFile(
    join(options.out, 'synth-summary.txt'),
    `${JSON.stringify({ options: { orgs: options.orgs, deals: options.deals, seed: options.seed }, ...summary }, null, 2)}\n`,
  );
  return summary;
}
