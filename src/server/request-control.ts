/**
 * One GraphQL request's control: an AbortSignal that fires when the client goes away before its
 * answer is sent, or when the operation runs past `operationTimeoutMs`; store reads not yet
 * started are then skipped (read-gate.ts). Also where the request came from, and what the cost
 * limit found it costs.
 */
import { setMaxListeners } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCancelledError } from '../store/store-errors.ts';
import type { RequestControl } from '../graphql/context.ts';

export function requestControl(request: FastifyRequest, reply: FastifyReply, operationTimeoutMs: number): RequestControl {
  const controller = new AbortController();
  // Every read waiting at the gate listens to it (an operation of 15 neighbourhoods sends dozens).
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(new RequestCancelledError('timeout')), operationTimeoutMs);
  timer.unref();
  reply.raw.once('close', () => {
    clearTimeout(timer);
    if (!reply.raw.writableFinished) controller.abort(new RequestCancelledError('disconnected'));
  });
  return { signal: controller.signal, address: request.ip, cost: 0, costly: false };
}
