/**
 * The access layer over HTTP on the shipped seeds (real LadybugDB): which channels offer a lab's
 * models on a day and what governs them, where a government can turn outside some providers and
 * their control closure, and which restrictions bear on a country; on both clocks, with strict ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './support/api-server.ts';

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(() => api?.close());

type Ref = { id: string };
type Channel = {
  id: string;
  access: string;
  provider: Ref;
  cloudService: Ref | null;
  status: string;
  confidence: string;
  announcedOn: string;
  governedBy: { id: string; holder: Ref; covers: string[] }[];
  sources: { url: string }[];
};

const AVAILABILITY = `query ($of: ID!, $asOf: Date, $knownOn: Date) {
  availability(of: $of, asOf: $asOf, knownOn: $knownOn) {
    id access provider { id } cloudService { id } status confidence announcedOn
    governedBy { id holder { id } covers } sources { url }
  }
}`;

async function availability(variables: Record<string, unknown>): Promise<Channel[]> {
  const r = await api.gql<{ availability: Channel[] }>(AVAILABILITY, variables);
  expect(r.errors).toBeUndefined();
  return r.data!.availability;
}

const byService = (channels: Channel[], service: string) => channels.find((c) => c.cloudService?.id === service);
// Bedrock carries two OpenAI channels: the frontier models (2026) and customer-imported gpt-oss weights (2025).
const frontierOnBedrock = (channels: Channel[]) => channels.find((c) => c.id === 'openai-on-amazon-bedrock');

describe('availability', () => {
  it('lists OpenAI on Azure and on Bedrock on 1 June 2026, each sourced, dated and governed', async () => {
    const channels = await availability({ of: 'openai', asOf: '2026-06-01' });
    const azure = byService(channels, 'azure-openai-service')!;
    const bedrock = frontierOnBedrock(channels)!;
    expect(azure).toMatchObject({ access: 'CLOUD_PLATFORM', provider: { id: 'microsoft' }, status: 'ACTIVE' });
    expect(bedrock).toMatchObject({ access: 'CLOUD_PLATFORM', provider: { id: 'aws' }, status: 'ACTIVE', announcedOn: '2026-04-28' });
    for (const c of channels) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(['LOW', 'MEDIUM', 'HIGH']).toContain(c.confidence);
      expect(c.announcedOn <= '2026-06-01').toBe(true);
    }
    // Oldest first.
    expect(channels.map((c) => c.announcedOn)).toEqual([...channels.map((c) => c.announcedOn)].sort());
    // The Azure API exclusivity ended on 27 April 2026; the first-ship right that replaced it governs both.
    for (const c of [azure, bedrock]) {
      const ids = c.governedBy.map((x) => x.id);
      expect(ids).toContain('microsoft-openai-azure-first-ship');
      expect(ids).not.toContain('microsoft-openai-azure-api-exclusivity');
    }
    // Not announced yet on that day.
    expect(byService(channels, 'oracle-cloud-infrastructure-service')).toBeUndefined();
  });

  it('moves with the day: no Bedrock before 28 April 2026, a preview in May, and Azure exclusive in March', async () => {
    expect(frontierOnBedrock(await availability({ of: 'openai', asOf: '2026-04-01' }))).toBeUndefined();
    expect(frontierOnBedrock(await availability({ of: 'openai', asOf: '2026-05-15' }))!.status).toBe('ANNOUNCED');
    const march = byService(await availability({ of: 'openai', asOf: '2026-03-15' }), 'azure-openai-service')!;
    const exclusive = march.governedBy.find((x) => x.id === 'microsoft-openai-azure-api-exclusivity');
    expect(exclusive).toMatchObject({ holder: { id: 'microsoft' } });
    expect(exclusive!.covers).toContain('API_DISTRIBUTION');
  });

  it('answers as the record stood on knownOn: general availability was first reported on 2 June', async () => {
    const bedrock = frontierOnBedrock(await availability({ of: 'openai', asOf: '2026-06-01', knownOn: '2026-05-01' }))!;
    expect(bedrock.status).toBe('ANNOUNCED');
  });

  it('refuses an unknown lab with suggestions', async () => {
    const r = await api.gql(AVAILABILITY, { of: 'opneai' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'of' });
    expect(r.errors?.[0]?.message).toContain('openai');
  });
});

type Constraint = { kind: string; heldByExcludedProvider: boolean; channel: Ref | null; exclusivity: Ref | null; restriction: Ref | null; note: string };
type Diversification = {
  country: string;
  excluded: Ref[];
  dependencies: (Ref & { status: string })[];
  labs: { lab: Ref; confidence: string; channels: Channel[]; constraints: Constraint[] }[];
  clouds: { cloudService: Ref; operator: Ref; confidence: string; channels: Ref[]; deals: Ref[]; constraints: Constraint[] }[];
  onlyThroughExcluded: Ref[];
  restrictions: (Ref & { inEffect: boolean })[];
};

const DIVERSIFICATION = `query ($for: ID!, $outside: [ID!], $asOf: Date, $knownOn: Date) {
  diversification(for: $for, outside: $outside, asOf: $asOf, knownOn: $knownOn) {
    country excluded { id } dependencies { id status }
    labs { lab { id } confidence
      channels { id access provider { id } cloudService { id } status confidence announcedOn governedBy { id holder { id } covers } sources { url } }
      constraints { kind heldByExcludedProvider channel { id } exclusivity { id } restriction { id } note } }
    clouds { cloudService { id } operator { id } confidence channels { id } deals { id }
      constraints { kind heldByExcludedProvider channel { id } exclusivity { id } restriction { id } note } }
    onlyThroughExcluded { id }
    restrictions { id inEffect }
  }
}`;

async function diversify(variables: Record<string, unknown>): Promise<Diversification> {
  const r = await api.gql<{ diversification: Diversification }>(DIVERSIFICATION, variables);
  expect(r.errors).toBeUndefined();
  return r.data!.diversification;
}

describe('diversification', () => {
  it("gives Ukraine's government its options outside Microsoft on 1 June 2026", async () => {
    const d = await diversify({ for: 'government-of-ukraine', outside: ['microsoft'], asOf: '2026-06-01' });
    expect(d.country).toBe('UA');
    expect(d.excluded.map((o) => o.id)).toContain('microsoft');
    // What it would spread away from: Microsoft's free cloud support.
    expect(d.dependencies.map((x) => x.id)).toContain('microsoft-ukraine-2022-free-cloud-support');
    // No channel Microsoft runs, no cloud it operates.
    for (const lab of d.labs) for (const c of lab.channels) expect(c.provider.id, c.id).not.toBe('microsoft');
    for (const c of d.clouds) expect(c.operator.id).not.toBe('microsoft');
    // OpenAI through its own API and Bedrock; Anthropic through Bedrock and Vertex AI.
    const openai = d.labs.find((l) => l.lab.id === 'openai')!;
    expect(openai.channels.map((c) => c.id)).toEqual(expect.arrayContaining(['openai-api', 'openai-on-amazon-bedrock']));
    expect(d.labs.find((l) => l.lab.id === 'anthropic')!.channels.map((c) => c.cloudService?.id)).toEqual(
      expect.arrayContaining(['amazon-bedrock', 'google-vertex-ai']),
    );
    // Microsoft's first-ship right still reaches OpenAI's channels outside Azure.
    const held = openai.constraints.filter((c) => c.heldByExcludedProvider);
    expect(held.map((c) => c.exclusivity?.id)).toContain('microsoft-openai-azure-first-ship');
    // DeepSeek-R1 is recorded only on Microsoft's Foundry and GitHub Models, Inflection only on Azure;
    // Grok, once Foundry-only, is also on Oracle's cloud and in Telegram.
    expect(d.onlyThroughExcluded.map((o) => o.id)).toEqual(expect.arrayContaining(['deepseek', 'inflection-ai']));
    expect(d.onlyThroughExcluded.map((o) => o.id)).not.toContain('xai');
    expect(d.labs.find((l) => l.lab.id === 'xai')!.channels.map((c) => c.id)).toContain('xai-grok-on-oracle-cloud');
    // Clouds: AWS through the 2022 migration, Google's through the ministry's LLM deal (the government controls the ministry).
    const bedrock = d.clouds.find((c) => c.cloudService.id === 'amazon-bedrock')!;
    expect(bedrock.deals.map((x) => x.id)).toContain('aws-ukraine-2022-government-cloud-migration');
    expect(bedrock.channels.map((x) => x.id)).toContain('openai-on-amazon-bedrock');
    expect(d.clouds.find((c) => c.cloudService.id === 'google-vertex-ai')!.deals.map((x) => x.id)).toContain('ukraine-kyivstar-google-2025-national-llm');
    // Most trusted first; no US export control bears on Ukraine after the diffusion rule's rescission.
    const rank = { LOW: 0, MEDIUM: 1, HIGH: 2 } as Record<string, number>;
    for (const list of [d.labs, d.clouds])
      for (let i = 1; i < list.length; i++) expect(rank[list[i - 1]!.confidence]! >= rank[list[i]!.confidence]!).toBe(true);
    expect(d.restrictions).toEqual([]);
  });

  it('leaves out everything the excluded providers control that day', async () => {
    const d = await diversify({ for: 'government-of-ukraine', outside: ['alphabet', 'amazon'], asOf: '2026-06-01' });
    const excluded = d.excluded.map((o) => o.id);
    expect(excluded).toEqual(expect.arrayContaining(['alphabet', 'google', 'google-cloud', 'google-deepmind', 'amazon', 'aws']));
    expect(d.labs.map((l) => l.lab.id)).not.toContain('google-deepmind');
    expect(d.clouds.map((c) => c.operator.id)).not.toEqual(expect.arrayContaining(['aws']));
    for (const lab of d.labs) for (const c of lab.channels) expect(['aws', 'google-cloud']).not.toContain(c.provider.id);
    expect(d.dependencies.map((x) => x.id)).toEqual(
      expect.arrayContaining(['aws-ukraine-2022-government-cloud-migration', 'ukraine-kyivstar-google-2025-national-llm']),
    );
  });

  it('shows the AI Diffusion Rule bearing on Ukraine while it was pending, not yet in effect', async () => {
    const d = await diversify({ for: 'government-of-ukraine', outside: ['microsoft'], asOf: '2025-03-01' });
    expect(d.restrictions).toEqual([{ id: 'us-ai-diffusion-rule-2025', inEffect: false }]);
    const ec2 = d.clouds.find((c) => c.cloudService.id === 'aws-ec2')!;
    expect(ec2.constraints.map((c) => c.restriction?.id)).toContain('us-ai-diffusion-rule-2025');
    // Bedrock had no OpenAI models then.
    expect(d.labs.find((l) => l.lab.id === 'openai')!.channels.map((c) => c.id)).not.toContain('openai-on-amazon-bedrock');
  });

  it('refuses unknown ids in for and outside, with suggestions', async () => {
    const misspeltFor = await api.gql(DIVERSIFICATION, { for: 'government-of-ukrain', outside: ['microsoft'] });
    expect(misspeltFor.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'for' });
    expect(misspeltFor.errors?.[0]?.message).toContain('government-of-ukraine');
    const misspeltOutside = await api.gql(DIVERSIFICATION, { for: 'government-of-ukraine', outside: ['microsft'] });
    expect(misspeltOutside.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'outside' });
    expect(misspeltOutside.errors?.[0]?.message).toContain('microsoft');
  });
});

describe('restrictions', () => {
  const QUERY = `query ($country: String, $asOf: Date, $knownOn: Date) {
    restrictions(country: $country, asOf: $asOf, knownOn: $knownOn) { id status inEffect issuer { id } chips { id } exemptCountries sources { url } }
  }`;
  type R = { id: string; status: string; inEffect: boolean; issuer: Ref; chips: Ref[]; exemptCountries: string[]; sources: { url: string }[] };
  const ask = async (variables: Record<string, unknown>) => {
    const r = await api.gql<{ restrictions: R[] }>(QUERY, variables);
    expect(r.errors).toBeUndefined();
    return r.data!.restrictions;
  };

  it('says which measures bore on a country on a day', async () => {
    expect((await ask({ country: 'UA', asOf: '2025-03-01' })).map((r) => r.id)).toEqual(['us-ai-diffusion-rule-2025']);
    expect(await ask({ country: 'JP', asOf: '2025-03-01' })).toEqual([]); // a tier-1 ally, exempt
    expect(await ask({ country: 'UA', asOf: '2025-06-01' })).toEqual([]); // rescinded on 13 May 2025
    const china = await ask({ country: 'CN', asOf: '2026-06-01' });
    expect(china.map((r) => r.id)).toEqual(['us-h20-export-licence-2025']);
    expect(china[0]).toMatchObject({ status: 'ACTIVE', inEffect: true, issuer: { id: 'us-government' }, chips: [{ id: 'nvidia-h20' }] });
    expect(china[0]!.sources.length).toBeGreaterThan(0);
  });

  it('on the knownOn clock, the rescission counts only once it was reported', async () => {
    expect((await ask({ country: 'UA', asOf: '2025-06-01', knownOn: '2025-05-14' })).map((r) => r.id)).toEqual(['us-ai-diffusion-rule-2025']);
  });

  it('refuses a country that is not an ISO code', async () => {
    const r = await api.gql(QUERY, { country: 'Ukraine' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'country' });
  });
});
