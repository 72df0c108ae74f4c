/**
 * The questions panel: suppliers of X outside Y, exclusivities of X, the concentration of X's
 * compute supply, paths between two organizations, one tab each (arrow keys move between tabs).
 * Fields take an organization's id or name (with suggestions); each form's first button runs it.
 */
import { h, replaceChildren } from '../dom';
import type { QuestionState } from '../state/view-state';

export interface Organization {
  id: string;
  name: string;
}

export class QuestionsPanel {
  private readonly byName = new Map<string, string>();
  private readonly tabs: HTMLButtonElement[] = [];
  private readonly panels: HTMLFormElement[] = [];
  private readonly datalist = h('datalist', { id: 'organization-options' });
  private readonly fields = {
    suppliersOf: this.orgField('suppliers-of', 'openai'),
    suppliersExcluding: this.orgField('suppliers-excluding', 'microsoft'),
    exclusivitiesOf: this.orgField('exclusivities-of', 'openai'),
    concentrationOf: this.orgField('concentration-of', 'openai'),
    pathsFrom: this.orgField('paths-from', 'amazon'),
    pathsTo: this.orgField('paths-to', 'microsoft'),
    maxHops: h(
      'select',
      { id: 'paths-max-hops' },
      [1, 2, 3, 4, 5, 6].map((n) => h('option', { value: n, selected: n === 3 }, String(n))),
    ),
  };

  constructor(
    root: HTMLElement,
    private readonly run: (q: QuestionState) => void,
  ) {
    const f = this.fields;
    const form = (testid: string, title: string, rows: [string, HTMLElement][], button: string, ask: () => QuestionState) =>
      h(
        'form',
        {
          class: 'question',
          id: `${testid}-panel`,
          role: 'tabpanel',
          'data-testid': testid,
          'aria-label': title,
          onsubmit: (e: Event) => {
            e.preventDefault();
            this.run(ask());
          },
        },
        h('h3', {}, title),
        h(
          'div',
          { class: 'fields' },
          rows.flatMap(([label, input]) => [h('label', { for: input.id }, label), input]),
        ),
        h('button', { type: 'submit', class: 'run primary' }, button),
      );
    const forms = [
      form(
        'question-suppliers',
        'Who supplies X outside Y?',
        [
          ['Supplies', f.suppliersOf],
          ['Outside', f.suppliersExcluding],
        ],
        'Find suppliers',
        () => ({
          name: 'suppliers',
          of: this.resolve(f.suppliersOf.value),
          excluding: f.suppliersExcluding.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
            .map((v) => this.resolve(v)),
        }),
      ),
      form('question-exclusivities', 'Exclusivities of X', [['Of', f.exclusivitiesOf]], 'Show exclusivities', () => ({
        name: 'exclusivities',
        org: this.resolve(f.exclusivitiesOf.value),
      })),
      form('question-concentration', 'Concentration of X’s compute', [['Of', f.concentrationOf]], 'Chart concentration', () => ({
        name: 'concentration',
        of: this.resolve(f.concentrationOf.value),
      })),
      form(
        'question-paths',
        'Paths between two organizations',
        [
          ['From', f.pathsFrom],
          ['To', f.pathsTo],
          ['Max hops', f.maxHops],
        ],
        'Find paths',
        () => ({
          name: 'paths',
          from: this.resolve(f.pathsFrom.value),
          to: this.resolve(f.pathsTo.value),
          maxHops: Number(f.maxHops.value),
        }),
      ),
    ];
    const names = ['Suppliers', 'Exclusivities', 'Concentration', 'Paths'];
    forms.forEach((panel, i) => {
      const tab = h(
        'button',
        { type: 'button', role: 'tab', id: `${panel.id}-tab`, 'aria-controls': panel.id, onclick: () => this.showTab(i, true) },
        names[i]!,
      );
      tab.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        this.showTab((i + step + forms.length) % forms.length, true);
      });
      panel.setAttribute('aria-labelledby', tab.id);
      this.tabs.push(tab);
      this.panels.push(panel);
    });
    replaceChildren(root, this.datalist, h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Questions' }, this.tabs), forms);
    this.showTab(0, false);
  }

  private showTab(index: number, focus: boolean): void {
    this.tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      this.panels[i]!.hidden = i !== index;
    });
    if (focus) this.tabs[index]!.focus();
  }

  private orgField(id: string, value: string): HTMLInputElement {
    return h('input', { id, value, list: 'organization-options', autocomplete: 'off', spellcheck: 'false', placeholder: 'organization id or name' });
  }

  /** Suggestions for the fields: every organization (value: id, label: name). */
  setOrganizations(orgs: readonly Organization[]): void {
    replaceChildren(
      this.datalist,
      orgs.map((o) => h('option', { value: o.id }, o.name)),
    );
    for (const o of orgs) {
      this.byName.set(o.name.toLowerCase(), o.id);
      this.byName.set(o.id, o.id);
    }
  }

  /** An organization's id from what was typed: its id or its name. */
  private resolve(text: string): string {
    const t = text.trim();
    return this.byName.get(t.toLowerCase()) ?? t.toLowerCase();
  }

  /** Shows a question's arguments in its form (a shared link or the back button). */
  show(q: QuestionState | null): void {
    if (!q) return;
    this.showTab(['suppliers', 'exclusivities', 'concentration', 'paths'].indexOf(q.name), false);
    const f = this.fields;
    if (q.name === 'suppliers') {
      f.suppliersOf.value = q.of;
      f.suppliersExcluding.value = q.excluding.join(', ');
    } else if (q.name === 'exclusivities') f.exclusivitiesOf.value = q.org;
    else if (q.name === 'concentration') f.concentrationOf.value = q.of;
    else {
      f.pathsFrom.value = q.from;
      f.pathsTo.value = q.to;
      f.maxHops.value = String(q.maxHops);
    }
  }
}
