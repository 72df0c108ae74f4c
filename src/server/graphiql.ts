/**
 * GraphiQL at /graphiql, served from npm packages (graphiql 3's UMD build with React 18's), so
 * it works with no internet: Apollo's default landing page loads from a CDN. A `query` URL
 * parameter prefills the editor (the explorer links here with the query behind its view).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

/** A file inside an installed package (these UMD files are not in the packages' exports maps). */
const inPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/** A Map, not an object literal: a name such as `__proto__` or `constructor` must find nothing. */
const ASSETS = new Map<string, { file: string; type: string }>([
  ['react.js', { file: inPackage('react', 'umd/react.production.min.js'), type: 'text/javascript' }],
  ['react-dom.js', { file: inPackage('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' }],
  ['graphiql.js', { file: inPackage('graphiql', 'graphiql.min.js'), type: 'text/javascript' }],
  ['graphiql.css', { file: inPackage('graphiql', 'graphiql.min.css'), type: 'text/css' }],
]);

const SCRIPT = `
  const params = new URLSearchParams(location.search);
  const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
  const example = '# Which providers supply OpenAI outside Microsoft?\\n{\\n  suppliers(of: "openai", excluding: ["microsoft"]) {\\n    totalCount\\n    edges {\\n      node {\\n        supplier { id name }\\n        deals { id title status sources { publisher url } }\\n        restrictedBy { title holder { name } until }\\n      }\\n    }\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: example,
      query: params.get('query') || undefined,
      variables: params.get('variables') || undefined,
      shouldPersistHeaders: false,
    }),
  );
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · ai-industry-graph</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>${SCRIPT}</script>
</body>
</html>`;

/** What the page may load: its own scripts (and the inline one, by hash), styles and the API on this server. */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerGraphiql(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  app.get('/graphiql', async (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).send(PAGE));
  app.get<{ Params: { name: string } }>('/graphiql/assets/:name', async (req, reply) => {
    const asset = ASSETS.get(req.params.name);
    if (!asset) return reply.code(404).send({ error: 'not found' });
    let body = cache.get(req.params.name);
    if (!body) cache.set(req.params.name, (body = readFileSync(asset.file)));
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(body);
  });
}
