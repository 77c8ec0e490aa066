// SPDX-License-Identifier: EUPL-1.2
// Rate limits counted in the database (ADR 0015): two instances on one database share one limit,
// the way two or three instances behind a load balancer do in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTwoInstances } from '../../../../test/helpers/two-instances.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { queryRows } from '../db/connection.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { hashToken } from '../auth/tokens.js';

const GENERAL_LIMIT = 6;
const AUTH_LIMIT = 3;
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  [a, b] = await createTwoInstances({ RATE_LIMIT_PER_MINUTE: String(GENERAL_LIMIT), AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT) });
});
afterAll(() => a?.close());

/** Sends `count` requests, alternating between the two instances; returns the status codes. */
async function alternate(count: number, request: (app: TestApp) => Promise<{ statusCode: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await request(index % 2 === 0 ? a : b)).statusCode);
  return statuses;
}

// Each test comes from an address of its own (documentation ranges), so counts do not mix.
const VISITOR = '203.0.113.7';
const LOGGER_IN = '198.51.100.23';

const login = (app: TestApp, headers: Record<string, string> = anonymousHeaders) =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: LOGGER_IN, headers, payload: { email: 'iemand@kansrijk.test', password: 'Wrong-password-1' } });

describe('rate limits shared between instances', () => {
  it('refuses the (limit + 1)th request over both instances together, with Retry-After', async () => {
    const statuses = await alternate(GENERAL_LIMIT + 1, (app) => app.app.inject({ method: 'GET', url: '/api/v1/provinces', remoteAddress: VISITOR }));
    expect(statuses).toEqual([...Array(GENERAL_LIMIT).fill(200), 429]);
    const refused = await b.app.inject({ method: 'GET', url: '/api/v1/provinces', remoteAddress: VISITOR, headers: { 'x-request-id': 'over-the-limit' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['x-request-id']).toBe('over-the-limit');
    expect(refused.headers['x-ratelimit-limit']).toBe(String(GENERAL_LIMIT));
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts a logged-in session on its own, shared over both instances, not against its IP address', async () => {
    // The visitor's address is used up by the test above; a session from there has its own count.
    const session = await sessionFor(a, 'analyst');
    const statuses = await alternate(GENERAL_LIMIT + 1, (app) =>
      app.app.inject({ method: 'GET', url: '/api/v1/provinces', remoteAddress: VISITOR, headers: session.headers }),
    );
    expect(statuses).toEqual([...Array(GENERAL_LIMIT).fill(200), 429]);
    const other = await sessionFor(b, 'platformAdmin');
    expect((await b.app.inject({ method: 'GET', url: '/api/v1/provinces', remoteAddress: VISITOR, headers: other.headers })).statusCode).toBe(200);
    // A session still in its second-factor step counts by address, like anyone without a session.
    const pending = await sessionFor(a, 'midwife', undefined, 'second_factor');
    expect((await a.app.inject({ method: 'GET', url: '/api/v1/provinces', remoteAddress: VISITOR, headers: pending.headers })).statusCode).toBe(429);
  });

  it('counts login attempts per IP address over both instances, and a session buys no extra attempts', async () => {
    expect(await alternate(AUTH_LIMIT + 1, (app) => login(app))).toEqual([...Array(AUTH_LIMIT).fill(401), 429]);
    const session = await sessionFor(a, 'midwife');
    expect((await login(a, session.headers)).statusCode).toBe(429);
    expect((await login(b, session.headers)).statusCode).toBe(429);
  });

  it('keeps only hashes in the counter table: no IP address or session id in clear', async () => {
    const rows = await queryRows<{ key_hash: string }>(a.database.db, sql`SELECT key_hash FROM rate_limit_counters`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the counter itself', () => {
  const hit = (key: string, windowMs = 60_000) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) => {
      const Store = databaseRateLimitStore(a.database.db);
      new Store({}).incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, 10);
    });

  it('starts a window at the first hit, counts within it, and starts afresh once it has ended', async () => {
    const first = await hit('ip:192.0.2.1');
    expect(first.current).toBe(1);
    expect(first.ttl).toBeGreaterThan(55_000);
    // The window's end is the database's clock; the ttl is measured against the app's: a second of skew allowed.
    expect(first.ttl).toBeLessThanOrEqual(61_000);
    expect((await hit('ip:192.0.2.1')).current).toBe(2);
    // A window that ended (set in the database, whose clock decides): the next hit counts 1 again.
    await a.database.db.execute(sql`UPDATE rate_limit_counters SET window_ends_at = now() - interval '1 second' WHERE key_hash = ${hashToken('global|ip:192.0.2.1')}`);
    const afresh = await hit('ip:192.0.2.1');
    expect(afresh.current).toBe(1);
    expect(afresh.ttl).toBeGreaterThan(55_000);
  });

  it('counts hits that arrive at the same moment exactly once each', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => hit('ip:192.0.2.2')));
    expect(results.map((result) => result.current).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
  });

  it('sweeps rows of windows that ended more than a minute ago', async () => {
    await a.database.db.execute(sql`INSERT INTO rate_limit_counters (key_hash, hits, window_ends_at) VALUES ('stale', 3, now() - interval '2 minutes'), ('recent', 3, now() - interval '10 seconds')`);
    await hit('ip:192.0.2.3'); // a new store sweeps on its first hit, without waiting for it
    let keys: string[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      keys = (await queryRows<{ key_hash: string }>(a.database.db, sql`SELECT key_hash FROM rate_limit_counters WHERE key_hash IN ('stale', 'recent')`)).map((row) => row.key_hash);
      if (!keys.includes('stale')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(keys).toEqual(['recent']);
  });
});
