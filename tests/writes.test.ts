/**
 * Writes: every mutation denies by default, applies with an editor key and is audited; bad
 * input is refused naming the field with nothing written; history is kept; retracted facts
 * hide; concurrent writes all land; hostile strings are stored verbatim and change nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allNodes, startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
let reader: string;
let editor: string;
let admin: string;
beforeAll(async () => {
  api = await startApiServer();
  reader = api.key('reader');
  editor = api.key('editor', 'test-editor');
  admin = api.key('admin');
}, 120_000);
afterAll(() => api?.close());

const MUTATIONS: Record<string, { query: string; variables: Record<string, unknown>; role: 'editor' | 'admin' }> = {
  upsertOrganization: {
    query: 'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id name kind country } }',
    variables: { input: { id: 'acme-ai', name: 'Acme AI', kind: 'AI_LAB', country: 'GB', aliases: ['Acme'] } },
    role: 'editor',
  },
  upsertChip: {
    query: 'mutation ($input: ChipInput!) { upsertChip(input: $input) { id name designer { id } } }',
    variables: { input: { id: 'acme-x1', name: 'Acme X1', kind: 'ASIC', designer: 'acme-ai' } },
    role: 'editor',
  },
  upsertCloudService: {
    query: 'mutation ($input: CloudServiceInput!) { upsertCloudService(input: $input) { id operator { id } chips { id } } }',
    variables: { input: { id: 'acme-cloud', name: 'Acme Cloud', kind: 'GPU_CLOUD', operator: 'acme-ai', chips: ['acme-x1'] } },
    role: 'editor',
  },
  upsertSource: {
    query: 'mutation ($input: SourceInput!) { upsertSource(input: $input) { id url title } }',
    variables: {
      input: {
        id: 'acme-press-2026-11-01',
        title: 'Acme AI signs with AWS',
        url: 'https://acme.example/press/1',
        publisher: 'Acme AI',
        publishedOn: '2026-11-01',
      },
    },
    role: 'editor',
  },
  recordDeal: {
    query: 'mutation ($input: DealInput!) { recordDeal(input: $input) { id status parties { organization { id } role } sources { id } chips { id } } }',
    variables: {
      input: {
        id: 'acme-aws-2026-compute',
        title: 'Acme AI rents capacity on AWS',
        kind: 'COMPUTE_CONTRACT',
        status: 'IN_TALKS',
        announcedOn: '2026-11-01',
        summary: 'Talks about capacity.',
        amountUsd: 1e9,
        amountQualifier: 'APPROX',
        parties: [
          { organization: 'acme-ai', role: 'CUSTOMER' },
          { organization: 'aws', role: 'SUPPLIER' },
        ],
        chips: ['trainium2'],
        sources: ['acme-press-2026-11-01'],
        statusHistory: [{ status: 'IN_TALKS', on: '2026-11-01', sources: ['acme-press-2026-11-01'] }],
      },
    },
    role: 'editor',
  },
  recordExclusivity: {
    query: 'mutation ($input: ExclusivityInput!) { recordExclusivity(input: $input) { id holder { id } grantor { id } until } }',
    variables: {
      input: {
        id: 'acme-aws-rofr',
        title: 'AWS right of first refusal on Acme capacity',
        kind: 'RIGHT_OF_FIRST_REFUSAL',
        holder: 'aws',
        grantor: 'acme-ai',
        scope: 'New capacity is offered to AWS first.',
        status: 'ACTIVE',
        announcedOn: '2026-11-01',
        sources: ['acme-press-2026-11-01'],
      },
    },
    role: 'editor',
  },
  setDealStatus: {
    query:
      'mutation { setDealStatus(id: "acme-aws-2026-compute", status: CALLED_OFF, on: "2026-11-20", sources: ["acme-press-2026-11-01"], note: "Talks ended.") { id status endedOn statusHistory { status on note } } }',
    variables: {},
    role: 'editor',
  },
  retract: {
    query:
      'mutation { retract(id: "acme-aws-rofr", reason: "Never granted: the press release was misread.", source: "acme-press-2026-11-01") { ... on Exclusivity { id retractedOn retractionReason retractionSource { id } } } }',
    variables: {},
    role: 'editor',
  },
  deleteNode: {
    query: 'mutation { deleteNode(id: "acme-cloud") }',
    variables: {},
    role: 'admin',
  },
};

async function auditCount(): Promise<number> {
  const r = await api.gql<{ auditLog: { totalCount: number } }>('{ auditLog(first: 1) { totalCount } }', {}, admin);
  return r.data!.auditLog.totalCount;
}

describe('every mutation', () => {
  for (const [name, m] of Object.entries(MUTATIONS)) {
    it(`${name}: UNAUTHENTICATED without a key, FORBIDDEN with a reader key, applied and audited with ${m.role === 'admin' ? 'an admin' : 'an editor'} key`, async () => {
      const before = await auditCount();
      const anonymous = await api.gql(m.query, m.variables);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const asReader = await api.gql(m.query, m.variables, reader);
      expect(asReader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      if (m.role === 'admin') expect((await api.gql(m.query, m.variables, editor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await auditCount()).toBe(before); // refused: nothing written
      const ok = await api.gql<Record<string, unknown>>(m.query, m.variables, m.role === 'admin' ? admin : editor);
      expect(ok.errors).toBeUndefined();
      expect(ok.data![name]).toBeTruthy();
      const log = await api.gql<{
        auditLog: { edges: { node: { actor: string; role: string; operation: string; before: string | null; after: string | null } }[] };
      }>('{ auditLog(first: 5) { edges { node { actor role operation subject before after at } } } }', {}, admin);
      const latest = log.data!.auditLog.edges[0]!.node;
      expect(latest.operation).toBe(name);
      expect(latest.role).toBe(m.role);
      expect(latest.before ?? latest.after).toBeTruthy();
    });
  }

  it('kept the history and the effects of the writes above', async () => {
    const deal = await api.gql<{ deal: { status: string; endedOn: string; statusHistory: { status: string; on: string }[] } }>(
      '{ deal(id: "acme-aws-2026-compute") { status endedOn statusHistory { status on } } }',
    );
    expect(deal.data!.deal).toEqual({
      status: 'CALLED_OFF',
      endedOn: '2026-11-20',
      statusHistory: [
        { status: 'IN_TALKS', on: '2026-11-01' },
        { status: 'CALLED_OFF', on: '2026-11-20' },
      ],
    });
    const gone = await api.gql<{ cloudService: null }>('{ cloudService(id: "acme-cloud") { id } }');
    expect(gone.data!.cloudService).toBeNull();
    const audit = await api.gql<{ auditLog: { edges: { node: { before: string; after: string | null } }[] } }>(
      '{ auditLog(subject: "acme-aws-2026-compute", first: 10) { edges { node { before after } } } }',
      {},
      admin,
    );
    const setStatus = audit.data!.auditLog.edges[0]!.node;
    expect(JSON.parse(setStatus.before).status).toBe('in_talks');
    expect(JSON.parse(setStatus.after!).status).toBe('called_off');
  });

  it('hides a retracted fact by default and shows it on request', async () => {
    const q = '{ exclusivities(grantor: "acme-ai", asOf: "2026-11-25") { id } }';
    expect((await api.gql<{ exclusivities: unknown[] }>(q)).data!.exclusivities).toEqual([]);
    const direct = await api.gql<{ exclusivity: { retractedOn: string } }>('{ exclusivity(id: "acme-aws-rofr") { retractedOn } }');
    expect(direct.data!.exclusivity.retractedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('hides retracted deals from lists unless includeRetracted', async () => {
    await api.gql(
      'mutation { retract(id: "acme-aws-2026-compute", reason: "Duplicate record.", source: "acme-press-2026-11-01") { ... on Deal { id } } }',
      {},
      editor,
    );
    const hidden = await api.gql<{ deals: { totalCount: number } }>('{ deals(filter: { party: "acme-ai" }) { totalCount } }');
    const shown = await api.gql<{ deals: { totalCount: number } }>('{ deals(filter: { party: "acme-ai", includeRetracted: true }) { totalCount } }');
    expect(hidden.data!.deals.totalCount).toBe(0);
    expect(shown.data!.deals.totalCount).toBe(1);
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown party', { organization: 'no-such-org', role: 'SUPPLIER' }, 'input.parties[1].organization', /unknown organization "no-such-org"/],
    ['one party only', null, 'input.parties', /at least two parties/],
  ])('is refused naming the field (%s), and nothing is written', async (_name, party, field, message) => {
    const before = await auditCount();
    const input: Record<string, unknown> = { ...(MUTATIONS.recordDeal!.variables.input as Record<string, unknown>), id: 'bad-deal' };
    input.parties = party ? [{ organization: 'acme-ai', role: 'CUSTOMER' }, party] : [{ organization: 'acme-ai', role: 'CUSTOMER' }];
    const r = await api.gql(MUTATIONS.recordDeal!.query, { input }, editor);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((r.errors?.[0]?.extensions as { field?: string } | undefined)?.field).toBe(field);
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(await auditCount()).toBe(before);
    expect((await api.gql<{ deal: null }>('{ deal(id: "bad-deal") { id } }')).data!.deal).toBeNull();
  });

  it('refuses a new organization without its required fields, naming them', async () => {
    const r = await api.gql('mutation { upsertOrganization(input: { id: "half-org", name: "Half" }) { id } }', {}, editor);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/input\.(kind|country): required/);
  });

  it('refuses an invalid key with UNAUTHENTICATED, even for reads', async () => {
    const r = await api.gql('{ organization(id: "openai") { name } }', {}, 'aig_0000000000000000_not-a-real-key-not-a-real-key-not-a-real-key');
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('concurrency', () => {
  it('applies 50 concurrent mutations: all of them, no duplicates, no crash', async () => {
    const before = await auditCount();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.gql(
          'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
          { input: { id: `concurrent-${i}`, name: `Concurrent ${i}`, kind: 'OTHER', country: 'US' } },
          editor,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    // Every organization, page by page (the seeds alone fill several pages).
    const all = (
      await allNodes<{ id: string }>(
        api,
        'query ($after: String) { organizations(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        'organizations',
      )
    ).map((n) => n.id);
    const ids = all.filter((id) => id.startsWith('concurrent-'));
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(await auditCount()).toBe(before + 50);
  });
});

describe('hostile strings', () => {
  const HOSTILE = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    '`Organization` ｀ʼ‘’ ＂ \u0000? no: \\u0027',
    "x' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the hostile text here
    '$id {id: $id} ${param}',
    "\\'; CALL db.clearQueryCaches(); //",
    'UNWIND range(1, 100000000) AS x RETURN x',
  ].map((s) => s.replace('\u0000', ''));

  it('stores them verbatim through every string field, reads them back, and changes nothing else', async () => {
    const before = await api.gql<{ deals: { totalCount: number }; organizations: { totalCount: number } }>(
      '{ deals { totalCount } organizations { totalCount } }',
    );
    for (const [i, s] of HOSTILE.entries()) {
      const org = await api.gql<{ upsertOrganization: { name: string; description: string; aliases: string[] } }>(
        'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { name description aliases } }',
        { input: { id: `hostile-${i}`, name: s, kind: 'OTHER', country: 'US', description: s, aliases: [s, `${s}2`] } },
        editor,
      );
      expect(org.errors).toBeUndefined();
      expect(org.data!.upsertOrganization).toEqual({ name: s, description: s, aliases: [s, `${s}2`] });
      const src = await api.gql<{ upsertSource: { title: string; publisher: string } }>(
        'mutation ($input: SourceInput!) { upsertSource(input: $input) { title publisher } }',
        { input: { id: `hostile-src-${i}`, title: s, publisher: s, url: 'https://example.org/hostile', publishedOn: '2026-01-01' } },
        editor,
      );
      expect(src.data!.upsertSource).toEqual({ title: s, publisher: s });
      const deal = await api.gql<{ recordDeal: { title: string; summary: string; term: string; round: string } }>(
        'mutation ($input: DealInput!) { recordDeal(input: $input) { title summary term round } }',
        {
          input: {
            id: `hostile-deal-${i}`,
            title: s,
            summary: s,
            term: s,
            round: s,
            kind: 'PARTNERSHIP',
            status: 'ANNOUNCED',
            announcedOn: '2026-01-01',
            parties: [
              { organization: `hostile-${i}`, role: 'PARTNER' },
              { organization: 'openai', role: 'PARTNER' },
            ],
            sources: [`hostile-src-${i}`],
          },
        },
        editor,
      );
      expect(deal.data!.recordDeal).toEqual({ title: s, summary: s, term: s, round: s });
      // Read arguments too: search text, and an id that names nothing (NOT_FOUND, nothing run).
      const found = await api.gql<{ search: unknown[] }>('query ($t: String!) { search(text: $t) { __typename } }', { t: s });
      expect(found.errors).toBeUndefined();
      const node = await api.gql('query ($id: ID!) { node(id: $id) { id } }', { id: s });
      expect(node.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const after = await api.gql<{ deals: { totalCount: number }; organizations: { totalCount: number } }>(
      '{ deals { totalCount } organizations { totalCount } }',
    );
    expect(after.data!.deals.totalCount).toBe(before.data!.deals.totalCount + HOSTILE.length);
    expect(after.data!.organizations.totalCount).toBe(before.data!.organizations.totalCount + HOSTILE.length);
    const openai = await api.gql<{ organization: { name: string } }>('{ organization(id: "openai") { name } }');
    expect(openai.data!.organization.name).toBe('OpenAI');
  });
});

describe('lost updates', () => {
  /** The audit entries of one record, oldest first (audit ids start `audit-<journal seq>-`). */
  async function auditOf(subject: string): Promise<{ operation: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[]> {
    const r = await api.gql<{ auditLog: { edges: { node: { id: string; operation: string; before: string | null; after: string } }[] } }>(
      'query ($s: String!) { auditLog(subject: $s, first: 100) { edges { node { id operation before after } } } }',
      { s: subject },
      admin,
    );
    const seq = (id: string) => Number(/^audit-(\d+)-/.exec(id)![1]);
    return r
      .data!.auditLog.edges.map((e) => e.node)
      .sort((a, b) => seq(a.id) - seq(b.id))
      .map((n) => ({
        operation: n.operation,
        before: n.before ? (JSON.parse(n.before) as Record<string, unknown>) : null,
        after: JSON.parse(n.after) as Record<string, unknown>,
      }));
  }

  it('keeps all 50 of 50 concurrent status changes of one deal', async () => {
    const deal = {
      ...(MUTATIONS.recordDeal!.variables.input as Record<string, unknown>),
      id: 'status-race',
      status: 'IN_TALKS',
      statusHistory: [{ status: 'IN_TALKS', on: '2026-11-01', sources: ['acme-press-2026-11-01'] }],
    };
    expect((await api.gql(MUTATIONS.recordDeal!.query, { input: deal }, editor)).errors).toBeUndefined();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.gql(
          'mutation ($on: Date!, $note: String!) { setDealStatus(id: "status-race", status: ANNOUNCED, on: $on, sources: ["acme-press-2026-11-01"], note: $note) { id } }',
          // One date for all: the history must stay in date order whatever order they land in.
          { on: '2026-12-01', note: `change ${i}` },
          editor,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const after = await api.gql<{ deal: { statusHistory: { note: string | null }[] } }>('{ deal(id: "status-race") { statusHistory { note } } }');
    const notes = after.data!.deal.statusHistory.map((h) => h.note).filter((n): n is string => n?.startsWith('change ') ?? false);
    expect(notes).toHaveLength(50);
    expect(new Set(notes).size).toBe(50);
    expect(after.data!.deal.statusHistory).toHaveLength(51);
  });

  it('leaves each field of 50 concurrent partial upserts of one organization as its last acknowledged writer set it, in a serial order the audit trail shows', async () => {
    const create = await api.gql(
      'mutation { upsertOrganization(input: { id: "patch-race", name: "Patch race", kind: OTHER, country: "US", description: "start", aliases: ["start"] }) { id } }',
      {},
      editor,
    );
    expect(create.errors).toBeUndefined();
    const patches = Array.from({ length: 50 }, (_, i) => (i % 2 ? { aliases: [`alias-${i}`] } : { description: `description-${i}` }));
    const results = await Promise.all(
      patches.map((p) =>
        api.gql(
          'mutation ($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }',
          { input: { id: 'patch-race', name: 'Patch race', ...p } },
          editor,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);

    // The serial reference: apply the acknowledged patches one by one in the order the writer
    // committed them (the audit trail); every entry must start from the state the one before it
    // left and change only its own field, and the record must end as the last entry left it.
    const trail = await auditOf('patch-race');
    expect(trail).toHaveLength(51);
    let state = trail[0]!.after;
    const seen = new Set<string>();
    for (const entry of trail.slice(1)) {
      expect(entry.before).toEqual(state);
      const changed = Object.keys({ ...entry.before, ...entry.after }).filter((k) => JSON.stringify(entry.before![k]) !== JSON.stringify(entry.after[k]));
      expect(changed).toHaveLength(1);
      seen.add(JSON.stringify(entry.after[changed[0]!]));
      state = entry.after;
    }
    expect(seen.size).toBe(50);
    const lastDescription = trail.map((e) => e.after.description).at(-1);
    const lastAliases = trail.map((e) => e.after.aliases).at(-1);
    const org = await api.gql<{ organization: { description: string; aliases: string[] } }>('{ organization(id: "patch-race") { description aliases } }');
    expect(org.data!.organization).toEqual({ description: lastDescription, aliases: lastAliases });
    expect(lastDescription).not.toBe('start');
    expect(lastAliases).not.toEqual(['start']);
  });
});
