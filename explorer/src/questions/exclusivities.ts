/** The exclusivities an organization holds or granted, in force on the view's day: one row each. */
import { request } from '../api/client';
import { exclusivitiesQuery } from '../api/documents';
import { dayText, humanize } from '../format';
import type { ExclusivityItemFragment } from '../gql/graphql';
import { graphiqlHref } from '../graphiql-link';
import type { Answer } from './answer';
import { defineTable } from './answer-table';
import { nodeLink } from './cells';
import { confidenceColumn } from './confidence';
import { text, type QuestionSpec } from './question';

type Row = ExclusivityItemFragment & { side: 'Held' | 'Granted' };

export const exclusivitiesQuestion: QuestionSpec = {
  name: 'exclusivities',
  tab: 'Exclusivities',
  title: 'Exclusivities of X',
  button: 'Show exclusivities',
  fields: [{ param: 'org', label: 'Of', type: 'organization', initial: 'openai', required: true }],
  subject: (args) => text(args, 'org'),
  async ask(args, day): Promise<Answer> {
    const org = text(args, 'org');
    const variables = { org, asOf: day.asOf, knownOn: day.knownOn };
    const { held, granted } = await request(exclusivitiesQuery, variables);
    const rows: Row[] = [...held.map((x) => ({ ...x, side: 'Held' as const })), ...granted.map((x) => ({ ...x, side: 'Granted' as const }))];
    return {
      summary: `${org} holds ${held.length} and granted ${granted.length} exclusivit${rows.length === 1 ? 'y' : 'ies'} in force, ${dayText(day.asOf, day.knownOn)}.`,
      highlight: [org, ...rows.flatMap((x) => [x.id, x.holder.id, x.grantor.id])],
      graphiql: graphiqlHref(exclusivitiesQuery.toString(), variables),
      addTo(set) {
        for (const x of rows) {
          set.fact(x.id, 'EXCLUSIVITY', x.title, x.status, x.exclusivityKind);
          set.organization(x.holder.id, x.holder.name, x.holder.orgKind);
          set.organization(x.grantor.id, x.grantor.name, x.grantor.orgKind);
          set.addEdge(x.holder.id, 'HOLDS', x.id);
          set.addEdge(x.grantor.id, 'GRANTS', x.id);
        }
      },
      table: defineTable<Row>({
        rows,
        rowId: (r) => r.id,
        columns: [
          { key: 'exclusivity', label: 'Exclusivity', value: (r) => r.title, cell: (r, ui) => nodeLink(ui, r.id, r.title) },
          { key: 'side', label: 'Role', title: `Whether ${org} holds or granted the right`, value: (r) => r.side },
          { key: 'kind', label: 'Kind', value: (r) => humanize(r.exclusivityKind) },
          { key: 'status', label: 'Status', title: 'Its status on the view’s day', value: (r) => humanize(r.status) },
          { key: 'holder', label: 'Holder', value: (r) => r.holder.name, cell: (r, ui) => nodeLink(ui, r.holder.id, r.holder.name) },
          { key: 'grantor', label: 'Grantor', value: (r) => r.grantor.name, cell: (r, ui) => nodeLink(ui, r.grantor.id, r.grantor.name) },
          { key: 'until', label: 'Until', value: (r) => r.until },
          { key: 'scope', label: 'Scope', value: (r) => r.scope },
          ...confidenceColumn<Row>(rows, (r) => [r]),
        ],
      }),
    };
  },
};
