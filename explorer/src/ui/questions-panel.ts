/**
 * The questions panel: one tab per declared question (questions/registry.ts), its form built from
 * the question's fields (arrow keys move between tabs). Organization fields take an id or a name
 * (with suggestions); each form's button runs it. A field the API rejected is marked, and its
 * "did you mean" suggestions (from the API's NOT_FOUND error) fill it in when chosen.
 */
import { h, replaceChildren } from '../dom';
import type { Args, ArgValue, Field, QuestionSpec, QuestionState } from '../questions/question';
import { QUESTIONS } from '../questions/registry';

export interface Organization {
  id: string;
  name: string;
}

interface Form {
  spec: QuestionSpec;
  panel: HTMLFormElement;
  tab: HTMLButtonElement;
  inputs: Map<string, HTMLInputElement | HTMLSelectElement>;
}

export class QuestionsPanel {
  private readonly byName = new Map<string, string>();
  private readonly forms: Form[] = [];
  private readonly datalist = h('datalist', { id: 'organization-options' });

  constructor(
    root: HTMLElement,
    private readonly run: (q: QuestionState) => void,
  ) {
    for (const spec of QUESTIONS) this.forms.push(this.form(spec));
    this.forms.forEach((f, i) => {
      f.tab.addEventListener('click', () => this.showTab(i, true));
      f.tab.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        this.showTab((i + step + this.forms.length) % this.forms.length, true);
      });
    });
    replaceChildren(
      root,
      this.datalist,
      h(
        'div',
        { class: 'tabs', role: 'tablist', 'aria-label': 'Questions' },
        this.forms.map((f) => f.tab),
      ),
      this.forms.map((f) => f.panel),
    );
    this.showTab(0, false);
  }

  private form(spec: QuestionSpec): Form {
    const id = `question-${spec.name}`;
    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
    for (const f of spec.fields) inputs.set(f.param, this.input(`${spec.name}-${f.param}`, f));
    const panel = h(
      'form',
      {
        class: 'question',
        id: `${id}-panel`,
        role: 'tabpanel',
        'data-testid': id,
        'aria-label': spec.title,
        'aria-labelledby': `${id}-tab`,
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.run({ name: spec.name, args: this.read(spec, inputs) });
        },
      },
      h('h3', {}, spec.title),
      h(
        'div',
        { class: 'fields' },
        spec.fields.map((f) => {
          const input = inputs.get(f.param)!;
          return [h('label', { for: input.id }, f.label), input];
        }),
      ),
      h('button', { type: 'submit', class: 'run primary' }, spec.button),
    );
    const tab = h('button', { type: 'button', role: 'tab', id: `${id}-tab`, 'aria-controls': panel.id }, spec.tab);
    return { spec, panel, tab, inputs };
  }

  private input(id: string, f: Field): HTMLInputElement | HTMLSelectElement {
    if (f.type === 'integer')
      return h(
        'select',
        { id },
        Array.from({ length: (f.max ?? 6) - (f.min ?? 1) + 1 }, (_, i) => (f.min ?? 1) + i).map((n) =>
          h('option', { value: n, selected: n === f.initial }, String(n)),
        ),
      );
    const value = Array.isArray(f.initial) ? f.initial.join(', ') : String(f.initial);
    return h('input', {
      id,
      value,
      'data-param': f.param,
      list: 'organization-options',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: f.type === 'organizations' ? 'organizations, comma-separated' : 'organization id or name',
      oninput: (e: Event) => (e.target as HTMLElement).removeAttribute('aria-invalid'),
    });
  }

  private read(spec: QuestionSpec, inputs: Map<string, HTMLInputElement | HTMLSelectElement>): Args {
    const args: Record<string, ArgValue> = {};
    for (const f of spec.fields) {
      const v = inputs.get(f.param)!.value;
      if (f.type === 'integer') args[f.param] = Number(v);
      else if (f.type === 'organizations')
        args[f.param] = v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
          .map((x) => this.resolve(x));
      else args[f.param] = this.resolve(v);
    }
    return args;
  }

  private showTab(index: number, focus: boolean): void {
    this.forms.forEach((f, i) => {
      f.tab.setAttribute('aria-selected', String(i === index));
      f.tab.tabIndex = i === index ? 0 : -1;
      f.panel.hidden = i !== index;
    });
    if (focus) this.forms[index]!.tab.focus();
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

  /** An organization's id from what was typed: its id or its name (an unknown one goes to the API, which says so). */
  private resolve(text: string): string {
    const t = text.trim();
    return this.byName.get(t.toLowerCase()) ?? t.toLowerCase();
  }

  /** Shows a question's arguments in its form (a shared link or the back button). */
  show(q: QuestionState | null): void {
    for (const f of this.forms) for (const input of f.inputs.values()) input.removeAttribute('aria-invalid');
    if (!q) return;
    const index = this.forms.findIndex((f) => f.spec.name === q.name);
    if (index < 0) return;
    this.showTab(index, false);
    for (const [param, input] of this.forms[index]!.inputs) {
      const v = q.args[param];
      if (v !== undefined) input.value = Array.isArray(v) ? v.join(', ') : String(v);
    }
  }

  /** Marks the field holding an id the API did not know (by the id, in the question shown). */
  markInvalid(q: QuestionState, id: string): void {
    const form = this.forms.find((f) => f.spec.name === q.name);
    for (const [param, input] of form?.inputs ?? []) {
      const v = q.args[param];
      if (Array.isArray(v) ? v.includes(id) : v === id) input.setAttribute('aria-invalid', 'true');
    }
  }
}
