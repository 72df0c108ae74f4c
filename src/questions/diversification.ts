/**
 * `diversification(for, outside, asOf, knownOn)`: for an organization or a government, the labs
 * whose models it can have and the clouds it can rent on a day without going through the given
 * providers or anything they control that day (rules/control-closure.ts), each with what
 * constrains it and how far the facts behind it can be trusted (rules/confidence.ts).
 *
 * - A lab is reachable through a channel in force that day (channels.ts) whose lab and provider
 *   are both outside the excluded set. Labs with channels in force only through excluded
 *   providers are listed apart: their models are there, but only through the providers left out.
 * - A cloud is a cloud service whose operator is outside the excluded set and that either
 *   carries such a channel or is tied to the asker by a deal in force (the deal covers it, or its
 *   operator, a parent or a subsidiary of it is a party).
 * - Constraints: on a channel, the exclusivities in force that govern it (availability.ts), marked
 *   when an excluded provider holds them; on a channel or a cloud, the restrictions in force that
 *   bear on the asker's country (restrictions.ts) and restrict what it needs
 *   (rules/channel-scope.ts), or name its lab, provider or operator; on a cloud, the
 *   exclusivities the asker granted to others that cover renting it (rules/scope.ts).
 * - Confidence of an option: that of the best-supported fact that makes it reachable (a channel,
 *   or for a cloud also a deal with the asker); each fact keeps its own.
 * - Dependencies: the asker's deals in force with the excluded providers (what it would spread
 *   away from).
 * - The asker's side is the asker and what it controls that day: a government's deals include
 *   those of its ministries, and exclusivities any of them granted constrain its clouds.
 */
import { PARTY_ROLES } from '../model/graph-model.ts';
import { CONFIDENCES, type CloudServiceKind, type Confidence, type RestrictedItem } from '../model/vocabulary.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { governingExclusivities } from './availability.ts';
import { channelsInForce, type ChannelFacts } from './channels.ts';
import { exclusivitiesInForce } from './exclusivities.ts';
import { gradeFacts } from './fact-grades.ts';
import { restrictionsOn, type RestrictionFacts } from './restrictions.ts';
import { ACCESS_ITEMS, CLOUD_ITEMS, restrictsAny } from './rules/channel-scope.ts';
import type { ControlGraph } from './rules/control-closure.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';
import { CLOUD_SERVICE_SCOPES, restricts } from './rules/scope.ts';

const ROLES = Object.values(PARTY_ROLES).join('|');
const ASKER_DEALS = `UNWIND $orgs AS id MATCH (o:Organization {id: id})-[:${ROLES}]->(d:Deal) WHERE ${inForceCypher('d')} WITH d`;

/** The deals in force on `$asOf` of the asker's side (`$orgs`: the asker and what it controls), each with all its parties. */
export const ASKER_DEAL_PARTIES: Query = {
  name: 'q.diversification.dealParties',
  cypher: `${ASKER_DEALS} MATCH (p:Organization)-[:${ROLES}]->(d) RETURN DISTINCT d.id AS id, d.status AS status, d.announcedOn AS announcedOn, d.endedOn AS endedOn, d.knownSince AS knownSince, p.id AS party`,
};

/** The cloud services the deals in force on `$asOf` of the asker's side cover. */
export const ASKER_DEAL_SERVICES: Query = {
  name: 'q.diversification.dealServices',
  cypher: `${ASKER_DEALS} MATCH (d)-[:COVERS]->(s:CloudService) RETURN DISTINCT d.id AS deal, s.id AS service`,
};

/** Every cloud service with its kind and operator. */
export const CLOUD_OPERATORS: Query = {
  name: 'q.diversification.clouds',
  cypher: 'MATCH (o:Organization)-[:OPERATES]->(s:CloudService) RETURN s.id AS service, s.kind AS kind, o.id AS operator ORDER BY s.id',
};

/** The asker's country. */
export const ASKER_COUNTRY: Query = {
  name: 'q.diversification.country',
  cypher: 'MATCH (o:Organization {id: $of}) RETURN o.country AS country',
};

export const DIVERSIFICATION_STATEMENTS: readonly Query[] = [ASKER_DEAL_PARTIES, ASKER_DEAL_SERVICES, CLOUD_OPERATORS, ASKER_COUNTRY];

export interface Constraint {
  kind: 'exclusivity' | 'restriction';
  exclusivityId: string | null;
  restrictionId: string | null;
  /** The channel it bears on (null: on the option as a whole). */
  channelId: string | null;
  /** The exclusivity is held by an excluded provider (or something it controls). */
  heldByExcluded: boolean;
  /** What it does, in words, from the record. */
  note: string;
}

export interface LabOption {
  labId: string;
  channelIds: string[];
  constraints: Constraint[];
  confidence: Confidence;
}

export interface CloudOption {
  cloudServiceId: string;
  operatorId: string;
  channelIds: string[];
  dealIds: string[];
  constraints: Constraint[];
  confidence: Confidence;
}

export interface Diversification {
  organizationId: string;
  country: string;
  asOf: string;
  excludedIds: string[];
  dependencyIds: string[];
  labs: LabOption[];
  clouds: CloudOption[];
  onlyThroughExcludedIds: string[];
  restrictionIds: string[];
}

export interface DiversificationRequest {
  of: string;
  /** Providers left out, with everything they control on `when.asOf`. */
  outside: readonly string[];
  when: When;
}

const rank = (c: Confidence) => CONFIDENCES.indexOf(c);
const best = (levels: readonly Confidence[]): Confidence => levels.reduce<Confidence>((a, b) => (rank(b) > rank(a) ? b : a), 'low');
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `control`: who controls whom on `r.when.asOf`. */
export async function diversification(store: GraphStore, control: ControlGraph, r: DiversificationRequest): Promise<Diversification> {
  const { when } = r;
  const excluded = new Set<string>();
  for (const id of r.outside) {
    excluded.add(id);
    for (const c of control.controlledBy(id)) excluded.add(c);
  }
  const country = String((await store.read(ASKER_COUNTRY, { of: r.of }))[0]?.country ?? '');
  // The asker's side: the asker and what it controls that day (a government and its ministries).
  const askerSide = new Set([r.of, ...control.controlledBy(r.of)]);
  const params = { orgs: [...askerSide], ...whenParams(when) };
  const [channels, exclusivities, restrictions, dealParties, dealServices, clouds] = await Promise.all([
    channelsInForce(store, null, when),
    exclusivitiesInForce(store, null, null, when),
    restrictionsOn(store, country, when),
    store.read(ASKER_DEAL_PARTIES, params),
    store.read(ASKER_DEAL_SERVICES, params),
    store.read(CLOUD_OPERATORS),
  ]);
  const dealRows = new Map<string, Row>();
  for (const d of dealParties) dealRows.set(String(d.id), d);
  const counterparties = dealParties.filter((d) => !askerSide.has(String(d.party)));
  const [channelGrades, dealGrades] = await Promise.all([
    gradeFacts(
      store,
      'Channel',
      channels.map((c) => c.row),
      when,
    ),
    gradeFacts(store, 'Deal', [...dealRows.values()], when),
  ]);

  const related = (id: string) => new Set([id, ...control.controllersOf(id), ...control.controlledBy(id)]);
  const isExcluded = (id: string) => excluded.has(id);
  const exclusivityRows = exclusivities.map((x) => ({ ...x, id: String(x.id) }) as Row & { id: string; announcedOn: string });
  const grantedBy = (org: string) => exclusivityRows.filter((x) => String(x.grantorId) === org);
  const byExclusivity = new Map(exclusivityRows.map((x) => [x.id, x]));

  /** Restrictions bearing on the asker that restrict what `items` needs or name one of `parties`. */
  const restrictionConstraints = (items: readonly RestrictedItem[], parties: ReadonlySet<string>, channelId: string | null): Constraint[] =>
    restrictions
      .filter((x: RestrictionFacts) => restrictsAny((x.row.restricts as string[] | null) ?? [], items) || x.targetIds.some((t) => parties.has(t)))
      .map((x) => ({
        kind: 'restriction',
        exclusivityId: null,
        restrictionId: x.id,
        channelId,
        heldByExcluded: false,
        note: `${String(x.row.title)}: ${String(x.row.summary)}`,
      }));

  const channelConstraints = (c: ChannelFacts): Constraint[] => {
    const linked = c.linkedExclusivityIds.map((id) => byExclusivity.get(id)).filter((x) => x !== undefined);
    const governing = governingExclusivities(c.access, linked as never, grantedBy(c.labId) as never, when);
    const parties = new Set([...related(c.labId), ...related(c.providerId)]);
    return [
      ...governing.map(
        (x): Constraint => ({
          kind: 'exclusivity',
          exclusivityId: x.id,
          restrictionId: null,
          channelId: c.id,
          heldByExcluded: [...related(String(x.holderId))].some(isExcluded),
          note: `${String(x.title)} (held by ${String(x.holderId)}): ${String(x.scope)}`,
        }),
      ),
      ...restrictionConstraints(ACCESS_ITEMS[c.access], parties, c.id),
    ];
  };

  // Labs.
  const outsideChannels = channels.filter((c) => !isExcluded(c.labId) && !isExcluded(c.providerId));
  const labs = new Map<string, LabOption>();
  for (const c of outsideChannels) {
    let lab = labs.get(c.labId);
    if (!lab) labs.set(c.labId, (lab = { labId: c.labId, channelIds: [], constraints: [], confidence: 'low' }));
    lab.channelIds.push(c.id);
    lab.constraints.push(...channelConstraints(c));
  }
  for (const lab of labs.values()) lab.confidence = best(lab.channelIds.map((id) => channelGrades.get(id)!.confidence));
  const onlyThroughExcluded = [...new Set(channels.filter((c) => !isExcluded(c.labId) && !labs.has(c.labId)).map((c) => c.labId))].sort(byId);

  // Clouds.
  const dealsWith = new Map<string, Set<string>>();
  for (const d of counterparties) {
    const party = String(d.party);
    if (!dealsWith.has(party)) dealsWith.set(party, new Set());
    dealsWith.get(party)!.add(String(d.id));
  }
  const dealsCovering = new Map<string, Set<string>>();
  for (const d of dealServices) {
    const s = String(d.service);
    if (!dealsCovering.has(s)) dealsCovering.set(s, new Set());
    dealsCovering.get(s)!.add(String(d.deal));
  }
  const grantedByAsker = exclusivityRows.filter((x) => askerSide.has(String(x.grantorId)));
  const cloudOptions: CloudOption[] = [];
  for (const s of clouds) {
    const service = String(s.service);
    const operator = String(s.operator);
    if (isExcluded(operator)) continue;
    const carried = outsideChannels.filter((c) => c.cloudServiceId === service);
    const operatorSide = related(operator);
    const deals = new Set(dealsCovering.get(service) ?? []);
    for (const org of operatorSide) for (const d of dealsWith.get(org) ?? []) deals.add(d);
    if (!carried.length && !deals.size) continue;
    const scopes = new Set(CLOUD_SERVICE_SCOPES[s.kind as CloudServiceKind] ?? []);
    const askerGranted = grantedByAsker
      .filter((x) => !operatorSide.has(String(x.holderId)) && restricts((x.covers as string[] | null) ?? [], scopes))
      .map(
        (x): Constraint => ({
          kind: 'exclusivity',
          exclusivityId: x.id,
          restrictionId: null,
          channelId: null,
          heldByExcluded: [...related(String(x.holderId))].some(isExcluded),
          note: `${String(x.title)} (held by ${String(x.holderId)}): ${String(x.scope)}`,
        }),
      );
    const dealIds = [...deals].sort(byId);
    cloudOptions.push({
      cloudServiceId: service,
      operatorId: operator,
      channelIds: carried.map((c) => c.id),
      dealIds,
      constraints: [...askerGranted, ...restrictionConstraints(CLOUD_ITEMS, operatorSide, null)],
      confidence: best([...carried.map((c) => channelGrades.get(c.id)!.confidence), ...dealIds.map((d) => dealGrades.get(d)!.confidence)]),
    });
  }

  const order =
    <T extends { confidence: Confidence; channelIds: string[] }>(key: (o: T) => string) =>
    (a: T, b: T) =>
      rank(b.confidence) - rank(a.confidence) || b.channelIds.length - a.channelIds.length || byId(key(a), key(b));
  const dependencyIds = [...new Set(counterparties.filter((p) => isExcluded(String(p.party))).map((p) => String(p.id)))].sort(byId);
  return {
    organizationId: r.of,
    country,
    asOf: when.asOf,
    excludedIds: [...excluded].sort(byId),
    dependencyIds,
    labs: [...labs.values()].sort(order<LabOption>((o) => o.labId)),
    clouds: cloudOptions.sort(order<CloudOption>((o) => o.cloudServiceId)),
    onlyThroughExcludedIds: onlyThroughExcluded,
    restrictionIds: restrictions.map((x) => x.id),
  };
}
