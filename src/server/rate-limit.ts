/**
 * The rate limit (AIGRAPH_RATE_LIMIT_PER_MINUTE; off at 0): each client (client-key.ts: its API
 * key, or its address without one) may send that many requests to the API routes (/graphql, its
 * stream, the exports) per minute, in a fixed window per client; beyond, 429 with Retry-After (the
 * seconds until the window ends), answered before the body is read or any key is checked again.
 * The health endpoints, /metrics and the pages' static files are not limited. The count is per
 * process: with several replicas behind a proxy, each counts its own (README, "Scaling out").
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyStore } from '../auth/api-keys.ts';
import { bearerToken } from '../auth/bearer.ts';
import { clientKey } from './client-key.ts';

/** The routes the limit counts: what costs the store work. */
export const RATE_LIMITED = (url: string | undefined): boolean => url === '/graphql' || url === '/graphql/stream' || (url?.startsWith('/export/') ?? false);

export async function registerRateLimit(app: FastifyInstance, perMinute: number, keys: ApiKeyStore): Promise<void> {
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    // Clients kept in memory; the least recently seen are forgotten beyond this.
    cache: 10_000,
    allowList: (req: FastifyRequest) => !RATE_LIMITED(req.routeOptions.url),
    keyGenerator: (req: FastifyRequest) => {
      const token = bearerToken(req.headers.authorization);
      return clientKey(token ? keys.verify(token) : null, req.ip);
    },
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      errors: [
        {
          message: `Rate limit reached: at most ${context.max} requests a minute from one API key or address. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ],
    }),
  });
}
