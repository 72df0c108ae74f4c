/**
 * OpenTelemetry spans, on the real server: an HTTP request's span, the GraphQL operation's inside
 * it, and each store statement inside that (reads, and the writes a mutation queues); started by
 * the SDK's own variables in `aigraph serve` (OTEL_TRACES_EXPORTER=console), and off without them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node, tracing } from '@opentelemetry/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracingRequested } from '../src/server/tracing.ts';
import { startApiServer, type ApiServer } from './support/api-server.ts';
import { startServer } from './support/run-cli.ts';

const exporter = new tracing.InMemorySpanExporter();
const provider = new node.NodeTracerProvider({ spanProcessors: [new tracing.SimpleSpanProcessor(exporter)] });
provider.register();

let api: ApiServer;
beforeAll(async () => {
  api = await startApiServer();
}, 120_000);
afterAll(async () => {
  await api?.close();
  await provider.shutdown();
});

type Finished = ReturnType<typeof exporter.getFinishedSpans>[number];
const parentOf = (s: Finished) => s.parentSpanContext?.spanId;

describe('tracing', () => {
  it('nests the store statements in the GraphQL operation, in the HTTP request', async () => {
    exporter.reset();
    const r = await api.gql('query Lookup { organization(id: "openai") { name deals(first: 2) { totalCount } } }');
    expect(r.errors).toBeUndefined();
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'POST /graphql')).toBe(true);
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.name === 'POST /graphql')!;
    const op = spans.find((s) => s.name === 'query Lookup')!;
    expect(op).toBeDefined();
    expect(parentOf(op)).toBe(http.spanContext().spanId);
    expect(op.attributes['graphql.operation.name']).toBe('Lookup');
    expect(http.attributes['http.response.status_code']).toBe(200);
    const statements = spans.filter((s) => s.name.startsWith('store '));
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(parentOf(s)).toBe(op.spanContext().spanId);
      expect(s.attributes['db.system.name']).toBe('ladybugdb');
      expect(s.spanContext().traceId).toBe(http.spanContext().traceId);
    }
  });

  it('puts a mutation’s write statements, run in the writer’s queue, in its operation too', async () => {
    exporter.reset();
    const key = api.key('editor', 'tracing-editor');
    const r = await api.gql(
      'mutation Rename { upsertOrganization(input: { id: "trace-org", name: "Trace Org", kind: OTHER, country: "AQ" }) { id } }',
      {},
      key,
    );
    expect(r.errors).toBeUndefined();
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'mutation Rename')).toBe(true);
    const spans = exporter.getFinishedSpans();
    const op = spans.find((s) => s.name === 'mutation Rename')!;
    const lock = spans.find((s) => s.name === 'store write.lock')!;
    expect(parentOf(lock)).toBe(op.spanContext().spanId);
  });

  it('continues a caller’s trace from its traceparent header', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      body: JSON.stringify({ query: '{ organization(id: "aws") { name } }' }),
    });
    await expect
      .poll(
        () =>
          exporter
            .getFinishedSpans()
            .find((s) => s.name === 'POST /graphql')
            ?.spanContext().traceId,
      )
      .toBe(traceId);
  });

  it('is started by the SDK’s variables, and off without them', async () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'aigraph-otel-'));
    const server = await startServer({ AIGRAPH_DB: join(dir, 'graph.lbug'), OTEL_TRACES_EXPORTER: 'console', LOG_LEVEL: 'warn' }, 90_000);
    try {
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Console { organization(id: "openai") { name } }' }),
      });
      await server.stop('SIGTERM');
      expect(server.output()).toContain("name: 'query Console'");
      expect(server.output()).toContain("name: 'store ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
