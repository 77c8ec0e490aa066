// SPDX-License-Identifier: EUPL-1.2
// Steps choose their services from the service directory (issue 13 items 4 and 6), over HTTP against
// a real database: a hand-typed service is refused in a draft; a chosen service is read from the
// directory; after six months without confirmation the published pathway marks it "niet recent
// gecontroleerd" everywhere it is shown (the pathway, the chain's suggestions, FHIR) and publishing a
// version with it is refused, naming it; once its organisation admin confirms it the mark is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertTestFamily } from '../families/test-support.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../screening/test-support.js';
import { directoryServices } from '../services/schema.js';

const DAY = 86_400_000;
const BASE = '/api/v1/pathways/GM0505/money-debts';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let practiceAdmin: Caller;
let walkInId: string;
let eveningId: string;
let foodBankId: string;

async function serviceId(name: string): Promise<string> {
  const [row] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, name));
  return row!.id;
}

const content = (steps: unknown[]) => ({ title: 'Geldzorgen en schulden in Dordrecht', localAgreements: 'Demo. Binnen 5 werkdagen.', steps });

type ShownService = { serviceId?: string; name: string; organisationName: string; directory?: { notRecentlyChecked: boolean; referralOrganisationId: string | null } };
type Version = { version: number; status: string; steps: { services: ShownService[] }[] };
const publishedOf = (body: { versions: Version[] }) => body.versions.find((version) => version.status === 'published')!;

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  practiceAdmin = await callerFor(t, 'practiceAdmin');
  walkInId = await serviceId('Spreekuur Geldzaken sociaal wijkteam');
  eveningId = await serviceId('Voorlichtingsavond zwangerschap en bevalling');
  foodBankId = await serviceId('Voedselpakket');
});
afterAll(() => t.close());

describe('services of pathway steps come from the directory', () => {
  it('refuses a hand-typed service and an unknown one in a draft, in Dutch, and saves nothing', async () => {
    const draft = await coordinator.request('POST', `${BASE}/drafts`, {});
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().version).toBe(2);
    const handTyped = await coordinator.request(
      'PUT',
      `${BASE}/versions/2`,
      content([{ title: 'Bespreek', description: '', services: [{ name: 'Geldloket', organisationName: 'Gemeente', contact: { phone: '0800-0000001' } }] }]),
    );
    expect(handTyped.statusCode).toBe(400);
    expect(handTyped.json().errors).toEqual([
      expect.objectContaining({ path: 'body.steps.0.services.0.serviceId', message: 'Kies dit aanbod uit de sociale kaart; zelf ingetypt aanbod kan niet meer worden opgeslagen.' }),
    ]);
    const unknown = await coordinator.request('PUT', `${BASE}/versions/2`, content([{ title: 'Bespreek', description: '', services: [{ serviceId: '00000000-0000-4000-8000-000000000000' }] }]));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'pathway_service_unavailable', errors: [expect.objectContaining({ path: 'body.steps.0.services.0.serviceId' })] });
    const draftNow = (await coordinator.request('GET', BASE)).json().versions[0];
    expect(draftNow.steps.flatMap((step: { services: ShownService[] }) => step.services).every((service: ShownService) => service.serviceId === undefined)).toBe(true);
  });

  it('saves chosen services by id and shows them from the directory: the referral receiver for a platform organisation, none for an external provider', async () => {
    const saved = await coordinator.request(
      'PUT',
      `${BASE}/versions/2`,
      content([
        { title: 'Bespreek de geldzorgen', description: '', services: [{ serviceId: walkInId }, { serviceId: foodBankId, conditions: 'Na aanmelding' }] },
        { title: 'Voorlichting', description: '', services: [{ serviceId: eveningId }] },
      ]),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const [first, second] = saved.json().steps as { services: ShownService[] }[];
    expect(first!.services).toEqual([
      expect.objectContaining({
        serviceId: walkInId,
        name: 'Spreekuur Geldzaken sociaal wijkteam',
        organisationName: 'Sociaal Wijkteam Dordrecht',
        directory: expect.objectContaining({ notRecentlyChecked: false, referralOrganisationId: t.demo.organisationIds.wijkteam }),
      }),
      expect.objectContaining({ serviceId: foodBankId, organisationName: 'Voedselbank Drechtsteden', conditions: 'Na aanmelding', directory: expect.objectContaining({ referralOrganisationId: null }) }),
    ]);
    expect(second!.services[0]!.directory?.referralOrganisationId).toBe(t.demo.organisationIds.wieg);
    const published = await coordinator.request('POST', `${BASE}/versions/2/publication`);
    expect(published.statusCode, published.body).toBe(200);
    // The old, hand-typed version stays readable as it was typed.
    const archived = (await midwife.request('GET', BASE)).json().versions.find((version: Version) => version.version === 1) as Version;
    expect(archived.status).toBe('archived');
    const typed = archived.steps.flatMap((step) => step.services);
    expect(typed.length).toBeGreaterThan(0);
    expect(typed.every((service) => service.directory === undefined && service.name.length > 0)).toBe(true);
  });

  it('after six months without confirmation the service is marked everywhere and publishing it is refused, naming it; confirming it removes the mark', async () => {
    const family = await insertTestFamily(t, 'wieg', { municipalityCode: 'GM0505' });
    const started = await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`);
    const completed = await midwife.request('POST', `/api/v1/screenings/${started.json().id}/completion`, { answers: PREGNANT_WITH_DEBTS_AND_STRESS, version: 1 });
    expect(completed.statusCode, completed.body).toBe(200);

    const evening = async () => publishedOf((await midwife.request('GET', BASE)).json()).steps[1]!.services[0]!;
    const chainEvening = async () => {
      const body = (await midwife.request('GET', `/api/v1/families/${family.familyId}/pathways`)).json();
      const debts = body.suggestions.find((entry: { factorKey: string }) => entry.factorKey === 'money-debts');
      return debts.pathway.steps[1].services[0] as ShownService;
    };
    const fhir = async () => (await midwife.request('GET', '/fhir/R4/HealthcareService?municipality=GM0505&characteristic=money-debts')).json();
    const fhirEvening = async () =>
      (await fhir()).entry.map((entry: { resource: { name: string; meta: { tag?: { code: string }[] } } }) => entry.resource).find(
        (resource: { name: string; id: string }) => resource.name === 'Voorlichtingsavond zwangerschap en bevalling' && !resource.id.startsWith('dir'),
      );
    expect((await evening()).directory?.notRecentlyChecked).toBe(false);
    expect((await chainEvening()).directory?.notRecentlyChecked).toBe(false);
    expect((await fhirEvening()).meta.tag).toBeUndefined();

    t.clock.advance(200 * DAY);
    midwife = await callerFor(t, 'midwife', 'wieg');
    coordinator = await callerFor(t, 'coordinator', 'gemeente');
    practiceAdmin = await callerFor(t, 'practiceAdmin');
    expect((await evening()).directory?.notRecentlyChecked).toBe(true);
    expect((await chainEvening()).directory?.notRecentlyChecked).toBe(true);
    expect((await fhirEvening()).meta.tag).toEqual([expect.objectContaining({ code: 'niet-recent-gecontroleerd', display: 'niet recent gecontroleerd' })]);

    // A new version with only that service: refused with its own code and a sentence naming it.
    expect((await coordinator.request('POST', `${BASE}/drafts`, {})).statusCode).toBe(201);
    const saved = await coordinator.request('PUT', `${BASE}/versions/3`, content([{ title: 'Voorlichting', description: '', services: [{ serviceId: eveningId }] }]));
    expect(saved.statusCode, saved.body).toBe(200);
    const refused = await coordinator.request('POST', `${BASE}/versions/3/publication`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'pathway_service_not_current', detail: expect.stringContaining('‘Voorlichtingsavond zwangerschap en bevalling’ is niet recent gecontroleerd') });
    expect(publishedOf((await midwife.request('GET', BASE)).json()).version).toBe(2);

    const confirmed = await practiceAdmin.request('POST', `/api/v1/services/${eveningId}/confirmation`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await evening()).directory?.notRecentlyChecked).toBe(false);
    expect((await chainEvening()).directory?.notRecentlyChecked).toBe(false);
    expect((await fhirEvening()).meta.tag).toBeUndefined();
    const now = await coordinator.request('POST', `${BASE}/versions/3/publication`);
    expect(now.statusCode, now.body).toBe(200);
  });

  it('refuses to publish an inactive service', async () => {
    expect((await coordinator.request('POST', `${BASE}/drafts`, {})).statusCode).toBe(201);
    await t.database.db.update(directoryServices).set({ isActive: false }).where(eq(directoryServices.id, eveningId));
    const refused = await coordinator.request('POST', `${BASE}/versions/4/publication`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'pathway_service_not_current', detail: expect.stringContaining('niet meer actief') });
  });
});
