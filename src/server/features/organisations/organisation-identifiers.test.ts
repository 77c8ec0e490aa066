// SPDX-License-Identifier: EUPL-1.2
// AGB code and URA of an organisation (issue 11 item 6): eight digits each, one organisation per
// code, in the REST resource and as FHIR Organization.identifier with the Dutch naming systems,
// searchable by identifier in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { fhirBody, outcomeOf, resourcesOf, type SearchsetBody } from '../fhir/test-support.js';
import { callerFor, type Caller } from './test-support.js';

const AGB = 'http://fhir.nl/fhir/NamingSystem/agb-z';
const URA = 'http://fhir.nl/fhir/NamingSystem/ura';

let t: TestApp;
let platformAdmin: Caller;
let midwife: Caller;
let organisationId: string;
beforeAll(async () => {
  t = await createTestApp();
  platformAdmin = await callerFor(t, 'platformAdmin');
  midwife = await callerFor(t, 'midwife', 'wieg');
  const created = await platformAdmin.request('POST', '/api/v1/organisations', {
    name: 'Verloskundigen Codeweg',
    type: 'verloskundigenpraktijk',
    agbCode: '07123456',
    uraCode: '90001234',
    municipalityCodes: ['GM0505'],
  });
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json()).toMatchObject({ agbCode: '07123456', uraCode: '90001234' });
  organisationId = created.json().id;
});
afterAll(() => t.close());

describe('AGB code and URA in the REST resource', () => {
  it('refuses a code that is not eight digits, with the Dutch sentence at the field', async () => {
    const response = await platformAdmin.request('POST', '/api/v1/organisations', { name: 'Fout', type: 'verloskundigenpraktijk', agbCode: '1234567', uraCode: '12345678X' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body.agbCode', code: 'invalid_format', message: 'Een AGB-code bestaat uit 8 cijfers.' },
      { path: 'body.uraCode', code: 'invalid_format', message: 'Een URA bestaat uit 8 cijfers.' },
    ]);
  });

  it('gives a code to one organisation only: 409 at the field, for a new one and for a change', async () => {
    const again = await platformAdmin.request('POST', '/api/v1/organisations', { name: 'Dubbel', type: 'verloskundigenpraktijk', agbCode: '07123456' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'body.agbCode', message: 'Deze AGB-code hoort al bij een andere organisatie.' }] });
    const other = (await platformAdmin.request('POST', '/api/v1/organisations', { name: 'Andere', type: 'verloskundigenpraktijk' })).json();
    const change = await platformAdmin.request('PATCH', `/api/v1/organisations/${other.id}`, { uraCode: '90001234' });
    expect(change.statusCode).toBe(409);
    expect(change.json().errors).toEqual([{ path: 'body.uraCode', code: 'invalid', message: 'Deze URA hoort al bij een andere organisatie.' }]);
    // Its own code again is no conflict; clearing it with null works.
    const same = await platformAdmin.request('PATCH', `/api/v1/organisations/${organisationId}`, { agbCode: '07123456', uraCode: null });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ agbCode: '07123456', uraCode: null });
    expect((await platformAdmin.request('PATCH', `/api/v1/organisations/${organisationId}`, { uraCode: '90001234' })).json().uraCode).toBe('90001234');
  });

  it('finds an organisation by its AGB code or URA', async () => {
    for (const query of ['agbCode=07123456', 'uraCode=90001234', 'q=07123456']) {
      const page = (await midwife.request('GET', `/api/v1/organisations?${query}`)).json();
      expect(page.items.map((item: { id: string }) => item.id), query).toEqual([organisationId]);
    }
    expect((await midwife.request('GET', '/api/v1/organisations?agbCode=0712345')).statusCode).toBe(400);
  });
});

describe('AGB code and URA in FHIR', () => {
  it('carries both as Organization.identifier with the Dutch naming systems', async () => {
    const organization = fhirBody<{ identifier: { system: string; value: string }[] }>(await midwife.request('GET', `/fhir/R4/Organization/${organisationId}`));
    expect(organization.identifier).toEqual(
      expect.arrayContaining([expect.objectContaining({ system: AGB, value: '07123456' }), expect.objectContaining({ system: URA, value: '90001234' })]),
    );
  });

  it('searches by identifier: system|code, the code alone; another system or the wrong system finds nothing', async () => {
    const idsOf = async (token: string) => {
      const response = await midwife.request('GET', `/fhir/R4/Organization?identifier=${encodeURIComponent(token)}`);
      expect(response.statusCode, token).toBe(200);
      return resourcesOf(fhirBody<SearchsetBody>(response)).map((resource) => resource.id);
    };
    expect(await idsOf(`${AGB}|07123456`)).toEqual([organisationId]);
    expect(await idsOf(`${URA}|90001234`)).toEqual([organisationId]);
    expect(await idsOf('07123456')).toEqual([organisationId]);
    expect(await idsOf(`${URA}|07123456`)).toEqual([]);
    expect(await idsOf('http://example.org/ander-systeem|07123456')).toEqual([]);
    const bad = await midwife.request('GET', `/fhir/R4/Organization?identifier=${encodeURIComponent(`${AGB}|123`)}`);
    expect(bad.statusCode).toBe(400);
    expect(outcomeOf(bad).text).toContain('8 cijfers');
  });
});
