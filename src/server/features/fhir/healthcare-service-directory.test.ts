// SPDX-License-Identifier: EUPL-1.2
// The sociale kaart as FHIR R4 HealthcareService: search by service-category, municipality, factor
// (characteristic), organisation and active; read by id; every resource valid R4; the parameters in
// the CapabilityStatement; a service not confirmed for six months tagged "niet recent gecontroleerd".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { SYSTEMS } from './fhir-types.js';
import { fhirBody, outcomeOf, resourcesOf, type SearchsetBody } from './test-support.js';

type Resource = Record<string, any> & { resourceType: string; id: string };
let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
  coordinator = await callerFor(t, 'coordinator');
});
afterAll(() => t.close());

async function search(caller: Caller, query: string): Promise<Resource[]> {
  const response = await caller.request('GET', `/fhir/R4/HealthcareService?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return resourcesOf(fhirBody<SearchsetBody<Resource>>(response));
}

describe('HealthcareService over the sociale kaart', () => {
  it('service-category and municipality find the debt help in Dordrecht as valid R4, and a read gives the same resource', async () => {
    const found = await search(coordinator, `service-category=${encodeURIComponent(`${SYSTEMS.serviceCategory}|financial`)}&municipality=GM0505&_count=100`);
    expect(found.map((service) => service.name)).toEqual(expect.arrayContaining(['Schuldhulpverlening Drechtsteden', 'Spreekuur Geldzaken sociaal wijkteam', 'Voedselpakket']));
    expect(found.every((service) => service.id.startsWith('dienst-') && service.category[0].coding[0].code === 'financial')).toBe(true);
    const debt = found.find((service) => service.name === 'Schuldhulpverlening Drechtsteden')!;
    expect(debt).toMatchObject({
      active: true,
      providedBy: { display: 'Sociale Dienst Drechtsteden' },
      characteristic: expect.arrayContaining([{ coding: [{ system: SYSTEMS.factor, code: 'money-debts', display: 'Geldzorgen of schulden' }] }]),
      telecom: expect.arrayContaining([{ system: 'phone', value: '078 123 4500' }]),
      referralMethod: [{ coding: [expect.objectContaining({ code: 'self' })] }, { coding: [expect.objectContaining({ code: 'referral' })] }],
      communication: expect.arrayContaining([{ coding: [{ system: 'urn:ietf:bcp:47', code: 'tr', display: 'Turks' }] }]),
    });
    expect(debt.meta.tag).toBeUndefined();
    expect(fhirBody<Resource>(await coordinator.request('GET', `/fhir/R4/HealthcareService/${debt.id}`))).toEqual(debt);
    // The plain code works too; a municipality outside Drechtsteden has none.
    expect((await search(midwife, 'service-category=financial&municipality=GM0505')).length).toBe(found.length);
    expect(await search(midwife, 'service-category=financial&municipality=GM0344')).toEqual([]);
  });

  it('the factor search returns the pathway support and the directory services together; active=false neither', async () => {
    const both = await search(midwife, 'municipality=GM0505&characteristic=money-debts&_count=100');
    expect(both.some((service) => service.id.startsWith('dienst-'))).toBe(true);
    expect(both.some((service) => !service.id.startsWith('dienst-'))).toBe(true);
    expect((await search(midwife, 'municipality=GM0505&characteristic=money-debts&active=true&_count=100')).length).toBe(both.length);
    expect(await search(midwife, 'municipality=GM0505&characteristic=money-debts&active=false')).toEqual([]);
  });

  it('organization gives the referral service and the services the organisation keeps', async () => {
    const wieg = t.demo.organisationIds.wieg!;
    const found = await search(midwife, `organization=Organization/${wieg}`);
    expect(found.map((service) => service.id)).toEqual(expect.arrayContaining([wieg]));
    expect(found.some((service) => service.name === 'Voorlichtingsavond zwangerschap en bevalling' && service.providedBy.reference === `Organization/${wieg}`)).toBe(true);
  });

  it('refuses an unknown category or a non-boolean active with an OperationOutcome; an unknown id is 404', async () => {
    expect((await midwife.request('GET', '/fhir/R4/HealthcareService?service-category=cooking')).statusCode).toBe(400);
    expect(outcomeOf(await midwife.request('GET', '/fhir/R4/HealthcareService?service-category=cooking')).text).toContain('financial');
    expect(outcomeOf(await midwife.request('GET', '/fhir/R4/HealthcareService?active=misschien')).text).toContain('true of false');
    expect((await midwife.request('GET', '/fhir/R4/HealthcareService/dienst-00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await midwife.request('GET', '/fhir/R4/HealthcareService/dienst-geen-uuid')).statusCode).toBe(404);
  });

  it('names service-category and active in the CapabilityStatement', async () => {
    const statement = fhirBody<Resource>(await midwife.request('GET', '/fhir/R4/metadata'));
    const healthcareService = (statement.rest[0].resource as { type: string; searchParam: { name: string }[] }[]).find((resource) => resource.type === 'HealthcareService')!;
    expect(healthcareService.searchParam.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['service-category', 'active', 'municipality', 'characteristic', 'organization']));
  });

  it('tags a service not confirmed for six months "niet recent gecontroleerd", until its organisation confirms it', async () => {
    t.clock.advance(190 * DAY);
    midwife = await callerFor(t, 'midwife');
    const admin = await callerFor(t, 'practiceAdmin');
    const [evening] = (await search(midwife, `organization=Organization/${t.demo.organisationIds.wieg}`)).filter((service) => service.name.startsWith('Voorlichtingsavond'));
    expect(evening!.meta.tag).toEqual([{ system: SYSTEMS.verification, code: 'niet-recent-gecontroleerd', display: 'niet recent gecontroleerd' }]);
    expect(evening!.extraDetails).toContain('niet recent gecontroleerd');
    const confirmed = await admin.request('POST', `/api/v1/services/${evening!.id.slice('dienst-'.length)}/confirmation`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const again = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/HealthcareService/${evening!.id}`));
    expect(again.meta.tag).toBeUndefined();
    expect(again.meta.versionId).not.toBe(evening!.meta.versionId);
  });
});
