// SPDX-License-Identifier: EUPL-1.2
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerInFlightTracking } from './in-flight.js';

describe('requests in flight at shutdown', () => {
  it('waits for a request that is still being handled, and counts each request out once', async () => {
    const app = Fastify({ forceCloseConnections: 'idle' }); // as in app.ts
    registerInFlightTracking(app);
    let release!: () => void;
    const handlerStarted = new Promise<void>((started) => {
      app.get('/slow', async () => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        return { done: true };
      });
    });
    app.get('/fast', async () => ({ done: true }));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${address}/fast`)).status).toBe(200);
    expect(await app.waitForRequestsInFlight(10)).toBe(true);

    const slow = fetch(`${address}/slow`).then((response) => response.json());
    await handlerStarted;
    const closing = app.close();
    let isDrained = false;
    const drained = app.waitForRequestsInFlight(5_000).then((result) => (isDrained = result));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isDrained).toBe(false);
    release();
    expect(await slow).toEqual({ done: true });
    expect(await drained).toBe(true);
    // As main.ts does: connections that went idle after their last response are closed now.
    app.server.closeIdleConnections();
    await closing;
  });

  it('gives up after the timeout', async () => {
    const app = Fastify({ forceCloseConnections: 'idle' }); // as in app.ts
    registerInFlightTracking(app);
    app.get('/never', () => new Promise(() => undefined));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    void fetch(`${address}/never`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await app.waitForRequestsInFlight(50)).toBe(false);
    controller.abort();
    await app.close();
  });
});
