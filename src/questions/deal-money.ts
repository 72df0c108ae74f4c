/**
 * The money of deals on a day asked, on both clocks: each deal's status on `asOf` as the record
 * stood on `knownOn` (the status-on rule), its headline amount and the tranches known by then,
 * through the commitments rule. The one place the money questions (suppliers, investors,
 * concentration, `Deal.committedUsd`) read what the rule needs.
 */
import type { AmountQualifier, Status, TrancheKind } from '../model/vocabulary.ts';
import { childIndex } from '../records/records-to-graph.ts';
import type { GraphStore, Query } from '../store/graph-store.ts';
import { countedCapacity, dealMoney, type DealMoney } from './rules/commitments.ts';
import { whenParams, type When } from './rules/in-force.ts';
import { statusOn, type DatedEntry } from './rules/status-on.ts';

/** The deals `$ids` with what the rule reads of them. */
export const DEAL_MONEY_FACTS: Query = {
  name: 'q.money.deals',
  cypher:
    'UNWIND $ids AS id MATCH (d:Deal {id: id}) ' +
    'RETURN d.id AS id, d.status AS status, d.announcedOn AS announcedOn, d.endedOn AS endedOn, d.knownSince AS knownSince, ' +
    'd.amountUsd AS amountUsd, d.amountQualifier AS amountQualifier, d.capacityGw AS capacityGw',
};

/** The status-history entries of the deals `$ids`. */
export const DEAL_MONEY_HISTORY: Query = {
  name: 'q.money.history',
  cypher:
    'UNWIND $ids AS id MATCH (d:Deal {id: id})-[:HAS_STATUS]->(s:StatusEntry) ' +
    'RETURN d.id AS deal, s.id AS entry, s.status AS status, s.changedOn AS changedOn, s.knownSince AS knownSince',
};

/** The tranches of the deals `$ids` known by `$knownOn`. */
export const DEAL_MONEY_TRANCHES: Query = {
  name: 'q.money.tranches',
  cypher:
    'UNWIND $ids AS id MATCH (d:Deal {id: id})-[:HAS_TRANCHE]->(t:Tranche) ' +
    'WHERE coalesce(t.knownSince, d.announcedOn) <= date($knownOn) ' +
    'RETURN d.id AS deal, t.amountUsd AS amountUsd, t.amountQualifier AS amountQualifier, t.kind AS kind',
};

export const DEAL_MONEY_STATEMENTS = [DEAL_MONEY_FACTS, DEAL_MONEY_HISTORY, DEAL_MONEY_TRANCHES] as const;

/** A deal's money on the day asked, and the capacity it counts for then (gigawatts; null when none is reported). */
export interface DealMoneyOn extends DealMoney {
  readonly capacityGw: number | null;
  /** Its status on the day asked (the status-on rule); null before it was announced or known. */
  readonly status: Status | null;
}

const str = (v: unknown) => (v == null ? null : String(v));

/** The money of each of `ids` on `when` (a deal not announced or known by then has none: ended). */
export async function dealMoneyOn(store: GraphStore, ids: readonly string[], when: When): Promise<Map<string, DealMoneyOn>> {
  const out = new Map<string, DealMoneyOn>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const params = { ids: unique, ...whenParams(when) };
  const [facts, history, tranches] = await Promise.all([
    store.read(DEAL_MONEY_FACTS, params),
    store.read(DEAL_MONEY_HISTORY, params),
    store.read(DEAL_MONEY_TRANCHES, params),
  ]);
  const historyOf = new Map<string, { status: Status; on: string; knownOn: string | null; index: number }[]>();
  for (const h of history) {
    const deal = String(h.deal);
    let list = historyOf.get(deal);
    if (!list) historyOf.set(deal, (list = []));
    list.push({ status: h.status as Status, on: String(h.changedOn), knownOn: str(h.knownSince), index: childIndex(h.entry) });
  }
  const tranchesOf = new Map<string, { amountUsd: number; amountQualifier: AmountQualifier; kind: TrancheKind }[]>();
  for (const t of tranches) {
    const deal = String(t.deal);
    let list = tranchesOf.get(deal);
    if (!list) tranchesOf.set(deal, (list = []));
    list.push({ amountUsd: Number(t.amountUsd), amountQualifier: t.amountQualifier as AmountQualifier, kind: t.kind as TrancheKind });
  }
  for (const f of facts) {
    const id = String(f.id);
    // In the record's order (by date, entries of one day as listed), as `Deal.status` reads them.
    const entries = (historyOf.get(id) ?? []).sort((a, b) => a.index - b.index);
    out.set(
      id,
      moneyOn(
        {
          status: f.status as Status,
          announcedOn: String(f.announcedOn),
          endedOn: str(f.endedOn),
          knownSince: str(f.knownSince),
          amountUsd: f.amountUsd == null ? null : Number(f.amountUsd),
          amountQualifier: (f.amountQualifier as AmountQualifier | null) ?? null,
          capacityGw: f.capacityGw == null ? null : Number(f.capacityGw),
        },
        entries,
        tranchesOf.get(id) ?? [],
        when,
      ),
    );
  }
  return out;
}

/** What `moneyOn` reads of a deal itself. */
export interface MoneyFacts {
  readonly status: Status;
  readonly announcedOn: string;
  readonly endedOn: string | null;
  readonly knownSince: string | null;
  readonly amountUsd: number | null;
  readonly amountQualifier: AmountQualifier | null;
  readonly capacityGw: number | null;
}

/**
 * One deal's money on `when`, from its facts, its status history in the record's order (by date), and the
 * tranches known by `when.knownOn` (the one computation the statements above and the read model
 * both feed).
 */
export function moneyOn(
  f: MoneyFacts,
  history: readonly DatedEntry[],
  tranches: readonly { amountUsd: number; amountQualifier: AmountQualifier; kind: TrancheKind }[],
  when: When,
): DealMoneyOn {
  const status = statusOn({ status: f.status, announcedOn: f.announcedOn, endedOn: f.endedOn, knownOn: f.knownSince, history }, when.asOf, when.knownOn);
  // Before it was announced or known it holds nothing: as an ended deal would.
  const on = status ?? 'called_off';
  const money = dealMoney({ status: on, amountUsd: f.amountUsd, amountQualifier: f.amountQualifier, tranches });
  return {
    committedUsd: money.committedUsd,
    potentialUsd: money.potentialUsd,
    binding: money.binding,
    ended: money.ended,
    capacityGw: countedCapacity(on, f.capacityGw),
    status,
  };
}
