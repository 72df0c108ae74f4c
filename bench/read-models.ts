/**
 * The read models against the statements they replace, on one loaded LadybugDB file, paired:
 * each question is asked of the statements (`storeSupply`, and the old title scan for search)
 * and of the in-process model in turn, so the ratio holds when the machine's speed drifts.
 *
 *   npx tsx bench/read-models.ts PATH.lbug [runs] [--no-reference]
 *
 * Prints the build time and heap of each model (supply graph, search index, view graph), then per question the median and p99 of both
 * ways and the median of the ratios.
 */
import { ControlLinks } from '../src/questions/rules/control-closure.ts';
import { concentration } from '../src/questions/concentration.ts';
import { investors } from '../src/questions/investors.ts';
import { SearchIndex } from '../src/questions/search-index.ts';
import { SupplyGraph } from '../src/questions/supply-graph.ts';
import { storeSupply, type SupplySource } from '../src/questions/supply-source.ts';
import { suppliers } from '../src/questions/suppliers.ts';
import { Loaders } from '../src/graphql/loaders.ts';
import { neighborhood, type NeighborhoodRequest } from '../src/questions/neighborhood.ts';
import { ViewGraph } from '../src/questions/view-graph.ts';
import type { Query, Row } from '../src/store/graph-store.ts';
import { LadybugStore } from '../src/store/ladybug/ladybug-store.ts';
import { findTargets } from './scenarios.ts';
import { percentile } from './stats.ts';

const args = process.argv.slice(2);
/** `--no-reference`: time the read models alone (the statements take minutes a run at 1M deals). */
const reference = !args.includes('--no-reference');
const [path, runsArg] = args.filter((a) => !a.startsWith('--'));
if (!path) throw new Error('usage: npx tsx bench/read-models.ts PATH.lbug [runs]');
const runs = Number(runsArg ?? 15);
const store = await LadybugStore.open({ path, queryTimeoutMs: 600_000 });
const log = (m: string) => process.stdout.write(`${m}\n`);

const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const v = await f();
  return [performance.now() - t, v];
};
const mb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

global.gc?.();
let heap = mb();
const [supplyMs, graph] = await timed(() => SupplyGraph.read(store));
global.gc?.();
log(`supply graph: built in ${Math.round(supplyMs)} ms, heap +${mb() - heap} MB, ${JSON.stringify(graph.size)}`);
heap = mb();
const [searchMs, index] = await timed(() => SearchIndex.read(store));
global.gc?.();
log(`search index: built in ${Math.round(searchMs)} ms, heap +${mb() - heap} MB, ${JSON.stringify(index.size)}`);
heap = mb();
const [viewMs, view] = await timed(() => ViewGraph.read(store));
global.gc?.();
log(
  `view graph: built in ${Math.round(viewMs)} ms, heap +${mb() - heap} MB, ${JSON.stringify(view.size)}; process rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
);

const t = await findTargets(store);
log(`targets: ${JSON.stringify(t)}`);
const control = new ControlLinks([]).on('2026-10-31');
const when = { asOf: '2026-10-31' };

/** The substring scan `search` sent before the index (names, then titles). */
const OLD_SEARCH: Query[] = [
  {
    name: 'old.search.named',
    cypher: (['Organization', 'Chip', 'CloudService'] as const)
      .map((l) => `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.name) CONTAINS q OR any(a IN n.aliases WHERE toLower(a) CONTAINS q) RETURN n.id AS id`)
      .join(' UNION ALL '),
  },
  {
    name: 'old.search.titled',
    cypher: (['Deal', 'Exclusivity'] as const)
      .map((l) => `WITH $q AS q MATCH (n:${l}) WHERE toLower(n.title) CONTAINS q AND n.retractedOn IS NULL RETURN n.id AS id`)
      .join(' UNION ALL '),
  },
];

const ref = storeSupply(store);
const questions: [string, (s: SupplySource) => Promise<unknown>][] = [
  ['suppliers, biggest lab (first 20)', (s) => suppliers(s, control, { of: t.lab, excluding: [t.excluded], when, offset: 0, first: 20 })],
  ['suppliers, mid-size lab', (s) => suppliers(s, control, { of: t.midLab!, excluding: [t.excluded], when, offset: 0, first: 20 })],
  ['concentration, biggest lab', (s) => concentration(s, t.lab, when)],
  ['investors, biggest lab', (s) => investors(s, t.lab, when)],
];
for (const [name, ask] of questions) {
  const a: number[] = [];
  const b: number[] = [];
  if (reference) await ask(ref);
  await ask(graph);
  for (let i = 0; i < runs; i++) {
    a.push(reference ? (await timed(() => ask(ref)))[0] : Number.NaN);
    b.push((await timed(() => ask(graph)))[0]);
  }
  const ratios = a.map((x, i) => x / b[i]!);
  log(
    `${name}: statements p50 ${percentile(a, 50).toFixed(1)} ms p99 ${percentile(a, 99).toFixed(1)}; read model p50 ${percentile(b, 50).toFixed(1)} ms p99 ${percentile(b, 99).toFixed(1)}; ratio p50 ${percentile(ratios, 50).toFixed(1)}x`,
  );
}
{
  // The neighbourhood: the statements level by level (the reference) against the view graph.
  const loaders = () => new Loaders(store);
  for (const [name, r] of [
    [
      'neighbourhood, hub, depth 2, dated',
      { root: { id: t.hub, label: 'Organization' }, depth: 2, limit: 500, asOf: when.asOf, knownOn: null, minConfidence: null, kinds: null },
    ],
    [
      'neighbourhood, hub, depth 2, undated',
      { root: { id: t.hub, label: 'Organization' }, depth: 2, limit: 500, asOf: null, knownOn: null, minConfidence: null, kinds: null },
    ],
    [
      'neighbourhood, mid-size lab, depth 2',
      { root: { id: t.midLab!, label: 'Organization' }, depth: 2, limit: 500, asOf: when.asOf, knownOn: null, minConfidence: null, kinds: null },
    ],
  ] as [string, NeighborhoodRequest][]) {
    const a: number[] = [];
    const b: number[] = [];
    const ask = () => {
      const l = loaders();
      return neighborhood(store, (label, ids) => l.nodes<Row>(label, ids), r);
    };
    if (reference) await ask();
    for (let i = 0; i < runs; i++) {
      a.push(reference ? (await timed(ask))[0] : Number.NaN);
      b.push((await timed(async () => view.neighborhood(r)))[0]);
    }
    const ratios = a.map((x, i) => x / b[i]!);
    const n = view.neighborhood(r);
    log(
      `${name} (${n.nodes.length} nodes, ${n.edges.length} edges${n.truncated ? ', truncated' : ''}): statements p50 ${percentile(a, 50).toFixed(1)} ms p99 ${percentile(a, 99).toFixed(1)}; read model p50 ${percentile(b, 50).toFixed(1)} ms p99 ${percentile(b, 99).toFixed(1)}; ratio p50 ${percentile(ratios, 50).toFixed(1)}x`,
    );
  }
}
{
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(reference ? (await timed(() => Promise.all(OLD_SEARCH.map((q) => store.read(q, { q: t.text })))))[0] : Number.NaN);
    b.push((await timed(async () => index.search(t.text, 10)))[0]);
  }
  log(
    `search "${t.text}": title scan p50 ${percentile(a, 50).toFixed(1)} ms; index p50 ${percentile(b, 50).toFixed(1)} ms p99 ${percentile(b, 99).toFixed(1)}`,
  );
  for (const text of ['synthetic', 'compute contract', 'nudegaen', 'systems inc']) {
    const c: number[] = [];
    for (let i = 0; i < runs; i++) c.push((await timed(async () => index.search(text, 10)))[0]);
    log(`search "${text}": index p50 ${percentile(c, 50).toFixed(1)} ms p99 ${percentile(c, 99).toFixed(1)}`);
  }
}
await store.close();
