/**
 * Where an organization or a government can turn outside some providers on the view's day: one
 * row per lab it can have models from and per cloud it can rent, with what makes it reachable
 * (channels, its own deals), the constraints on it (exclusivities in force, restrictions bearing
 * on its country) and how well sourced it is. The notes list what it would spread away from (its
 * deals with the providers left out), the labs offered only through them and the restrictions.
 */
import { request } from '../api/client';
import { diversificationQuery } from '../api/documents';
import { h } from '../dom';
import { dayText, humanize } from '../format';
import type { ConstraintItemFragment, DiversificationQuery } from '../gql/graphql';
import { graphiqlHref } from '../graphiql-link';
import { addDeal, type Answer, type AnswerUi } from './answer';
import { defineTable } from './answer-table';
import { linkList, nodeLink } from './cells';
import { addChannel, addExclusivity, type Channel } from './channels';
import { confidenceColumn } from './confidence';
import { list, text, type QuestionSpec } from './question';

type Result = DiversificationQuery['diversification'];
type Deal = Result['dependencies'][number];

/** A lab or a cloud option, in one table. */
interface Row {
  type: 'Lab' | 'Cloud';
  id: string;
  name: string;
  /** For a cloud, who operates it. */
  operator: { id: string; name: string } | null;
  /** How it is reached: a lab's channels (by where they go through), a cloud's channels (by lab). */
  through: { id: string; text: string }[];
  deals: Deal[];
  constraints: ConstraintItemFragment[];
  confidence: string;
}

const channelVia = (c: Channel): { id: string; text: string } =>
  c.cloudService
    ? { id: c.cloudService.id, text: c.cloudService.name }
    : { id: c.provider.id, text: `${c.provider.name} (${humanize(c.access).toLowerCase()})` };

function rowsOf(d: Result): Row[] {
  const labs: Row[] = d.labs.map((o) => ({
    type: 'Lab',
    id: o.lab.id,
    name: o.lab.name,
    operator: null,
    through: o.channels.map(channelVia),
    deals: [],
    constraints: o.constraints,
    confidence: o.confidence,
  }));
  const clouds: Row[] = d.clouds.map((o) => ({
    type: 'Cloud',
    id: o.cloudService.id,
    name: o.cloudService.name,
    operator: o.operator,
    through: o.channels.map((c) => ({ id: c.lab.id, text: `${c.lab.name}’s models` })),
    deals: o.deals,
    constraints: o.constraints,
    confidence: o.confidence,
  }));
  return [...labs, ...clouds];
}

/** A constraint in words: the channel it bears on, the API's note (the right or measure, its holder, what it does). */
const constraintText = (c: ConstraintItemFragment): string =>
  `${c.channel ? `${c.channel.title}: ` : ''}${c.note}${c.heldByExcludedProvider ? ' [held by a provider left out]' : ''}`;

function constraintsCell(ui: AnswerUi, list: readonly ConstraintItemFragment[]): HTMLElement | string {
  if (!list.length) return '—';
  return h(
    'ul',
    { class: 'constraints', 'data-testid': 'constraints' },
    list.map((c) => {
      const target = c.exclusivity ?? c.restriction;
      return h(
        'li',
        { title: c.note },
        target ? nodeLink(ui, target.id, target.title) : humanize(c.kind),
        c.exclusivity ? h('span', { class: 'sub' }, ` held by ${c.exclusivity.holder.name}`) : null,
        c.channel ? h('span', { class: 'sub' }, ` · ${c.channel.title}`) : null,
        c.heldByExcludedProvider
          ? h('span', { class: 'badge status-tentative', title: 'A provider left out still holds this right' }, 'excluded provider')
          : null,
      );
    }),
  );
}

/** What the table leaves out: the deals spread away from, labs only reachable through the providers left out, restrictions. */
function notes(d: Result, ui: AnswerUi): HTMLElement {
  const names = (xs: readonly { id: string; name?: string; title?: string }[]) =>
    xs.map((x, i) => [i ? ', ' : '', nodeLink(ui, x.id, x.name ?? x.title ?? x.id)]);
  return h(
    'div',
    { class: 'sub', 'data-testid': 'diversification-notes' },
    h('p', {}, `Left out: `, names(d.excluded), '.'),
    h('p', {}, d.dependencies.length ? ['Deals in force with them: ', names(d.dependencies), '.'] : 'No deal in force with them.'),
    d.onlyThroughExcluded.length ? h('p', {}, 'Labs offered only through them: ', names(d.onlyThroughExcluded), '.') : null,
    h(
      'p',
      {},
      d.restrictions.length
        ? [
            `Restrictions in force bearing on ${d.country}: `,
            d.restrictions.map((r, i) => [i ? '; ' : '', nodeLink(ui, r.id, r.title), ` (${r.inEffect ? 'in effect' : 'announced, pending'})`]),
          ]
        : `No restriction in force bears on ${d.country}.`,
    ),
  );
}

export const diversificationQuestion: QuestionSpec = {
  name: 'diversification',
  tab: 'Diversification',
  title: 'Where can X turn outside Y?',
  button: 'Find options',
  fields: [
    { param: 'for', label: 'For', type: 'organization', initial: 'government-of-ukraine', required: true },
    { param: 'outside', label: 'Outside', type: 'organizations', initial: ['microsoft'], required: false },
  ],
  subject: (args) => text(args, 'for'),
  async ask(args, day): Promise<Answer> {
    const asker = text(args, 'for');
    const outside = list(args, 'outside');
    const variables = { for: asker, outside, asOf: day.asOf, knownOn: day.knownOn };
    const { diversification: d } = await request(diversificationQuery, variables);
    const rows = rowsOf(d);
    const highlight = new Set<string>([asker]);
    for (const r of rows) {
      highlight.add(r.id);
      if (r.operator) highlight.add(r.operator.id);
      for (const x of r.deals) highlight.add(x.id);
    }
    const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    return {
      summary:
        `${d.organization.name} (${d.country})${outside.length ? ` outside ${outside.join(', ')}` : ''}: ` +
        `${plural(d.labs.length, 'lab')} and ${plural(d.clouds.length, 'cloud')} within reach, ${dayText(day.asOf, day.knownOn)}.`,
      highlight: [...highlight],
      graphiql: graphiqlHref(diversificationQuery.toString(), variables),
      addTo(set) {
        set.organization(d.organization.id, d.organization.name, d.organization.kind);
        for (const x of d.dependencies) addDeal(set, x);
        for (const o of d.labs) for (const c of o.channels) addChannel(set, c);
        for (const o of d.clouds) {
          set.organization(o.operator.id, o.operator.name, o.operator.kind);
          set.cloudService(o.cloudService.id, o.cloudService.name);
          set.addEdge(o.operator.id, 'OPERATES', o.cloudService.id);
          for (const c of o.channels) addChannel(set, c);
          for (const x of o.deals) addDeal(set, x);
        }
        for (const r of rows) for (const c of r.constraints) if (c.exclusivity) addExclusivity(set, c.exclusivity);
      },
      notes: (ui) => notes(d, ui),
      table: defineTable<Row>({
        rows,
        rowId: (r) => r.id,
        columns: [
          {
            key: 'option',
            label: 'Option',
            value: (r) => r.name,
            cell: (r, ui) => h('span', {}, nodeLink(ui, r.id, r.name), r.operator ? h('span', { class: 'sub' }, ` by ${r.operator.name}`) : null),
          },
          { key: 'type', label: 'Type', title: 'A lab whose models it can have, or a cloud it can rent', value: (r) => r.type },
          {
            key: 'through',
            label: 'Through',
            title: 'For a lab, where its channels go through; for a cloud, the labs whose models it serves',
            value: (r) => r.through.map((x) => x.text).join('; ') || null,
            cell: (r, ui) => linkList(ui, r.through, r.type === 'Lab' ? ['channel', 'channels'] : ['lab', 'labs']),
          },
          {
            key: 'deals',
            label: 'Deals',
            numeric: true,
            title: 'Its deals in force that cover the cloud or bind its operator',
            value: (r) => r.deals.length,
            cell: (r, ui) =>
              linkList(
                ui,
                r.deals.map((x) => ({ id: x.id, text: x.title })),
                ['deal', 'deals'],
              ),
          },
          {
            key: 'constraints',
            label: 'Constraints',
            title: 'Exclusivities in force and restrictions bearing on its country',
            value: (r) => r.constraints.map(constraintText).join('; ') || null,
            cell: (r, ui) => constraintsCell(ui, r.constraints),
          },
          ...confidenceColumn<Row>(rows, (r) => [r]),
        ],
      }),
    };
  },
};
