// SPDX-License-Identifier: EUPL-1.2
// Request ids across instances: a load balancer or caller may send `X-Request-Id`; we use it when it
// is a plain token, otherwise make our own, and always send the id back so a log line can be found.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What we accept from outside: 1–128 characters of letters, digits and `-_.:` (UUIDs, trace ids). */
export const ACCEPTABLE_REQUEST_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
const ACCEPTABLE_REQUEST_ID = new RegExp(ACCEPTABLE_REQUEST_ID_PATTERN);

export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_REQUEST_ID.test(value);
}

/** Fastify's genReqId: the caller's id when acceptable, else a new UUID (never the raw header). */
export function requestIdFor(request: IncomingMessage): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  return isAcceptableRequestId(offered) ? offered : randomUUID();
}

/** Echoes the id on every response, errors and rate-limit refusals included. */
export function registerRequestIdHeader(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
