// SPDX-License-Identifier: EUPL-1.2
// The menukaart through the API (issue 13 item 1): search, filters, sorting and paging; one entry in
// full; every logged-in role reads it, nobody else; bad query values refused in Dutch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import type { InterventionDetail, InterventionPage } from '../../../contracts/intervention-menu.js';
import { nl } from '../../../contracts/i18n/nl.js';

let t: TestApp;
let midwife: Caller;
beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
});
afterAll(() => t.close());

async function list(query: string): Promise<InterventionPage> {
  const response = await midwife.request('GET', `/api/v1/interventions${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const keysOf = (page: InterventionPage) => page.items.map((item) => item.key);

describe('the intervention menu: list', () => {
  it('lists the whole menu by name, with the menu version and paging', async () => {
    const page = await list('');
    expect(page).toMatchObject({ total: 18, page: 1, pageSize: 25, menuVersion: '2026-12' });
    expect(page.items.map((item) => item.name)).toEqual([...page.items.map((item) => item.name)].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    expect(page.items.find((item) => item.key === 'voorzorg')).toEqual({
      key: 'voorzorg',
      name: 'VoorZorg',
      phases: ['T', 'N'],
      pillars: ['signalling_support'],
      targetGroup: expect.stringContaining('Jonge vrouwen'),
      goal: expect.stringContaining('veilige opvoeding'),
      providerType: 'VoorZorg-verpleegkundige in dienst van een JGZ-organisatie',
      recognition: 'effectief_goede_aanwijzingen',
      recognitionNote: 'Erkend 1 oktober 2015, verlengd 30 september 2021',
      recognitionDate: '2021-09-30',
      fundingRoutes: ['wpg_jgz', 'spuk_gala', 'municipal_subsidy'],
      hasPublishedCost: false,
      isLegalTask: false,
    });
  });

  it.each([
    ['?q=centering', ['centering-ouderschap', 'centering-zwangerschap']],
    ['?q=SAMEN%20zwanger', ['centering-zwangerschap']],
    ['?q=NNZ', ['nu-niet-zwanger']],
    ['?q=Stichting%20Centering%20geen-treffer', []],
    ['?phase=V', ['gezond-zwanger-worden', 'nu-niet-zwanger']],
    ['?pillar=rules', ['prenataal-huisbezoek-jgz']],
    ['?recognition=effectief_goede_aanwijzingen', ['home-start', 'voorzorg']],
    ['?fundingRoute=zvw', ['centering-zwangerschap', 'v-mis']],
    ['?fundingRoute=funds', []],
    ['?phase=T&fundingRoute=wpg_jgz', ['prenataal-huisbezoek-jgz', 'stevig-ouderschap', 'voorzorg']],
    ['?phase=N&q=vrijwilliger&pillar=environment', ['buurtgezinnen', 'home-start', 'meeleefgezin', 'samen-oplopen', 'steunouders']],
  ])('GET /interventions%s', async (query, expected) => {
    const page = await list(query);
    expect(keysOf(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('sorts on recognition (strongest first with -) and on recognition date, undated last', async () => {
    expect(keysOf(await list('?sorteer=-recognition&pageSize=5'))).toEqual(['home-start', 'voorzorg', 'stevig-ouderschap', 'samenstarten', 'buurtgezinnen']);
    expect(keysOf(await list('?sorteer=-recognitionDate&pageSize=5'))).toEqual(['voorzorg', 'home-start', 'samenstarten', 'stevig-ouderschap', 'buurtgezinnen']);
    expect(keysOf(await list('?sorteer=recognitionDate&pageSize=4'))).toEqual(['stevig-ouderschap', 'samenstarten', 'home-start', 'voorzorg']);
  });

  it('pages: the pages together are the whole list, each entry once', async () => {
    const pages = [await list('?pageSize=7&page=1'), await list('?pageSize=7&page=2'), await list('?pageSize=7&page=3'), await list('?pageSize=7&page=4')];
    expect(pages.map((page) => page.items.length)).toEqual([7, 7, 4, 0]);
    expect(pages.flatMap(keysOf)).toEqual(keysOf(await list('?pageSize=200')));
  });

  it.each([
    ['?phase=X', 'phase', 'invalid_value'],
    ['?pillar=geld', 'pillar', 'invalid_value'],
    ['?recognition=erkend', 'recognition', 'invalid_value'],
    ['?fundingRoute=loterij', 'fundingRoute', 'invalid_value'],
    ['?pageSize=0', 'pageSize', 'too_small'],
    ['?q=' + 'a'.repeat(101), 'q', 'too_big'],
  ])('refuses %s with a Dutch field error', async (query, path, code) => {
    const response = await midwife.request('GET', `/api/v1/interventions${query}`);
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    const error = problem.errors.find((candidate: { path: string }) => candidate.path === `querystring.${path}`);
    expect(error, JSON.stringify(problem)).toMatchObject({ code });
    expect(error.message).toMatch(/^Het veld ‘/);
  });

  it('refuses a sort field it does not know with invalid_sort, naming the allowed fields', async () => {
    const response = await midwife.request('GET', '/api/v1/interventions?sorteer=cost');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_sort');
    expect(JSON.stringify(response.json().errors)).toContain(nl.fieldErrors.sortFields.replace('{allowed}', 'name, recognition, recognitionDate'));
  });
});

describe('the intervention menu: one entry', () => {
  it('shows VoorZorg in full: recognition with date and source, conditions, licence holder, funding', async () => {
    const response = await midwife.request('GET', '/api/v1/interventions/voorzorg');
    expect(response.statusCode).toBe(200);
    const detail: InterventionDetail = response.json();
    expect(detail).toMatchObject({
      menuVersion: '2026-12',
      key: 'voorzorg',
      licenceHolder: 'NCJ (beheert het programma sinds 2015)',
      website: 'https://www.ncj.nl/inspiratie/voorzorg/',
      recognition: { level: 'effectief_goede_aanwijzingen', date: '2021-09-30', validUntil: null, source: expect.stringContaining('1401047') },
      costs: [],
      fundingRoutes: ['wpg_jgz', 'spuk_gala', 'municipal_subsidy'],
    });
    expect(detail.conditions[0]).toContain('hoogstens 28 weken zwanger');
  });

  it('shows the published cost of Nu Niet Zwanger with its source', async () => {
    const detail: InterventionDetail = (await midwife.request('GET', '/api/v1/interventions/nu-niet-zwanger')).json();
    expect(detail.costs).toEqual([expect.objectContaining({ model: 'per_regional_programme', amountEur: 20800, year: 2019, source: expect.stringContaining('Domeinreferentie §8') })]);
  });

  it('answers 404 for an unknown key and 400 for something that is no key', async () => {
    expect((await midwife.request('GET', '/api/v1/interventions/bestaat-niet')).statusCode).toBe(404);
    const bad = await midwife.request('GET', '/api/v1/interventions/Geen%20Sleutel');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Geen geldige sleutel van een interventie.');
  });
});

describe('the intervention menu: access and documentation', () => {
  it('is read by every logged-in role, and by nobody who is not logged in', async () => {
    for (const person of ['analyst', 'coordinator', 'policyOfficer', 'jgzNurse', 'practiceAdmin', 'platformAdmin', 'socialWorker']) {
      const caller = await callerFor(t, person);
      expect((await caller.request('GET', '/api/v1/interventions?q=voorzorg')).json().total, person).toBe(1);
      expect((await caller.request('GET', '/api/v1/interventions/voorzorg')).statusCode, person).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/interventions' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/interventions/voorzorg' })).statusCode).toBe(401);
  });

  it('documents both operations in OpenAPI with tag, summary, description and named schemas', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/interventions', '/interventions/{key}']) {
      const operation = document.paths[path]?.get ?? document.paths[`/api/v1${path}`]?.get;
      expect(operation, path).toMatchObject({ tags: ['Interventies'], summary: expect.any(String), description: expect.any(String) });
    }
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['InterventionPage', 'Intervention', 'InterventionDetail', 'InterventionRecognition', 'InterventionCost']));
  });
});
