/**
 * PROTOTYPE of the recommended streaming import (not used by `aigraph import`): read each
 * record (bench/prototypes/read-json-fast.ts), check its shape with the importer's own zod
 * schemas, note its id and references, and write its rows to the COPY session at once; check
 * the references when every file is read; then commit, or abort and write nothing. No record
 * is held after it is written, so memory stays at the id sets.
 * It sizes the gain only: the date/status consistency checks and located messages of
 * validate-records.ts are left out.
 *   npx tsx bench/prototypes/stream-import.ts DIR [--db PATH]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openCopySession } from '../../src/records/bulk-load.ts';
import { expandInputs } from '../../src/importer/import-graph.ts';
import { COLLECTIONS, type CollectionName } from '../../src/records/record-schemas.ts';
import { LadybugStore } from '../../src/store/ladybug/ladybug-store.ts';
import { readJsonFast } from './read-json-fast.ts';

type Obj = Record<string, unknown>;

const LABEL: Partial<Record<CollectionName, string>> = { organizations: 'O', chips: 'C', cloudServices: 'S', sources: 'R', deals: 'D', exclusivities: 'X' };

/** References as "label:id" strings (label letters as in LABEL). */
function references(c: CollectionName, r: Obj, out: string[]): void {
  const list = (xs: unknown, l: string) => {
    for (const x of (xs as string[] | null | undefined) ?? []) out.push(`${l}:${x}`);
  };
  const history = () => {
    for (const h of (r.statusHistory as Obj[] | null | undefined) ?? []) list(h.sources, 'R');
  };
  switch (c) {
    case 'chips':
      out.push(`O:${String(r.designer)}`);
      if (r.manufacturer) out.push(`O:${String(r.manufacturer)}`);
      break;
    case 'cloudServices':
      out.push(`O:${String(r.operator)}`);
      list(r.chips, 'C');
      break;
    case 'deals':
      for (const p of r.parties as Obj[]) out.push(`O:${String(p.org)}`);
      list((r.covers as Obj | undefined)?.chips, 'C');
      list((r.covers as Obj | undefined)?.cloudServices, 'S');
      list(r.sources, 'R');
      history();
      for (const o of (r.otherReports as Obj[] | null | undefined) ?? []) list(o.sources, 'R');
      list(r.supersedes, 'D');
      break;
    case 'exclusivities':
      out.push(`O:${String(r.holder)}`, `O:${String(r.grantor)}`);
      if (r.deal) out.push(`D:${String(r.deal)}`);
      list(r.sources, 'R');
      history();
      break;
    case 'control':
      out.push(`O:${String(r.controller)}`, `O:${String(r.controlled)}`);
      list(r.sources, 'R');
      break;
    default:
      break;
  }
}

export async function streamImport(dir: string, dbPath: string): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  const started = performance.now();
  const store = await LadybugStore.open({ path: dbPath, queryTimeoutMs: 3_600_000 });
  try {
    await store.bootstrap();
    const session = await openCopySession(store);
    const defined = new Map<string, string>();
    const refs: string[] = [];
    let problems = 0;
    const { files } = await expandInputs([dir]);
    for (const file of files) {
      if (extname(file) !== '.json') continue;
      await readJsonFast(file, (rec) => {
        const c = rec.collection as CollectionName;
        const parsed = COLLECTIONS[c].safeParse(rec.value);
        if (!parsed.success) {
          problems++;
          return;
        }
        const value = parsed.data as Obj;
        const l = LABEL[c];
        if (l) {
          const id = String(value.id);
          if (defined.has(id)) problems++;
          defined.set(id, l);
        }
        references(c, value, refs);
        session.add(c, value);
      });
    }
    ms.readValidateWrite = Math.round(performance.now() - started);
    for (const ref of refs) {
      const i = ref.indexOf(':');
      if (defined.get(ref.slice(i + 1)) !== ref.slice(0, i)) problems++;
    }
    ms.references = Math.round(performance.now() - started - ms.readValidateWrite);
    if (problems) {
      session.abort();
      throw new Error(`${problems} problems: nothing was written`);
    }
    const result = await session.commit();
    for (const [k, v] of Object.entries(result.phases)) ms[`commit.${k}`] = Math.round(v);
  } finally {
    await store.close();
  }
  ms.total = Math.round(performance.now() - started);
  return ms;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: 'string' } } });
  const tmp = values.db ? null : mkdtempSync(join(tmpdir(), 'aigraph-stream-'));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  try {
    const ms = await streamImport(positionals[0]!, values.db ?? join(tmp!, 'graph.lbug'));
    process.stdout.write(`${JSON.stringify({ ms, peakRssMb: Math.round(peak / 1e6) })}\n`);
  } finally {
    clearInterval(timer);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
