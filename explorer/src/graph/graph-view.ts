/**
 * The graph canvas: Cytoscape.js with the fCoSE layout (fast and readable at a few hundred
 * nodes). It draws what it is given, keeps positions across redraws (so replaying history
 * or expanding a node does not reshuffle the picture), and applies the view's decorations:
 * hidden, pinned, filtered, focused on N steps, highlighted (the rest faded on request), and
 * the style rules (colour by status or community, size by centrality). Labels that would
 * overlap a more important one are left out (shown again on selection or hover), and small
 * labels only appear when zoomed in (Cytoscape's min-zoomed-font-size).
 */
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular, type Position } from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import type { ColorRule, SizeRule } from '../state/view-state';
import { toSvg } from '../export/graph-svg';
import { centrality, communities } from './analysis';
import type { EdgeData, NodeData } from './graph-elements';
import { graphStyle } from './graph-style';
import { COMMUNITY_COLORS, NO_STATUS_COLOR, STATUS_COLORS } from './palette';

cytoscape.use(fcose);

export interface GraphViewEvents {
  /** The user selected a node or an edge (by id), or cleared the selection. */
  select(id: string | null): void;
  /** The user asked to expand a node (double-click). */
  expand(id: string): void;
}

export interface Decorations {
  hidden: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  /** Nodes that always stay drawn (the view's root and expanded nodes). */
  anchors: ReadonlySet<string>;
  keep: (n: NodeData) => boolean;
  focus: { id: string; degrees: number } | null;
  highlight: ReadonlySet<string> | null;
  /** Fade what is not highlighted. */
  fade: boolean;
  colorBy: ColorRule;
  sizeBy: SizeRule;
}

/** What the style rules found, for the panel that explains them. */
export interface RuleSummary {
  /** Nodes by the size rule's score, highest first (empty for the default rule). */
  ranking: { id: string; name: string; score: number }[];
  /** Number of communities, when colouring by community. */
  communities: number | null;
}

export interface Neighbour {
  edge: EdgeData;
  outgoing: boolean;
  node: NodeData;
}

const OFF = '.hidden, .filtered, .unfocused, .orphan';

export class GraphView {
  readonly cy: Core;
  private decorations: Decorations = {
    hidden: new Set(),
    pinned: new Set(),
    anchors: new Set(),
    keep: () => true,
    focus: null,
    highlight: null,
    fade: false,
    colorBy: 'kind',
    sizeBy: 'kind',
  };
  private summary: RuleSummary = { ranking: [], communities: null };
  private measured: { key: string; scores: Map<string, Map<string, number>>; groups: Map<string, number> | null } = {
    key: '',
    scores: new Map(),
    groups: null,
  };
  /** Labels left out to avoid overlaps. */
  private hiddenLabels = 0;

  constructor(
    readonly container: HTMLElement,
    events: GraphViewEvents,
  ) {
    this.cy = cytoscape({
      container,
      style: graphStyle(),
      minZoom: 0.08,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node, edge', (e) => events.select(e.target.id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) events.select(null);
    });
    this.cy.on('dbltap', 'node', (e) => events.expand(e.target.id()));
    this.cy.on('mouseover', 'node', (e) => {
      container.title = `${e.target.data('name')} (double-click to expand)`;
      e.target.addClass('hover');
    });
    this.cy.on('mouseout', 'node', (e) => {
      container.removeAttribute('title');
      e.target.removeClass('hover');
    });
    this.cy.on('layoutstop', () => this.declutter());
    this.cy.on('dragfree', 'node', () => this.declutter());
    // Cytoscape only notices window resizes: panels and toolbars that grow move the canvas too.
    new ResizeObserver(() => this.cy.resize()).observe(container);
    // Dragging a node pins it where it is dropped.
    this.cy.on('dragfree', 'node', (e) => container.dispatchEvent(new CustomEvent('node-dragged', { detail: e.target.id() })));
  }

  /**
   * Draws exactly these elements: removes what is gone, updates what stays (in place), adds what
   * is new next to a neighbour already drawn, then lays out. `fresh` lays everything out anew.
   */
  setElements(defs: ElementDefinition[], decorations: Decorations, fresh: boolean): void {
    const cy = this.cy;
    const wanted = new Map(defs.map((d) => [String(d.data.id), d]));
    const added: string[] = [];
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (!wanted.has(el.id())) el.remove();
      });
      for (const d of defs) {
        const el = cy.getElementById(String(d.data.id));
        if (el.nonempty()) {
          el.data(d.data);
          el.classes(typeof d.classes === 'string' ? d.classes : '');
        } else {
          cy.add(d);
          if (d.group === 'nodes') added.push(String(d.data.id));
        }
      }
    });
    const kept = cy.nodes().length - added.length;
    if (!fresh && kept > 0) this.placeNearNeighbours(added);
    this.decorations = decorations;
    this.decorate();
    this.layout(fresh || kept === 0);
  }

  /** New nodes start next to a node already placed, so an incremental layout moves little. */
  private placeNearNeighbours(ids: string[]): void {
    const fresh = new Set(ids);
    for (const id of ids) {
      const node = this.cy.getElementById(id);
      const anchor = node.neighborhood('node').filter((n) => !fresh.has(n.id()))[0] as NodeSingular | undefined;
      const at: Position = anchor ? anchor.position() : { x: 0, y: 0 };
      node.position({ x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 });
    }
  }

  /** Reapplies hidden, pinned, filters, focus and highlight, then re-lays out only if asked. */
  decorate(decorations: Decorations = this.decorations): void {
    this.decorations = decorations;
    const { hidden, pinned, anchors, keep, focus, highlight, fade } = decorations;
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('hidden filtered unfocused orphan dimmed highlight pinned');
      cy.nodes().forEach((n) => {
        if (hidden.has(n.id())) n.addClass('hidden');
        else if (!anchors.has(n.id()) && !keep(n.data() as NodeData)) n.addClass('filtered');
        if (pinned.has(n.id())) {
          n.addClass('pinned');
          n.lock();
        } else n.unlock();
      });
      const on = (n: NodeSingular) => !n.hasClass('hidden') && !n.hasClass('filtered');
      if (focus) {
        const start = cy.getElementById(focus.id);
        const reached = new Set<string>([focus.id]);
        let frontier: NodeSingular[] = start.nonempty() && on(start as unknown as NodeSingular) ? [start as unknown as NodeSingular] : [];
        for (let step = 0; step < focus.degrees && frontier.length; step++) {
          const next: NodeSingular[] = [];
          for (const n of frontier)
            n.neighborhood('node').forEach((m) => {
              if (!reached.has(m.id()) && on(m)) {
                reached.add(m.id());
                next.push(m);
              }
            });
          frontier = next;
        }
        if (start.nonempty()) cy.nodes().forEach((n) => void (reached.has(n.id()) || n.addClass('unfocused')));
      }
      // A node left with no drawn link is not drawn either (unless it anchors the view).
      cy.nodes().forEach((n) => {
        if (n.is(OFF) || anchors.has(n.id()) || pinned.has(n.id())) return;
        if (
          n
            .connectedEdges()
            .filter((e) => !e.source().is(OFF) && !e.target().is(OFF))
            .empty()
        )
          n.addClass('orphan');
      });
      if (highlight?.size) {
        cy.nodes().forEach((n) => {
          if (highlight.has(n.id())) n.addClass('highlight');
          else if (fade) n.addClass('dimmed');
        });
        cy.edges().forEach((e) => {
          if (highlight.has(e.source().id()) && highlight.has(e.target().id())) e.addClass('highlight');
          else if (fade) e.addClass('dimmed');
        });
      }
    });
    this.applyRules();
    this.declutter();
  }

  /** Colours and sizes nodes by the view's style rules, measured on what is drawn. */
  private applyRules(): void {
    const { colorBy, sizeBy } = this.decorations;
    const cy = this.cy;
    const drawn = cy
      .elements()
      .not(OFF)
      .filter((e) => e.isNode() || (!e.source().is(OFF) && !e.target().is(OFF)));
    // The measures are of what is drawn: computed again only when that changes.
    const key = drawn.map((e) => e.id()).join(' ');
    if (key !== this.measured.key) this.measured = { key, scores: new Map(), groups: null };
    const m = this.measured;
    if (sizeBy !== 'kind' && !m.scores.has(sizeBy)) m.scores.set(sizeBy, centrality(drawn, sizeBy));
    if (colorBy === 'community' && !m.groups) m.groups = communities(drawn);
    const scores = sizeBy === 'kind' ? null : m.scores.get(sizeBy)!;
    const groups = colorBy === 'community' ? m.groups : null;
    cy.batch(() => {
      cy.nodes().removeClass('color-rule size-rule');
      drawn.nodes().forEach((n) => {
        if (colorBy === 'status') n.data('ruleColor', STATUS_COLORS[n.data('status') as string] ?? NO_STATUS_COLOR);
        else if (groups) n.data('ruleColor', COMMUNITY_COLORS[Math.min(groups.get(n.id()) ?? 0, COMMUNITY_COLORS.length - 1)]);
        if (colorBy !== 'kind') n.addClass('color-rule');
        if (scores) {
          // Square root, so the middle of the range is still told apart from the bottom.
          n.data('ruleSize', Math.round(14 + 56 * Math.sqrt(scores.get(n.id()) ?? 0)));
          n.addClass('size-rule');
        }
      });
    });
    this.summary = {
      ranking: scores
        ? [...scores]
            .map(([id, score]) => ({ id, name: String(cy.getElementById(id).data('name')), score }))
            .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        : [],
      communities: groups ? new Set(groups.values()).size : null,
    };
  }

  rules(): RuleSummary {
    return this.summary;
  }

  /**
   * Leaves out labels that would overlap a more important one: the view's anchors first, then
   * the selection and the answer, then organizations, then by number of links. Greedy, on the
   * labels' boxes in graph coordinates (so it holds at every zoom level).
   */
  private declutter(): void {
    const cy = this.cy;
    const nodes = cy.nodes().not(OFF);
    nodes.removeClass('label-off');
    const { anchors } = this.decorations;
    const rank = (n: NodeSingular) =>
      (anchors.has(n.id()) ? 1000 : 0) +
      (n.selected() ? 500 : 0) +
      (n.hasClass('highlight') ? 200 : 0) +
      (n.hasClass('organization') ? 100 : 0) +
      Math.min(99, n.degree(false));
    const ranked = nodes.toArray().sort((a, b) => rank(b as NodeSingular) - rank(a as NodeSingular)) as NodeSingular[];
    const kept: { x1: number; x2: number; y1: number; y2: number }[] = [];
    const off: NodeSingular[] = [];
    for (const n of ranked) {
      if (!n.data('label')) continue;
      const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeOverlays: false });
      if (!b.w || !b.h) continue;
      if (kept.some((k) => b.x1 < k.x2 && b.x2 > k.x1 && b.y1 < k.y2 && b.y2 > k.y1)) off.push(n);
      else kept.push(b);
    }
    cy.batch(() => off.forEach((n) => void n.addClass('label-off')));
    this.hiddenLabels = off.length;
    this.container.dataset.labelsHidden = String(off.length);
  }

  /** Pairs of drawn labels that overlap (for tests: zero once decluttered). */
  labelOverlaps(): number {
    const boxes = this.cy
      .nodes()
      .not(OFF)
      .filter((n) => !!n.data('label') && !n.hasClass('label-off'))
      .map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeOverlays: false }))
      .filter((b) => b.w > 0 && b.h > 0);
    let pairs = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1) pairs++;
      }
    return pairs;
  }

  labelsHidden(): number {
    return this.hiddenLabels;
  }

  /** Lays out what is drawn; pinned nodes stay where they are. */
  layout(randomize: boolean): void {
    const eles = this.cy.elements().not(OFF);
    if (eles.empty()) return;
    const fixed = eles.nodes('.pinned').map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
    const options: FcoseLayoutOptions = {
      name: 'fcose',
      quality: 'default',
      randomize,
      animate: false,
      fit: true,
      padding: 24,
      nodeDimensionsIncludeLabels: true,
      packComponents: true,
      nodeRepulsion: () => 6500,
      idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('type') === 'CONTROLS' ? 70 : 45),
      edgeElasticity: () => 0.45,
      gravity: 0.35,
      gravityRange: 3.8,
      numIter: 2500,
      tile: true,
      ...(fixed.length ? { fixedNodeConstraint: fixed } : {}),
    };
    eles.layout(options as cytoscape.LayoutOptions).run();
  }

  select(id: string | null): void {
    const cy = this.cy;
    cy.$(':selected').unselect();
    if (!id) return;
    const el = cy.getElementById(id);
    if (el.nonempty()) el.select();
  }

  /** Brings a node into view (keyboard navigation, choosing from a list). */
  reveal(id: string): void {
    const el = this.cy.getElementById(id);
    if (el.empty() || el.is(OFF)) return;
    const pos = el.renderedBoundingBox();
    const { w, h } = { w: this.cy.width(), h: this.cy.height() };
    if (pos.x1 < 0 || pos.y1 < 0 || pos.x2 > w || pos.y2 > h) this.cy.center(el);
  }

  /** Fits the view to these nodes (those drawn), e.g. an answer. */
  fitTo(ids: ReadonlySet<string>): void {
    const eles = this.cy
      .nodes()
      .not(OFF)
      .filter((n) => ids.has(n.id()));
    if (eles.nonempty()) this.cy.fit(eles, 24);
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not(OFF), 24);
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  node(id: string): NodeData | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() && n.isNode() ? (n.data() as NodeData) : null;
  }

  edge(id: string): EdgeData | null {
    const e = this.cy.getElementById(id);
    return e.nonempty() && e.isEdge() ? (e.data() as EdgeData) : null;
  }

  /** Drawn nodes, by label. */
  visibleNodes(): NodeData[] {
    return this.cy
      .nodes()
      .not(OFF)
      .map((n) => n.data() as NodeData)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  visibleEdges(): EdgeData[] {
    return this.cy
      .edges()
      .filter((e) => !e.source().is(OFF) && !e.target().is(OFF))
      .map((e) => e.data() as EdgeData);
  }

  /** What a node links to in the drawing. */
  neighbours(id: string): Neighbour[] {
    const n = this.cy.getElementById(id);
    if (n.empty()) return [];
    return n
      .connectedEdges()
      .filter((e: EdgeSingular) => !e.source().is(OFF) && !e.target().is(OFF))
      .map((e: EdgeSingular) => {
        const outgoing = e.source().id() === id;
        return { edge: e.data() as EdgeData, outgoing, node: (outgoing ? e.target() : e.source()).data() as NodeData };
      })
      .sort((a, b) => a.node.name.localeCompare(b.node.name));
  }

  /** The drawing as a PNG (everything drawn, not just the visible part of the canvas). */
  png(): Blob {
    return this.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 4000, maxHeight: 4000 });
  }

  /** The drawing as SVG (what is drawn, as it is drawn). */
  svg(title: string): string {
    const nodes = this.cy.nodes().not(OFF);
    const edges = this.cy.edges().filter((e) => !e.source().is(OFF) && !e.target().is(OFF));
    return toSvg(nodes, edges, title);
  }

  /** Where a node is drawn, in page pixels (for tests and tooltips). */
  pagePosition(id: string): { x: number; y: number } | null {
    const n = this.cy.getElementById(id);
    if (n.empty() || n.is(OFF)) return null;
    const box = this.container.getBoundingClientRect();
    const p = n.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }
}
