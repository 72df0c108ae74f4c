/**
 * The graph explorer at `/`: the Vite build in explorer/dist (`npm run build`, which `npm install`
 * runs through `prepare`). index.html is never cached (it names the current assets); the hashed
 * assets under /assets/ are cached for a year. Without a build, `/` answers 503 with a page
 * that says how to make one. A strict Content-Security-Policy keeps the page on this server.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const EXPLORER_DIST = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer not built · ai-industry-graph</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#0f172a}code{background:#f1f5f9;padding:2px 5px;border-radius:4px}</style>
</head>
<body>
<h1>The graph explorer is not built</h1>
<p>This server found no <code>explorer/dist/index.html</code>. Build the explorer with <code>npm run build</code>
(<code>npm install</code> and <code>npm ci</code> run it for you), then reload this page.</p>
<p>The API works without it: <a href="/graphql">/graphql</a>, and <a href="/graphiql">GraphiQL</a> to try queries.</p>
</body>
</html>`;

/** A file name under a served folder: no separators, no leading dot (so no `..`). */
const SAFE_NAME = /^[\w-][\w.-]*$/;

export function registerExplorer(app: FastifyInstance, dist: string = EXPLORER_DIST): void {
  const send = async (reply: FastifyReply, file: string, cacheControl: string) => {
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return reply.code(404).type('application/json').send({ error: 'not found' });
    }
    return reply
      .type(Object.hasOwn(TYPES, extname(file)) ? TYPES[extname(file)]! : 'application/octet-stream')
      .header('cache-control', cacheControl)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  };

  app.get('/', async (_req, reply) => {
    const index = join(dist, 'index.html');
    if (!existsSync(index))
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('retry-after', '60')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .send(NOT_BUILT);
    reply.header('content-security-policy', CSP).header('referrer-policy', 'no-referrer');
    return send(reply, index, 'no-cache');
  });

  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    if (!SAFE_NAME.test(req.params.name)) return reply.code(404).send({ error: 'not found' });
    return send(reply, join(dist, 'assets', req.params.name), 'public, max-age=31536000, immutable');
  });

  // Files from explorer/public, copied to the top of dist (not hashed: cached for a day).
  app.get('/favicon.svg', async (_req, reply) => send(reply, join(dist, 'favicon.svg'), 'public, max-age=86400'));
}
