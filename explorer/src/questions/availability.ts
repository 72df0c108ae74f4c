/**
 * Where a lab's models can be had on the view's day: one row per channel in force (its own API,
 * cloud platforms, marketplaces, resellers, on-premises deployments, open weights) with its
 * provider, dates, status and terms on that day, the exclusivities that govern it, and how well
 * sourced it is.
 */
import { request } from '../api/client';
import { availabilityQuery } from '../api/documents';
import { h } from '../dom';
import { dayText, formatDate, humanize } from '../format';
import { graphiqlHref } from '../graphiql-link';
import type { Answer } from './answer';
import { defineTable } from './answer-table';
import { nodeLink } from './cells';
import { addChannel, type Channel, channelNode, exclusivitiesCell, exclusivitiesText } from './channels';
import { confidenceColumn } from './confidence';
import { text, type QuestionSpec } from './question';

export const availabilityQuestion: QuestionSpec = {
  name: 'availability',
  tab: 'Availability',
  title: 'Where can X’s models be had?',
  button: 'Find channels',
  fields: [{ param: 'of', label: 'Models of', type: 'organization', initial: 'openai', required: true }],
  subject: (args) => text(args, 'of'),
  async ask(args, day): Promise<Answer> {
    const of = text(args, 'of');
    const variables = { of, asOf: day.asOf, knownOn: day.knownOn };
    const { availability: rows } = await request(availabilityQuery, variables);
    const lab = rows[0]?.lab.name ?? of;
    return {
      summary: `${rows.length} channel${rows.length === 1 ? '' : 's'} for ${lab}’s models, ${dayText(day.asOf, day.knownOn)}.`,
      highlight: [of, ...rows.flatMap((c) => [c.provider.id, channelNode(c), ...c.governedBy.map((x) => x.id)])],
      graphiql: graphiqlHref(availabilityQuery.toString(), variables),
      addTo(set) {
        for (const c of rows) addChannel(set, c);
      },
      table: defineTable<Channel>({
        rows,
        rowId: channelNode,
        columns: [
          { key: 'channel', label: 'Channel', value: (c) => c.title, cell: (c) => h('span', { title: c.models ?? '' }, c.title) },
          { key: 'access', label: 'Access', value: (c) => humanize(c.access) },
          { key: 'provider', label: 'Provider', value: (c) => c.provider.name, cell: (c, ui) => nodeLink(ui, c.provider.id, c.provider.name) },
          {
            key: 'service',
            label: 'Through',
            title: 'The cloud service it goes through',
            value: (c) => c.cloudService?.name ?? null,
            cell: (c, ui) => (c.cloudService ? nodeLink(ui, c.cloudService.id, c.cloudService.name) : '—'),
          },
          { key: 'status', label: 'Status', title: 'Its status on the view’s day', value: (c) => humanize(c.status) },
          { key: 'announced', label: 'Announced', value: (c) => c.announcedOn, cell: (c) => formatDate(c.announcedOn) },
          {
            key: 'from',
            label: 'Available from',
            title: 'The day the models became available through it (preview or general availability)',
            value: (c) => c.availableFrom ?? null,
            cell: (c) => formatDate(c.availableFrom),
          },
          { key: 'until', label: 'Until', value: (c) => c.availableUntil ?? c.endedOn ?? null, cell: (c) => formatDate(c.availableUntil ?? c.endedOn) },
          {
            key: 'governedBy',
            label: 'Governed by',
            title: 'Exclusivities and first rights in force on the day that govern it',
            value: (c) => exclusivitiesText(c.governedBy),
            cell: (c, ui) => exclusivitiesCell(ui, c.governedBy),
          },
          { key: 'terms', label: 'Terms', value: (c) => c.terms ?? null, cell: (c) => (c.terms ? h('span', { class: 'terms' }, c.terms) : '—') },
          ...confidenceColumn<Channel>(rows, (c) => [c]),
        ],
      }),
    };
  },
};
