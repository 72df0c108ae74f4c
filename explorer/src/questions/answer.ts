/** What running a question gives the explorer: elements to draw, nodes to highlight, a list to show. */
import type { ElementSet } from '../graph/graph-elements';

export interface AnswerUi {
  navigate(id: string): void;
}

export interface Answer {
  /** The node the view is drawn around while this answer shows. */
  root: string;
  /** One line above the list. */
  summary: string;
  /** Adds the answer's nodes and links to the drawing. */
  addTo(set: ElementSet): void;
  /** Nodes the drawing highlights. */
  highlight: string[];
  /** Fills the result list (and the chart area, for charts). */
  render(list: HTMLOListElement, chart: HTMLElement, ui: AnswerUi): void;
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
