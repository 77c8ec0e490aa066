// SPDX-License-Identifier: EUPL-1.2
// Counts requests in flight, so a graceful shutdown can wait for them before closing the database.
// (Fastify's close() stops accepting connections but can resolve while a request is still being read.)
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves when no request is in flight, or after the timeout; true when drained. */
    waitForRequestsInFlight(timeoutMs: number): Promise<boolean>;
  }
}

export function registerInFlightTracking(app: FastifyInstance) {
  // A set, not a counter: a request can end twice (response sent, then its socket closes and
  // Fastify reports an abort), and must only be counted out once.
  const inFlight = new Set<FastifyRequest>();
  let waiters: (() => void)[] = [];
  const finished = (request: FastifyRequest) => {
    if (!inFlight.delete(request) || inFlight.size > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  app.addHook('onRequest', async (request) => {
    inFlight.add(request);
  });
  app.addHook('onResponse', async (request) => finished(request));
  app.addHook('onRequestAbort', async (request) => finished(request));
  app.decorate('waitForRequestsInFlight', (timeoutMs: number) => {
    if (inFlight.size === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  });
}
