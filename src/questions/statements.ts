/** Every statement the questions send, for the query catalog (`src/queries/catalog.ts`). */
import type { Query } from '../store/graph-store.ts';
import { CHANGES, CHANGES_OF } from './changes.ts';
import { CHANNEL_STATEMENTS } from './channels.ts';
import { DIVERSIFICATION_STATEMENTS } from './diversification.ts';
import { FACT_GRADE_STATEMENTS } from './fact-grades.ts';
import { RESTRICTION_STATEMENTS } from './restrictions.ts';
import { COMMITMENTS_ALL, COMMITMENTS_OF } from './committed-usd.ts';
import { DEAL_MONEY_STATEMENTS } from './deal-money.ts';
import { DEAL_PARTIES } from './deal-parties.ts';
import { DEALS_STATEMENTS } from './deals.ts';
import { EXCLUSIVITIES } from './exclusivities.ts';
import { FEED_STATEMENTS } from './feed.ts';
import { NEIGHBOURS } from './neighborhood.ts';
import { ORGANIZATION_IDS, ORGANIZATIONS_COUNT, ORGANIZATIONS_PAGE } from './organizations.ts';
import { DEALS_OF_PARTIES } from './party-deals.ts';
import { PATH_STATEMENTS } from './paths.ts';
import { KNOWN_ID_STATEMENTS } from './rules/known-ids.ts';
import { SEARCH_INDEX_STATEMENTS } from './search-index.ts';
import { SUPPLY_GRAPH_QUERIES } from './supply-graph.ts';
import { SUPPLY_SOURCE_STATEMENTS } from './supply-source.ts';
import { VIEW_GRAPH_QUERIES } from './view-graph.ts';

export const QUESTION_STATEMENTS: readonly Query[] = [
  ...DEALS_STATEMENTS,
  DEALS_OF_PARTIES,
  DEAL_PARTIES,
  ...DEAL_MONEY_STATEMENTS,
  ...SUPPLY_SOURCE_STATEMENTS,
  ...SUPPLY_GRAPH_QUERIES,
  ...Object.values(EXCLUSIVITIES),
  COMMITMENTS_OF,
  COMMITMENTS_ALL,
  ORGANIZATIONS_PAGE,
  ORGANIZATIONS_COUNT,
  ORGANIZATION_IDS,
  ...PATH_STATEMENTS,
  ...Object.values(NEIGHBOURS),
  ...VIEW_GRAPH_QUERIES,
  CHANGES,
  CHANGES_OF,
  ...FEED_STATEMENTS,
  ...SEARCH_INDEX_STATEMENTS,
  ...KNOWN_ID_STATEMENTS,
  ...CHANNEL_STATEMENTS,
  ...RESTRICTION_STATEMENTS,
  ...FACT_GRADE_STATEMENTS,
  ...DIVERSIFICATION_STATEMENTS,
];
