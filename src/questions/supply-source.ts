/**
 * What the money questions (suppliers, concentration, investors) read of the graph, behind one
 * interface with two implementations that must agree:
 * - `storeSupply(store)`: the Cypher statements, read on every call (the reference);
 * - the in-process read model (`supply-graph.ts`), built once per graph version, which the
 *   server uses: on LadybugDB a two-hop statement that filters the deals it reaches by date
 *   scans the whole deal table, so at a million deals the statements cannot answer in tens of
 *   milliseconds (docs/read-model.md).
 */
import type { CloudServiceKind, DealKind } from '../model/vocabulary.ts';
import { NODE_STATEMENTS } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { customerSupplyOf, type CustomerSupply } from './customer-supply.ts';
import { dealMoneyOn, type DealMoneyOn } from './deal-money.ts';
import { exclusivitiesInForce } from './exclusivities.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

/** Roles through which an organization receives supply. */
export const RECEIVING_ROLES = ['CUSTOMER_IN', 'INVESTEE_IN', 'PARTNER_IN', 'BORROWER_IN'] as const;

/** One supplier of one supply deal of the organization asked about. */
export interface SupplyRow {
  readonly supplier: string;
  readonly deal: string;
  readonly dealKind: DealKind;
  readonly partyAmountUsd: number | null;
}

/** What a supply deal covers: a cloud service with its kind, or a chip (`serviceKind` null). */
export interface CoveredRow {
  readonly deal: string;
  readonly item: string;
  readonly serviceKind: CloudServiceKind | null;
}

/** Who operates a covered cloud service, or designs or makes a covered chip. */
export interface MakerRow {
  readonly item: string;
  readonly maker: string;
}

/** One investor of one investment round of the organization asked about. */
export interface InvestmentRow {
  readonly investor: string;
  readonly deal: string;
  readonly partyAmountUsd: number | null;
  readonly dealAmountUsd: number | null;
}

export interface SupplySource {
  /** Supply deals in force on `when` where `of` receives, with every other supplier of each. */
  supplyRows(of: string, when: When): Promise<SupplyRow[]>;
  /** What `of` receives from each supplier on `when`, outside `excluded` (customer-supply.ts). */
  customerSupply(of: string, excluded: ReadonlySet<string>, when: When): Promise<CustomerSupply>;
  /** What `deals` (some of those deals) cover, and who makes what they cover. */
  supplyCovers(of: string, when: When, deals: ReadonlySet<string>): Promise<{ covers: CoveredRow[]; makers: MakerRow[] }>;
  /** Investments in `target` in force on `when`, with every investor of each. */
  investmentRows(target: string, when: When): Promise<InvestmentRow[]>;
  /** The money of each deal on `when` (the status-on and commitments rules). */
  money(ids: readonly string[], when: When): Promise<Map<string, DealMoneyOn>>;
  /** The exclusivities `grantor` granted in force on `when`, oldest first (rows of `exclusivitiesInForce`). */
  granted(grantor: string, when: When): Promise<Row[]>;
  /** The deals of `ids` that exist, in order, with the properties of DEAL_FACT_COLUMNS (at least). */
  dealFacts(ids: readonly string[]): Promise<Row[]>;
}

/** The properties of a deal the read model holds (what `dealFacts` returns). */
export const DEAL_FACT_COLUMNS = [
  'id',
  'kind',
  'status',
  'announcedOn',
  'endedOn',
  'retractedOn',
  'knownSince',
  'endKnownSince',
  'confidence',
  'amountUsd',
  'amountQualifier',
  'capacityGw',
] as const;

const RECEIVING = RECEIVING_ROLES.join('|');

/** Supply deals in force on `$asOf` where `$of` receives, with every other supplier of each. */
export const SUPPLIERS: Query = {
  name: 'q.suppliers',
  cypher:
    `MATCH (o:Organization {id: $of})-[:${RECEIVING}]->(d:Deal) WHERE ${inForceCypher('d')} WITH d ` +
    'MATCH (s:Organization)-[e:SUPPLIER_IN]->(d) WHERE s.id <> $of ' +
    'RETURN DISTINCT s.id AS supplier, d.id AS deal, d.kind AS dealKind, e.amountUsd AS partyAmountUsd',
};

const SUPPLY_DEALS = `MATCH (o:Organization {id: $of})-[:${RECEIVING}]->(d:Deal) WHERE ${inForceCypher('d')} WITH d`;

/** What the supply deals of `$of` in force on `$asOf` cover: a cloud service with its kind, or a chip ('' as kind). */
export const SUPPLY_COVERS: Query = {
  name: 'q.suppliers.covers',
  cypher: [
    `${SUPPLY_DEALS} MATCH (d)-[:COVERS]->(c:CloudService) RETURN DISTINCT d.id AS deal, c.id AS item, c.kind AS serviceKind`,
    `${SUPPLY_DEALS} MATCH (d)-[:COVERS]->(c:Chip) RETURN DISTINCT d.id AS deal, c.id AS item, '' AS serviceKind`,
  ].join(' UNION ALL '),
};

/** Who operates each covered cloud service, and who designs or makes each covered chip. */
export const SUPPLY_MAKERS: Query = {
  name: 'q.suppliers.makers',
  cypher: [
    `${SUPPLY_DEALS} MATCH (d)-[:COVERS]->(c:CloudService)<-[:OPERATES]-(m:Organization) RETURN DISTINCT c.id AS item, m.id AS maker`,
    `${SUPPLY_DEALS} MATCH (d)-[:COVERS]->(c:Chip)<-[:DESIGNS|MANUFACTURES]-(m:Organization) RETURN DISTINCT c.id AS item, m.id AS maker`,
  ].join(' UNION ALL '),
};

/** Investments in `$target` (not `$in`: a keyword LadybugDB cannot parse as a parameter name) in force on `$asOf`, with every investor of each. */
export const INVESTORS: Query = {
  name: 'q.investors',
  cypher:
    `MATCH (t:Organization {id: $target})-[:INVESTEE_IN]->(d:Deal) WHERE ${inForceCypher('d')} WITH d ` +
    'MATCH (i:Organization)-[e:INVESTOR_IN]->(d) ' +
    'RETURN DISTINCT i.id AS investor, d.id AS deal, e.amountUsd AS partyAmountUsd, d.amountUsd AS dealAmountUsd',
};

export const SUPPLY_SOURCE_STATEMENTS = [SUPPLIERS, SUPPLY_COVERS, SUPPLY_MAKERS, INVESTORS] as const;

const num = (v: unknown) => (v == null ? null : Number(v));

/** The reference implementation: the statements above, on every call. */
export function storeSupply(store: GraphStore): SupplySource {
  const supplyRows = async (of: string, when: When): Promise<SupplyRow[]> =>
    (await store.read(SUPPLIERS, { of, ...whenParams(when) })).map((r) => ({
      supplier: String(r.supplier),
      deal: String(r.deal),
      dealKind: r.dealKind as DealKind,
      partyAmountUsd: num(r.partyAmountUsd),
    }));
  return {
    supplyRows,
    async customerSupply(of, excluded, when) {
      const rows = await supplyRows(of, when);
      return customerSupplyOf(rows, await dealMoneyOn(store, [...new Set(rows.map((r) => r.deal))], when), excluded);
    },
    async supplyCovers(of, when, deals) {
      const params = { of, ...whenParams(when) };
      const [covers, makers] = await Promise.all([store.read(SUPPLY_COVERS, params), store.read(SUPPLY_MAKERS, params)]);
      const mine = covers.filter((r) => deals.has(String(r.deal)));
      const items = new Set(mine.map((r) => String(r.item)));
      return {
        covers: mine.map((r) => ({ deal: String(r.deal), item: String(r.item), serviceKind: r.serviceKind ? (r.serviceKind as CloudServiceKind) : null })),
        makers: makers.filter((r) => items.has(String(r.item))).map((r) => ({ item: String(r.item), maker: String(r.maker) })),
      };
    },
    async investmentRows(target, when) {
      return (await store.read(INVESTORS, { target, ...whenParams(when) })).map((r) => ({
        investor: String(r.investor),
        deal: String(r.deal),
        partyAmountUsd: num(r.partyAmountUsd),
        dealAmountUsd: num(r.dealAmountUsd),
      }));
    },
    money: (ids, when) => dealMoneyOn(store, ids, when),
    granted: (grantor, when) => exclusivitiesInForce(store, null, grantor, when),
    async dealFacts(ids) {
      const rows = new Map((await store.read(NODE_STATEMENTS.Deal.getMany, { ids: [...new Set(ids)] })).map((r) => [String(r.id), r]));
      return ids.flatMap((id) => {
        const row = rows.get(id);
        return row ? [row] : [];
      });
    },
  };
}
