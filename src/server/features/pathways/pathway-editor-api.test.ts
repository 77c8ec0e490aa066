// SPDX-License-Identifier: EUPL-1.2
// The pathway editor over HTTP against a real database: the coordinator of Drechtsteden makes a new
// version of Dordrecht's "money worries or debts" pathway, the published version stays what everyone
// reads until the draft is published, the old one is archived and readable; bad input is refused in
// Dutch and changes nothing; repeated publishing and withdrawing change nothing; every write is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { coalitions } from '../coalitions/schema.js';
import { coalitionAgreements } from '../coalition-agreements/schema.js';
import { carePathways } from './schema.js';
import { directoryServices } from '../services/schema.js';
import { interventionsFromPathwaysSource } from '../municipal-questionnaire/prefill/interventions-from-pathways.js';

let t: TestApp;
let midwife: Caller;
let coordinator: Caller;
let agreementId: string;
let otherAgreementId: string;

const BASE = '/api/v1/pathways/GM0505/money-debts';
// Steps choose their services from the directory (issue 13): two entries for Dordrecht, made in beforeAll.
const serviceIds = new Map<string, string>();
const service = (name: string) => ({ serviceId: serviceIds.get(name)! });
const content = (overrides: Record<string, unknown> = {}) => ({
  title: 'Geldzorgen en schulden in Dordrecht (herzien)',
  localAgreements: 'Demo. Verwijzen binnen 5 werkdagen naar het Geldloket.',
  agreementIds: [agreementId],
  reviewDue: '2027-06-01',
  steps: [
    { title: 'Bespreek de geldzorgen', description: 'Vraag door.', services: [service('Geldloket Dordrecht')] },
    { title: 'Steun bij het ouderschap', description: '', services: [service('Stevig Ouderschap')] },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  const idOf = async (code: string) => (await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, code)))[0]!.id;
  const [own] = await t.database.db
    .insert(coalitionAgreements)
    .values({ coalitionId: await idOf('KS0001'), topic: 'interventions', level: 'uitvoering', status: 'agreed', title: 'Schuldhulp met voorrang' })
    .returning({ id: coalitionAgreements.id });
  const [other] = await t.database.db
    .insert(coalitionAgreements)
    .values({ coalitionId: await idOf('KS0002'), topic: 'interventions', level: 'uitvoering', status: 'agreed' })
    .returning({ id: coalitionAgreements.id });
  agreementId = own!.id;
  otherAgreementId = other!.id;
  const now = t.clock.now();
  for (const [name, organisation] of [['Geldloket Dordrecht', 'gemeente'], ['Stevig Ouderschap', 'jgz']] as const) {
    const [row] = await t.database.db
      .insert(directoryServices)
      .values({
        organisationId: t.demo.organisationIds[organisation]!,
        name,
        category: 'financial',
        factorKeys: ['money-debts'],
        municipalityCodes: ['GM0505'],
        intakeRoutes: ['self'],
        cost: 'free',
        phone: '0800-0000001',
        lastConfirmedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: directoryServices.id });
    serviceIds.set(name, row!.id);
  }
});
afterAll(() => t.close());

async function pathwayRows() {
  return t.database.db
    .select({ version: carePathways.version, status: carePathways.status, replacedByVersion: carePathways.replacedByVersion, content: carePathways.content })
    .from(carePathways)
    .where(eq(carePathways.factorKey, 'money-debts'))
    .then((rows) => rows.filter((row) => (row.content as { scope: { municipalityCode?: string } }).scope.municipalityCode === 'GM0505').sort((a, b) => a.version - b.version));
}

describe('the pathway editor', () => {
  it('the migrated demo pathway is published version 1; everyone reads it; only the coordinator may change it', async () => {
    const read = await midwife.request('GET', BASE);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ scopeKind: 'municipality', scopeName: 'Dordrecht', coalitionCode: 'KS0001', allowedActions: [] });
    expect(read.json().versions).toEqual([expect.objectContaining({ version: 1, status: 'published', title: 'Geldzorgen en schulden in Dordrecht', ownerCode: 'GM0505' })]);
    const own = await coordinator.request('GET', BASE);
    expect(own.json().allowedActions).toEqual(['start_draft', 'withdraw', 'add_improvement_action']);
    const chain = await midwife.request('GET', '/api/v1/pathways?municipality=GM0505');
    expect(chain.json().items.find((item: { factorKey: string; level: string }) => item.factorKey === 'money-debts' && item.level === 'municipality')).toMatchObject({ version: 1 });
  });

  it('refuses a professional, and a coordinator of another coalition, every write; audited as denied', async () => {
    const { response, rows } = await midwife.audited('POST', `${BASE}/drafts`, {});
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', objectType: 'care_pathway' })]);
    expect((await coordinator.request('POST', '/api/v1/pathways/GM0344/money-debts/drafts', { title: 'Utrecht' })).statusCode).toBe(403);
    expect((await midwife.request('POST', `${BASE}/versions/1/withdrawal`)).statusCode).toBe(403);
    expect((await midwife.request('POST', `${BASE}/versions/1/publication`)).statusCode).toBe(403);
  });

  it('editing starts draft version 2 (once: asking again returns it); a professional does not see the draft', async () => {
    const { response, rows } = await coordinator.audited('POST', `${BASE}/drafts`, {});
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ version: 2, status: 'draft', title: 'Geldzorgen en schulden in Dordrecht', updatedByName: expect.any(String) });
    expect(rows).toEqual([expect.objectContaining({ action: 'create', objectType: 'care_pathway', outcome: 'success' })]);
    const again = await coordinator.request('POST', `${BASE}/drafts`, {});
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(response.json().id);

    const forMidwife = (await midwife.request('GET', BASE)).json();
    expect(forMidwife.versions.map((version: { version: number }) => version.version)).toEqual([1]);
    const forCoordinator = (await coordinator.request('GET', BASE)).json();
    expect(forCoordinator.versions.map((version: { status: string }) => version.status)).toEqual(['draft', 'published']);
    expect(forCoordinator.allowedActions).toEqual(['edit', 'publish', 'withdraw', 'add_improvement_action']);

    const registerForMidwife = (await midwife.request('GET', '/api/v1/pathway-register?scope=KS0001')).json();
    const debts = (body: { items: { scopeCode: string; factorKey: string }[] }) => body.items.find((item) => item.scopeCode === 'GM0505' && item.factorKey === 'money-debts');
    expect(debts(registerForMidwife)).toMatchObject({ status: 'published', publishedVersion: 1, draftVersion: null });
    expect(registerForMidwife.allowedActions).toEqual([]);
    const registerForCoordinator = (await coordinator.request('GET', '/api/v1/pathway-register?scope=KS0001')).json();
    expect(debts(registerForCoordinator)).toMatchObject({ status: 'published', publishedVersion: 1, draftVersion: 2 });
    expect(registerForCoordinator.items.some((item: { scopeKind: string }) => item.scopeKind === 'coalition')).toBe(true);
  });

  it('refuses bad input in Dutch and saves nothing of it', async () => {
    const before = await pathwayRows();
    const emptyTitle = await coordinator.request('PUT', `${BASE}/versions/2`, content({ title: '  ' }));
    expect(emptyTitle.statusCode).toBe(400);
    expect(emptyTitle.json().errors).toEqual([expect.objectContaining({ path: 'body.title', message: 'Vul een titel in.' })]);
    const unknownFactor = await coordinator.request('PUT', '/api/v1/pathways/GM0505/zodiac-sign/versions/2', content());
    expect(unknownFactor.statusCode).toBe(400);
    expect(unknownFactor.json().errors[0].message).toBe('Onbekende factor; kies een factor uit het factormodel.');
    const handTyped = await coordinator.request(
      'PUT',
      `${BASE}/versions/2`,
      content({ steps: [{ title: 'Stap', description: '', services: [{ name: 'X', organisationName: 'Y', contact: { phone: '0800-0000001' } }] }] }),
    );
    expect(handTyped.statusCode).toBe(400);
    expect(handTyped.json().errors[0].message).toBe('Kies dit aanbod uit de sociale kaart; zelf ingetypt aanbod kan niet meer worden opgeslagen.');
    const published = await coordinator.request('PUT', `${BASE}/versions/1`, content());
    expect(published.statusCode).toBe(409);
    expect(published.json()).toMatchObject({ code: 'pathway_version_not_draft', detail: expect.stringContaining('nieuwe conceptversie') });
    const foreign = await coordinator.request('PUT', `${BASE}/versions/2`, content({ agreementIds: [otherAgreementId] }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('pathway_agreement_unknown');
    const missing = await coordinator.request('PUT', `${BASE}/versions/9`, content());
    expect(missing.statusCode).toBe(404);
    expect(await pathwayRows()).toEqual(before);
  });

  it('a step without a service cannot be published: refused, the published version stays', async () => {
    const saved = await coordinator.request('PUT', `${BASE}/versions/2`, content({ steps: [{ title: 'Bespreek de geldzorgen', description: 'Vraag door.', services: [] }] }));
    expect(saved.statusCode, saved.body).toBe(200);
    const refused = await coordinator.request('POST', `${BASE}/versions/2/publication`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'pathway_step_without_service', detail: expect.stringContaining('minstens één aanbod') });
    expect((await pathwayRows()).map((row) => row.status)).toEqual(['published', 'draft']);
  });

  it('publishing version 2 archives version 1 ("replaced by version 2"), which stays readable; the chain reads version 2; publishing again changes nothing', async () => {
    const saved = await coordinator.request('PUT', `${BASE}/versions/2`, content());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ agreementIds: [agreementId], reviewDue: '2027-06-01', status: 'draft' });
    // What reads pathways besides the chain reads only the published version: FHIR and the questionnaire prefill.
    const fhirServices = async () => (await midwife.request('GET', '/fhir/R4/HealthcareService?municipality=GM0505&characteristic=money-debts')).body;
    const prefilled = async () =>
      JSON.stringify(await interventionsFromPathwaysSource.load(t.database.db, { municipalityCode: 'GM0505', year: 2026, referenceDate: '2026-11-16' }));
    // (The directory entry itself is in the FHIR search from the start; the pathway's version 2 is not.)
    expect(await fhirServices()).not.toContain('Zorgpad: Geldzorgen en schulden in Dordrecht (herzien)');
    expect(await prefilled()).not.toContain('stevig-ouderschap');
    const { response, rows } = await coordinator.audited('POST', `${BASE}/versions/2/publication`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, status: 'published', publishedAt: expect.any(String) });
    expect(rows).toEqual([
      expect.objectContaining({ action: 'update', objectType: 'care_pathway', objectId: 'GM0505/money-debts/2', details: expect.objectContaining({ statusFrom: 'draft', statusTo: 'published', archivedVersion: 1 }) }),
    ]);
    expect(await fhirServices()).toContain('Zorgpad: Geldzorgen en schulden in Dordrecht (herzien)');
    expect(await prefilled()).toContain('stevig-ouderschap');
    const again = await coordinator.request('POST', `${BASE}/versions/2/publication`);
    expect(again.statusCode).toBe(200);
    expect((await pathwayRows()).map((row) => [row.version, row.status, row.replacedByVersion])).toEqual([
      [1, 'archived', 2],
      [2, 'published', null],
    ]);
    const old = await coordinator.request('POST', `${BASE}/versions/1/publication`);
    expect(old.statusCode).toBe(409);
    expect(old.json().code).toBe('pathway_version_not_draft');

    const read = (await midwife.request('GET', BASE)).json();
    expect(read.versions).toEqual([
      expect.objectContaining({ version: 2, status: 'published', title: 'Geldzorgen en schulden in Dordrecht (herzien)' }),
      expect.objectContaining({ version: 1, status: 'archived', replacedByVersion: 2, title: 'Geldzorgen en schulden in Dordrecht' }),
    ]);
    const chain = (await midwife.request('GET', '/api/v1/pathways?municipality=GM0505')).json();
    expect(chain.items.filter((item: { factorKey: string; level: string }) => item.factorKey === 'money-debts' && item.level === 'municipality')).toEqual([
      expect.objectContaining({ version: 2, title: 'Geldzorgen en schulden in Dordrecht (herzien)' }),
    ]);
  });

  it('exports the register as CSV for everyone', async () => {
    const response = await midwife.request('GET', '/api/v1/pathway-register?scope=GM0505', undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toContain('Gemeente of coalitie;Factor;Titel;Status');
    expect(response.body).toContain('Geldzorgen en schulden in Dordrecht (herzien);Gepubliceerd;2;;2027-06-01');
  });

  it('an improvement action found while making the pathway goes to the coalition plan', async () => {
    const { response, rows } = await coordinator.audited('POST', `${BASE}/improvement-actions`, { title: 'Wachttijd schuldhulp meten' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().coalitionCode).toBe('KS0001');
    expect(rows).toEqual([expect.objectContaining({ action: 'create', objectType: 'coalition_plan' })]);
    const actions = (await coordinator.request('GET', '/api/v1/coalitions/KS0001/improvement-actions')).json();
    expect(JSON.stringify(actions)).toContain('Wachttijd schuldhulp meten');
    expect((await midwife.request('POST', `${BASE}/improvement-actions`, { title: 'x' })).statusCode).toBe(403);
  });

  it('withdrawing: the chain falls back to the coalition; withdrawing again changes nothing; a draft cannot be withdrawn', async () => {
    const withdrawn = await coordinator.request('POST', `${BASE}/versions/2/withdrawal`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await coordinator.request('POST', `${BASE}/versions/2/withdrawal`)).statusCode).toBe(200);
    const chain = (await midwife.request('GET', '/api/v1/pathways?municipality=GM0505')).json();
    expect(chain.items.filter((item: { factorKey: string }) => item.factorKey === 'money-debts').map((item: { level: string }) => item.level)).toEqual(['coalition']);
    const draft = await coordinator.request('POST', `${BASE}/drafts`, {});
    expect(draft.json()).toMatchObject({ version: 3, status: 'draft', title: 'Geldzorgen en schulden in Dordrecht (herzien)' });
    const refused = await coordinator.request('POST', `${BASE}/versions/3/withdrawal`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('pathway_not_published');
  });

  it('a factor without a pathway starts from a title', async () => {
    const url = '/api/v1/pathways/GM0505/addiction/drafts';
    const untitled = await coordinator.request('POST', url, {});
    expect(untitled.statusCode).toBe(422);
    expect(untitled.json().code).toBe('pathway_title_required');
    const created = await coordinator.request('POST', url, { title: 'Verslaving in Dordrecht' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, status: 'draft', steps: [] });
    const incomplete = await coordinator.request('POST', '/api/v1/pathways/GM0505/addiction/versions/1/publication');
    expect(incomplete.json().code).toBe('pathway_incomplete');
    const unknownScope = await coordinator.request('GET', '/api/v1/pathways/GM9999/addiction');
    expect(unknownScope.statusCode).toBe(404);
  });
});
