/**
 * Live changes over Server-Sent Events at /graphql/stream (the graphql-sse protocol, both its
 * "distinct connections" mode, one operation per request, which curl can use, and its "single
 * connection" mode). Only subscriptions are served here; queries and mutations go to /graphql,
 * with its limits. A subscription's document passes the same token and depth limits and the same
 * key check as /graphql; its reads pass the read gate and stop when the client goes away.
 * graphql-sse sends a comment every 12 s, so an open stream is never idle long enough for the
 * server's idle timeout to close it.
 */
import type { FastifyInstance } from 'fastify';
import { type ExecutionResult, getOperationAST, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import { createContext, type ContextDeps, type GraphContext } from '../graphql/context.ts';
import { AppError, formatError, hideSuggestions } from '../graphql/errors.ts';
import type { ReadGate } from '../store/read-gate.ts';
import type { TrustedDocuments } from './trusted-documents.ts';
import { LIMITS } from './graphql-server.ts';

export const STREAM_PATH = '/graphql/stream';

const json = (status: number, message: string, code: string): [string, { status: number; statusText: string; headers: Record<string, string> }] => [
  JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  { status, statusText: code, headers: { 'content-type': 'application/json; charset=utf-8' } },
];

/** Whether a document nests selections deeper than `max` (fragments count where they are spread). */
function tooDeep(document: ReturnType<typeof parse>, max: number): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
  const depth = (set: { selections: readonly unknown[] } | undefined, level: number, seen: Set<string>): number => {
    if (!set || level > max) return level;
    let deepest = level;
    for (const sel of set.selections as { kind: string; selectionSet?: { selections: readonly unknown[] }; name?: { value: string } }[]) {
      if (sel.kind === 'FragmentSpread') {
        const name = sel.name!.value;
        if (seen.has(name)) continue;
        deepest = Math.max(deepest, depth(fragments.get(name)?.selectionSet, level, new Set([...seen, name])));
      } else deepest = Math.max(deepest, depth(sel.selectionSet, sel.kind === 'Field' ? level + 1 : level, seen));
    }
    return deepest;
  };
  return document.definitions.some((d) => d.kind === 'OperationDefinition' && depth(d.selectionSet, 0, new Set()) > max);
}

export function registerChangeStream(
  app: FastifyInstance,
  schema: GraphQLSchema,
  deps: ContextDeps,
  gate: ReadGate,
  /** When set, clients without a key may subscribe only with these documents (AIGRAPH_TRUSTED_DOCUMENTS_ONLY). */
  trustedOnly: TrustedDocuments | null = null,
): void {
  const contexts = new WeakMap<object, GraphContext>();
  const log = (err: unknown) => app.log.error({ err }, 'stream failed');
  const handler = createHandler({
    schema,
    onSubscribe: (req, params) => {
      const contextValue = contexts.get(req.raw);
      if (!contextValue) return json(500, 'Internal server error.', 'INTERNAL_SERVER_ERROR');
      if (trustedOnly && !contextValue.principal && !trustedOnly.trusts(String(params.query)))
        return json(
          400,
          'This server runs only its trusted documents for clients without an API key: send Authorization: Bearer <key>.',
          'PERSISTED_QUERY_NOT_TRUSTED',
        );
      let document: ReturnType<typeof parse>;
      try {
        document = parse(params.query as string, { maxTokens: LIMITS.maxTokens });
      } catch (err) {
        return json(400, hideSuggestions(err instanceof Error ? err.message : 'The document does not parse.'), 'GRAPHQL_PARSE_FAILED');
      }
      const errors = validate(schema, document, specifiedRules);
      if (errors.length) return json(400, hideSuggestions(errors[0]!.message), 'GRAPHQL_VALIDATION_FAILED');
      if (tooDeep(document, LIMITS.maxDepth)) return json(400, `The document nests more than ${LIMITS.maxDepth} levels deep.`, 'BAD_USER_INPUT');
      const operation = getOperationAST(document, params.operationName);
      if (operation?.operation !== 'subscription')
        return json(400, `Only subscriptions are served at ${STREAM_PATH}: send queries and mutations to /graphql.`, 'BAD_REQUEST');
      return { schema, document, operationName: params.operationName, variableValues: params.variables, contextValue: contextValue as never };
    },
    // Errors say what /graphql would: AppErrors as they are, anything internal masked and logged.
    onNext: (_ctx, _req, result) => {
      const r = result as ExecutionResult;
      if (!r.errors?.length) return;
      return { ...r, errors: r.errors.map((e) => formatError(e.toJSON(), e, log)) } as never;
    },
  });

  app.route({
    url: STREAM_PATH,
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    handler: async (request, reply) => {
      const controller = new AbortController();
      reply.raw.once('close', () => controller.abort());
      let context: GraphContext;
      try {
        context = createContext({ ...deps, gate }, request.headers.authorization, { signal: controller.signal, address: request.ip, cost: 0, costly: false });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const status = (err.extensions.http as { status?: number } | undefined)?.status ?? 400;
        return reply.code(status).send({ errors: [{ message: err.message, extensions: { code: err.extensions.code } }] });
      }
      contexts.set(request, context);
      reply.hijack();
      try {
        await handler(request, reply);
      } catch (err) {
        log(err);
        if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' }).end('{"errors":[{"message":"Internal server error."}]}');
        else reply.raw.end();
      }
    },
  });
}
