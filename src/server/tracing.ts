/**
 * OpenTelemetry traces: a span for each HTTP request, one for each GraphQL operation inside it,
 * and one for each store statement inside that (reads and the writes a mutation queues), with the
 * statement's catalog name. The SDK is configured by its standard variables (OTEL_TRACES_EXPORTER,
 * OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...) and started only when one of them asks for
 * traces; otherwise nothing is started and every span below is the API's no-op. An incoming
 * `traceparent` header continues the caller's trace.
 */
import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { QueryObserver } from '../store/graph-store.ts';

const tracer = () => trace.getTracer('ai-industry-graph');

/** Whether the environment asks for traces (and does not turn the SDK off). */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter) return exporter !== 'none';
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts the SDK when the environment asks for traces; returns how to flush and stop it, or null. */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<(() => Promise<void>) | null> {
  if (!tracingRequested(env)) return null;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  // No automatic instrumentation: the spans are the ones this module makes, named after the API's own steps.
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME ?? 'ai-industry-graph', instrumentations: [] });
  sdk.start();
  return () => sdk.shutdown();
}

const httpSpans = new WeakMap<FastifyRequest, Span>();

/** A span per HTTP request, named after its route, from its arrival to its answer. */
export function traceHttp(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const parent = propagation.extract(context.active(), req.headers);
    const route = req.routeOptions.url ?? 'unknown route';
    const span = tracer().startSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route, 'url.path': req.url.split('?')[0] } },
      parent,
    );
    httpSpans.set(req, span);
  });
  app.addHook('onResponse', async (req, reply) => {
    const span = httpSpans.get(req);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/**
 * Runs a GraphQL request's handling inside a span for its operation (a child of the request's),
 * active for everything it awaits, so store statements become its children. The operation's
 * name is set once known (operationSpanNamed).
 */
export async function withOperationSpan<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  const http = httpSpans.get(req);
  const parent = http ? trace.setSpan(context.active(), http) : context.active();
  const span = tracer().startSpan('graphql', { kind: SpanKind.INTERNAL }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), run);
  } finally {
    span.end();
  }
}

/** Names the active operation span: `query Suppliers`, `mutation`, ... */
export function operationSpanNamed(type: string, name: string | null | undefined, failed = false): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  else {
    span.updateName(`${type}${name ? ` ${name}` : ''}`);
    span.setAttributes({ 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) });
  }
}

/** A finished span for each store statement, told by the store after it ran (its duration is known then). */
export const traceStatement: QueryObserver = (e) => {
  const end = performance.timeOrigin + performance.now();
  const span = tracer().startSpan(`store ${e.name}`, {
    kind: SpanKind.CLIENT,
    startTime: end - e.ms,
    attributes: { 'db.system.name': e.engine === 'neo4j' ? 'neo4j' : 'ladybugdb', 'db.operation.name': e.name },
  });
  if (!e.ok) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
};
