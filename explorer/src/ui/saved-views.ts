/**
 * Saved views: a name for the current URL (which holds the whole view), kept in this browser's
 * localStorage. Each saved view is a plain link, so it opens in a new tab, can be copied, and
 * works in any other browser too.
 */
import { h, replaceChildren } from '../dom';

const KEY = 'aigraph.savedViews';

export interface SavedView {
  name: string;
  /** The view's query string ("?node=openai&…"). */
  search: string;
}

function load(): SavedView[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is SavedView => typeof x?.name === 'string' && typeof x?.search === 'string') : [];
  } catch {
    return [];
  }
}

export class SavedViews {
  private readonly name = h('input', { id: 'view-name', 'data-testid': 'view-name', placeholder: 'name this view', autocomplete: 'off', maxlength: 80 });
  private readonly list = h('ul', { class: 'saved-views', 'data-testid': 'saved-views' });
  private readonly message = h('p', { class: 'muted', role: 'status' });

  constructor(root: HTMLElement) {
    const form = h(
      'form',
      {
        class: 'save-view',
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.save();
        },
      },
      h('label', { for: this.name.id, class: 'visually-hidden' }, 'Name of the view'),
      this.name,
      h('button', { type: 'submit', 'data-testid': 'save-view' }, 'Save'),
    );
    replaceChildren(root, form, this.message, this.list);
    this.render();
  }

  private save(): void {
    const name = this.name.value.trim();
    if (!name) {
      this.message.textContent = 'Give the view a name first.';
      this.name.focus();
      return;
    }
    const views = load().filter((v) => v.name !== name);
    views.unshift({ name, search: location.search });
    localStorage.setItem(KEY, JSON.stringify(views));
    this.name.value = '';
    this.message.textContent = `Saved “${name}”.`;
    this.render();
  }

  private remove(name: string): void {
    localStorage.setItem(KEY, JSON.stringify(load().filter((v) => v.name !== name)));
    this.render();
  }

  private render(): void {
    const views = load();
    replaceChildren(
      this.list,
      views.length
        ? views.map((v) =>
            h(
              'li',
              {},
              h('a', { href: `${location.pathname}${v.search}`, 'data-testid': 'saved-view' }, v.name),
              h('button', { type: 'button', class: 'link', 'aria-label': `Delete the view ${v.name}`, onclick: () => this.remove(v.name) }, '×'),
            ),
          )
        : h('li', { class: 'muted' }, 'No saved views yet.'),
    );
  }
}
