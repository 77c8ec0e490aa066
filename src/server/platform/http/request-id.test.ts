// SPDX-License-Identifier: EUPL-1.2
// Request ids across instances and quiet health probes (issue 12 item 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { isAcceptableRequestId } from './request-id.js';

const logLines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '20' }, logStream: { write: (line) => void logLines.push(line) } });
});
afterAll(() => t?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('X-Request-Id', () => {
  it.each([
    ['a UUID', '3f2b8c1e-9d4a-4b6f-8e2d-1a2b3c4d5e6f', true],
    ['a W3C trace id', '4bf92f3577b34da6a3ce929d0e0e4736', true],
    ['letters, digits and -_.:', 'lb-01:req_42.7', true],
    ['128 characters', 'a'.repeat(128), true],
    ['129 characters', 'a'.repeat(129), false],
    ['empty', '', false],
    ['a space', 'abc def', false],
    ['a line break', 'abc\ndef', false],
    ['a slash', 'a/b', false],
    ['markup', '<script>', false],
    ['a quote', 'a"b', false],
    ['non-ASCII', 'aé', false],
  ])('accepts %s: %s', (_name, value, isAcceptable) => {
    expect(isAcceptableRequestId(value)).toBe(isAcceptable);
  });

  it('echoes an acceptable id and logs under it', async () => {
    const id = 'lb-7f3c2a:0001';
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/provinces', headers: { 'x-request-id': id } });
    expect(response.headers['x-request-id']).toBe(id);
    const lines = logLines.map((line) => JSON.parse(line) as { reqId?: string });
    expect(lines.some((line) => line.reqId === id)).toBe(true);
  });

  it('replaces an unacceptable id with a new UUID, and makes one when none is sent', async () => {
    for (const offered of ['a'.repeat(129), 'x y', 'evil\\"}{', '']) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options', headers: { 'x-request-id': offered } });
      expect(response.headers['x-request-id']).toMatch(UUID);
    }
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    const second = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(logLines.join('')).not.toContain('x y');
  });

  it('comes back on errors too (rate-limit refusals: rate-limit-store.test.ts)', async () => {
    const notFound = await t.app.inject({ method: 'GET', url: '/api/v1/bestaat-niet', headers: { 'x-request-id': 'err-1' } });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['x-request-id']).toBe('err-1');
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: { 'x-request-id': 'err-2' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['x-request-id']).toBe('err-2');
  });
});

describe('health probes', () => {
  it.each(['/health', '/ready'])('%s sets no cookie, writes no log line, and still says who answered', async (url) => {
    const before = logLines.length;
    for (let probe = 0; probe < 3; probe += 1) {
      const response = await t.app.inject({ method: 'GET', url, headers: { 'x-request-id': `probe-${probe}` } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['x-request-id']).toBe(`probe-${probe}`);
    }
    expect(logLines.slice(before)).toEqual([]);
  });

  it('is not rate limited', async () => {
    // The limit of this app is 20 a minute; probes of several instances arrive more often than that.
    for (let probe = 0; probe < 25; probe += 1) expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('while an ordinary request does get its CSRF cookie and log lines (the probe test is not vacuous)', async () => {
    const before = logLines.length;
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(String(response.headers['set-cookie'])).toContain('kr_csrf=');
    expect(logLines.length).toBeGreaterThan(before);
  });
});
