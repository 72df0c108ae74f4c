/**
 * Derived properties, kept true by the write path in the same unit of work as the records they
 * derive from. `knownSince` of a deal, an exclusivity, a channel, a restriction, a status entry or an amount report is the
 * publication day of its earliest source: the day the public record first knew of it, which the
 * `knownOn` clock of every question compares against; `endKnownSince` of a fact (deal, exclusivity, channel, restriction) is
 * the known day of its first ended status entry, so a fact ended in the world but not yet in the
 * record still holds on that clock; `confidence` of a fact follows from the
 * tiers of its sources and its status (src/questions/rules/confidence.ts).
 */
import { RECORDS, type CollectionDecl } from '../model/records.ts';
import {
  CONFIDENCE,
  END_KNOWN_SINCE,
  FACT_LABELS,
  KNOWN_SINCE,
  KNOWN_SINCE_LABELS,
  type FactLabel,
  type KnownSinceLabel,
} from '../queries/import-statements.ts';
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore, UnitOfWork } from '../store/graph-store.ts';
import type { RecordsByCollection } from './record-schemas.ts';
import { childId, valueAt } from './records-to-graph.ts';

type Obj = Record<string, unknown>;
const BATCH = 2000;

/** The nodes whose `knownSince` a write of these records may change, by label. */
export function affectedByRecords(records: RecordsByCollection, written: ReadonlySet<Obj>): Map<KnownSinceLabel, string[]> {
  const out = new Map<KnownSinceLabel, string[]>(KNOWN_SINCE_LABELS.map((l) => [l, []]));
  for (const c of ['deals', 'exclusivities', 'channels', 'restrictions'] as const) {
    const decl: CollectionDecl = RECORDS[c];
    if (decl.shape !== 'node') continue;
    for (const r of records[c] as unknown as Obj[]) {
      if (!written.has(r)) continue;
      out.get(decl.label as KnownSinceLabel)!.push(String(r.id));
      for (const part of decl.parts) {
        if (part.part !== 'children') continue;
        const list = out.get(part.label as KnownSinceLabel);
        ((valueAt(r, part.path) as unknown[] | null | undefined) ?? []).forEach((_, i) => {
          list?.push(childId(String(r.id), part.idInfix, i));
        });
      }
    }
  }
  return out;
}

/** Recomputes `knownSince` of the given nodes, and of every node citing one of `sourceIds` (sources whose date may have moved). */
export async function deriveKnownSince(tx: UnitOfWork, ids: Map<KnownSinceLabel, string[]>, sourceIds: readonly string[] = []): Promise<void> {
  const changedFacts = new Map<FactLabel, string[]>();
  for (const label of KNOWN_SINCE_LABELS) {
    const set = new Set(ids.get(label) ?? []);
    for (let i = 0; i < sourceIds.length; i += BATCH) {
      for (const row of await tx.run(KNOWN_SINCE[label].citing, { ids: sourceIds.slice(i, i + BATCH) })) set.add(String(row.id));
    }
    const list = [...set];
    for (let i = 0; i < list.length; i += BATCH) await tx.run(KNOWN_SINCE[label].of, { ids: list.slice(i, i + BATCH) });
    if ((FACT_LABELS as readonly string[]).includes(label)) changedFacts.set(label as FactLabel, list);
  }
  // Every label is done by now, status entries included, so the end's known day can follow.
  for (const [label, list] of changedFacts) {
    for (let i = 0; i < list.length; i += BATCH) {
      await tx.run(END_KNOWN_SINCE[label].of, { ids: list.slice(i, i + BATCH) });
      await tx.run(CONFIDENCE[label].of, { ids: list.slice(i, i + BATCH) });
    }
  }
}

/** Recomputes `knownSince` everywhere (after a bulk load). */
export async function deriveAll(tx: UnitOfWork): Promise<void> {
  for (const label of KNOWN_SINCE_LABELS) await tx.run(KNOWN_SINCE[label].all);
  for (const s of Object.values(END_KNOWN_SINCE)) await tx.run(s.all);
  for (const s of Object.values(CONFIDENCE)) await tx.run(s.all);
}

/**
 * The bookkeeping node that marks a database whose derived properties are complete. Its id names
 * the set of derived properties: a model that derives a new one takes a new id, so databases
 * marked before it are filled once more.
 */
const DERIVED_MARK = 'derived-complete-confidence';

/**
 * Fills the derived properties where they are missing (a database written before they existed); true
 * when it did. Once a database is complete a mark says so, so later starts ask for one node by
 * key instead of scanning the fact tables (the write path keeps the properties true from then on).
 */
export async function ensureDerived(store: GraphStore): Promise<boolean> {
  if ((await store.read(NODE_STATEMENTS.Meta.get, { id: DERIVED_MARK })).length) return false;
  let missing = 0;
  for (const label of KNOWN_SINCE_LABELS) missing += Number((await store.read(KNOWN_SINCE[label].missing))[0]?.n ?? 0);
  for (const s of Object.values(CONFIDENCE)) missing += Number((await store.read(s.missing))[0]?.n ?? 0);
  await store.transaction(async (tx) => {
    if (missing) await deriveAll(tx);
    await tx.run(NODE_STATEMENTS.Meta.upsert, { rows: [{ id: DERIVED_MARK, journalSeq: null }] });
  });
  return missing > 0;
}
