/**
 * The explorer: keeps the view's state (mirrored in the URL), loads what it needs from
 * /graphql, and ties the search box, the graph, the panels, the answer and the time controls
 * together. Every request is asked on the view's two clocks (asOf, knownOn).
 */
import { GraphqlError, isAbort, request } from './api/client';
import { historyBoundsQuery, neighborhoodQuery, nodeDetailsQuery, organizationsQuery } from './api/documents';
import { byId } from './dom';
import { toCsv } from './export/csv';
import { download } from './export/download';
import { toGraphml, toJson, type ExportedView } from './export/graph-export';
import { dayText } from './format';
import type { OrganizationsQuery } from './gql/graphql';
import { ElementSet, type EdgeData, type NodeData } from './graph/graph-elements';
import { GraphView, type Decorations } from './graph/graph-view';
import { graphiqlHref, viewQuery } from './graphiql-link';
import type { Answer } from './questions/answer';
import type { ArgValue, QuestionState } from './questions/question';
import { questionNamed } from './questions/registry';
import { isDate, readState, writeState, type ViewState } from './state/view-state';
import { AnswerView } from './ui/answer-view';
import { DetailsPanel } from './ui/details-panel';
import { FiltersPanel } from './ui/filters-panel';
import { bindGraphKeys } from './ui/graph-keyboard';
import { renderLegend } from './ui/legend';
import { QuestionsPanel, type Organization } from './ui/questions-panel';
import { SavedViews } from './ui/saved-views';
import { SearchBox } from './ui/search-box';
import { StylePanel } from './ui/style-panel';
import { TimeSlider } from './ui/time-slider';
import { loadChanges, timelineStrip } from './ui/timeline';

const ROOT_LIMIT = 300;
const EXPAND_LIMIT = 150;
/** The timeline's first day until the earliest announcement is known. */
const FIRST_DAY = '2019-01-01';

const subjectOf = (q: QuestionState): string => questionNamed(q.name)!.subject(q.args);

/** What the data of a view depends on: when it is unchanged, a redraw needs no request. */
const dataKey = (s: ViewState) => JSON.stringify([s.root, s.depth, s.kinds, s.asOf, s.knownOn, s.expanded, s.question]);

export class App {
  private state: ViewState = readState(location.search);
  private readonly graph: GraphView;
  private readonly details: DetailsPanel;
  private readonly filters: FiltersPanel;
  private readonly questions: QuestionsPanel;
  private readonly slider: TimeSlider;
  private readonly answerView: AnswerView;
  private readonly style: StylePanel;
  private readonly knownOn = byId<HTMLInputElement>('knownon-date');
  /** What the last load drew, so grouping deals redraws without a request. */
  private lastSet: ElementSet | null = null;
  private firstDay = FIRST_DAY;
  private readonly canvas = byId('graph-canvas');
  private readonly status = byId('graph-status');
  private answer: Answer | null = null;
  private loadedKey: string | null = null;
  private loadSeq = 0;
  private detailsSeq = 0;
  private sliderTimer: ReturnType<typeof setTimeout> | undefined;
  private truncated = false;
  /** Scroll the answer into view once it is drawn (after the user asked). */
  private revealAnswer = false;

  constructor() {
    this.graph = new GraphView(this.canvas, {
      select: (id) => this.select(id),
      expand: (id) => void this.expand(id),
    });
    this.canvas.addEventListener('node-dragged', (e) => this.setPinned((e as CustomEvent<string>).detail, true));
    this.details = new DetailsPanel(byId('details-panel'), { navigate: (id) => void this.navigate(id) });
    this.filters = new FiltersPanel(byId('filters-body'), (change) => {
      const refetch = change.kinds.join() !== this.state.kinds.join();
      Object.assign(this.state, change);
      this.commit(false);
      if (refetch) void this.reload();
      else this.redecorate();
    });
    this.questions = new QuestionsPanel(byId('questions-body'), (q) => void this.ask(q));
    this.answerView = new AnswerView(
      {
        panel: byId('answer-panel'),
        links: byId('results-links'),
        summary: byId('results-summary'),
        chart: byId('results-chart'),
        table: byId('results-table'),
        notes: byId('results-notes'),
      },
      {
        navigate: (id) => void this.navigate(id),
        clear: () => {
          this.state.question = null;
          this.commit(true);
          void this.reload();
        },
        retry: (id, replacement) => this.retry(id, replacement),
        setFade: (on) => {
          this.state.focusAnswer = on;
          this.commit(false);
          this.redecorate();
          if (this.answer) {
            this.answerView.showFade(on);
            this.graph.fitTo(on ? new Set(this.answer.highlight) : new Set(this.graph.visibleNodes().map((n) => n.id)));
          }
        },
      },
    );
    this.style = new StylePanel(
      byId('style-body'),
      (change) => {
        const regroup = change.groupDeals !== this.state.groupDeals;
        Object.assign(this.state, change);
        this.commit(false);
        if (regroup) this.redraw();
        else this.redecorate();
      },
      (id) => void this.navigate(id),
    );
    new SavedViews(byId('views-body'));
    this.knownOn.addEventListener('change', () => this.setKnownOn(this.knownOn.value || null));
    byId('knownon-clear').addEventListener('click', () => this.setKnownOn(null));
    this.slider = new TimeSlider(
      {
        slider: byId<HTMLInputElement>('asof-slider'),
        output: byId<HTMLOutputElement>('asof-output'),
        date: byId<HTMLInputElement>('asof-date'),
        all: byId<HTMLButtonElement>('asof-all'),
        play: byId<HTMLButtonElement>('asof-play'),
      },
      (asOf, settled) => this.setAsOf(asOf, settled),
    );
    new SearchBox(byId<HTMLInputElement>('search-input'), byId<HTMLUListElement>('search-results'), (hit) => void this.draw(hit.id));
    for (const b of byId('graph-empty').querySelectorAll<HTMLButtonElement>('button[data-draw]'))
      b.addEventListener('click', () => void this.draw(b.dataset.draw!));
    this.bindToolbar();
    bindGraphKeys(this.canvas, {
      step: (d) => this.step(d),
      expand: () => this.state.selected && void this.expand(this.state.selected),
      hide: () => this.state.selected && this.hide(this.state.selected),
      pin: () => this.state.selected && this.setPinned(this.state.selected, !this.state.pinned.includes(this.state.selected)),
      cycleFocus: () => this.setFocus(this.state.focusDegrees === null ? 1 : this.state.focusDegrees >= 3 ? null : this.state.focusDegrees + 1),
      zoom: (f) => this.graph.zoomBy(f),
      fit: () => this.graph.fit(),
      relayout: () => this.graph.layout(false),
      clear: () => this.select(null),
    });
    window.addEventListener('popstate', () => {
      this.state = readState(location.search);
      this.showState();
      void this.reload();
    });
  }

  async start(): Promise<void> {
    this.showState();
    void this.loadReferenceData();
    await this.reload();
  }

  /** The earliest announcement (the slider's first day) and every organization (the question fields' suggestions). */
  private async loadReferenceData(): Promise<void> {
    try {
      const bounds = await request(historyBoundsQuery, {});
      const first = bounds.deals.edges[0]?.node.announcedOn;
      if (first) {
        this.slider.setFirstDay(first);
        this.firstDay = `${first.slice(0, 7)}-01`;
      }
      this.slider.set(this.state.asOf);
      const orgs: Organization[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const { organizations }: OrganizationsQuery = await request(organizationsQuery, { after });
        orgs.push(...organizations.edges.map((e) => ({ id: e.node.id, name: e.node.name })));
        if (!organizations.pageInfo.hasNextPage) break;
        after = organizations.pageInfo.endCursor ?? null;
      }
      this.questions.setOrganizations(orgs);
    } catch (err) {
      this.setStatus(`Could not load reference data: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // ------------------------------------------------------------------ state and URL

  /** Writes the state to the URL: a new history entry for a new view, in place for a tweak. */
  private commit(push: boolean): void {
    const url = `${location.pathname}${writeState(this.state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    this.updateGraphiqlLink();
  }

  private showState(): void {
    this.filters.show(this.state);
    this.style.show(this.state);
    this.questions.show(this.state.question);
    this.slider.set(this.state.asOf);
    this.knownOn.value = this.state.knownOn ?? '';
    this.showLegend();
    byId<HTMLSelectElement>('depth-select').value = String(this.state.depth);
    byId<HTMLSelectElement>('tool-focus').value = this.state.focusDegrees === null ? '' : String(this.state.focusDegrees);
    this.updateGraphiqlLink();
  }

  private updateGraphiqlLink(): void {
    const s = this.state;
    const link = byId<HTMLAnchorElement>('graphiql-link');
    link.href = s.root
      ? graphiqlHref(viewQuery({ root: s.root, depth: s.depth, kinds: s.kinds, asOf: s.asOf, knownOn: s.knownOn, limit: ROOT_LIMIT, expanded: s.expanded }))
      : '/graphiql';
  }

  // ------------------------------------------------------------------ loading and drawing

  private decorations(): Decorations {
    const s = this.state;
    const statuses = s.statuses ? new Set<string>(s.statuses) : null;
    const min = s.minBn === null ? null : s.minBn * 1e9;
    const max = s.maxBn === null ? null : s.maxBn * 1e9;
    return {
      hidden: new Set(s.hidden),
      pinned: new Set(s.pinned),
      anchors: new Set([s.root, ...s.expanded].filter((x): x is string => !!x)),
      keep: (n: NodeData) => {
        if (!s.kinds.includes(n.kind)) return false;
        if (statuses && n.status && (n.kind === 'DEAL' || n.kind === 'EXCLUSIVITY') && !statuses.has(n.status)) return false;
        if (n.kind === 'DEAL' && n.amountUsd !== null) {
          if (min !== null && n.amountUsd < min) return false;
          if (max !== null && n.amountUsd > max) return false;
        }
        return true;
      },
      focus: s.focusDegrees !== null && s.selected ? { id: s.selected, degrees: s.focusDegrees } : null,
      highlight: this.answer ? new Set(this.answer.highlight) : null,
      fade: s.focusAnswer,
      colorBy: s.colorBy,
      sizeBy: s.sizeBy,
    };
  }

  private showLegend(): void {
    const s = this.state;
    const day = dayText(s.asOf, s.knownOn);
    renderLegend(byId('legend-body'), { day, colorBy: s.colorBy, sizeBy: s.sizeBy });
    byId('legend-day').textContent = `· statuses on ${day}`;
  }

  /** Loads the view's data (root, expansions, question) and draws it. */
  async reload(): Promise<void> {
    const s = this.state;
    const seq = ++this.loadSeq;
    const key = dataKey(s);
    if (s.linkErrors.length) {
      // A link that says something impossible is shown as such, and nothing is guessed around
      // it; whatever the user does next starts from what could be read.
      this.answer = null;
      this.answerView.error(new Error(`This link cannot be opened as it is: ${s.linkErrors.join(' ')}`));
      s.linkErrors = [];
      this.setStatus('');
      this.canvas.dataset.state = 'error';
      return;
    }
    if (!s.root) {
      this.loadedKey = key;
      this.answer = null;
      this.lastSet = null;
      this.graph.setElements([], this.decorations(), true);
      this.answerView.empty();
      this.afterDraw();
      return;
    }
    this.canvas.dataset.state = 'loading';
    this.setStatus('Loading…');
    const fresh = this.loadedKey === null || JSON.parse(this.loadedKey)[0] !== s.root;
    const variables = (id: string, depth: number, limit: number) => ({ id, depth, kinds: s.kinds, asOf: s.asOf, knownOn: s.knownOn, limit });
    const question = s.question;
    if (question) this.answerView.loading();
    const [views, answer] = await Promise.all([
      Promise.allSettled([
        request(neighborhoodQuery, variables(s.root, s.depth, ROOT_LIMIT)),
        ...s.expanded.map((id) => request(neighborhoodQuery, variables(id, 1, EXPAND_LIMIT))),
      ]),
      question
        ? this.runQuestion(question).then(
            (a) => ({ ok: a }),
            (err: unknown) => ({ err }),
          )
        : Promise.resolve(null),
    ]);
    if (seq !== this.loadSeq) return;
    const set = new ElementSet();
    const failed: string[] = [];
    this.truncated = false;
    views.forEach((v, i) => {
      if (v.status === 'fulfilled') {
        set.addNeighborhood(v.value.neighborhood);
        this.truncated ||= v.value.neighborhood.truncated;
      } else failed.push(`${i === 0 ? s.root : s.expanded[i - 1]}: ${v.reason instanceof Error ? v.reason.message : String(v.reason)}`);
    });
    this.answer = answer && 'ok' in answer ? answer.ok : null;
    this.answer?.addTo(set);
    if (this.answer) this.answerView.show(this.answer, s.focusAnswer);
    else if (answer && 'err' in answer) {
      this.answerView.error(answer.err);
      if (question && answer.err instanceof GraphqlError && answer.err.extensions.id) this.questions.markInvalid(question, answer.err.extensions.id);
    } else this.answerView.empty();
    byId<HTMLButtonElement>('export-csv').disabled = !this.answer;
    // On a narrow screen the answer is below the fold: bring it up once the user asked.
    if (this.revealAnswer) {
      this.revealAnswer = false;
      if (matchMedia('(max-width: 900px)').matches) byId('results-title').scrollIntoView({ block: 'nearest' });
    }
    this.lastSet = set;
    const anchors = new Set([s.root, ...s.expanded]);
    this.graph.setElements(set.toDefinitions(anchors, s.groupDeals), this.decorations(), fresh);
    this.loadedKey = key;
    if (failed.length) {
      this.canvas.dataset.state = 'error';
      this.setStatus(`Could not load ${failed.join('; ')}`);
      if (!set.nodes.size) this.details.error(failed.join('\n'));
    }
    this.afterDraw(failed.length === 0);
    if (s.selected) this.select(s.selected, false);
    else if (!failed.length) this.details.empty();
  }

  private runQuestion(q: QuestionState): Promise<Answer> {
    return questionNamed(q.name)!.ask(q.args, { asOf: this.state.asOf, knownOn: this.state.knownOn });
  }

  /** Draws the last loaded elements again (deals grouped or not), without a request. */
  private redraw(): void {
    if (!this.lastSet || !this.state.root) return;
    const anchors = new Set([this.state.root, ...this.state.expanded]);
    this.graph.setElements(this.lastSet.toDefinitions(anchors, this.state.groupDeals), this.decorations(), false);
    this.afterDraw();
  }

  /** Asks the question again with a suggested id where the API did not know one. */
  private retry(id: string, replacement: string): void {
    const q = this.state.question;
    if (!q) return;
    const swap = (v: ArgValue): ArgValue => (Array.isArray(v) ? v.map((x) => (x === id ? replacement : x)) : v === id ? replacement : v);
    const args = Object.fromEntries(Object.entries(q.args).map(([k, v]) => [k, swap(v)]));
    void this.ask({ name: q.name, args });
  }

  /** After a draw: counts for people (status line) and for tests (data attributes). */
  private afterDraw(ok = true): void {
    const nodes = this.graph.visibleNodes();
    const edges = this.graph.visibleEdges();
    byId('graph-empty').hidden = !!this.state.root;
    this.style.summarize(this.graph.rules(), this.state);
    this.canvas.dataset.nodes = String(nodes.length);
    this.canvas.dataset.edges = String(edges.length);
    if (!ok) return;
    this.canvas.dataset.state = 'ready';
    const s = this.state;
    if (!s.root) return this.setStatus('');
    const hidden = s.hidden.length ? ` · ${s.hidden.length} hidden` : '';
    this.setStatus(
      `${nodes.length} nodes · ${edges.length} links · ${s.asOf ? `as of ${dayText(s.asOf, s.knownOn)}` : `${dayText(null, s.knownOn)}, every fact`}${hidden}${this.truncated ? ` · cut at ${ROOT_LIMIT} nodes` : ''}`,
    );
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private redecorate(): void {
    this.showLegend();
    this.graph.decorate(this.decorations());
    this.afterDraw();
    this.refreshDetails();
  }

  // ------------------------------------------------------------------ actions

  /** Draws the neighbourhood of a node and selects it (search, related links). */
  async draw(id: string): Promise<void> {
    Object.assign(this.state, { root: id, selected: id, expanded: [], focusDegrees: null, question: null });
    this.showState();
    this.commit(true);
    await this.reload();
    this.canvas.focus({ preventScroll: true });
  }

  /** Selects a node if it is drawn; draws around it if not. */
  async navigate(id: string): Promise<void> {
    if (this.state.hidden.includes(id)) {
      this.state.hidden = this.state.hidden.filter((x) => x !== id);
      this.redecorate();
    }
    if (this.graph.visibleNodes().some((n) => n.id === id)) {
      this.select(id);
      this.graph.reveal(id);
    } else await this.draw(id);
  }

  select(id: string | null, record = true): void {
    const changed = this.state.selected !== id;
    this.state.selected = id;
    this.graph.select(id);
    if (record) this.commit(false);
    if (changed && this.state.focusDegrees !== null) {
      this.graph.decorate(this.decorations());
      this.afterDraw();
    }
    this.updateToolbar();
    void this.showDetails(id);
  }

  private refreshDetails(): void {
    void this.showDetails(this.state.selected);
  }

  private async showDetails(id: string | null): Promise<void> {
    const seq = ++this.detailsSeq;
    if (!id) return this.details.empty();
    const edge = this.graph.edge(id);
    if (edge) return this.details.edge(edge, this.graph.node(edge.source), this.graph.node(edge.target));
    this.details.loading(this.graph.node(id)?.name ?? id);
    const { asOf, knownOn } = this.state;
    const variables = { id, asOf, knownOn };
    try {
      const { node } = await request(nodeDetailsQuery, variables);
      if (seq !== this.detailsSeq) return;
      if (!node) return this.details.error(`Nothing has the id “${id}”.`);
      this.details.node(node, this.graph.neighbours(id), graphiqlHref(nodeDetailsQuery.toString(), variables), dayText(asOf, knownOn));
      if (node.__typename === 'Organization') {
        const { changes, total } = await loadChanges(id, this.firstDay);
        if (seq !== this.detailsSeq) return;
        this.details.attach(
          `Timeline (${total} change${total === 1 ? '' : 's'})`,
          timelineStrip(changes, total, this.firstDay, asOf, (day, fact) => {
            this.state.selected = fact;
            this.slider.set(day);
            void this.setAsOf(day, true);
          }),
        );
      }
    } catch (err) {
      if (seq === this.detailsSeq && !isAbort(err)) this.details.error(err instanceof Error ? err.message : String(err));
    }
  }

  async expand(id: string): Promise<void> {
    const s = this.state;
    if (id !== s.root && !s.expanded.includes(id)) s.expanded = [...s.expanded, id];
    s.selected = id;
    this.commit(true);
    await this.reload();
  }

  private hide(id: string): void {
    if (id === this.state.root) return this.setStatus('The node the view is drawn around cannot be hidden.');
    this.state.hidden = [...new Set([...this.state.hidden, id])];
    if (this.state.selected === id) this.state.selected = null;
    this.graph.select(null);
    this.commit(false);
    this.redecorate();
  }

  private setPinned(id: string, pinned: boolean): void {
    const set = new Set(this.state.pinned);
    if (pinned) set.add(id);
    else set.delete(id);
    this.state.pinned = [...set];
    this.commit(false);
    this.graph.decorate(this.decorations());
    this.updateToolbar();
  }

  private setFocus(degrees: number | null): void {
    this.state.focusDegrees = degrees;
    byId<HTMLSelectElement>('tool-focus').value = degrees === null ? '' : String(degrees);
    this.commit(false);
    this.redecorate();
    if (degrees !== null) this.graph.fit();
  }

  private setKnownOn(knownOn: string | null): void {
    if (knownOn !== null && !isDate(knownOn)) return;
    if (knownOn === this.state.knownOn) return;
    this.state.knownOn = knownOn;
    this.knownOn.value = knownOn ?? '';
    this.commit(false);
    this.showLegend();
    void this.reload();
  }

  private async setAsOf(asOf: string | null, settled: boolean): Promise<void> {
    if (asOf === this.state.asOf) return;
    clearTimeout(this.sliderTimer);
    const apply = async () => {
      this.state.asOf = asOf;
      this.commit(false);
      this.showLegend();
      await this.reload();
    };
    if (settled) return apply();
    // While the slider is dragged, draw once it rests for a moment.
    this.sliderTimer = setTimeout(() => void apply(), 200);
  }

  async ask(q: QuestionState): Promise<void> {
    Object.assign(this.state, { question: q, root: subjectOf(q), selected: subjectOf(q), expanded: [], focusDegrees: null, linkErrors: [] });
    this.revealAnswer = true;
    this.showState();
    this.commit(true);
    await this.reload();
  }

  private step(delta: number): void {
    const nodes = this.graph.visibleNodes();
    if (!nodes.length) return;
    const at = nodes.findIndex((n) => n.id === this.state.selected);
    const next = nodes[at < 0 ? (delta > 0 ? 0 : nodes.length - 1) : (at + delta + nodes.length) % nodes.length]!;
    this.select(next.id);
    this.graph.reveal(next.id);
    this.setStatus(`${next.name} (${next.kind.toLowerCase().replace('_', ' ')}) · ${nodes.indexOf(next) + 1} of ${nodes.length}`);
  }

  // ------------------------------------------------------------------ toolbar and exports

  private bindToolbar(): void {
    const on = (id: string, fn: () => void) => byId(id).addEventListener('click', fn);
    on('tool-expand', () => this.state.selected && void this.expand(this.state.selected));
    on('tool-hide', () => this.state.selected && this.hide(this.state.selected));
    on('tool-pin', () => this.state.selected && this.setPinned(this.state.selected, !this.state.pinned.includes(this.state.selected)));
    on('tool-show-all', () => {
      this.state.hidden = [];
      this.commit(false);
      this.redecorate();
      this.graph.layout(false);
    });
    on('tool-layout', () => this.graph.layout(false));
    on('tool-fit', () => this.graph.fit());
    byId<HTMLSelectElement>('tool-focus').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      this.setFocus(v ? Number(v) : null);
    });
    byId<HTMLSelectElement>('depth-select').addEventListener('change', (e) => {
      this.state.depth = Number((e.target as HTMLSelectElement).value);
      this.commit(true);
      void this.reload();
    });
    on('export-png', () => download(`${this.fileName()}.png`, this.graph.png()));
    on('export-svg', () => download(`${this.fileName()}.svg`, new Blob([this.graph.svg(location.href)], { type: 'image/svg+xml' })));
    on('export-csv', () => {
      const table = this.answerView.current();
      if (!table || !this.state.question) return;
      const csv = toCsv(table, this.answerView.rows());
      download(`${this.fileName(this.state.question.name)}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    });
    on('export-json', () => download(`${this.fileName()}.json`, new Blob([toJson(this.exported())], { type: 'application/json' })));
    on('export-graphml', () => download(`${this.fileName()}.graphml`, new Blob([toGraphml(this.exported())], { type: 'application/graphml+xml' })));
    on('share-link', () => void this.share());
    this.updateToolbar();
  }

  private updateToolbar(): void {
    const sel = this.state.selected && this.graph.node(this.state.selected) ? this.state.selected : null;
    for (const id of ['tool-expand', 'tool-hide', 'tool-pin']) byId<HTMLButtonElement>(id).disabled = !sel;
    byId('tool-pin').setAttribute('aria-pressed', String(!!sel && this.state.pinned.includes(sel)));
  }

  private fileName(what?: string): string {
    const s = this.state;
    return ['aigraph', what, s.root ?? 'empty', s.asOf ?? 'all-time', s.knownOn ? `known-${s.knownOn}` : null].filter(Boolean).join('-');
  }

  private exported(): ExportedView {
    const pick = (n: NodeData): NodeData => ({
      id: n.id,
      kind: n.kind,
      subKind: n.subKind,
      name: n.name,
      status: n.status,
      currentStatus: n.currentStatus,
      amountUsd: n.amountUsd,
      amountQualifier: n.amountQualifier,
    });
    const edge = (e: EdgeData): EdgeData => ({ id: e.id, source: e.source, target: e.target, type: e.type });
    return {
      view: location.href,
      asOf: this.state.asOf,
      knownOn: this.state.knownOn,
      nodes: this.graph.visibleNodes().map(pick),
      edges: this.graph.visibleEdges().map(edge),
    };
  }

  private async share(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.setStatus('Link to this view copied.');
    } catch {
      window.prompt('Copy the link to this view:', location.href);
    }
  }

  /** For tests and debugging: what is drawn, and where. */
  testHooks() {
    return {
      nodeIds: () => this.graph.visibleNodes().map((n) => n.id),
      position: (id: string) => this.graph.pagePosition(id),
      state: () => structuredClone(this.state),
      labelOverlaps: () => this.graph.labelOverlaps(),
      labelsHidden: () => this.graph.labelsHidden(),
      status: (id: string) => this.graph.node(id)?.status ?? null,
      edgeIds: () => this.graph.visibleEdges().map((e) => e.id),
      nodeStyle: (id: string) => {
        const n = this.graph.cy.getElementById(id);
        return n.empty() ? null : { color: String(n.style('background-color')), width: n.width(), opacity: n.effectiveOpacity() };
      },
    };
  }
}
