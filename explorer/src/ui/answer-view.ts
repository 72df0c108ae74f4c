/**
 * The answer under the graph: a summary naming the day, the chart (for charts), the table
 * (columns sort on click; rows link to the graph) and what the table leaves out. An error from
 * the API is shown as it is, and its "did you mean" suggestions are buttons that ask again with
 * the suggested id.
 */
import { GraphqlError } from '../api/client';
import { h, replaceChildren } from '../dom';
import type { Answer, AnswerUi } from '../questions/answer';
import { sortRows, type AnswerTable } from '../questions/answer-table';

export interface AnswerViewActions extends AnswerUi {
  clear(): void;
  /** Ask again with `replacement` where the question had the unknown `id`. */
  retry(id: string, replacement: string): void;
  setFade(on: boolean): void;
}

export interface AnswerViewElements {
  panel: HTMLElement;
  links: HTMLElement;
  summary: HTMLElement;
  chart: HTMLElement;
  table: HTMLElement;
  notes: HTMLElement;
}

export class AnswerView {
  private table: AnswerTable | null = null;
  private sort: { key: string; descending: boolean } | null = null;
  private fade = false;

  constructor(
    private readonly el: AnswerViewElements,
    private readonly actions: AnswerViewActions,
  ) {}

  empty(): void {
    this.table = null;
    this.el.panel.hidden = true;
    for (const e of [this.el.links, this.el.summary, this.el.chart, this.el.table, this.el.notes]) replaceChildren(e);
  }

  loading(): void {
    this.el.panel.hidden = false;
    this.el.panel.dataset.state = 'loading';
  }

  error(err: unknown): void {
    this.empty();
    this.el.panel.hidden = false;
    this.el.panel.dataset.state = 'error';
    const message = err instanceof Error ? err.message : String(err);
    const unknown = err instanceof GraphqlError ? err.extensions : {};
    replaceChildren(
      this.el.summary,
      h(
        'div',
        { class: 'error', role: 'alert', 'data-testid': 'answer-error' },
        message,
        unknown.id && unknown.suggestions?.length
          ? h(
              'div',
              { class: 'suggestions' },
              'Ask with: ',
              unknown.suggestions.map((s) =>
                h('button', { type: 'button', class: 'suggestion', 'data-testid': 'suggestion', onclick: () => this.actions.retry(unknown.id!, s) }, s),
              ),
            )
          : null,
      ),
    );
    this.links();
  }

  show(answer: Answer, fade: boolean): void {
    this.el.panel.hidden = false;
    this.el.panel.dataset.state = 'ready';
    this.fade = fade;
    this.table = answer.table;
    this.sort = answer.table.sort ?? null;
    replaceChildren(this.el.summary, h('p', { class: 'summary' }, answer.summary));
    replaceChildren(this.el.chart, answer.chart?.() ?? null);
    replaceChildren(this.el.notes, answer.notes?.(this.actions) ?? null);
    this.links(answer.graphiql);
    this.drawTable();
  }

  /** Shows whether the rest of the graph is faded (the table, its order included, stays as it is). */
  showFade(on: boolean): void {
    this.fade = on;
    this.el.links.querySelector('[data-testid="focus-answer"]')?.setAttribute('aria-pressed', String(on));
  }

  private links(graphiql?: string): void {
    replaceChildren(
      this.el.links,
      graphiql ? h('a', { href: graphiql, target: '_blank', rel: 'noopener' }, 'GraphiQL') : null,
      this.table
        ? h(
            'button',
            {
              type: 'button',
              'data-testid': 'focus-answer',
              'aria-pressed': String(this.fade),
              title: 'Fade everything in the graph but the answer',
              onclick: () => this.actions.setFade(!this.fade),
            },
            'Focus on answer',
          )
        : null,
      h('button', { type: 'button', onclick: () => this.actions.clear() }, 'Clear'),
    );
  }

  /** The rows in the order shown. */
  rows(): readonly unknown[] {
    if (!this.table) return [];
    return this.sort ? sortRows(this.table, this.sort.key, this.sort.descending) : this.table.rows;
  }

  /** The table as shown, for the CSV export; null when no answer shows. */
  current(): AnswerTable | null {
    return this.table;
  }

  private drawTable(): void {
    const t = this.table;
    if (!t) return replaceChildren(this.el.table);
    if (!t.rows.length) return replaceChildren(this.el.table, h('p', { class: 'muted' }, 'Nothing answers this question on this day.'));
    const head = t.columns.map((c) => {
      const sorted = this.sort?.key === c.key ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
      return h(
        'th',
        { scope: 'col', 'aria-sort': sorted, class: c.numeric ? 'num' : null, 'data-key': c.key },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            title: c.title ? `${c.title}. Sort by ${c.label.toLowerCase()}` : `Sort by ${c.label.toLowerCase()}`,
            onclick: () => this.sortBy(c.key, !!c.numeric),
          },
          c.label,
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''),
        ),
      );
    });
    const body = this.rows().map((r) =>
      h(
        'tr',
        { 'data-id': t.rowId(r) },
        t.columns.map((c) => {
          const v = c.value(r);
          return h('td', { class: c.numeric ? 'num' : null }, c.cell ? c.cell(r, this.actions) : v === null || v === '' ? '—' : String(v));
        }),
      ),
    );
    replaceChildren(
      this.el.table,
      h('table', { class: 'answer-table', 'data-testid': 'answer-table' }, h('thead', {}, h('tr', {}, head)), h('tbody', {}, body)),
    );
  }

  /** A first click sorts numbers largest first and text A to Z; the next click reverses. */
  private sortBy(key: string, numeric: boolean): void {
    this.sort = this.sort?.key === key ? { key, descending: !this.sort.descending } : { key, descending: numeric };
    this.drawTable();
    this.el.table.querySelector<HTMLButtonElement>(`th[data-key="${key}"] button`)?.focus();
  }
}
