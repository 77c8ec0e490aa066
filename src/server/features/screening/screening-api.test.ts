// SPDX-License-Identifier: EUPL-1.2
// Screening end to end over HTTP on a real database: instruments as data (upload checks), a draft
// saved as you go with optimistic locking, completion with the factor profile, and who may do what.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { insertConsentedCareRelationship, insertTestFamily } from '../families/test-support.js';
import { questionnaires, screenings } from './schema.js';
import { KANSRIJK_SIGNALERING_V1 } from './instruments/shipped-instruments.js';
import { loadShippedInstruments } from './instruments/load-shipped-instruments.js';
import { code, fhirR4Errors, PREGNANT_WITH_DEBTS_AND_STRESS } from './test-support.js';

let t: TestApp;
let platformAdmin: Caller;
let midwife: Caller;
let jgzNurse: Caller;
let socialWorker: Caller;
let coordinator: Caller;

beforeAll(async () => {
  t = await createTestApp();
  platformAdmin = await callerFor(t, 'platformAdmin');
  midwife = await callerFor(t, 'midwife', 'wieg');
  jgzNurse = await callerFor(t, 'jgzNurse', 'jgz');
  socialWorker = await callerFor(t, 'socialWorker', 'wijkteam');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
});
afterAll(() => t.close());

const instrumentCount = async () => (await t.database.db.select({ id: questionnaires.id }).from(questionnaires)).length;

describe('instruments as data', () => {
  it('the shipped instrument is loaded at start, once (loading again adds nothing)', async () => {
    const response = await coordinator.request('GET', '/api/v1/questionnaires');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; url: string; version: string; status: string; canonical: string }[];
    const shipped = items.filter((item) => item.url === KANSRIJK_SIGNALERING_V1.url);
    expect(shipped).toEqual([expect.objectContaining({ version: '1.0.0', status: 'active', canonical: `${KANSRIJK_SIGNALERING_V1.url}|1.0.0` })]);
    expect(await loadShippedInstruments(t.database.db)).toBe(0);

    const one = await midwife.request('GET', `/api/v1/questionnaires/${shipped[0]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ resourceType: 'Questionnaire', url: KANSRIJK_SIGNALERING_V1.url, version: '1.0.0', id: shipped[0]!.id });
    expect(fhirR4Errors(one.json())).toEqual([]);
  });

  it('refuses a broken instrument with Dutch errors and their paths, storing nothing', async () => {
    const before = await instrumentCount();
    const broken = structuredClone(KANSRIJK_SIGNALERING_V1) as unknown as { version: string; item: { item?: { enableWhen?: { question: string }[]; linkId: string }[] }[] };
    broken.version = '1.1.0';
    broken.item[0]!.item![1]!.enableWhen![0]!.question = 'bestaat.niet';
    broken.item[1]!.item![0]!.linkId = 'situatie.fase';
    const response = await platformAdmin.request('POST', '/api/v1/questionnaires', broken);
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.detail).toMatch(/De vragenlijst is niet opgeslagen: \d+ fouten/);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'item[0].item[1].enableWhen[0].question', code: 'invalid', message: "Voorwaarde verwijst naar vraag 'bestaat.niet', die niet bestaat" },
        expect.objectContaining({ path: 'item[1].item[0].linkId', message: expect.stringContaining('komt vaker voor') }),
      ]),
    );
    const shape = await platformAdmin.request('POST', '/api/v1/questionnaires', { resourceType: 'Questionnaire', url: 'geen-url', version: 'een', title: '', status: 'active', item: [] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['url', 'version', 'title', 'item']));
    expect(shape.json().errors.find((error: { path: string }) => error.path === 'version').message).toBe('Versie moet de vorm 1.0.0 hebben');
    expect(await instrumentCount()).toBe(before);
  });

  it('stores a new version; the same url and version twice is a conflict; old screenings keep their version', async () => {
    const family = await insertTestFamily(t, 'wieg');
    const old = await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`);
    expect(old.statusCode).toBe(201);

    const next = { ...structuredClone(KANSRIJK_SIGNALERING_V1), version: '1.2.0', title: 'Kansrijk signaleren (herzien)' };
    const { response, rows } = await platformAdmin.audited('POST', '/api/v1/questionnaires', next);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ version: '1.2.0', canonical: `${KANSRIJK_SIGNALERING_V1.url}|1.2.0` });
    expect(rows).toEqual([expect.objectContaining({ action: 'create', objectType: 'screening_instrument', outcome: 'success' })]);

    const again = await platformAdmin.request('POST', '/api/v1/questionnaires', next);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('Versie 1.2.0 van deze vragenlijst bestaat al') });

    // New screenings use the newest version; the draft started before keeps 1.0.0.
    const fresh = await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`);
    expect(fresh.json()).toMatchObject({ questionnaireVersion: '1.2.0' });
    const kept = await midwife.request('GET', `/api/v1/screenings/${old.json().id}`);
    expect(kept.json()).toMatchObject({ questionnaireVersion: '1.0.0' });
    expect(kept.json().questionnaireResponse.questionnaire).toBe(`${KANSRIJK_SIGNALERING_V1.url}|1.0.0`);
    // Retire the test version again so the other tests screen with 1.0.0.
    await t.database.db.update(questionnaires).set({ status: 'retired' }).where(eq(questionnaires.version, '1.2.0'));
  });

  it('only the platform admin uploads', async () => {
    for (const caller of [midwife, coordinator]) {
      const response = await caller.request('POST', '/api/v1/questionnaires', { ...KANSRIJK_SIGNALERING_V1, version: '9.9.9' });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('a screening of a family', () => {
  it('draft saved as you go, stale version refused, completion checks required questions in Dutch, profile for debts and stress', async () => {
    const family = await insertTestFamily(t, 'wieg');
    const started = await midwife.audited('POST', `/api/v1/families/${family.familyId}/screenings`);
    expect(started.response.statusCode, started.response.body).toBe(201);
    const draft = started.response.json();
    expect(draft).toMatchObject({ status: 'in-progress', version: 1, answers: {}, profile: null, questionnaireVersion: '1.0.0', organisationName: 'Verloskundigenpraktijk De Wieg' });
    expect(started.rows).toEqual([
      expect.objectContaining({ action: 'update', objectType: 'screening', objectId: family.familyId, clientId: family.familyId, outcome: 'success' }),
    ]);

    // Save part of the answers: required questions may stay open in a draft.
    const partial = { 'situatie.fase': [code('pregnant')], 'leefstijl.stress': [code('much')], 'omgeving.geld': [code('debts')] };
    const saved = await midwife.audited('PUT', `/api/v1/screenings/${draft.id}/answers`, { answers: partial, version: 1 });
    expect(saved.response.statusCode, saved.response.body).toBe(200);
    expect(saved.response.json()).toMatchObject({ version: 2, answers: partial, status: 'in-progress' });
    expect(saved.rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'screening', clientId: family.familyId })]);
    expect(saved.response.json().questionnaireResponse).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'in-progress' });
    expect(fhirR4Errors(saved.response.json().questionnaireResponse)).toEqual([]);

    // A second tab still on version 1: refused, nothing changed.
    const stale = await midwife.request('PUT', `/api/v1/screenings/${draft.id}/answers`, { answers: { 'situatie.fase': [code('born')] }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(stale.json().detail).toContain('intussen gewijzigd');
    const [row] = await t.database.db.select().from(screenings).where(eq(screenings.id, draft.id));
    expect(row).toMatchObject({ version: 2, answers: partial });

    // A wrong answer type: Dutch message at the question.
    const wrong = await midwife.request('PUT', `/api/v1/screenings/${draft.id}/answers`, { answers: { ...partial, 'situatie.weken': ['veertien'] }, version: 2 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'situatie.weken', code: 'invalid', message: 'Vul een heel getal in' }]);

    // Completing with required questions open: every open question listed, nothing saved.
    const incomplete = await midwife.request('POST', `/api/v1/screenings/${draft.id}/completion`, { answers: partial, version: 2 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().detail).toMatch(/De screening is niet afgerond: \d+ vragen moeten nog worden ingevuld/);
    expect(incomplete.json().errors).toEqual(expect.arrayContaining([{ path: 'leefstijl.roken', code: 'invalid', message: 'Deze vraag is verplicht' }]));
    // enableWhen: the partner's support is only asked when there is a partner, so it is not reported here.
    expect(incomplete.json().errors.map((error: { path: string }) => error.path)).not.toContain('situatie.geboortedatum-kind');
    const [unchanged] = await t.database.db.select().from(screenings).where(eq(screenings.id, draft.id));
    expect(unchanged).toMatchObject({ status: 'in-progress', version: 2, profile: null });

    // Complete with the full answers.
    const completed = await midwife.audited('POST', `/api/v1/screenings/${draft.id}/completion`, { answers: PREGNANT_WITH_DEBTS_AND_STRESS, version: 2 });
    expect(completed.response.statusCode, completed.response.body).toBe(200);
    const result = completed.response.json();
    expect(completed.rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'screening', clientId: family.familyId })]);
    expect(result.status).toBe('completed');
    expect(result.completedAt).not.toBeNull();
    const domain = (key: string) => result.profile.domains.find((entry: { domain: string }) => entry.domain === key);
    expect(domain('lifestyle').risks.map((risk: { key: string }) => risk.key)).toEqual(['stress']);
    expect(domain('environment').risks.map((risk: { key: string }) => risk.key)).toEqual(['money-debts']);
    expect(domain('environment').protectives).toEqual(expect.arrayContaining([{ key: 'partner-support', label: 'Steun van partner' }]));
    expect(result.profile.professional).toEqual({ concern: 'some', judgement: 'Schulden geven veel spanning; partner is betrokken.', isHelpWanted: null });
    expect(result.profile.accumulation).toMatchObject({ domainsWithRisk: 2, riskFactorCount: 2 });
    expect(result.supportTier).toBe('extra');
    expect(result.questionnaireResponse).toMatchObject({ status: 'completed', subject: { reference: `Patient/${family.familyId}` } });
    expect(fhirR4Errors(result.questionnaireResponse)).toEqual([]);

    // Completing twice returns the same completed screening; saving afterwards is refused.
    const twice = await midwife.request('POST', `/api/v1/screenings/${draft.id}/completion`);
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ status: 'completed', version: result.version, completedAt: result.completedAt });
    const late = await midwife.request('PUT', `/api/v1/screenings/${draft.id}/answers`, { answers: {}, version: result.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('al afgerond');

    // The family's list, and reading one: audited with the client.
    const list = await midwife.audited('GET', `/api/v1/families/${family.familyId}/screenings`);
    expect(list.response.json().items).toEqual([expect.objectContaining({ id: draft.id, status: 'completed', supportTier: 'extra', domainsWithRisk: 2 })]);
    expect(list.rows).toEqual([expect.objectContaining({ action: 'read', objectType: 'screening', clientId: family.familyId })]);
    const read = await midwife.audited('GET', `/api/v1/screenings/${draft.id}`);
    expect(read.response.statusCode).toBe(200);
    expect(read.rows).toEqual([expect.objectContaining({ action: 'read', objectType: 'screening', clientId: family.familyId })]);
  });

  it('an unrelated organisation gets 403 on every screening route (and the refusal is logged); a consented receiver may read', async () => {
    const family = await insertTestFamily(t, 'wieg');
    const screening = (await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`)).json();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/families/${family.familyId}/screenings`],
      ['POST', `/api/v1/families/${family.familyId}/screenings`],
      ['GET', `/api/v1/screenings/${screening.id}`],
      ['PUT', `/api/v1/screenings/${screening.id}/answers`, { answers: {}, version: 1 }],
      ['POST', `/api/v1/screenings/${screening.id}/completion`],
      ['GET', `/api/v1/families/${family.familyId}/pathways`],
    ];
    for (const caller of [socialWorker, jgzNurse, coordinator]) {
      for (const [method, url, body] of attempts) {
        const { response, rows } = await caller.audited(method as 'GET', url, body);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', outcome: 'denied' })]);
      }
    }
    const [row] = await t.database.db.select().from(screenings).where(eq(screenings.id, screening.id));
    expect(row).toMatchObject({ version: 1, status: 'in-progress' });

    // With consent the JGZ may see the file, screening included.
    await insertConsentedCareRelationship(t, family.familyId, 'wieg', 'jgz', midwife.session.personId);
    expect((await jgzNurse.request('GET', `/api/v1/screenings/${screening.id}`)).statusCode).toBe(200);
  });

  it('unknown screening or family: 404; a bad id: 400', async () => {
    expect((await midwife.request('GET', '/api/v1/screenings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await midwife.request('POST', '/api/v1/families/00000000-0000-4000-8000-000000000000/screenings')).statusCode).toBe(404);
    expect((await midwife.request('GET', '/api/v1/screenings/niet-een-uuid')).statusCode).toBe(400);
  });
});
