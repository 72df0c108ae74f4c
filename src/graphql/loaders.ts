/**
 * Per-request DataLoaders: every relationship a field follows is loaded for all the parents of
 * one nesting level in one store query, so the number of store queries grows with the depth
 * of the operation, never with the number of rows (docs/architecture.md#no-n1).
 */
import DataLoader from 'dataloader';
import type { NodeLabel, RelationshipType } from '../model/graph-model.ts';
import { FIND_IDS, NODE_STATEMENTS, relationshipStatementsFor } from '../queries/model-statements.ts';
import { committedUsdOf } from '../questions/committed-usd.ts';
import { dealMoneyOn, type DealMoneyOn } from '../questions/deal-money.ts';
import { dealParties } from '../questions/deal-parties.ts';
import { dealsOfParties } from '../questions/party-deals.ts';
import type { DealFilterInput } from '../questions/rules/deal-filter.ts';
import type { DealSortKey } from '../questions/rules/deal-order.ts';
import type { When } from '../questions/rules/in-force.ts';
import type { Status } from '../model/vocabulary.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import type { DealPartyModel } from './models.ts';
import { groupBy } from '../store/group-by.ts';

/** A loader of rows grouped by one column, from a statement taking `$ids`. */
function groupedLoader(store: GraphStore, query: Query, key: string) {
  return new DataLoader<string, Row[]>(async (ids) => {
    const groups = groupBy(await store.read(query, { ids: [...ids] }), key);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** A status on a day depends on both clocks, not on the confidence asked. */
const statusKey = (when: When) => `${when.asOf}|${when.knownOn ?? ''}`;

export class Loaders {
  private readonly nodeLoaders = new Map<NodeLabel, DataLoader<string, Row | null>>();
  private readonly relLoaders = new Map<string, DataLoader<string, Row[]>>();
  private readonly committed = new Map<string, DataLoader<string, number | null>>();
  private readonly money = new Map<string, DataLoader<string, DealMoneyOn | undefined>>();
  private readonly partyDealLoaders = new Map<string, DataLoader<string, Row[]>>();
  /** Fact statuses on a day a read model already worked out this request, by day key and fact id. */
  private readonly statuses = new Map<string, Map<string, Status>>();

  readonly labelOf: DataLoader<string, NodeLabel | null>;
  readonly dealParties: DataLoader<string, DealPartyModel[]>;

  constructor(private readonly store: GraphStore) {
    this.labelOf = new DataLoader(async (ids) => {
      const rows = await store.read(FIND_IDS, { ids: [...ids] });
      const m = new Map(rows.map((r) => [String(r.id), r.label as NodeLabel]));
      return ids.map((id) => m.get(id) ?? null);
    });
    this.dealParties = new DataLoader((ids) => dealParties(store, ids));
  }

  /** The node with this id and label, or null. */
  node(label: NodeLabel): DataLoader<string, Row | null> {
    let loader = this.nodeLoaders.get(label);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await this.store.read(NODE_STATEMENTS[label].getMany, { ids: [...ids] });
        const m = new Map(rows.map((r) => [String(r.id), r]));
        return ids.map((id) => m.get(id) ?? null);
      });
      this.nodeLoaders.set(label, loader);
    }
    return loader;
  }

  /** Tells the loader of `label` rows a statement already returned, so they are not read again. */
  prime(label: NodeLabel, rows: readonly Row[]): void {
    const loader = this.node(label);
    for (const r of rows) loader.prime(String(r.id), r);
  }

  /** Nodes by id, in order, skipping ids that are not there. */
  async nodes<T>(label: NodeLabel, ids: readonly string[]): Promise<T[]> {
    const rows = await this.node(label).loadMany(ids);
    return rows.filter((r): r is Row => r !== null && !(r instanceof Error)) as T[];
  }

  /** Relationships of a type between two labels, grouped by the node on `side`. */
  rels(type: RelationshipType, from: NodeLabel, to: NodeLabel, side: 'from' | 'to'): DataLoader<string, Row[]> {
    const key = `${type}:${from}:${to}:${side}`;
    let loader = this.relLoaders.get(key);
    if (!loader) {
      const s = relationshipStatementsFor(type, from, to);
      loader = groupedLoader(this.store, side === 'from' ? s.byFrom : s.byTo, side);
      this.relLoaders.set(key, loader);
    }
    return loader;
  }

  /** Ids at the other end of a relationship. */
  async linked(type: RelationshipType, from: NodeLabel, to: NodeLabel, side: 'from' | 'to', id: string): Promise<string[]> {
    const rows = await this.rels(type, from, to, side).load(id);
    const other = side === 'from' ? 'to' : 'from';
    return [...new Set(rows.map((r) => String(r[other])))].sort();
  }

  /** The deals of each organization asking, for one filter and sort: one query per level. */
  partyDeals(filter: DealFilterInput, sort: DealSortKey): DataLoader<string, Row[]> {
    const key = JSON.stringify([filter, sort]);
    let loader = this.partyDealLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const byParty = await dealsOfParties(this.store, ids, filter, sort);
        return ids.map((id) => byParty.get(id) ?? []);
      });
      this.partyDealLoaders.set(key, loader);
    }
    return loader;
  }

  /**
   * Tells `Deal.status` the status of these facts on `when`, worked out by a read model from the
   * same graph version, so it does not read their histories again (a hop LadybugDB
   * answers by scanning every status entry when more than a few facts are asked).
   */
  primeStatuses(when: When, statuses: ReadonlyMap<string, Status>): void {
    const key = statusKey(when);
    let m = this.statuses.get(key);
    if (!m) this.statuses.set(key, (m = new Map()));
    for (const [id, status] of statuses) m.set(id, status);
  }

  /** A status primed for this fact on `when`, if any. */
  primedStatus(when: When, id: string): Status | undefined {
    return this.statuses.get(statusKey(when))?.get(id);
  }

  /** Dollars an organization committed in deals in force on asOf (see Organization.committedUsd). */
  committedUsd(when: When): DataLoader<string, number | null> {
    const key = `${when.asOf}|${when.knownOn ?? ''}|${when.minConfidence ?? ''}`;
    let loader = this.committed.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => committedUsdOf(this.store, ids, when));
      this.committed.set(key, loader);
    }
    return loader;
  }

  /** A deal's committed and potential money on the day asked (see Deal.committedUsd). */
  dealMoney(when: When): DataLoader<string, DealMoneyOn | undefined> {
    const key = `${when.asOf}|${when.knownOn ?? ''}`;
    let loader = this.money.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const money = await dealMoneyOn(this.store, ids, when);
        return ids.map((id) => money.get(id));
      });
      this.money.set(key, loader);
    }
    return loader;
  }
}
