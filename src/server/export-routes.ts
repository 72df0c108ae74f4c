/**
 * Exports over HTTP while the server runs (the command line's `aigraph export` cannot open a
 * database the server holds): `GET /export/graph.json` (the import format), `graph.ndjson`,
 * `graph.gexf` (dynamic, for Gephi's timeline) and `graph.graphml`, and
 * `GET /export/changes.json?since=CURSOR`, the delta file of the changes after a feed cursor.
 * Each needs an API key of any role, whatever AIGRAPH_READS_REQUIRE_KEY says, since one export
 * reads the whole graph; one export runs at a time per process (another gets 429 with
 * Retry-After); its reads pass the read gate as costly ones and stop when the client goes away.
 * The answer is streamed as it is written. `x-aigraph-cursor` is the feed cursor the graph export
 * is at least as new as: follow the feed after it to stay current.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyStore } from '../auth/api-keys.ts';
import { bearerToken } from '../auth/bearer.ts';
import { deltaText, graphText, type StreamFormat } from '../importer/export-stream.ts';
import { encodeFeedCursor, lastFeedCursor, parseFeedCursor } from '../questions/feed.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { gatedStore, type ReadGate } from '../store/read-gate.ts';

const TYPES: Record<Exclude<StreamFormat, 'yaml'>, string> = {
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
};

const error = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

export function registerExportRoutes(app: FastifyInstance, store: GraphStore, keys: ApiKeyStore, gate: ReadGate): void {
  let running = false;

  /** Checks the key and the one-at-a-time rule; returns the store to read through, or null once answered. */
  const begin = (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(req.headers.authorization);
    if (!token || !keys.verify(token)) {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(error('Exports need an API key (any role): send Authorization: Bearer <key>.', 'UNAUTHENTICATED'));
      return null;
    }
    if (running) {
      reply.code(429).header('retry-after', '5').send(error('An export is already being written: try again shortly.', 'TOO_MANY_REQUESTS'));
      return null;
    }
    running = true;
    const controller = new AbortController();
    reply.raw.once('close', () => {
      running = false;
      controller.abort();
    });
    return gatedStore(store, gate, () => ({ signal: controller.signal, costly: true }));
  };

  for (const format of Object.keys(TYPES) as (keyof typeof TYPES)[]) {
    app.get(`/export/graph.${format}`, async (req, reply) => {
      const reader = begin(req, reply);
      if (!reader) return reply;
      try {
        const cursor = await lastFeedCursor(reader); // read first: the graph read after is at least this new
        return reply
          .type(TYPES[format])
          .header('x-aigraph-cursor', encodeFeedCursor(cursor))
          .header('content-disposition', `attachment; filename="ai-industry-graph.${format}"`)
          .send(Readable.from(graphText(reader, format)));
      } catch (err) {
        running = false;
        throw err;
      }
    });
  }

  app.get<{ Querystring: { since?: string } }>('/export/changes.json', async (req, reply) => {
    const since = parseFeedCursor(req.query.since ?? '');
    if (!since) {
      return reply.code(400).send(error('Query parameter "since" must be a feed cursor ("<write>-<position>", such as "12-1").', 'BAD_USER_INPUT'));
    }
    const reader = begin(req as FastifyRequest, reply);
    if (!reader) return reply;
    return reply.type(TYPES.json).send(Readable.from(deltaText(reader, since)));
  });
}
