/**
 * The channels in force on a day (rules/in-force.ts), each with its lab, its provider, the cloud
 * service it goes through and the exclusivities it is linked to; of one lab, or of every lab.
 * Channels are few next to deals (one per lab and platform), so the statements read them whole
 * and the questions (availability, diversification) work on them in memory.
 */
import type { AccessKind } from '../model/vocabulary.ts';
import { columnsOf } from '../queries/model-statements.ts';
import type { GraphStore, Query, Row } from '../store/graph-store.ts';
import { inForceCypher, whenParams, type When } from './rules/in-force.ts';

const channelsFrom = (name: string, start: string): Query => ({
  name: `q.channels.${name}`,
  cypher: `${start} WHERE ${inForceCypher('c')} WITH c, l MATCH (p:Organization)-[:RUNS]->(c) RETURN ${columnsOf('Channel', 'c')}, l.id AS labId, p.id AS providerId ORDER BY c.id`,
});

/** Channels in force on `$asOf`: of the lab `$lab`, or of every lab. */
export const CHANNELS = {
  ofLab: channelsFrom('ofLab', 'MATCH (l:Organization {id: $lab})<-[:DISTRIBUTES]-(c:Channel)'),
  all: channelsFrom('all', 'MATCH (c:Channel)-[:DISTRIBUTES]->(l:Organization)'),
} satisfies Record<string, Query>;

/** `$ids`: channels; the cloud service each goes through and the exclusivities it is linked to. */
export const CHANNEL_LINKS: Query = {
  name: 'q.channels.links',
  cypher: [
    "UNWIND $ids AS id MATCH (c:Channel {id: id})-[:THROUGH]->(s:CloudService) RETURN c.id AS channel, 'service' AS link, s.id AS target",
    "UNWIND $ids AS id MATCH (c:Channel {id: id})-[:GOVERNED_BY]->(x:Exclusivity) RETURN c.id AS channel, 'exclusivity' AS link, x.id AS target",
  ].join(' UNION ALL '),
};

export const CHANNEL_STATEMENTS: readonly Query[] = [...Object.values(CHANNELS), CHANNEL_LINKS];

/** A channel as the questions use it: its node's row and its links. */
export interface ChannelFacts {
  row: Row;
  id: string;
  labId: string;
  providerId: string;
  access: AccessKind;
  cloudServiceId: string | null;
  /** Exclusivities the record links it to (in force or not). */
  linkedExclusivityIds: string[];
}

/** The channels in force on `when` of `lab` (null: of every lab), by id. */
export async function channelsInForce(store: GraphStore, lab: string | null, when: When): Promise<ChannelFacts[]> {
  const rows = lab ? await store.read(CHANNELS.ofLab, { lab, ...whenParams(when) }) : await store.read(CHANNELS.all, whenParams(when));
  const out = new Map<string, ChannelFacts>();
  for (const r of rows) {
    const id = String(r.id);
    const { labId, providerId, ...row } = r;
    out.set(id, {
      row,
      id,
      labId: String(labId),
      providerId: String(providerId),
      access: r.access as AccessKind,
      cloudServiceId: null,
      linkedExclusivityIds: [],
    });
  }
  if (out.size) {
    for (const l of await store.read(CHANNEL_LINKS, { ids: [...out.keys()] })) {
      const c = out.get(String(l.channel));
      if (!c) continue;
      if (l.link === 'service') c.cloudServiceId = String(l.target);
      else c.linkedExclusivityIds.push(String(l.target));
    }
  }
  return [...out.values()];
}
