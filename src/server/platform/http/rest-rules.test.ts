// SPDX-License-Identifier: EUPL-1.2
// NL API Design Rules the linter cannot see (issue 11 item 3), on the real app: API-Version on every
// response, 405 with Allow, 406 for an Accept the operation cannot answer, 415 for a body it cannot
// read, authentication before the body is looked at, and a trailing slash that is a 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders, sessionFor } from '../../../../test/helpers/sessions.js';
import { accepts } from './rest-rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const inject = (method: string, url: string, headers: Record<string, string> = {}, payload?: string) =>
  t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });

describe('REST rules', () => {
  it.each([
    ['a success', 'GET', '/api/v1/provinces', {}, 200],
    ['an unknown path', 'GET', '/api/v1/nope', {}, 404],
    ['no session', 'GET', '/api/v1/families', {}, 401],
    ['no CSRF token', 'POST', '/api/v1/families', {}, 403],
    ['an invalid parameter', 'GET', '/api/v1/municipalities/xx', {}, 400],
    ['a wrong method', 'DELETE', '/api/v1/provinces', {}, 405],
    ['an unacceptable format', 'GET', '/api/v1/provinces', { accept: 'application/xml' }, 406],
  ] as const)('sends API-Version on %s (%s %s)', async (_case, method, url, headers, status) => {
    const response = await inject(method, url, { ...headers });
    expect(response.statusCode).toBe(status);
    expect(response.headers['api-version']).toBe('1.0.0');
  });

  it('answers a wrong method on a known URI with 405, Allow and problem details', async () => {
    const response = await inject('DELETE', '/api/v1/provinces', anonymousHeaders);
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 405, code: 'method_not_allowed', detail: expect.stringContaining('Allow') });
    const item = await inject('PUT', '/api/v1/organisations/00000000-0000-4000-8000-000000000000', anonymousHeaders);
    expect(item.statusCode).toBe(405);
    expect(item.headers.allow).toBe('GET, HEAD, PATCH');
  });

  it.each([
    ['application/xml', 406],
    ['text/csv', 406],
    ['application/json;q=0', 406],
    ['application/json', 200],
    ['application/*', 200],
    ['*/*', 200],
    ['text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8', 200],
    ['application/problem+json', 200],
  ])('negotiates Accept: %s → %i', async (accept, status) => {
    const response = await inject('GET', '/api/v1/provinces', { accept });
    expect(response.statusCode).toBe(status);
    if (status === 406) expect(response.json()).toMatchObject({ code: 'not_acceptable' });
  });

  it('accepts CSV where the operation offers it', () => {
    expect(accepts('text/csv', ['application/json', 'text/csv'])).toBe(true);
    expect(accepts('text/*', ['application/json'])).toBe(false);
    expect(accepts(undefined, ['application/json'])).toBe(true);
  });

  it('refuses a body it cannot read with 415', async () => {
    const response = await inject('POST', '/api/v1/auth/login', { ...anonymousHeaders, 'content-type': 'text/plain' }, 'hallo');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a BSN in a URL with 400 bsn_in_url, after authentication, and finds it by POST', async () => {
    expect((await inject('GET', '/api/v1/families?bsn=123456782', anonymousHeaders)).statusCode).toBe(401);
    const session = await sessionFor(t, 'midwife');
    for (const url of ['/api/v1/families?bsn=123456782', '/api/v1/families?q=a&BSN=123456782', '/api/v1/families?burgerservicenummer=123456782', '/api/v1/caseload?bsn=1']) {
      const refused = await inject('GET', url, session.headers);
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json(), url).toMatchObject({ code: 'bsn_in_url', detail: expect.stringContaining('POST /api/v1/families/search') });
    }
    const found = await inject('POST', '/api/v1/families/search', { ...session.headers, 'content-type': 'application/json' }, JSON.stringify({ bsn: '123456782' }));
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ page: 1, pageSize: 25 });
  });

  it('checks authentication before the body: 401, not 400 or 415', async () => {
    const invalid = await inject('POST', '/api/v1/families', { ...anonymousHeaders, 'content-type': 'application/json' }, '{"nonsense":');
    expect(invalid.statusCode).toBe(401);
    const wrongType = await inject('POST', '/api/v1/families', { ...anonymousHeaders, 'content-type': 'text/plain' }, 'x');
    expect(wrongType.statusCode).toBe(401);
    const session = await sessionFor(t, 'platformAdmin');
    const withSession = await inject('POST', '/api/v1/families', { ...session.headers, 'content-type': 'application/json' }, '{"nonsense":');
    expect(withSession.statusCode).toBe(400);
  });

  it.each(['/api/v1/provinces/', '/api/v1/families/', '/api/v1/coalitions/KS0001/'])('answers a trailing slash with 404: %s', async (url) => {
    const session = await sessionFor(t, 'platformAdmin');
    const response = await inject('GET', url, session.headers);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
