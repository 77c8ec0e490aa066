// SPDX-License-Identifier: EUPL-1.2
// The local offer over HTTP against a real database: everyone logged in reads a coalition's offer and
// finds it per municipality and per intervention; only the coalition's coordinators record, change
// and remove it; every check against the register (the menu, the directory, the membership) and every
// bad field is refused in Dutch with nothing saved; a repeated submit records one offer; every change
// is audited; the service's "niet recent gecontroleerd" shows through.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { CoalitionLocalOffer, LocalOffer, LocalOfferPage } from '../../../contracts/local-offer.js';
import { directoryServices } from '../services/schema.js';
import { localOffers } from './schema.js';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let practiceAdmin: Caller;
let jgzServiceId: string;
let walkInServiceId: string;
const text = nl.localOffer;
const DAY = 86_400_000;

async function offerCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(localOffers);
  return Number(row!.n);
}

async function serviceId(name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, name));
  return row!.id;
}

const voorzorg = (overrides: Record<string, unknown> = {}) => ({
  interventionKey: 'voorzorg',
  serviceId: jgzServiceId,
  capacityPerYear: 30,
  waitingWeeks: 4,
  fundingRoute: 'spuk_gala',
  since: '2026-01-01',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
  coordinator = await callerFor(t, 'coordinator');
  practiceAdmin = await callerFor(t, 'practiceAdmin');
  jgzServiceId = await serviceId('Prenataal huisbezoek');
  walkInServiceId = await serviceId('Spreekuur Geldzaken sociaal wijkteam');
});
afterAll(() => t.close());

describe('reading the local offer', () => {
  it('shows the demo offer of Drechtsteden to every logged-in person, with create and edit offered to its coordinator only', async () => {
    const forMidwife = (await midwife.request('GET', '/api/v1/coalitions/KS0001/local-offer')).json<CoalitionLocalOffer>();
    expect(forMidwife.items.map((offer) => offer.name)).toEqual(
      expect.arrayContaining(['Stevig Ouderschap', 'Inloopspreekuur geldzaken voor (aanstaande) ouders']),
    );
    expect(forMidwife.allowedActions).toEqual([]);
    expect(forMidwife.items.every((offer) => offer.allowedActions.length === 0)).toBe(true);
    const forCoordinator = (await coordinator.request('GET', '/api/v1/coalitions/KS0001/local-offer')).json<CoalitionLocalOffer>();
    expect(forCoordinator.allowedActions).toEqual(['create']);
    expect(forCoordinator.items.every((offer) => offer.allowedActions.join() === 'update,delete')).toBe(true);
    const walkIn = forCoordinator.items.find((offer) => offer.activityName !== null)!;
    expect(walkIn).toMatchObject({ intervention: null, municipalityCode: 'GM0505', municipalityName: 'Dordrecht', fundingRoute: 'municipal_subsidy', isCurrent: true });
    expect(walkIn.service).toMatchObject({ id: walkInServiceId, providerName: 'Sociaal Wijkteam Dordrecht', verification: 'current', isActive: true });
  });

  it('finds per municipality the offer of its coalitions (whole coalition and its own), not that of another municipality', async () => {
    const dordrecht = (await midwife.request('GET', '/api/v1/local-offer?municipality=GM0505')).json<LocalOfferPage>();
    expect(dordrecht.items.some((offer) => offer.activityName !== null)).toBe(true);
    const zwijndrecht = (await midwife.request('GET', '/api/v1/local-offer?municipality=GM0642')).json<LocalOfferPage>();
    expect(zwijndrecht.items.length).toBeGreaterThan(0);
    expect(zwijndrecht.items.every((offer) => offer.municipalityCode === null && offer.coalition.code === 'KS0001')).toBe(true);
    const utrecht = (await midwife.request('GET', '/api/v1/local-offer?municipality=GM0344')).json<LocalOfferPage>();
    expect(utrecht).toMatchObject({ items: [], total: 0 });
  });

  it('exports the coalition offer and the search as CSV with the page’s columns', async () => {
    const response = await midwife.request('GET', '/api/v1/coalitions/KS0001/local-offer', undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(';')).toEqual([text.columnName, text.columnKind, text.columnArea, text.columnService, text.columnCapacity, text.columnWaiting, text.columnFunding, text.columnSince, text.columnUntil]);
    expect(lines.some((line) => line.startsWith('Stevig Ouderschap;Menu;Hele coalitie;'))).toBe(true);
    const search = await midwife.request('GET', '/api/v1/local-offer?municipality=GM0505', undefined, { accept: 'text/csv' });
    expect(search.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(lines.length + 1);
  });

  it('answers 404 for a coalition that does not exist, and 401 without a session', async () => {
    expect((await midwife.request('GET', '/api/v1/coalitions/KS9999/local-offer')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/local-offer' })).statusCode).toBe(401);
  });
});

describe('recording the offer', () => {
  it('records VoorZorg for Drechtsteden once, however often the coordinator submits it, and audits it', async () => {
    const key = '6f1c8e64-1f7e-4b8e-9a51-0c1a3c0a2b11';
    const before = await offerCount();
    const { response, rows } = await coordinator.audited('POST', '/api/v1/coalitions/KS0001/local-offer', { ...voorzorg(), idempotencyKey: key });
    expect(response.statusCode, response.body).toBe(201);
    const offer = response.json<LocalOffer>();
    expect(offer).toMatchObject({
      name: 'VoorZorg',
      intervention: { key: 'voorzorg', name: 'VoorZorg' },
      municipalityCode: null,
      capacityPerYear: 30,
      fundingRoute: 'spuk_gala',
      version: 1,
    });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', outcome: 'success', objectType: 'local_offer', objectId: offer.id })]);
    const again = await coordinator.request('POST', '/api/v1/coalitions/KS0001/local-offer', { ...voorzorg(), idempotencyKey: key });
    expect(again.statusCode).toBe(200);
    expect(again.json<LocalOffer>().id).toBe(offer.id);
    expect(await offerCount()).toBe(before + 1);
    // The menu's VoorZorg is now offered in Drechtsteden.
    const found = (await midwife.request('GET', '/api/v1/local-offer?intervention=voorzorg')).json<LocalOfferPage>();
    expect(found.items.map((item) => item.coalition.name)).toEqual(['Coalitie Kansrijke Start Drechtsteden']);
  });

  it('changes an offer with the version seen, refuses an older version, and ends it with an end date', async () => {
    const created = (await coordinator.request('POST', '/api/v1/coalitions/KS0001/local-offer', voorzorg({ interventionKey: 'home-start', fundingRoute: 'wmo' }))).json<LocalOffer>();
    const body = voorzorg({ interventionKey: 'home-start', fundingRoute: 'wmo', capacityPerYear: 45, until: '2026-12-31', version: 1 });
    const { response, rows } = await coordinator.audited('PUT', `/api/v1/coalitions/KS0001/local-offer/${created.id}`, body);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<LocalOffer>()).toMatchObject({ capacityPerYear: 45, until: '2026-12-31', version: 2 });
    expect(rows[0]!.details).toMatchObject({ changes: ['capacityPerYear', 'until'] });
    const stale = await coordinator.request('PUT', `/api/v1/coalitions/KS0001/local-offer/${created.id}`, { ...body, capacityPerYear: 50 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('stale_version');
    // Removed by the coordinator: gone, audited; a second time it is not found.
    const removed = await coordinator.audited('DELETE', `/api/v1/coalitions/KS0001/local-offer/${created.id}`);
    expect(removed.response.statusCode).toBe(204);
    expect(removed.rows[0]).toMatchObject({ objectType: 'local_offer', objectId: created.id, outcome: 'success' });
    expect((await coordinator.request('DELETE', `/api/v1/coalitions/KS0001/local-offer/${created.id}`)).statusCode).toBe(404);
  });

  it('lets nobody but the coalition’s coordinators write: a midwife, an organisation admin, and the coordinator in another coalition are refused', async () => {
    const before = await offerCount();
    for (const caller of [midwife, practiceAdmin]) {
      expect((await caller.request('POST', '/api/v1/coalitions/KS0001/local-offer', voorzorg())).statusCode).toBe(403);
    }
    expect((await coordinator.request('POST', '/api/v1/coalitions/KS0002/local-offer', voorzorg())).statusCode).toBe(403);
    const [existing] = (await coordinator.request('GET', '/api/v1/coalitions/KS0001/local-offer')).json<CoalitionLocalOffer>().items;
    expect((await midwife.request('DELETE', `/api/v1/coalitions/KS0001/local-offer/${existing!.id}`)).statusCode).toBe(403);
    // The policy is decided on the coalition first: KS0002 is not hers (403, whatever the id); the
    // platform admin, who may edit every coalition, does not find Drechtsteden's offer under KS0002.
    expect((await coordinator.request('DELETE', `/api/v1/coalitions/KS0002/local-offer/${existing!.id}`)).statusCode).toBe(403);
    const platformAdmin = await callerFor(t, 'platformAdmin');
    expect((await platformAdmin.request('DELETE', `/api/v1/coalitions/KS0002/local-offer/${existing!.id}`)).statusCode).toBe(404);
    expect(await offerCount()).toBe(before);
  });
});

describe('bad input: a Dutch message per field, nothing saved', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['neither an intervention nor an activity', { interventionKey: null }, 'interventionKey', text.errorInterventionOrActivity],
    ['both an intervention and an activity', { activityName: 'Koffieochtend' }, 'interventionKey', text.errorInterventionOrActivity],
    ['an intervention not on the menu', { interventionKey: 'wonderkuur' }, 'interventionKey', text.errorUnknownIntervention],
    ['negative capacity', { capacityPerYear: -1 }, 'capacityPerYear', text.errorNegative],
    ['a fraction of a family', { capacityPerYear: 2.5 }, 'capacityPerYear', text.errorWholeNumber],
    ['a capacity no database column should hold', { capacityPerYear: 200_000 }, 'capacityPerYear', text.errorTooLarge],
    ['an end before the start', { until: '2025-12-31' }, 'until', text.errorUntilBeforeSince],
    ['an unknown funding route', { fundingRoute: 'loterij' }, 'fundingRoute', text.errorFundingRoute],
    ['a municipality outside the coalition', { municipalityCode: 'GM0344' }, 'municipalityCode', text.errorNotMember],
    ['a service that does not exist', { serviceId: '00000000-0000-4000-8000-000000000000' }, 'serviceId', text.errorUnknownService],
    ['a service that does not work in that municipality (the walk-in is Dordrecht’s)', { municipalityCode: 'GM0482', serviceId: 'walk-in' }, 'serviceId', text.errorServiceElsewhere],
  ];
  it.each(cases)('refuses %s', async (_name, overrides, path, message) => {
    const before = await offerCount();
    const body = voorzorg({ ...overrides, ...(overrides.serviceId === 'walk-in' ? { serviceId: walkInServiceId } : {}) });
    const response = await coordinator.request('POST', '/api/v1/coalitions/KS0001/local-offer', body);
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors, JSON.stringify(problem.errors)).toContainEqual(expect.objectContaining({ path: `body.${path}`, message }));
    expect(await offerCount()).toBe(before);
  });
});

describe('the service behind an offer', () => {
  it('shows "niet recent gecontroleerd" through the offer once its service has gone six months without confirmation', async () => {
    const clock = t.clock;
    clock.advance(200 * DAY);
    try {
      // A session of today: the one from before has long expired.
      const reader = await callerFor(t, 'midwife');
      const offer = (await reader.request('GET', '/api/v1/coalitions/KS0001/local-offer')).json<CoalitionLocalOffer>();
      expect(offer.items.length).toBeGreaterThan(0);
      expect(offer.items.every((item) => item.service.verification === 'overdue')).toBe(true);
    } finally {
      clock.advance(-200 * DAY);
    }
  });
});
