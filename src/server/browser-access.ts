/**
 * What browsers may do with this server. CORS is closed unless origins are listed
 * (AIGRAPH_CORS_ORIGINS): a page on a listed origin may call the API (with an API key in the
 * Authorization header, which its preflight asks for) and read the rate limit's Retry-After; any
 * other origin gets no CORS headers, so its browser refuses the call. Security headers
 * (@fastify/helmet) go on every response, refusals and 404s included; the default
 * Content-Security-Policy allows nothing, and the two pages this server serves (the explorer and
 * GraphiQL) set their own, which allow exactly what they load from this server.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The policy of every response that is not one of the pages: JSON answers, files, errors. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

export async function registerBrowserAccess(app: FastifyInstance, corsOrigins: readonly string[]): Promise<void> {
  await app.register(helmet, { global: true, contentSecurityPolicy: { useDefaults: false, directives: API_CSP } });
  const allowed = new Set(corsOrigins);
  await app.register(cors, {
    // Exact origins only: no patterns, no reflecting whatever Origin a request carries.
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept', 'last-event-id', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id', 'x-aigraph-cursor', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
    maxAge: 600,
    credentials: false,
  });
}
