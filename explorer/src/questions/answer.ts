/** What running a question gives the explorer: elements to draw, nodes to highlight, a table to show. */
import type { ElementSet } from '../graph/graph-elements';
import type { AnswerTable } from './answer-table';

export interface AnswerUi {
  navigate(id: string): void;
}

export interface Answer {
  /** One line above the table; it names the day the answer is for. */
  summary: string;
  /** Adds the answer's nodes and links to the drawing. */
  addTo(set: ElementSet): void;
  /** Nodes the drawing highlights. */
  highlight: string[];
  /** The answer's rows: shown sortable, exported as CSV. */
  table: AnswerTable;
  /** A chart above the table, for answers that have one. */
  chart?(): Element;
  /** What the table leaves out and why (e.g. deals of unknown amount). */
  notes?(ui: AnswerUi): HTMLElement | null;
  /** /graphiql prefilled with the question's query. */
  graphiql: string;
}

/** Deals as questions return them, with their parties. */
export interface DealWithParties {
  id: string;
  title: string;
  status: string;
  dealKind: string;
  amountUsd?: number | null;
  amountQualifier?: string | null;
  parties: { role: string; organization: { id: string; name: string; orgKind: string } }[];
}

/** Adds a deal, its parties and the links between them, as the neighbourhood would draw them. */
export function addDeal(set: ElementSet, d: DealWithParties): void {
  set.fact(d.id, 'DEAL', d.title, d.status, d.dealKind, d.amountUsd ?? null, d.amountQualifier ?? null);
  for (const p of d.parties) {
    set.organization(p.organization.id, p.organization.name, p.organization.orgKind);
    set.addEdge(p.organization.id, `${p.role}_IN`, d.id);
  }
}
