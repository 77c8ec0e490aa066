// SPDX-License-Identifier: EUPL-1.2
// Structured JSON logs that never contain personal data or secrets: no query strings, bodies,
// cookies or names — only the route pattern, status and timings.
import type { FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers', 'headers', 'body', 'password', '*.password', 'cookie', '*.cookie'], remove: true },
    serializers: {
      req(request: { method: string; routeOptions?: { url?: string }; url: string; id: string }) {
        // The route pattern (/api/v1/people/:id), never the concrete URL with its query or ids.
        return { method: request.method, route: request.routeOptions?.url ?? 'unmatched', id: request.id };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}
