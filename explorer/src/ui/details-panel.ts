/**
 * The details panel: every property of the selected node (or link), its status history and its
 * sources as links, what it connects to, and links to related nodes (which select them).
 */
import { externalLink, h, replaceChildren } from '../dom';
import { formatAmount, formatDate, formatUsd, humanize } from '../format';
import type { NodeDetailsQuery, SourceFieldsFragment } from '../gql/graphql';
import type { EdgeData, GroupedLink, NodeData } from '../graph/graph-elements';
import type { Neighbour } from '../graph/graph-view';
import { nodeColor, relationshipColor, statusClass } from '../graph/palette';

type Details = NonNullable<NodeDetailsQuery['node']>;
type Ref = { id: string; name?: string; title?: string; status?: string | null };
type Row = [string, Node | string | null | undefined];

export interface DetailsActions {
  /** Select a node (drawing around it if it is not in the view). */
  navigate(id: string): void;
}

const statusBadge = (status: string | null | undefined) =>
  status ? h('span', { class: `badge status-${statusClass(status) ?? 'normal'}`, title: 'Status' }, humanize(status)) : null;

function props(rows: Row[]): HTMLElement {
  return h(
    'dl',
    { class: 'props' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '').flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v as Node | string)]),
  );
}

const section = (title: string, body: Node | null, count?: number): Node[] =>
  body ? [h('h3', {}, count === undefined ? title : `${title} (${count})`), body] : [];

function sourceList(sources: readonly SourceFieldsFragment[]): HTMLElement | null {
  if (!sources.length) return null;
  return h(
    'ul',
    { class: 'sources', 'data-testid': 'sources' },
    sources.map((s) => h('li', {}, externalLink(s.url, s.title), h('span', { class: 'muted' }, ` — ${s.publisher}, ${formatDate(s.publishedOn)}`))),
  );
}

export class DetailsPanel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsActions,
  ) {}

  private ref(r: Ref): HTMLElement {
    return h('button', { type: 'button', class: 'link', 'data-node': r.id, onclick: () => this.actions.navigate(r.id) }, r.name ?? r.title ?? r.id);
  }

  private refs(list: readonly Ref[]): HTMLElement | null {
    if (!list.length) return null;
    return h(
      'ul',
      {},
      list.map((r) => h('li', {}, this.ref(r), ' ', statusBadge(r.status))),
    );
  }

  empty(): void {
    replaceChildren(this.root, h('p', { class: 'muted' }, 'Select a node or a link to see every property, its status history and its sources.'));
  }

  /** Adds a section under the selection's properties (the timeline of an organization, once loaded). */
  attach(title: string, body: HTMLElement): void {
    const after = this.root.querySelector('dl.props');
    const nodes = section(title, body);
    if (after) after.after(...nodes);
    else this.root.append(...nodes);
  }

  loading(name: string): void {
    replaceChildren(this.root, h('h2', {}, name), h('p', { class: 'muted' }, 'Loading…'));
  }

  error(message: string): void {
    replaceChildren(this.root, h('p', { class: 'error', role: 'alert' }, message));
  }

  edge(e: EdgeData, source: NodeData | null, target: NodeData | null): void {
    const grouped = e as Partial<GroupedLink>;
    replaceChildren(
      this.root,
      h('h2', {}, h('span', { class: 'swatch', style: `background:${relationshipColor(e.type)}` }), e.type),
      h('p', { class: 'muted' }, 'A link in the graph.'),
      props([
        ['From', source ? this.ref({ id: source.id, name: source.name }) : e.source],
        ['Relationship', humanize(e.type)],
        ['To', target ? this.ref({ id: target.id, name: target.name }) : e.target],
      ]),
      ...(grouped.deals
        ? section(
            'Deals grouped in this link',
            h(
              'ul',
              { 'data-testid': 'grouped-deals' },
              grouped.deals.map((id, i) => h('li', {}, this.ref({ id, name: grouped.dealNames?.[i] ?? id }))),
            ),
            grouped.deals.length,
          )
        : []),
    );
  }

  /** `day`: the view's day in words (dayText), which the statuses shown are of. */
  node(d: Details, neighbours: Neighbour[], graphiqlHref: string, day: string): void {
    const body: Node[] = [];
    const header = (name: string, kind: string, subKind: string | null, status?: string | null) => [
      h('h2', {}, h('span', { class: 'swatch', style: `background:${nodeColor(kind as never, subKind)}` }), name),
      h('p', {}, h('span', { class: 'badge' }, humanize(kind)), subKind ? h('span', { class: 'badge' }, humanize(subKind)) : null, statusBadge(status)),
    ];
    switch (d.__typename) {
      case 'Organization':
        body.push(
          ...header(d.name, 'ORGANIZATION', d.orgKind),
          ...(d.description ? [h('p', {}, d.description)] : []),
          props([
            ['Id', d.id],
            ['Kind', humanize(d.orgKind)],
            ['Country', d.country],
            ['Also known as', d.aliases.join(', ')],
            [
              'Committed',
              d.committedUsd === null || d.committedUsd === undefined ? null : `${formatUsd(d.committedUsd)} (as investor, customer, acquirer or lender)`,
            ],
          ]),
          ...section('Controls', this.controlList(d.controls.map((c) => ({ ...c, other: c.controlled })))),
          ...section('Controlled by', this.controlList(d.controlledBy.map((c) => ({ ...c, other: c.controller })))),
          ...section('Cloud services', this.refs(d.cloudServices)),
          ...section('Chips designed', this.refs(d.chipsDesigned)),
          ...section('Exclusivities held', this.refs(d.exclusivitiesHeld), d.exclusivitiesHeld.length),
          ...section('Exclusivities granted', this.refs(d.exclusivitiesGranted), d.exclusivitiesGranted.length),
          ...section(
            'Deals',
            d.deals.edges.length
              ? h(
                  'ul',
                  {},
                  d.deals.edges.map(({ node: x }) =>
                    h(
                      'li',
                      {},
                      this.ref(x),
                      ' ',
                      h('span', { class: 'muted' }, `${formatDate(x.announcedOn)} · ${formatAmount(x.amountUsd, x.amountQualifier)}`),
                      ' ',
                      statusBadge(x.status),
                    ),
                  ),
                )
              : null,
            d.deals.totalCount,
          ),
        );
        break;
      case 'Deal':
        body.push(
          ...header(d.title, 'DEAL', d.dealKind, d.status),
          h('p', {}, d.summary),
          props([
            ['Id', d.id],
            ['Kind', humanize(d.dealKind)],
            ['Status', h('span', { 'data-testid': 'status-on-day' }, `${humanize(d.status)} on ${day}`)],
            ['Status today', d.currentStatus !== d.status ? humanize(d.currentStatus) : null],
            ['Confidence', humanize(d.confidence)],
            [
              'Amount',
              d.amountUsd === null || d.amountUsd === undefined
                ? null
                : `${formatAmount(d.amountUsd, d.amountQualifier)} (${humanize(d.amountQualifier ?? 'EXACT').toLowerCase()})`,
            ],
            ['Round', d.round],
            ['Announced', formatDate(d.announcedOn)],
            ['Effective from', d.effectiveFrom ? formatDate(d.effectiveFrom) : null],
            ['Effective until', d.effectiveUntil ? formatDate(d.effectiveUntil) : null],
            ['Term', d.term],
            ['Ended', d.endedOn ? formatDate(d.endedOn) : null],
            ['Coverage', d.coverageNote],
          ]),
          ...section(
            'Parties',
            h(
              'ul',
              {},
              d.parties.map((p) =>
                h(
                  'li',
                  {},
                  this.ref(p.organization),
                  ` — ${humanize(p.role).toLowerCase()}`,
                  p.amountUsd ? ` · ${formatUsd(p.amountUsd)}` : '',
                  p.lead ? ' · lead' : '',
                ),
              ),
            ),
          ),
          ...section('Chips', this.refs(d.chips)),
          ...section('Cloud services', this.refs(d.cloudServices)),
          ...section('Sources', sourceList(d.sources), d.sources.length),
          ...section('Status history', this.history(d.statusHistory)),
          ...section(
            'Other reported amounts',
            d.otherReports.length
              ? h(
                  'ul',
                  {},
                  d.otherReports.map((r) => h('li', {}, formatAmount(r.amountUsd, r.amountQualifier), r.note ? ` — ${r.note}` : '', sourceList(r.sources))),
                )
              : null,
          ),
          ...section('Supersedes', this.refs(d.supersedes)),
          ...section('Superseded by', this.refs(d.supersededBy)),
          ...section('Exclusivities', this.refs(d.exclusivities)),
        );
        break;
      case 'Exclusivity':
        body.push(
          ...header(d.title, 'EXCLUSIVITY', d.exclusivityKind, d.status),
          h('p', {}, d.scope),
          props([
            ['Id', d.id],
            ['Kind', humanize(d.exclusivityKind)],
            ['Status', h('span', { 'data-testid': 'status-on-day' }, `${humanize(d.status)} on ${day}`)],
            ['Status today', d.currentStatus !== d.status ? humanize(d.currentStatus) : null],
            ['Confidence', humanize(d.confidence)],
            ['Holder', this.ref(d.holder)],
            ['Grantor', this.ref(d.grantor)],
            ['Announced', formatDate(d.announcedOn)],
            ['Valid from', d.validFrom ? formatDate(d.validFrom) : null],
            ['Valid until', d.validUntil ? formatDate(d.validUntil) : null],
            ['Term', d.term],
            ['Until', d.until],
            ['Ended', d.endedOn ? formatDate(d.endedOn) : null],
            ['Part of', d.deal ? this.ref(d.deal) : null],
          ]),
          ...section('Sources', sourceList(d.sources), d.sources.length),
          ...section('Status history', this.history(d.statusHistory)),
        );
        break;
      case 'Chip':
        body.push(
          ...header(d.name, 'CHIP', d.chipKind),
          props([
            ['Id', d.id],
            ['Kind', humanize(d.chipKind)],
            ['Announced', d.chipAnnouncedOn ? formatDate(d.chipAnnouncedOn) : null],
            ['Also known as', d.aliases.join(', ')],
            ['Designer', d.designer ? this.ref(d.designer) : null],
            ['Manufacturer', d.manufacturer ? this.ref(d.manufacturer) : null],
          ]),
          ...section('Offered by', this.refs(d.offeredBy)),
        );
        break;
      case 'CloudService':
        body.push(
          ...header(d.name, 'CLOUD_SERVICE', d.serviceKind),
          props([
            ['Id', d.id],
            ['Kind', humanize(d.serviceKind)],
            ['Also known as', d.aliases.join(', ')],
            ['Operator', d.operator ? this.ref(d.operator) : null],
          ]),
          ...section('Chips', this.refs(d.chips)),
        );
        break;
      case 'Source':
        body.push(
          ...header(d.title, 'SOURCE', null),
          props([
            ['Publisher', d.publisher],
            ['Published', formatDate(d.publishedOn)],
            ['Link', externalLink(d.url, d.url)],
          ]),
        );
        break;
    }
    body.push(
      ...section(
        'Connections in view',
        neighbours.length
          ? h(
              'ul',
              { 'data-testid': 'connections' },
              neighbours.map((n) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'swatch', style: `background:${relationshipColor(n.edge.type)}` }),
                  h('span', { class: 'muted' }, `${n.outgoing ? '' : '← '}${n.edge.type.toLowerCase().replace(/_/g, ' ')}${n.outgoing ? ' →' : ''} `),
                  this.ref({ id: n.node.id, name: n.node.name }),
                  n.node.kind === 'DEAL' && n.node.amountUsd ? ` · ${formatAmount(n.node.amountUsd, n.node.amountQualifier)}` : '',
                  ' ',
                  statusBadge(n.node.status),
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'Nothing else drawn.'),
        neighbours.length,
      ),
      h('p', {}, h('a', { href: graphiqlHref, target: '_blank', rel: 'noopener' }, 'This query in GraphiQL')),
    );
    replaceChildren(this.root, body);
  }

  private history(entries: readonly { status: string; on: string; note?: string | null; sources: readonly SourceFieldsFragment[] }[]): HTMLElement {
    if (!entries.length) return h('p', { class: 'muted' }, 'No dated status change recorded: the status above holds since the announcement.');
    return h(
      'ol',
      { class: 'history' },
      entries.map((e) =>
        h(
          'li',
          {},
          h('strong', {}, formatDate(e.on)),
          ' ',
          statusBadge(e.status),
          e.note ? h('span', { class: 'note' }, ` ${e.note}`) : '',
          sourceList(e.sources),
        ),
      ),
    );
  }

  private controlList(
    list: { other: Ref; stakePct?: number | null; validFrom?: string | null; validUntil?: string | null; sources: readonly SourceFieldsFragment[] }[],
  ): HTMLElement | null {
    if (!list.length) return null;
    return h(
      'ul',
      {},
      list.map((c) =>
        h(
          'li',
          {},
          this.ref(c.other),
          c.stakePct !== null && c.stakePct !== undefined ? ` · ${c.stakePct}%` : '',
          c.validFrom ? ` · from ${formatDate(c.validFrom)}` : '',
          c.validUntil ? ` · until ${formatDate(c.validUntil)}` : '',
          sourceList(c.sources),
        ),
      ),
    );
  }
}
