/**
 * The search box: typeahead over names, titles and aliases (Query.search), as an ARIA combobox.
 * Arrow keys move through the hits, Enter chooses, Escape closes; `/` anywhere focuses it.
 */
import { isAbort, request } from '../api/client';
import { searchQuery } from '../api/documents';
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import type { SearchQuery } from '../gql/graphql';

export interface SearchHit {
  id: string;
  name: string;
  /** What it is, in words: "AI lab", "Chip", "Deal · signed". */
  what: string;
}

export function toHit(n: SearchQuery['search'][number]): SearchHit {
  switch (n.__typename) {
    case 'Organization':
      return { id: n.id, name: n.name, what: humanize(n.orgKind) };
    case 'Chip':
      return { id: n.id, name: n.name, what: `Chip · ${humanize(n.chipKind)}` };
    case 'CloudService':
      return { id: n.id, name: n.name, what: `Cloud service` };
    case 'Deal':
      return { id: n.id, name: n.title, what: `Deal · ${humanize(n.status).toLowerCase()}` };
    case 'Exclusivity':
      return { id: n.id, name: n.title, what: `Exclusivity · ${humanize(n.status).toLowerCase()}` };
    default:
      return { id: n.id, name: n.id, what: n.__typename };
  }
}

export class SearchBox {
  private hits: SearchHit[] = [];
  /** The text the hits answer. */
  private answered = '';
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly onChoose: (hit: SearchHit) => void,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.addEventListener('focus', () => {
      if (this.hits.length && input.value.trim()) this.open();
    });
    document.addEventListener('keydown', (e) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (!text) {
      this.hits = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.search(text), 120);
  }

  private async search(text: string): Promise<void> {
    this.inflight?.abort();
    const ctl = (this.inflight = new AbortController());
    try {
      const data = await request(searchQuery, { text, first: 10 }, ctl.signal);
      if (ctl.signal.aborted) return;
      this.hits = data.search.map(toHit);
      this.answered = text;
      this.active = this.hits.length ? 0 : -1;
      this.render();
    } catch (err) {
      if (!isAbort(err)) {
        this.hits = [];
        this.render(err instanceof Error ? err.message : String(err));
      }
    }
  }

  private render(error?: string): void {
    const items = this.hits.map((hit, i) =>
      h(
        'li',
        {
          id: `search-opt-${i}`,
          role: 'option',
          'aria-selected': i === this.active ? 'true' : 'false',
          'data-id': hit.id,
          onmousedown: (e: Event) => {
            e.preventDefault();
            this.choose(i);
          },
        },
        h('span', { class: 'hit-name' }, hit.name),
        h('span', { class: 'hit-kind' }, hit.what),
      ),
    );
    if (!items.length) items.push(h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, error ? `Search failed: ${error}` : 'Nothing found'));
    replaceChildren(this.list, items);
    this.open();
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  private move(delta: number): void {
    if (!this.hits.length) return;
    this.active = (this.active + delta + this.hits.length) % this.hits.length;
    for (const li of this.list.querySelectorAll('li[role=option]')) li.setAttribute('aria-selected', li.id === `search-opt-${this.active}` ? 'true' : 'false');
    this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
    this.list.querySelector(`#search-opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (this.list.hidden && this.hits.length) this.open();
      else this.move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      if (text === this.answered) this.choose(Math.max(0, this.active));
      else {
        // Enter before the typeahead answered: ask now, then take the best hit.
        clearTimeout(this.timer);
        void this.search(text).then(() => {
          if (this.answered === text) this.choose(0);
        });
      }
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private choose(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.input.value = hit.name;
    this.close();
    this.onChoose(hit);
  }
}
