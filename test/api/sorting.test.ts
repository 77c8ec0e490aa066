// SPDX-License-Identifier: EUPL-1.2
// Sorting long lists (NL API Design Rules): `sorteer` with a whitelist of fields per endpoint, a
// leading - for descending; any other field is a 400 with code invalid_sort.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSort } from '../../src/contracts/sorting.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { sessionFor, type TestSession } from '../helpers/sessions.js';

let t: TestApp;
let admin: TestSession;
let midwife: TestSession;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, 'platformAdmin');
  midwife = await sessionFor(t, 'midwife', 'wieg');
});
afterAll(() => t.close());

describe('the sorteer value', () => {
  const FIELDS = ['name', 'createdAt'] as const;
  it.each([
    ['name', [{ field: 'name', descending: false }]],
    ['-name', [{ field: 'name', descending: true }]],
    ['-createdAt,name', [{ field: 'createdAt', descending: true }, { field: 'name', descending: false }]],
    ['bsn', null],
    ['name,name', null],
    ['', null],
    ['name,', null],
    ['--name', null],
    ['Name', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseSort(text, FIELDS)).toEqual(expected);
  });
});

describe('sorting a list', () => {
  const names = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: admin.headers });
    expect(response.statusCode, url).toBe(200);
    return (response.json().items as { name: string }[]).map((item) => item.name);
  };

  it('sorts organisations ascending by default and as asked, descending with -', async () => {
    const byDefault = await names('/api/v1/organisations?pageSize=200');
    expect(byDefault.length).toBeGreaterThan(2);
    expect(await names('/api/v1/organisations?pageSize=200&sorteer=name')).toEqual(byDefault);
    const descending = await names('/api/v1/organisations?pageSize=200&sorteer=-name');
    expect(descending).toEqual([...byDefault].reverse());
    expect(descending).not.toEqual(byDefault);
    // Compared with the database's own order (its collation), never JavaScript's.
    const byType = await t.app.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=200&sorteer=type,-name', headers: admin.headers });
    const items = byType.json().items as { type: string; name: string }[];
    const types = items.map((item) => item.type);
    const blocks = types.filter((type, index) => index === 0 || types[index - 1] !== type);
    expect(blocks).toEqual([...new Set(types)]);
    expect(blocks.length).toBeGreaterThan(1);
    for (const type of blocks) {
      const within = items.filter((item) => item.type === type).map((item) => item.name);
      expect(within).toEqual(descending.filter((name) => within.includes(name)));
    }
  });

  it('refuses a field outside the whitelist with 400 invalid_sort and a Dutch sentence naming the fields', async () => {
    for (const sort of ['bsn', 'name,name', '-identifier']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/organisations?sorteer=${sort}`, headers: admin.headers });
      expect(response.statusCode, sort).toBe(400);
      expect(response.json(), sort).toMatchObject({
        code: 'invalid_sort',
        errors: [{ path: 'querystring.sorteer', code: 'invalid', message: expect.stringContaining('name, type, createdAt, updatedAt') }],
      });
    }
  });

  it('sorts people by e-mail address, descending', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200&sorteer=-email', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const emails = (response.json().items as { email: string }[]).map((item) => item.email);
    expect(emails.length).toBeGreaterThan(2);
    const ascending = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200&sorteer=email', headers: admin.headers });
    expect(emails).toEqual((ascending.json().items as { email: string }[]).map((item) => item.email).reverse());
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200', headers: admin.headers });
    expect(emails).not.toEqual((byName.json().items as { email: string }[]).map((item) => item.email));
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/people?sorteer=password', headers: admin.headers });
    expect(refused.json()).toMatchObject({ code: 'invalid_sort' });
  });

  it('sorts a families search by birth date, both ways, and refuses an unknown field', async () => {
    await insertTestFamily(t, 'wieg', { givenName: 'Sorteer', familyName: 'Oud', birthDate: '1980-01-01' });
    await insertTestFamily(t, 'wieg', { givenName: 'Sorteer', familyName: 'Jong', birthDate: '2001-01-01' });
    const search = (body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/families/search', headers: { ...midwife.headers, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    const ascending = await search({ q: 'sorteer', sorteer: 'birthDate' });
    expect(ascending.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Oud', 'Sorteer Jong']);
    const descending = await search({ q: 'sorteer', sorteer: '-birthDate' });
    expect(descending.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Jong', 'Sorteer Oud']);
    const byName = await t.app.inject({ method: 'GET', url: '/api/v1/families?q=sorteer&sorteer=-clientName', headers: midwife.headers });
    expect(byName.json().items.map((item: { clientName: string }) => item.clientName)).toEqual(['Sorteer Oud', 'Sorteer Jong']);
    const refused = await search({ q: 'sorteer', sorteer: 'bsn' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'invalid_sort', errors: [{ path: 'body.sorteer' }] });
  });
});
