// SPDX-License-Identifier: EUPL-1.2
// Organization over the sociale kaart (issue 13 item 8): search for the organisations that keep active
// directory services (keeps-service), those whose services work in a municipality (service-municipality),
// and by active; every answer valid R4; the parameters in the CapabilityStatement with their definitions.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { organisations } from '../organisations/schema.js';
import { directoryServices } from '../services/schema.js';
import { fhirBody, outcomeOf, resourcesOf, type SearchsetBody } from './test-support.js';

type Resource = Record<string, any> & { resourceType: string; id: string };
let t: TestApp;
let midwife: Caller;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife');
});
afterAll(() => t.close());

async function search(query: string): Promise<Resource[]> {
  const response = await midwife.request('GET', `/fhir/R4/Organization?${query}&_count=100`);
  expect(response.statusCode, response.body).toBe(200);
  return resourcesOf(fhirBody<SearchsetBody<Resource>>(response));
}

async function keepersIn(municipalityCode?: string): Promise<string[]> {
  const rows = await t.database.db.select({ organisationId: directoryServices.organisationId, codes: directoryServices.municipalityCodes }).from(directoryServices).where(eq(directoryServices.isActive, true));
  return [...new Set(rows.filter((row) => !municipalityCode || row.codes.includes(municipalityCode)).map((row) => row.organisationId))].sort();
}

describe('Organization search over the sociale kaart', () => {
  it('keeps-service=true finds exactly the organisations that keep an active directory service, as valid R4', async () => {
    const found = await search('keeps-service=true');
    const expected = await keepersIn();
    expect(expected.length).toBeGreaterThan(2);
    expect(found.map((organisation) => organisation.id).sort()).toEqual(expected);
    expect(found.every((organisation) => organisation.resourceType === 'Organization' && organisation.active === true)).toBe(true);
    expect(found.map((organisation) => organisation.id)).not.toContain(t.demo.organisationIds.domstad);
  });

  it('service-municipality finds the keepers whose services work there: Dordrecht has the social team, Utrecht not', async () => {
    const dordrecht = await search('service-municipality=GM0505');
    expect(dordrecht.map((organisation) => organisation.id).sort()).toEqual(await keepersIn('GM0505'));
    expect(dordrecht.map((organisation) => organisation.id)).toContain(t.demo.organisationIds.wijkteam);
    const utrecht = await search('service-municipality=GM0344');
    expect(utrecht.map((organisation) => organisation.id)).not.toContain(t.demo.organisationIds.wijkteam);
  });

  it('active=false finds only organisations that are switched off; active=true only those that are not', async () => {
    const domstad = t.demo.organisationIds.domstad!;
    await t.database.db.update(organisations).set({ isActive: false }).where(eq(organisations.id, domstad));
    const inactive = await search('active=false');
    expect(inactive.map((organisation) => organisation.id)).toContain(domstad);
    expect(inactive.every((organisation) => organisation.active === false)).toBe(true);
    const active = await search('active=true');
    expect(active.map((organisation) => organisation.id)).not.toContain(domstad);
    expect(active.every((organisation) => organisation.active === true)).toBe(true);
    await t.database.db.update(organisations).set({ isActive: true }).where(eq(organisations.id, domstad));
  });

  it('refuses a malformed municipality, active or keeps-service with an OperationOutcome', async () => {
    for (const query of ['service-municipality=Dordrecht', 'active=misschien', 'keeps-service=false']) {
      const response = await midwife.request('GET', `/fhir/R4/Organization?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(outcomeOf(response).code).toBe('validation_failed');
    }
  });

  it('names active, keeps-service and service-municipality in the CapabilityStatement, the custom ones with a valid SearchParameter', async () => {
    const statement = fhirBody<Resource>(await midwife.request('GET', '/fhir/R4/metadata'));
    const organization = (statement.rest[0].resource as { type: string; searchParam: { name: string; definition?: string }[] }[]).find((resource) => resource.type === 'Organization')!;
    const names = organization.searchParam.map((parameter) => parameter.name);
    expect(names).toEqual(expect.arrayContaining(['active', 'keeps-service', 'service-municipality', 'address-district']));
    const definition = organization.searchParam.find((parameter) => parameter.name === 'service-municipality')!.definition!;
    const id = definition.split('/').pop()!;
    const parameter = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/SearchParameter/${id}`));
    expect(parameter).toMatchObject({ resourceType: 'SearchParameter', code: 'service-municipality', base: ['Organization'], type: 'string' });
  });
});
