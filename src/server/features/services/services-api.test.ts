// SPDX-License-Identifier: EUPL-1.2
// The service directory over HTTP against a real database: everyone reads it; an organisation admin
// adds, corrects and confirms only her own organisation's services; bad input (a municipality outside
// the service area, an unknown factor, a phone number or e-mail that is not one) is refused in Dutch
// with nothing saved; after six months without confirmation a service is "niet recent gecontroleerd"
// in the list, the detail and the task list, until it is confirmed; confirmation and correction are audited.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Service, ServicePage } from '../../../contracts/services.js';
import { directoryServices } from './schema.js';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let practiceAdmin: Caller;
const DAY = 86_400_000;

/** A moment the server stamped during the request just made: within a few seconds of the test clock. */
function isJustNow(iso: string): boolean {
  return Math.abs(Date.parse(iso) - t.clock.now().getTime()) < 10_000;
}

async function serviceCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(directoryServices);
  return Number(row!.n);
}

function newService(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Spreekuur zwangerschap en werk',
    description: 'Vragen over werk, verlof en inkomen tijdens de zwangerschap.',
    category: 'maternity_care',
    factorKeys: ['stress', 'money-debts'],
    municipalityCodes: ['GM0505'],
    intakeRoutes: ['self'],
    languages: ['nl', 'en'],
    cost: 'free',
    phone: '078 123 4567',
    email: 'Spreekuur@DeWieg.example.nl',
    website: 'https://www.dewieg.example.nl/spreekuur',
    openingHours: 'Woensdag 13.00–15.00 uur',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
  coordinator = await callerFor(t, 'coordinator');
  practiceAdmin = await callerFor(t, 'practiceAdmin');
});
afterAll(() => t.close());

describe('reading the directory', () => {
  it('finds the debt help for money worries in Dordrecht, for a professional and a coordinator alike', async () => {
    for (const caller of [midwife, coordinator]) {
      const response = await caller.request('GET', '/api/v1/services?municipalityCode=GM0505&factorKey=money-debts');
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<ServicePage>();
      expect(page.items.map((service) => service.name)).toEqual(expect.arrayContaining(['Schuldhulpverlening Drechtsteden', 'Spreekuur Geldzaken sociaal wijkteam']));
      expect(page.items.every((service) => service.factorKeys.includes('money-debts') && service.municipalityCodes.includes('GM0505'))).toBe(true);
      expect(page.items.every((service) => service.verification === 'current')).toBe(true);
      // Nobody but an organisation admin (or the platform admin) is offered to add or change anything.
      expect(page.allowedActions).toEqual([]);
      expect(page.items.every((service) => service.allowedActions.length === 0)).toBe(true);
    }
    const debt = (await midwife.request('GET', '/api/v1/services?q=schuldhulp')).json<ServicePage>().items[0]!;
    expect(debt).toMatchObject({ providerName: 'Sociale Dienst Drechtsteden', organisationName: 'Gemeente Dordrecht', category: 'financial', intakeRoutes: ['self', 'referral'] });
    const detail = await midwife.request('GET', `/api/v1/services/${debt.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<Service>()).toEqual(debt);
    expect((await midwife.request('GET', '/api/v1/services?municipalityCode=GM0344')).json<ServicePage>().total).toBe(0);
    expect((await midwife.request('GET', '/api/v1/services/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('offers the organisation admin changes to her own organisation’s services only', async () => {
    const page = (await practiceAdmin.request('GET', '/api/v1/services?pageSize=200')).json<ServicePage>();
    expect(page.allowedActions).toEqual(['create']);
    const own = page.items.filter((service) => service.organisationId === t.demo.organisationIds.wieg);
    const other = page.items.filter((service) => service.organisationId !== t.demo.organisationIds.wieg);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((service) => service.allowedActions.join() === 'update,confirm')).toBe(true);
    expect(other.every((service) => service.allowedActions.length === 0)).toBe(true);
  });
});

describe('adding and correcting', () => {
  it('adds a service of her own organisation, audited; the contact is normalised', async () => {
    const { response, rows } = await practiceAdmin.audited('POST', '/api/v1/services', newService());
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<Service>();
    expect(created).toMatchObject({ organisationId: t.demo.organisationIds.wieg, email: 'spreekuur@dewieg.example.nl', verification: 'current', version: 1 });
    expect(isJustNow(created.lastConfirmedAt)).toBe(true);
    expect(rows).toEqual([expect.objectContaining({ action: 'create', outcome: 'success', objectType: 'service', objectId: created.id })]);
  });

  // [what, body change, status, code, path, message]
  const refusals: [string, Record<string, unknown>, number, string, string, string][] = [
    ['a municipality outside the service area', { municipalityCodes: ['GM0505', 'GM0344'] }, 422, 'service_municipality_outside_area', 'body.municipalityCodes.1', nl.services.errorMunicipalityOutsideArea.replace('{code}', 'GM0344')],
    ['an unknown factor key', { factorKeys: ['stress', 'te-weinig-slaap'] }, 422, 'service_unknown_factor', 'body.factorKeys.1', nl.services.errorUnknownFactor.replace('{key}', 'te-weinig-slaap')],
    ['a phone number that is not one', { phone: '12-abc' }, 400, 'validation_failed', 'body.phone', nl.services.errorPhone],
    ['a phone number that is too short', { phone: '078 12' }, 400, 'validation_failed', 'body.phone', nl.services.errorPhone],
    ['an e-mail address that is not one', { email: 'spreekuur@' }, 400, 'validation_failed', 'body.email', nl.services.errorEmail],
    ['a website that is not one', { website: 'javascript:alert(1)' }, 400, 'validation_failed', 'body.website', nl.services.errorWebsite],
    ['no municipality', { municipalityCodes: [] }, 400, 'validation_failed', 'body.municipalityCodes', nl.services.errorMunicipalityRequired],
  ];
  it.each(refusals)('refuses %s in Dutch, saving nothing', async (_what, change, status, code, path, message) => {
    const before = await serviceCount();
    const response = await practiceAdmin.request('POST', '/api/v1/services', newService(change));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code, errors: expect.arrayContaining([expect.objectContaining({ path, message })]) });
    expect(await serviceCount()).toBe(before);
  });

  it('accepts Dutch and international phone numbers in their usual notations', async () => {
    for (const phone of ['078-1234567', '+31 78 123 4567', '0031781234567', '06 12345678', '0800 1234', '+32 2 123 45 67']) {
      const response = await practiceAdmin.request('POST', '/api/v1/services', newService({ phone, name: `Telefoon ${phone}` }));
      expect(response.statusCode, `${phone}: ${response.body}`).toBe(201);
    }
  });

  it('a correction with the wrong version or with bad input changes nothing; a good one is audited with the changed fields', async () => {
    const created = (await practiceAdmin.request('POST', '/api/v1/services', newService({ name: 'Te corrigeren' }))).json<Service>();
    const body = { ...newService({ name: 'Te corrigeren' }), version: created.version };
    expect((await practiceAdmin.request('PUT', `/api/v1/services/${created.id}`, { ...body, version: 7 })).json().code).toBe('stale_version');
    const outside = await practiceAdmin.request('PUT', `/api/v1/services/${created.id}`, { ...body, name: 'Nieuwe naam', municipalityCodes: ['GM0344'] });
    expect(outside.json().code).toBe('service_municipality_outside_area');
    expect((await practiceAdmin.request('GET', `/api/v1/services/${created.id}`)).json<Service>().name).toBe('Te corrigeren');
    t.clock.advance(10 * DAY);
    practiceAdmin = await callerFor(t, 'practiceAdmin');
    midwife = await callerFor(t, 'midwife');
    const { response, rows } = await practiceAdmin.audited('PUT', `/api/v1/services/${created.id}`, { ...body, name: 'Gecorrigeerd', phone: '078 765 4321' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Service>()).toMatchObject({ name: 'Gecorrigeerd', version: 2 });
    expect(isJustNow(response.json<Service>().lastConfirmedAt)).toBe(true);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'update', objectType: 'service', objectId: created.id, details: { kind: 'correction', changedFields: ['name', 'phone'], confirmed: true } }),
    ]);
  });

  it('another organisation’s service cannot be changed or confirmed by her, nor by a professional (refusal audited)', async () => {
    const jgz = (await midwife.request('GET', `/api/v1/services?organisationId=${t.demo.organisationIds.jgz}`)).json<ServicePage>().items[0]!;
    const { response, rows } = await practiceAdmin.audited('POST', `/api/v1/services/${jgz.id}/confirmation`);
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied', objectId: jgz.id })]);
    expect((await practiceAdmin.request('PUT', `/api/v1/services/${jgz.id}`, { ...newService(), version: 1 })).statusCode).toBe(403);
    expect((await practiceAdmin.request('POST', '/api/v1/services', newService({ organisationId: t.demo.organisationIds.jgz }))).statusCode).toBe(403);
    expect((await midwife.request('POST', '/api/v1/services', newService())).statusCode).toBe(403);
    expect((await midwife.request('GET', '/api/v1/services/verification-tasks')).statusCode).toBe(403);
  });
});

describe('six months without confirmation', () => {
  it('marks the service "niet recent gecontroleerd" in list and detail and puts it on the task list, until confirmed', async () => {
    const tasks = async () => (await practiceAdmin.request('GET', '/api/v1/services/verification-tasks?pageSize=200')).json<ServicePage>();
    const seeded = (await practiceAdmin.request('GET', `/api/v1/services?organisationId=${t.demo.organisationIds.wieg}&q=Voorlichtingsavond`)).json<ServicePage>().items[0]!;
    expect((await tasks()).items.map((service) => service.id)).not.toContain(seeded.id);

    // Five months and a day: due within 30 days, on the task list but still current enough to show unmarked.
    t.clock.advance(153 * DAY);
    practiceAdmin = await callerFor(t, 'practiceAdmin');
    const soon = (await tasks()).items.find((service) => service.id === seeded.id);
    expect(soon?.verification).toBe('due_soon');

    // Past six months: overdue everywhere.
    t.clock.advance(40 * DAY);
    practiceAdmin = await callerFor(t, 'practiceAdmin');
    midwife = await callerFor(t, 'midwife');
    expect((await tasks()).items.find((service) => service.id === seeded.id)?.verification).toBe('overdue');
    expect((await midwife.request('GET', `/api/v1/services/${seeded.id}`)).json<Service>().verification).toBe('overdue');
    const listed = (await midwife.request('GET', '/api/v1/services?q=Voorlichtingsavond')).json<ServicePage>().items[0]!;
    expect(listed.verification).toBe('overdue');
    // Only her own organisation's services are on her list.
    expect((await tasks()).items.every((service) => service.organisationId === t.demo.organisationIds.wieg)).toBe(true);

    const { response, rows } = await practiceAdmin.audited('POST', `/api/v1/services/${seeded.id}/confirmation`);
    expect(response.statusCode, response.body).toBe(200);
    const confirmed = response.json<Service>();
    expect(confirmed.verification).toBe('current');
    expect(isJustNow(confirmed.lastConfirmedAt)).toBe(true);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'update',
        objectType: 'service',
        objectId: seeded.id,
        details: { kind: 'confirmation', previousDueAt: seeded.confirmationDueAt, confirmationDueAt: confirmed.confirmationDueAt },
      }),
    ]);
    expect((await tasks()).items.map((service) => service.id)).not.toContain(seeded.id);
    expect((await midwife.request('GET', `/api/v1/services/${seeded.id}`)).json<Service>().verification).toBe('current');
    const [row] = await t.database.db.select().from(directoryServices).where(eq(directoryServices.id, seeded.id));
    expect(row!.lastConfirmedById).toBe(practiceAdmin.session.personId);
  });
});
