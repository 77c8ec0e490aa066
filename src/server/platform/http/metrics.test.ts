// SPDX-License-Identifier: EUPL-1.2
// GET /metrics (issue 12 item 8), on the real database: absent without METRICS_TOKEN, only with the
// bearer token (no session grants it), Prometheus text format, counters and histogram move with
// requests, the audit counter with audit rows; never logged, never in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import { appendAuditEventAlone } from '../audit/audit-log.js';
import { LATENCY_BUCKETS } from './metrics.js';

const TOKEN = 'metrics-token-voor-de-test-0123456789abcdef';
const lines: string[] = [];
let t: TestApp;
let withoutToken: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: TOKEN }, logStream: { write: (line) => void lines.push(line) } });
  withoutToken = await createTestApp();
});
afterAll(async () => {
  await t.close();
  await withoutToken.close();
});

const scrape = (app: TestApp, authorization?: string) =>
  app.app.inject({ method: 'GET', url: '/metrics', headers: { ...anonymousHeaders, ...(authorization ? { authorization } : {}) } });

/** `name{labels} value` lines → value by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    result.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return result;
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN: 404 like any unknown path, token or not', async () => {
    expect((await scrape(withoutToken)).statusCode).toBe(404);
    expect((await scrape(withoutToken, `Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token', 'Bearer niet-het-goede-token-0123456789abcdefghij'],
    ['the token without Bearer', TOKEN],
    ['the token as Basic credentials', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
  ])('refuses %s with 401 and a Bearer challenge', async (_name, authorization) => {
    const response = await scrape(t, authorization);
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="kansrijk-metrics"');
    expect(response.body).not.toContain('kansrijk_http_requests_total');
  });

  it('refuses a full session of a platform administrator: only the token opens it', async () => {
    const session = await sessionFor(t, 'platformAdmin');
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: session.headers })).statusCode).toBe(401);
  });

  it('answers the token in the Prometheus text format; request counts and the latency histogram move', async () => {
    const before = samples((await scrape(t, `Bearer ${TOKEN}`)).body);
    const key = 'kansrijk_http_requests_total{method="GET",route="/api/v1/municipalities/:code",status="200"}';
    const missing = 'kansrijk_http_requests_total{method="GET",route="/api/v1/municipalities/:code",status="404"}';
    for (const code of ['GM0505', 'GM0363', 'GM0599']) expect((await t.app.inject({ method: 'GET', url: `/api/v1/municipalities/${code}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/municipalities/GM9999' })).statusCode).toBe(404);
    await t.app.inject({ method: 'GET', url: '/niet/bestaand/pad?bsn=123456782' });

    const response = await scrape(t, `Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('# TYPE kansrijk_http_requests_total counter');
    expect(response.body).toContain('# TYPE kansrijk_http_request_duration_seconds histogram');
    // Every sample line is `name{labels} number`.
    for (const line of response.body.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|[a-z_]+(\{[^}]*\})? -?[\d.e+-]+)$/);

    const after = samples(response.body);
    expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBe(3);
    expect((after.get(missing) ?? 0) - (before.get(missing) ?? 0)).toBe(1);
    // Route patterns, never concrete paths, ids or query strings.
    expect(response.body).not.toMatch(/GM0505|GM9999|123456782|\/niet\/bestaand/);
    expect(after.get('kansrijk_http_requests_total{method="GET",route="unmatched",status="404"}')).toBeGreaterThanOrEqual(1);

    const histogram = 'kansrijk_http_request_duration_seconds';
    const route = 'method="GET",route="/api/v1/municipalities/:code"';
    const count = after.get(`${histogram}_count{${route}}`)!;
    expect(count - (before.get(`${histogram}_count{${route}}`) ?? 0)).toBe(4);
    expect(after.get(`${histogram}_bucket{${route},le="+Inf"}`)).toBe(count);
    const buckets = LATENCY_BUCKETS.map((bound) => after.get(`${histogram}_bucket{${route},le="${bound}"}`)!);
    for (let index = 1; index < buckets.length; index += 1) expect(buckets[index]).toBeGreaterThanOrEqual(buckets[index - 1]!);
    expect(after.get(`${histogram}_sum{${route}}`)).toBeGreaterThan(0);
  });

  it('counts audit log rows from the database, and reports the pool on PostgreSQL', async () => {
    const before = samples((await scrape(t, `Bearer ${TOKEN}`)).body);
    for (let index = 0; index < 2; index += 1) await appendAuditEventAlone(t.database.db, { action: 'read', outcome: 'success', objectType: 'person' }, t.clock.now());
    const after = samples((await scrape(t, `Bearer ${TOKEN}`)).body);
    expect(after.get('kansrijk_database_up')).toBe(1);
    expect(after.get('kansrijk_audit_log_rows_total')! - before.get('kansrijk_audit_log_rows_total')!).toBe(2);
    expect(after.get('kansrijk_audit_checkpoint_sequence')).toBeGreaterThanOrEqual(0);
    if (t.database.kind === 'postgres') {
      expect(after.get('kansrijk_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(after.get('kansrijk_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
      expect(after.get('kansrijk_db_pool_waiting_requests')).toBe(0);
    } else {
      expect(after.has('kansrijk_db_pool_waiting_requests')).toBe(false);
    }
  });

  it.each([
    ['a scrape', `Bearer ${TOKEN}`, 200],
    ['a refused scrape', 'Bearer fout', 401],
  ])('like /health and /ready: %s sets no cookie and writes no log line at all, yet says which request it was', async (_name, authorization, status) => {
    const before = lines.length;
    for (let scrapeNumber = 0; scrapeNumber < 3; scrapeNumber += 1) {
      // A scraper sends no cookies: nothing may be handed to it either (no CSRF cookie, no session).
      const response = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization, 'x-request-id': `scrape-${scrapeNumber}` } });
      expect(response.statusCode).toBe(status);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['x-request-id']).toBe(`scrape-${scrapeNumber}`);
    }
    expect(lines.slice(before)).toEqual([]);
    // Not vacuous: an ordinary request without cookies gets one and is logged.
    const ordinary = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(String(ordinary.headers['set-cookie'])).toContain('kr_csrf=');
    expect(lines.length).toBeGreaterThan(before);
  });

  it('is not logged, and is not in the OpenAPI document', async () => {
    lines.length = 0;
    await scrape(t, `Bearer ${TOKEN}`);
    await scrape(t, 'Bearer fout');
    expect(lines.filter((line) => line.includes('/metrics'))).toEqual([]);
    expect(lines.join('')).not.toContain(TOKEN);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).filter((path) => path.includes('metrics'))).toEqual([]);
  });
});
