// SPDX-License-Identifier: EUPL-1.2
// Every FHIR resource type the API emits, read and searched with real data and validated against the
// FHIR R4 structure definitions; the same access policy and audit as the web app (empty searchset or
// 403 for an unrelated organisation, audit rows with the client); creates and status updates with
// bad input (Dutch OperationOutcome, nothing saved), idempotency and optimistic locking.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { queryRows } from '../../platform/db/connection.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import { SYSTEMS } from './fhir-types.js';
import { FHIR_RESOURCE_HANDLERS } from './resources.js';
import {
  completedQuestionnaireResponse,
  consentResource,
  fhirBody,
  outcomeOf,
  referralTask,
  resourcesOf,
  type SearchsetBody,
} from './test-support.js';

let t: TestApp;
let midwife: Caller;
let nurse: Caller;
let socialWorker: Caller;
let coordinator: Caller;
let familyId: string;
let partnerId: string;
let jgzId: string;

const PATCH = { 'content-type': 'application/json-patch+json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
type Resource = Record<string, any> & { resourceType: string; id: string };

async function count(table: 'screenings' | 'consents' | 'referrals'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  midwife = await callerFor(t, 'midwife', 'wieg');
  nurse = await callerFor(t, 'jgzNurse', 'jgz');
  socialWorker = await callerFor(t, 'socialWorker', 'wijkteam');
  coordinator = await callerFor(t, 'coordinator', 'gemeente');
  jgzId = t.demo.organisationIds.jgz!;
  const registered = await midwife.request('POST', '/api/v1/families', {
    client: { givenName: 'Noor', familyName: 'Bakker', birthDate: '1994-03-15', bsn: '111222333' },
    partner: { givenName: 'Daan', familyName: 'Bakker', birthDate: '1992-08-01' },
    postcode: '3311 AB',
    municipalityCode: 'GM0505',
    contact: { channel: 'email', language: 'nl', doNotContact: false, email: 'noor@example.org' },
    pregnancy: { dueDate: new Date(t.clock.now().getTime() + 100 * 86_400_000).toISOString().slice(0, 10), parity: 1 },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  familyId = registered.json().id;
  partnerId = registered.json().members.find((member: { role: string }) => member.role === 'partner').id;
  const birth = await midwife.request('POST', `/api/v1/families/${familyId}/birth`, {
    birthDate: new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10),
    gestationalWeeks: 35,
    gestationalDays: 2,
    birthWeightGrams: 2100,
    sex: 'female',
    childGivenName: 'Lina',
  });
  expect(birth.statusCode, birth.body).toBe(201);
});
afterAll(() => t.close());

describe('Patient and RelatedPerson', () => {
  it('reads the client as a valid Patient with BSN, and audits the read with the client', async () => {
    const { response, rows } = await midwife.audited('GET', `/fhir/R4/Patient/${familyId}`);
    expect(response.statusCode).toBe(200);
    const patient = fhirBody<Resource>(response);
    expect(patient).toMatchObject({
      id: familyId,
      identifier: [{ system: SYSTEMS.bsn, value: '111222333' }],
      name: [{ family: 'Bakker', given: ['Noor'] }],
      birthDate: '1994-03-15',
      gender: 'female',
      telecom: [{ system: 'email', value: 'noor@example.org' }],
      managingOrganization: { reference: `Organization/${t.demo.organisationIds.wieg}` },
    });
    expect(response.headers.etag).toBe(`W/"${patient.meta.versionId}"`);
    expect(rows).toEqual([expect.objectContaining({ action: 'read', outcome: 'success', objectType: 'family', clientId: familyId, actorId: midwife.session.personId })]);
  });

  it('searches by BSN (only by POST _search), name and birth date; each returned client is an audited read', async () => {
    for (const query of [`identifier=${SYSTEMS.bsn}|111222333`, 'identifier=111222333', 'name=noor', 'name=Bakker&birthdate=1994-03-15']) {
      const { response, rows } = query.startsWith('identifier=')
        ? await midwife.audited('POST', '/fhir/R4/Patient/_search', query, FORM)
        : await midwife.audited('GET', `/fhir/R4/Patient?${query}`);
      const bundle = fhirBody<SearchsetBody<Resource>>(response);
      expect(bundle.total, query).toBe(1);
      expect(resourcesOf(bundle)[0]!.id).toBe(familyId);
      expect(rows.map((row) => [row.action, row.clientId])).toEqual([
        ['search', null],
        ['read', familyId],
      ]);
    }
  });

  it('the child after birth is its own Patient', async () => {
    const family = (await midwife.request('GET', `/api/v1/families/${familyId}`)).json();
    const child = family.members.find((member: { role: string }) => member.role === 'child');
    const patient = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/Patient/${child.id}`));
    expect(patient).toMatchObject({ id: child.id, name: [{ given: ['Lina'] }], gender: 'female' });
  });

  it('the partner is a RelatedPerson of the client', async () => {
    const bundle = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/RelatedPerson?patient=Patient/${familyId}`));
    expect(resourcesOf(bundle)).toEqual([expect.objectContaining({ id: partnerId, patient: { reference: `Patient/${familyId}` } })]);
    const read = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/RelatedPerson/${partnerId}`));
    expect(read.name[0].given).toEqual(['Daan']);
  });

  it('an unrelated organisation finds nothing and is refused the file (403, audited as denied)', async () => {
    const search = fhirBody<SearchsetBody>(await socialWorker.request('POST', '/fhir/R4/Patient/_search', 'identifier=111222333', FORM));
    expect(search.total).toBe(0);
    expect(search.entry).toBeUndefined();
    expect(fhirBody<SearchsetBody>(await socialWorker.request('GET', `/fhir/R4/Patient?_id=${familyId}`)).total).toBe(0);
    expect(fhirBody<SearchsetBody>(await socialWorker.request('GET', `/fhir/R4/RelatedPerson?patient=Patient/${familyId}`)).total).toBe(0);
    for (const url of [`/fhir/R4/Patient/${familyId}`, `/fhir/R4/RelatedPerson/${partnerId}`, `/fhir/R4/Consent?patient=Patient/${familyId}`, `/fhir/R4/Observation?patient=Patient/${familyId}`, `/fhir/R4/AuditEvent?patient=Patient/${familyId}`]) {
      const { response, rows } = await socialWorker.audited('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(outcomeOf(response)).toMatchObject({ code: 'forbidden', text: 'U heeft geen toegang tot deze gegevens of actie.' });
      expect(rows.map((row) => [row.action, row.outcome])).toEqual([['access_denied', 'denied']]);
    }
  });

  it('a role without access to client data is refused before any lookup (403, audited)', async () => {
    for (const url of ['/fhir/R4/Patient?name=noor', `/fhir/R4/Patient/${familyId}`, `/fhir/R4/Task?owner=Organization/${jgzId}`]) {
      const { response, rows } = await coordinator.audited('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(outcomeOf(response).code).toBe('forbidden');
      expect(rows.map((row) => row.action)).toEqual(['access_denied']);
    }
  });
});

describe('Questionnaire and QuestionnaireResponse', () => {
  it('lists and reads the shipped instrument', async () => {
    const bundle = fhirBody<SearchsetBody<Resource>>(await coordinator.request('GET', '/fhir/R4/Questionnaire?status=active'));
    const [questionnaire] = resourcesOf(bundle);
    expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', url: 'https://kansrijk.nl/fhir/Questionnaire/kansrijk-signalering', version: '1.0.0' });
    expect(fhirBody<Resource>(await coordinator.request('GET', `/fhir/R4/Questionnaire/${questionnaire!.id}`)).id).toBe(questionnaire!.id);
  });

  it('a completed response becomes a screening; one that does not fit saves nothing', async () => {
    const body = completedQuestionnaireResponse(familyId, t.clock.now());
    const before = await count('screenings');
    const incomplete = { ...body, item: body.item.slice(1) };
    const refused = await midwife.request('POST', '/fhir/R4/QuestionnaireResponse', incomplete, { 'content-type': 'application/fhir+json' });
    expect(refused.statusCode).toBe(400);
    const outcome = outcomeOf(refused);
    expect(outcome.text).toMatch(/^De antwoorden passen niet bij de vragenlijst/);
    expect(outcome.issues.some((issue) => issue.details.text === 'Deze vraag is verplicht')).toBe(true);
    const draft = await midwife.request('POST', '/fhir/R4/QuestionnaireResponse', { ...body, status: 'in-progress' });
    expect(outcomeOf(draft).text).toContain("status 'completed'");
    const otherVersion = await midwife.request('POST', '/fhir/R4/QuestionnaireResponse', { ...body, questionnaire: `${body.questionnaire.split('|')[0]}|9.9.9` });
    expect(outcomeOf(otherVersion).text).toContain('Onbekende vragenlijst');
    expect(await count('screenings')).toBe(before);

    const created = await midwife.request('POST', '/fhir/R4/QuestionnaireResponse', body);
    expect(created.statusCode, created.body).toBe(201);
    const response = fhirBody<Resource>(created);
    expect(response).toMatchObject({ status: 'completed', questionnaire: 'https://kansrijk.nl/fhir/Questionnaire/kansrijk-signalering|1.0.0' });
    expect(await count('screenings')).toBe(before + 1);
    const read = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/QuestionnaireResponse/${response.id}`));
    expect(read.item).toEqual(response.item);
    const search = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/QuestionnaireResponse?patient=Patient/${familyId}&status=completed`));
    expect(resourcesOf(search).map((resource) => resource.id)).toContain(response.id);
    expect((await socialWorker.request('GET', `/fhir/R4/QuestionnaireResponse/${response.id}`)).statusCode).toBe(403);
  });
});

describe('Consent, ServiceRequest and Task', () => {
  let consentId: string;
  let taskId: string;

  it('records consent; a consent without receiver is refused in Dutch and saves nothing', async () => {
    const before = await count('consents');
    const body = consentResource(familyId, jgzId, t.clock.now());
    const refused = await midwife.request('POST', '/fhir/R4/Consent', { ...body, provision: { ...body.provision, actor: [] } });
    expect(refused.statusCode).toBe(400);
    const outcome = outcomeOf(refused);
    expect(outcome.text).toBe('Kies de organisatie die de gegevens ontvangt.');
    expect(outcome.issues.some((issue) => issue.expression?.[0] === 'provision.actor')).toBe(true);
    expect(await count('consents')).toBe(before);
    const created = await midwife.request('POST', '/fhir/R4/Consent', body);
    expect(created.statusCode, created.body).toBe(201);
    const consent = fhirBody<Resource>(created);
    expect(consent).toMatchObject({ status: 'active', provision: { actor: [{ reference: { reference: `Organization/${jgzId}` } }] } });
    consentId = consent.id;
    expect(fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/Consent/${consentId}`)).id).toBe(consentId);
    expect(resourcesOf(fhirBody<SearchsetBody>(await midwife.request('GET', `/fhir/R4/Consent?patient=Patient/${familyId}&status=active`))).map((resource) => resource.id)).toEqual([consentId]);
  });

  it('refuses what the consent model cannot represent (a deny, an unknown type, exceptions, other restrictions, an opt-out) with an OperationOutcome; nothing stored, so nothing can be sent under it', async () => {
    const before = await count('consents');
    const referralsBefore = await count('referrals');
    const body = consentResource(familyId, jgzId, t.clock.now());
    const { type: _type, ...withoutType } = body.provision;
    const variants: [string, Record<string, unknown>][] = [
      ['provision.type', { ...body, provision: { ...body.provision, type: 'deny' } }],
      ['provision.type', { ...body, provision: { ...body.provision, type: 'maybe' } }],
      ['provision.type', { ...body, provision: withoutType }],
      ['provision.provision', { ...body, provision: { ...body.provision, provision: [{ type: 'deny', code: body.provision.code }] } }],
      ['provision.dataPeriod', { ...body, provision: { ...body.provision, dataPeriod: { start: '2020-01-01' } } }],
      ['policyRule', { ...body, policyRule: { coding: [{ system: SYSTEMS.actCode, code: 'OPTOUT' }] } }],
    ];
    for (const [expression, variant] of variants) {
      const refused = await midwife.request('POST', '/fhir/R4/Consent', variant);
      expect(refused.statusCode, `${expression}: ${refused.body}`).toBe(400);
      const outcome = outcomeOf(refused);
      expect(outcome.code).toBe('validation_failed');
      expect(outcome.issues.some((issue) => issue.expression?.[0] === expression), refused.body).toBe(true);
      // Whatever id a stored consent would have had: a referral under any consent of this client to JGZ has none to use.
      const stored = resourcesOf(fhirBody<SearchsetBody>(await midwife.request('GET', `/fhir/R4/Consent?patient=Patient/${familyId}`)));
      for (const consent of stored.filter((resource) => resource.id !== consentId)) {
        const task = await midwife.request('POST', '/fhir/R4/Task', referralTask(familyId, jgzId, consent.id));
        expect(task.statusCode, task.body).toBe(422);
      }
    }
    expect(await count('consents')).toBe(before);
    expect(await count('referrals')).toBe(referralsBefore);
  });

  it('refers: no consent → 422 and nothing sent; If-None-Exist makes a repeat return the same Task', async () => {
    const before = await count('referrals');
    const withoutConsent = referralTask(familyId, jgzId, consentId);
    withoutConsent.contained[0]!.supportingInfo = [];
    const refused = await midwife.request('POST', '/fhir/R4/Task', withoutConsent);
    expect(refused.statusCode).toBe(422);
    expect(outcomeOf(refused).code).toBe('consent_required');
    expect(await count('referrals')).toBe(before);

    const body = referralTask(familyId, jgzId, consentId);
    const ifNoneExist = { 'if-none-exist': `identifier=${SYSTEMS.idempotencyKey}|resources-test-1` };
    const created = await midwife.request('POST', '/fhir/R4/Task', body, ifNoneExist);
    expect(created.statusCode, created.body).toBe(201);
    const task = fhirBody<Resource>(created);
    taskId = task.id;
    expect(created.headers.location).toBe(`${t.config.publicUrl}/fhir/R4/Task/${taskId}/_history/${task.meta.versionId}`);
    expect(task).toMatchObject({ status: 'requested', intent: 'order', focus: { reference: `ServiceRequest/${taskId}` }, for: { reference: `Patient/${familyId}` } });
    const repeated = await midwife.request('POST', '/fhir/R4/Task', body, ifNoneExist);
    expect(repeated.statusCode).toBe(200);
    expect(fhirBody<Resource>(repeated).id).toBe(taskId);
    expect(await count('referrals')).toBe(before + 1);

    const request = fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/ServiceRequest/${taskId}`));
    expect(request).toMatchObject({
      status: 'active',
      performer: [{ reference: `Organization/${jgzId}` }],
      supportingInfo: [{ reference: `Consent/${consentId}` }],
      note: [{ text: 'Schulden en veel stress; graag een prenataal huisbezoek.' }],
    });
    expect(request.reasonCode.map((concept: { coding: { code: string }[] }) => concept.coding[0]!.code)).toEqual(['money-debts', 'stress']);
  });

  it('the receiver finds it in her inbox; another organisation sees no inbox of hers', async () => {
    const inbox = fhirBody<SearchsetBody<Resource>>(await nurse.request('GET', `/fhir/R4/Task?owner=Organization/${jgzId}`));
    expect(resourcesOf(inbox).map((task) => task.id)).toContain(taskId);
    const requests = fhirBody<SearchsetBody<Resource>>(await nurse.request('GET', `/fhir/R4/ServiceRequest?performer=Organization/${jgzId}`));
    expect(resourcesOf(requests).map((request) => request.id)).toContain(taskId);
    const outbox = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/Task?requester=Organization/${t.demo.organisationIds.wieg}`));
    expect(resourcesOf(outbox).map((task) => task.id)).toContain(taskId);
    expect(fhirBody<SearchsetBody>(await socialWorker.request('GET', `/fhir/R4/Task?owner=Organization/${jgzId}`)).total).toBe(0);
    expect((await socialWorker.request('GET', `/fhir/R4/Task/${taskId}`)).statusCode).toBe(403);
  });

  it('status updates: stale If-Match → 412; a step out of order → 409; completing needs an outcome; each a Dutch OperationOutcome', async () => {
    const stale = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': 'W/"99"' });
    expect(stale.statusCode).toBe(412);
    expect(outcomeOf(stale)).toMatchObject({ code: 'stale_version' });
    const early = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'in-progress' }], PATCH);
    expect(early.statusCode).toBe(409);
    expect(outcomeOf(early).text).toBe('Accepteer de verwijzing voordat u de hulp start.');
    const notByPut = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/owner', value: {} }], PATCH);
    expect(notByPut.statusCode).toBe(400);
    const notJsonPatch = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(notJsonPatch.statusCode).toBe(415);
    outcomeOf(notJsonPatch);

    const current = fhirBody<Resource>(await nurse.request('GET', `/fhir/R4/Task/${taskId}`));
    const accepted = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'accepted' }], {
      ...PATCH,
      'if-match': `W/"${current.meta.versionId}"`,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(fhirBody<Resource>(accepted).status).toBe('accepted');
    const noOutcome = await nurse.request('PATCH', `/fhir/R4/Task/${taskId}`, [{ op: 'replace', path: '/status', value: 'completed' }], PATCH);
    expect(noOutcome.statusCode).toBe(400);
    expect(outcomeOf(noOutcome).text).toContain('uitkomst');
    const senderCannotComplete = await midwife.request(
      'PATCH',
      `/fhir/R4/Task/${taskId}`,
      [{ op: 'replace', path: '/status', value: 'completed' }, { op: 'replace', path: '/businessStatus', value: { coding: [{ code: 'got_help' }] } }],
      PATCH,
    );
    expect(senderCannotComplete.statusCode).toBe(403);
    const completed = await nurse.request(
      'PATCH',
      `/fhir/R4/Task/${taskId}`,
      [
        { op: 'replace', path: '/status', value: 'completed' },
        { op: 'replace', path: '/businessStatus', value: { coding: [{ system: SYSTEMS.referralOutcome, code: 'got_help' }] } },
      ],
      PATCH,
    );
    expect(completed.statusCode, completed.body).toBe(200);
    const task = fhirBody<Resource>(completed);
    expect(task).toMatchObject({ status: 'completed', businessStatus: { coding: [{ system: SYSTEMS.referralOutcome, code: 'got_help', display: 'Hulp gekregen' }] } });
    expect(fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/ServiceRequest/${taskId}`)).status).toBe('completed');
  });
});

describe('Observation, HealthcareService, Organization and AuditEvent', () => {
  it('birth outcomes: gestational age and weight with LOINC, preterm/SGA/Big2 derived — found under the child, not the mother', async () => {
    const family = (await midwife.request('GET', `/api/v1/families/${familyId}`)).json();
    const childId = family.members.find((member: { role: string }) => member.role === 'child').id as string;
    const ofMother = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/Observation?patient=Patient/${familyId}`));
    expect(ofMother.total).toBe(0);
    const bundle = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/Observation?patient=Patient/${childId}`));
    expect(resourcesOf(bundle).every((observation) => observation.subject.reference === `Patient/${childId}`)).toBe(true);
    const byCode = new Map(resourcesOf(bundle).map((observation) => [observation.code.coding[0].code as string, observation]));
    expect(bundle.total).toBe(5);
    expect(byCode.get('76516-4')!.valueQuantity).toMatchObject({ value: 35 * 7 + 2, code: 'd', system: SYSTEMS.ucum });
    expect(byCode.get('8339-4')!.valueQuantity).toMatchObject({ value: 2100, code: 'g' });
    expect(byCode.get('prematuur')!.valueBoolean).toBe(true);
    expect(byCode.get('big2')!.valueBoolean).toBe(true);
    expect(typeof byCode.get('sga')!.valueBoolean).toBe('boolean');
    const weights = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/Observation?patient=Patient/${childId}&code=${SYSTEMS.loinc}|8339-4`));
    expect(weights.total).toBe(1);
    const big2 = byCode.get('big2')!;
    expect(fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/Observation/${big2.id}`))).toEqual(big2);
  });

  it('the support in the Dordrecht pathways and an organisation’s referral service', async () => {
    const bundle = fhirBody<SearchsetBody<Resource>>(await coordinator.request('GET', '/fhir/R4/HealthcareService?municipality=GM0505&characteristic=money-debts'));
    expect(bundle.total).toBeGreaterThan(0);
    const [service] = resourcesOf(bundle);
    expect(service!.characteristic[0].coding[0].code).toBe('money-debts');
    expect(fhirBody<Resource>(await coordinator.request('GET', `/fhir/R4/HealthcareService/${service!.id}`))).toEqual(service);
    const own = fhirBody<Resource>(await coordinator.request('GET', `/fhir/R4/HealthcareService/${jgzId}`));
    expect(own).toMatchObject({ providedBy: { reference: `Organization/${jgzId}` } });
    expect((await coordinator.request('GET', '/fhir/R4/HealthcareService/bestaat-niet')).statusCode).toBe(404);
  });

  it('the access log as AuditEvents, itself audited', async () => {
    const { response, rows } = await midwife.audited('GET', `/fhir/R4/AuditEvent?patient=Patient/${familyId}&_count=50`);
    const bundle = fhirBody<SearchsetBody<Resource>>(response);
    expect(bundle.total).toBeGreaterThan(5);
    const events = resourcesOf(bundle);
    expect(events.some((event) => event.action === 'R' && event.agent[0].who.display.includes('Marloes de Vries'))).toBe(true);
    expect(events.some((event) => event.outcome === '4')).toBe(true);
    expect(events.every((event) => event.entity[0].what.reference === `Patient/${familyId}`)).toBe(true);
    expect(rows).toEqual([expect.objectContaining({ action: 'read', objectType: 'access_log', clientId: familyId })]);
  });

  it('emergency access with a reason opens the file through FHIR too, and shows in the access log', async () => {
    const opened = await socialWorker.request('POST', '/api/v1/emergency-access', {
      bsn: '111222333',
      reason: 'Acute zorg over de veiligheid van moeder en kind, huisarts belde.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { response, rows } = await socialWorker.audited('GET', `/fhir/R4/Patient/${familyId}`);
    expect(response.statusCode).toBe(200);
    fhirBody(response);
    expect(rows).toEqual([expect.objectContaining({ action: 'read', clientId: familyId, details: expect.objectContaining({ emergencyAccessId: expect.any(String) }) })]);
    const log = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/AuditEvent?patient=Patient/${familyId}&_count=5`));
    const emergency = resourcesOf(log).find((event) => event.extension?.[0]?.valueBoolean === true);
    expect(emergency?.agent[0].who.display).toContain('Sociaal Wijkteam Dordrecht');
  });
});

describe('conformance gaps (issue 11)', () => {
  const local = (url: string) => url.replace(t.config.publicUrl, '');

  it('ServiceRequest?status= compares the ServiceRequest status, Task?status= the Task status; system|code tokens match their own system only', async () => {
    const consent = fhirBody<Resource>(await midwife.request('POST', '/fhir/R4/Consent', consentResource(familyId, jgzId, t.clock.now())));
    const task = fhirBody<Resource>(await midwife.request('POST', '/fhir/R4/Task', referralTask(familyId, jgzId, consent.id)));
    const ids = async (url: string) => resourcesOf(fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', url))).map((resource) => resource.id);
    const patient = `patient=Patient/${familyId}`;
    const cases: [string, boolean][] = [
      [`/fhir/R4/ServiceRequest?${patient}&status=active`, true],
      [`/fhir/R4/ServiceRequest?${patient}&status=requested`, false],
      [`/fhir/R4/ServiceRequest?${patient}&status=http://hl7.org/fhir/request-status|active`, true],
      [`/fhir/R4/ServiceRequest?${patient}&status=http://hl7.org/fhir/task-status|active`, false],
      [`/fhir/R4/Task?${patient}&status=requested`, true],
      [`/fhir/R4/Task?${patient}&status=active`, false],
      [`/fhir/R4/Task?${patient}&status=http://hl7.org/fhir/task-status|requested`, true],
      [`/fhir/R4/Task?${patient}&status=|requested`, true],
      [`/fhir/R4/Task?${patient}&status=http://example.org/other|requested`, false],
    ];
    for (const [url, isFound] of cases) expect((await ids(url)).includes(task.id), url).toBe(isFound);
    for (const [status, isFound] of [['http://hl7.org/fhir/consent-state-codes|active', true], ['http://hl7.org/fhir/task-status|active', false]] as const) {
      expect((await ids(`/fhir/R4/Consent?${patient}&status=${status}`)).includes(consent.id), status).toBe(isFound);
    }
    expect((await ids(`/fhir/R4/QuestionnaireResponse?${patient}&status=http://hl7.org/fhir/questionnaire-answers-status|completed`)).length).toBeGreaterThan(0);
    expect(await ids(`/fhir/R4/Questionnaire?status=http://hl7.org/fhir/publication-status|active`)).toHaveLength(1);
  });

  it('a stale If-Match is 412 even when the step asked for is the one someone else already took', async () => {
    const consent = fhirBody<Resource>(await midwife.request('POST', '/fhir/R4/Consent', consentResource(familyId, jgzId, t.clock.now())));
    const task = fhirBody<Resource>(await midwife.request('POST', '/fhir/R4/Task', referralTask(familyId, jgzId, consent.id)));
    const accept = [{ op: 'replace', path: '/status', value: 'accepted' }];
    const first = await nurse.request('PATCH', `/fhir/R4/Task/${task.id}`, accept, { ...PATCH, 'if-match': `W/"${task.meta.versionId}"` });
    expect(first.statusCode, first.body).toBe(200);
    const second = await nurse.request('PATCH', `/fhir/R4/Task/${task.id}`, accept, { ...PATCH, 'if-match': `W/"${task.meta.versionId}"` });
    expect(second.statusCode).toBe(412);
    expect(outcomeOf(second).code).toBe('stale_version');
  });

  it('Consent: versionId and ETag, If-Match honoured on withdrawal (412, nothing changed), Location and vread readable', async () => {
    const created = await midwife.request('POST', '/fhir/R4/Consent', consentResource(familyId, jgzId, t.clock.now()));
    const consent = fhirBody<Resource>(created);
    expect(consent.meta.versionId).toBe('1');
    expect(created.headers.etag).toBe('W/"1"');
    const location = String(created.headers.location);
    expect(location).toBe(`${t.config.publicUrl}/fhir/R4/Consent/${consent.id}/_history/1`);
    const atLocation = await midwife.request('GET', local(location));
    expect(atLocation.statusCode).toBe(200);
    expect(fhirBody<Resource>(atLocation)).toEqual(consent);
    const withdraw = [{ op: 'replace', path: '/status', value: 'inactive' }];
    const stale = await midwife.request('PATCH', `/fhir/R4/Consent/${consent.id}`, withdraw, { ...PATCH, 'if-match': 'W/"2"' });
    expect(stale.statusCode).toBe(412);
    expect(fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/Consent/${consent.id}`)).status).toBe('active');
    const withdrawn = await midwife.request('PATCH', `/fhir/R4/Consent/${consent.id}`, withdraw, { ...PATCH, 'if-match': 'W/"1"' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.headers.etag).toBe('W/"2"');
    expect(fhirBody<Resource>(withdrawn)).toMatchObject({ status: 'inactive', meta: { versionId: '2' } });
    const again = await midwife.request('PATCH', `/fhir/R4/Consent/${consent.id}`, withdraw, { ...PATCH, 'if-match': 'W/"1"' });
    expect(again.statusCode).toBe(412);
    expect((await midwife.request('GET', `/fhir/R4/Consent/${consent.id}/_history/1`)).statusCode).toBe(404);
    expect(fhirBody<Resource>(await midwife.request('GET', `/fhir/R4/Consent/${consent.id}/_history/2`)).status).toBe('inactive');
    // The Location of a Task create is readable as well.
    const other = fhirBody<Resource>(await midwife.request('POST', '/fhir/R4/Consent', consentResource(familyId, jgzId, t.clock.now())));
    const task = await midwife.request('POST', '/fhir/R4/Task', referralTask(familyId, jgzId, other.id));
    expect(fhirBody<Resource>(await midwife.request('GET', local(String(task.headers.location)))).id).toBe(fhirBody<Resource>(task).id);
  });

  it('meta.versionId and meta.lastUpdated on every type, and the ETag of a read is its versionId', async () => {
    const family = (await midwife.request('GET', `/api/v1/families/${familyId}`)).json();
    const childId = family.members.find((member: { role: string }) => member.role === 'child').id as string;
    const searches = [
      `/fhir/R4/Patient?_id=${familyId}`,
      `/fhir/R4/RelatedPerson?patient=Patient/${familyId}`,
      '/fhir/R4/Questionnaire',
      `/fhir/R4/QuestionnaireResponse?patient=Patient/${familyId}`,
      `/fhir/R4/ServiceRequest?patient=Patient/${familyId}`,
      `/fhir/R4/Task?patient=Patient/${familyId}`,
      `/fhir/R4/Consent?patient=Patient/${familyId}`,
      '/fhir/R4/Organization?type=jgz',
      '/fhir/R4/HealthcareService?municipality=GM0505',
      `/fhir/R4/HealthcareService?organization=Organization/${jgzId}`,
      `/fhir/R4/Observation?patient=Patient/${childId}`,
      `/fhir/R4/AuditEvent?patient=Patient/${familyId}`,
      '/fhir/R4/SearchParameter',
    ];
    const seen = new Set<string>();
    for (const url of searches) {
      const found = resourcesOf(fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', url)));
      expect(found.length, url).toBeGreaterThan(0);
      for (const resource of found) {
        expect(resource.meta?.versionId, `${url} ${resource.id}`).toMatch(/^[A-Za-z0-9.-]{1,64}$/);
        expect(Number.isNaN(Date.parse(resource.meta?.lastUpdated)), `${url} ${resource.id}`).toBe(false);
        seen.add(resource.resourceType);
      }
      const readable = found[0]!;
      if (readable.resourceType !== 'AuditEvent') {
        const read = await midwife.request('GET', `/fhir/R4/${readable.resourceType}/${readable.id}`);
        expect(read.headers.etag, url).toBe(`W/"${readable.meta.versionId}"`);
      }
    }
    // Subscriptions are the organisation admin's: one of De Wieg's own, searched and read by its admin.
    const admin = await callerFor(t, 'practiceAdmin', 'wieg');
    const subscription = {
      resourceType: 'Subscription',
      status: 'requested',
      reason: 'Inbox van De Wieg',
      criteria: `Task?owner=Organization/${t.demo.organisationIds.wieg}`,
      channel: { type: 'rest-hook', endpoint: 'https://systeem.example.nl/notificaties' },
    };
    expect((await admin.request('POST', '/fhir/R4/Subscription', subscription)).statusCode).toBe(201);
    const [found] = resourcesOf(fhirBody<SearchsetBody<Resource>>(await admin.request('GET', '/fhir/R4/Subscription')));
    expect(found!.meta?.versionId).toMatch(/^[A-Za-z0-9.-]{1,64}$/);
    expect(Number.isNaN(Date.parse(found!.meta?.lastUpdated))).toBe(false);
    expect((await admin.request('GET', `/fhir/R4/Subscription/${found!.id}`)).headers.etag).toBe(`W/"${found!.meta.versionId}"`);
    seen.add(found!.resourceType);
    expect([...seen].sort()).toEqual(FHIR_RESOURCE_HANDLERS.map((handler) => handler.type).sort());
  });

  it('birthdate takes the prefixes eq, ge, le, gt and lt, and a range given twice', async () => {
    const cases: [string, boolean][] = [
      ['birthdate=1994-03-15', true],
      ['birthdate=eq1994-03-15', true],
      ['birthdate=ge1994-03-15', true],
      ['birthdate=gt1994-03-15', false],
      ['birthdate=le1994-03-15', true],
      ['birthdate=lt1994-03-15', false],
      ['birthdate=gt1994-03-14', true],
      ['birthdate=lt1994-03-16', true],
      ['birthdate=ge1994-01-01&birthdate=le1994-12-31', true],
      ['birthdate=ge1995-01-01&birthdate=le1995-12-31', false],
      ['birthdate=gt1994-03-15&birthdate=lt1994-03-15', false],
    ];
    for (const [query, isFound] of cases) {
      const bundle = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/Patient?name=Noor&${query}`));
      expect(resourcesOf(bundle).some((patient) => patient.id === familyId), query).toBe(isFound);
    }
    for (const query of ['birthdate=sa1994-03-15', 'birthdate=ge1994-02-30', 'birthdate=ge1994&birthdate=le1995-01-01', 'birthdate=1994-01-01&birthdate=1994-01-02&birthdate=1994-01-03']) {
      expect((await midwife.request('GET', `/fhir/R4/Patient?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('a BSN is searched only by POST _search: the GET form is refused, and the Bundle links never carry it', async () => {
    for (const url of ['/fhir/R4/Patient?identifier=111222333', `/fhir/R4/Patient?identifier=${SYSTEMS.bsn}|111222333`, '/fhir/R4/Patient/_search?identifier=111222333']) {
      const method = url.includes('_search') ? 'POST' : 'GET';
      const response = await midwife.request(method, url, method === 'POST' ? '' : undefined, method === 'POST' ? FORM : {});
      if (method === 'GET') {
        expect(response.statusCode, url).toBe(400);
        expect(outcomeOf(response).text).toContain('POST');
      } else {
        // In the URL of a POST it is still in a URL: refused too.
        expect(response.statusCode, url).toBe(400);
      }
    }
    const found = await midwife.request('POST', '/fhir/R4/Patient/_search', 'identifier=111222333&_count=5', FORM);
    const bundle = fhirBody<SearchsetBody<Resource>>(found);
    expect(resourcesOf(bundle).map((patient) => patient.id)).toEqual([familyId]);
    expect(JSON.stringify(bundle.link)).not.toContain('111222333');
    expect(bundle.link.find((link) => link.relation === 'self')!.url).toContain('/fhir/R4/Patient/_search?');
    // Other searches work by POST too, with the same answer as by GET.
    const byPost = fhirBody<SearchsetBody<Resource>>(await midwife.request('POST', '/fhir/R4/Organization/_search', 'type=jgz&address-district=GM0505', FORM));
    const byGet = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', '/fhir/R4/Organization?type=jgz&address-district=GM0505'));
    expect(resourcesOf(byPost)).toEqual(resourcesOf(byGet));
    expect((await midwife.request('POST', '/fhir/R4/Organization/_search', '{"type":"jgz"}', { 'content-type': 'application/json' })).statusCode).toBe(415);
  });

  it('every HealthcareService gemeente or coalitie extension is found again by its own search parameter', async () => {
    const services = resourcesOf(fhirBody<SearchsetBody<Resource>>(await coordinator.request('GET', '/fhir/R4/HealthcareService?municipality=GM0505&_count=100')));
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      for (const extension of service.extension ?? []) {
        const parameter = extension.url.endsWith('/gemeente') ? 'municipality' : extension.url.endsWith('/coalitie') ? 'coalition' : null;
        expect(parameter, extension.url).not.toBeNull();
        const again = await coordinator.request('GET', `/fhir/R4/HealthcareService?${parameter}=${extension.valueCode}&_count=100`);
        expect(again.statusCode, `${parameter}=${extension.valueCode}`).toBe(200);
        expect(resourcesOf(fhirBody<SearchsetBody<Resource>>(again)).map((found) => found.id)).toContain(service.id);
      }
    }
  });

  it('custom search parameters have SearchParameter definitions, named in the CapabilityStatement', async () => {
    const statement = fhirBody<Resource>(await midwife.request('GET', '/fhir/R4/metadata'));
    const defined = (statement.rest[0].resource as { type: string; searchParam?: { name: string; definition?: string }[] }[]).flatMap((resource) =>
      (resource.searchParam ?? []).filter((parameter) => parameter.definition).map((parameter) => ({ ...parameter, type: resource.type })),
    );
    expect(defined.map((parameter) => `${parameter.type}.${parameter.name}`)).toEqual(
      expect.arrayContaining(['Patient.address-district', 'Organization.address-district', 'HealthcareService.municipality', 'HealthcareService.coalition', 'AuditEvent.snapshot']),
    );
    for (const parameter of defined) {
      const found = resourcesOf(fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/SearchParameter?url=${encodeURIComponent(parameter.definition!)}`)));
      expect(found, parameter.definition).toHaveLength(1);
      expect(found[0]).toMatchObject({ url: parameter.definition, code: parameter.name, base: [parameter.type], status: 'active' });
    }
  });

  it('AuditEvent pages over a snapshot: the next page does not shift although each search adds an entry', async () => {
    const first = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', `/fhir/R4/AuditEvent?patient=Patient/${familyId}&_count=3`));
    const firstIds = resourcesOf(first).map((event) => event.id);
    const next = first.link.find((link) => link.relation === 'next')!.url;
    expect(new URL(next).searchParams.get('snapshot')).toMatch(/^\d+$/);
    // More reads of the file: new entries at the top of the log.
    for (let read = 0; read < 2; read += 1) await midwife.request('GET', `/fhir/R4/Patient/${familyId}`);
    const second = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', local(next)));
    expect(second.total).toBe(first.total);
    const secondIds = resourcesOf(second).map((event) => event.id);
    expect(secondIds).toHaveLength(3);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    const firstAgain = fhirBody<SearchsetBody<Resource>>(await midwife.request('GET', local(second.link.find((link) => link.relation === 'previous')!.url)));
    expect(resourcesOf(firstAgain).map((event) => event.id)).toEqual(firstIds);
    expect((await midwife.request('GET', `/fhir/R4/AuditEvent?patient=Patient/${familyId}&snapshot=x`)).statusCode).toBe(400);
  });
});
