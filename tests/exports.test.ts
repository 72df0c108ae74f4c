/**
 * Exports for other tools, end to end on a real database file: while `aigraph serve` holds it,
 * `aigraph export` is refused and the HTTP routes serve the graph (JSON, NDJSON, dynamic GEXF)
 * and the delta file to key holders; once it has stopped, `aigraph export` writes CSV (one file
 * per node kind and one of edges), NDJSON, dynamic GEXF and, with --since, the delta file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_LABELS } from '../src/model/graph-model.ts';
import { csvFileOf, EDGES_CSV } from '../src/importer/export-tables.ts';
import { runCli, startServer, type RunningServer } from './support/run-cli.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
let server: RunningServer | undefined;
let reader: string;
let editor: string;
let cursorBefore: string;

/** Elements and their attributes, from a parser that refuses anything not well-formed. */
function xmlElements(text: string): { name: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser();
  const out: { name: string; attributes: Record<string, string> }[] = [];
  parser.on('opentag', (t) => out.push({ name: t.name, attributes: t.attributes as Record<string, string> }));
  parser.write(text).close();
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aigraph-exports-'));
  env = { AIGRAPH_DB: join(dir, 'graph.lbug'), LOG_LEVEL: 'silent' };
  server = await startServer(env, 90_000);
  reader = (await runCli(['keys', 'create', '--role', 'reader', '--name', 'exporter'], env)).stdout.trim();
  editor = (await runCli(['keys', 'create', '--role', 'editor', '--name', 'export-editor'], env)).stdout.trim();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, key?: string) => fetch(`${server!.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

// Each case runs the command line, a process that starts in seconds (longer on a loaded machine).
describe('while the server holds the database', { timeout: 120_000 }, () => {
  it('refuses aigraph export and serves the JSON export over HTTP to key holders, streamed', async () => {
    const cli = await runCli(['export'], env);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/lock/i);

    expect((await get('/export/graph.json')).status).toBe(401);
    const res = await get('/export/graph.json', reader);
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    cursorBefore = res.headers.get('x-aigraph-cursor')!;
    expect(cursorBefore).toMatch(/^\d+-\d+$/);
    const graph = (await res.json()) as Record<string, { id?: string }[]>;
    expect(graph.organizations!.some((o) => o.id === 'openai')).toBe(true);
    expect(graph.deals!.length).toBeGreaterThan(50);
  });

  it('serves NDJSON and dynamic GEXF, and the delta file of changes after a cursor', async () => {
    const ndjson = await (await get('/export/graph.ndjson', reader)).text();
    const lines = ndjson
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; label?: string; id?: string });
    expect(lines.some((l) => l.type === 'node' && l.label === 'Organization' && l.id === 'openai')).toBe(true);
    expect(lines.some((l) => l.type === 'edge')).toBe(true);
    const gexf = xmlElements(await (await get('/export/graph.gexf', reader)).text());
    expect(gexf.find((e) => e.name === 'graph')!.attributes.mode).toBe('dynamic');

    const write = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({ query: 'mutation { upsertOrganization(input: { id: "delta-org", name: "Delta Org", kind: OTHER, country: "AQ" }) { id } }' }),
    });
    expect(((await write.json()) as { errors?: unknown }).errors).toBeUndefined();
    const bad = await get('/export/changes.json?since=yesterday', reader);
    expect(bad.status).toBe(400);
    const delta = (await (await get(`/export/changes.json?since=${cursorBefore}`, reader)).json()) as {
      since: string;
      until: string;
      changes: { subject: string; kind: string; before: unknown; after: { name: string } }[];
    };
    expect(delta.since).toBe(cursorBefore);
    expect(delta.changes).toMatchObject([{ subject: 'delta-org', kind: 'CREATED', before: null, after: { name: 'Delta Org' } }]);
    expect(delta.until).not.toBe(cursorBefore);
  });
});

describe('aigraph export, once the server has stopped', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    await server?.stop();
    server = undefined;
  }, 60_000);

  it('writes CSV: one file per node kind, one of edges', async () => {
    const out = join(dir, 'csv');
    const r = await runCli(['export', '--format', 'csv', '--out', out], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...GRAPH_LABELS.map(csvFileOf), EDGES_CSV].sort());
    const orgs = readFileSync(join(out, 'organization.csv'), 'utf8').split('\r\n');
    expect(orgs[0]!.startsWith('id,name,')).toBe(true);
    expect(orgs.some((l) => l.startsWith('delta-org,Delta Org,'))).toBe(true);
    const edges = readFileSync(join(out, EDGES_CSV), 'utf8').split('\r\n');
    expect(edges[0]!.startsWith('source,target,type')).toBe(true);
    expect(edges.some((l) => /^openai,[^,]+,CUSTOMER_IN,/.test(l))).toBe(true);
  });

  it('writes NDJSON and dynamic GEXF whose intervals come from the facts’ dates', async () => {
    const nd = await runCli(['export', '--format', 'ndjson'], env);
    expect(nd.code).toBe(0);
    const deal = nd.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { label?: string; id?: string; properties?: Record<string, string> })
      .find((l) => l.label === 'Deal' && l.properties?.endedOn)!;
    expect(deal).toBeDefined();

    const file = join(dir, 'graph.gexf');
    const gx = await runCli(['export', '--format', 'gexf', '--out', file], env);
    expect(gx.code).toBe(0);
    const elements = xmlElements(readFileSync(file, 'utf8'));
    expect(elements.find((e) => e.name === 'graph')!.attributes).toMatchObject({ mode: 'dynamic', timeformat: 'date' });
    const node = elements.find((e) => e.name === 'node' && e.attributes.id === deal.id)!;
    expect(node.attributes).toMatchObject({ start: deal.properties!.announcedOn, end: deal.properties!.endedOn });
    // An edge to that deal holds no longer than the deal.
    const edge = elements.find((e) => e.name === 'edge' && e.attributes.target === deal.id)!;
    expect(edge.attributes.end! <= deal.properties!.endedOn!).toBe(true);
  });

  it('writes the delta file after a cursor with --since, and refuses what is not a cursor', async () => {
    const file = join(dir, 'delta.json');
    const r = await runCli(['export', '--since', cursorBefore, '--out', file], env);
    expect(r.code).toBe(0);
    const delta = JSON.parse(readFileSync(file, 'utf8')) as { changes: { subject: string }[] };
    expect(delta.changes.map((c) => c.subject)).toEqual(['delta-org']);
    const bad = await runCli(['export', '--since', 'last-tuesday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: "last-tuesday" is not a feed cursor');
    const csvWithoutOut = await runCli(['export', '--format', 'csv'], env);
    expect(csvWithoutOut.code).toBe(2);
  });
});
