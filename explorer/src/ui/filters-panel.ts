/** Filters: which node kinds are drawn, which statuses of facts, which deal amounts. */
import { h, replaceChildren } from '../dom';
import { humanize } from '../format';
import type { GraphNodeKind, Status } from '../gql/graphql';
import { ALL_KINDS, ALL_STATUSES, type ViewState } from '../state/view-state';

export type FilterChange = Pick<ViewState, 'kinds' | 'statuses' | 'minBn' | 'maxBn'>;

export class FiltersPanel {
  private readonly kindBoxes = new Map<GraphNodeKind, HTMLInputElement>();
  private readonly statusBoxes = new Map<Status, HTMLInputElement>();
  private readonly min = h('input', {
    type: 'number',
    min: 0,
    step: 'any',
    inputmode: 'decimal',
    'aria-label': 'Minimum deal amount, billions of US dollars',
    placeholder: 'min',
  });
  private readonly max = h('input', {
    type: 'number',
    min: 0,
    step: 'any',
    inputmode: 'decimal',
    'aria-label': 'Maximum deal amount, billions of US dollars',
    placeholder: 'max',
  });

  constructor(
    root: HTMLElement,
    private readonly onChange: (change: FilterChange) => void,
  ) {
    const box = (value: string, text: string) => {
      const input = h('input', { type: 'checkbox', value, checked: true, onchange: () => this.emit() });
      return { input, label: h('label', {}, input, text) };
    };
    const kinds = ALL_KINDS.map((k) => {
      const b = box(k, humanize(k));
      this.kindBoxes.set(k, b.input);
      return b.label;
    });
    const statuses = ALL_STATUSES.map((s) => {
      const b = box(s, humanize(s));
      this.statusBoxes.set(s, b.input);
      return b.label;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.emit(), 300);
    };
    this.min.addEventListener('input', later);
    this.max.addEventListener('input', later);
    replaceChildren(
      root,
      h('fieldset', {}, h('legend', {}, 'Kinds'), h('div', { class: 'checks' }, kinds)),
      h('fieldset', {}, h('legend', {}, 'Statuses of deals and exclusivities'), h('div', { class: 'checks' }, statuses)),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Deal amount (US$ bn)'),
        h('div', { class: 'range' }, this.min, '–', this.max),
        h('div', { class: 'muted', style: 'font-size:12px' }, 'Deals of unknown amount stay drawn.'),
      ),
      h('button', { type: 'button', onclick: () => this.reset() }, 'Reset filters'),
    );
  }

  show(s: ViewState): void {
    for (const [k, input] of this.kindBoxes) input.checked = s.kinds.includes(k);
    for (const [k, input] of this.statusBoxes) input.checked = !s.statuses || s.statuses.includes(k);
    this.min.value = s.minBn === null ? '' : String(s.minBn);
    this.max.value = s.maxBn === null ? '' : String(s.maxBn);
  }

  private reset(): void {
    for (const input of [...this.kindBoxes.values(), ...this.statusBoxes.values()]) input.checked = input.value !== 'SOURCE';
    this.min.value = '';
    this.max.value = '';
    this.emit();
  }

  private emit(): void {
    const statuses = [...this.statusBoxes].filter(([, i]) => i.checked).map(([s]) => s);
    const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
    this.onChange({
      kinds: [...this.kindBoxes].filter(([, i]) => i.checked).map(([k]) => k),
      statuses: statuses.length === ALL_STATUSES.length ? null : statuses,
      minBn: num(this.min.value),
      maxBn: num(this.max.value),
    });
  }
}
