// SPDX-License-Identifier: EUPL-1.2
// Which failures are "the database is away or stuck" (503 database_unavailable with Retry-After), as
// a rule table, and how the error handler answers them and a request that takes too long. The
// scenarios on a real server (terminated connections, a locked table, an unreachable server) are in
// test/server/database-resilience.test.ts.
import Fastify from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../app.js';
import type { Database } from './connection.js';
import { AppError, normaliseError, registerErrorHandling } from '../errors.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, UNAVAILABLE_SOCKET_CODES, UNAVAILABLE_SQLSTATES } from './unavailable.js';

/** A driver error as node-postgres throws it: a message that may quote values, and a SQLSTATE. */
function pgError(code: string, message = 'terminating connection due to administrator command') {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

function socketError(code: string) {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

const viaDrizzle = (cause: Error) => new DrizzleQueryError('select "name" from "families" where "bsn" = $1', ['999999990'], cause);

describe('which failures mean the database is unavailable (rule table)', () => {
  const cases: [string, unknown, boolean][] = [
    ...Object.entries(UNAVAILABLE_SQLSTATES).map(([code, name]): [string, unknown, boolean] => [`SQLSTATE ${code} ${name}, in Drizzle's query error`, viaDrizzle(pgError(code)), true]),
    ...Object.keys(UNAVAILABLE_SQLSTATES).map((code): [string, unknown, boolean] => [`SQLSTATE ${code} thrown bare (a transaction's connect)`, pgError(code), true]),
    ...UNAVAILABLE_SOCKET_CODES.map((code): [string, unknown, boolean] => [`${code} from the pool's connect`, socketError(code), true]),
    ...UNAVAILABLE_SOCKET_CODES.map((code): [string, unknown, boolean] => [`${code} in Drizzle's query error`, viaDrizzle(socketError(code)), true]),
    ['ECONNREFUSED for both addresses of localhost (AggregateError)', viaDrizzle(Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]), { code: 'ECONNREFUSED' })), true],
    ['the pool waited for a free connection too long', viaDrizzle(new Error('timeout exceeded when trying to connect')), true],
    ['connecting took too long', new Error('Connection terminated due to connection timeout'), true],
    ['the connection died during the query', viaDrizzle(new Error('Connection terminated unexpectedly')), true],
    ['a connection that died before', viaDrizzle(new Error('Client has encountered a connection error and is not queryable')), true],
    ['the pool is closing (shutdown)', viaDrizzle(new Error('Cannot use a pool after calling end on the pool')), true],
    // Not the database's absence: keep their own meaning.
    ['a unique violation (23505)', viaDrizzle(pgError('23505', 'duplicate key')), false],
    ['a deadlock (40P01)', viaDrizzle(pgError('40P01', 'deadlock detected')), false],
    ['a serialization failure (40001)', viaDrizzle(pgError('40001', 'could not serialize')), false],
    ['invalid input syntax (22P02)', viaDrizzle(pgError('22P02', 'invalid input syntax')), false],
    ['an identity provider that cannot be reached (fetch failed ← ECONNREFUSED)', new TypeError('fetch failed', { cause: socketError('ECONNREFUSED') }), false],
    ['a code that names an object property (constructor)', viaDrizzle(pgError('constructor')), false],
    ['a file that is missing (ENOENT)', Object.assign(new Error('no such file'), { code: 'ENOENT' }), false],
    ['an AppError', new AppError('not_found'), false],
    ['a plain error', new Error('boom'), false],
    ['a string', 'ECONNREFUSED', false],
    ['undefined', undefined, false],
  ];
  const named = cases.map(([name, error, expected]) => [`${name} → ${expected ? '503' : 'not a 503 of the database'}`, error, expected] as const);
  it.each(named)('%s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  it('maps each to 503 database_unavailable with Retry-After; the rest keep their meaning', () => {
    const { appError, isUnexpected } = normaliseError(viaDrizzle(pgError('55P03', 'canceling statement due to lock timeout')));
    expect({ code: appError.code, status: appError.status, retryAfter: appError.details?.retryAfterSeconds, isUnexpected }).toEqual({
      code: 'database_unavailable',
      status: 503,
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
      isUnexpected: false,
    });
    expect(normaliseError(viaDrizzle(pgError('23505', 'duplicate key'))).appError.code).toBe('internal');
  });
});

describe('the error handler', () => {
  async function appWith(route: () => Promise<unknown>, logs: string[]) {
    const app = Fastify({ handlerTimeout: 200, logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } } });
    registerErrorHandling(app);
    app.get('/work', route);
    await app.ready();
    return app;
  }

  it('answers a database failure with 503, Retry-After and a Dutch sentence, and logs its SQLSTATE but never its message', async () => {
    const logs: string[] = [];
    const app = await appWith(async () => {
      throw viaDrizzle(pgError('57P01', 'terminating connection: Özdemir 999999990'));
    }, logs);
    const response = await app.inject({ method: 'GET', url: '/work' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'database_unavailable', status: 503, detail: expect.stringContaining('database') });
    const warning = logs.find((line) => line.includes('database unavailable'))!;
    expect(JSON.parse(warning)).toMatchObject({ level: 40, code: 'database_unavailable', err: { cause: { code: '57P01' } } });
    expect(logs.join('\n')).not.toMatch(/Özdemir|999999990|families/);
    await app.close();
  });

  it('answers a request that takes longer than the request timeout with 503 unavailable and Retry-After', async () => {
    const logs: string[] = [];
    const app = await appWith(() => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 1_000)), logs);
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: '/work' });
    expect(Date.now() - started).toBeLessThan(900);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(response.json()).toMatchObject({ code: 'unavailable' });
    expect(logs.some((line) => line.includes('request timed out'))).toBe(true);
    await app.close();
  });
});

describe('the app takes its timeouts from the configuration', () => {
  it('bounds handling, receiving and idle connections by REQUEST_TIMEOUT_MS', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REQUEST_TIMEOUT_MS: '45000' });
    // Building the app asks nothing of the database: a stand-in is enough.
    const database = { kind: 'pglite', db: {}, migrate: async () => {}, isReady: async () => true, close: async () => {} } as unknown as Database;
    const app = await buildApp({ config, database, webRoot: '/nonexistent' });
    expect(app.initialConfig).toMatchObject({ handlerTimeout: 45_000, requestTimeout: 45_000, connectionTimeout: 55_000 });
    await app.close();
  });
});
