// SPDX-License-Identifier: EUPL-1.2
// Acceptance: the same flow through the FHIR API with a separate client — over real HTTP (the app
// listens on a port; the client keeps its own cookies, logs in with password and TOTP like the web
// app, and echoes the CSRF cookie). Midwife (De Wieg) → screening, consent, referral; JGZ nurse →
// inbox, accepted → in progress; midwife follows; consent withdrawn → the nurse is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { currentTotpCode } from '../../platform/auth/totp.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../../platform/auth/session.js';
import { toQuestionnaireResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import type { Questionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../screening/test-support.js';
import { SYSTEMS, EXTENSIONS } from './fhir-types.js';
import { fhirProblems } from './test-support.js';

let t: TestApp;
let base: string;

/** A FHIR client of its own: cookie jar, CSRF echo, JSON in and out. */
class FhirClient {
  private readonly cookies = new Map<string, string>();

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const csrf = this.cookies.get(CSRF_COOKIE);
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        // The FHIR API speaks fhir+json, the REST API (login) application/json: each is asked for its own (406 otherwise).
        accept: path.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json',
        ...(this.cookies.size > 0 ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
        ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
        ...(body !== undefined
          ? { 'content-type': body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : path.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json' }
          : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: body instanceof URLSearchParams ? body.toString() : JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, any>) : {};
    if (path.startsWith('/fhir/')) {
      expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(fhirProblems(json), `${method} ${path}: ${text.slice(0, 500)}`).toEqual([]);
    }
    return { status: response.status, json, headers: response.headers };
  }

  async login(personKey: string) {
    const account = t.demo.accounts.find((candidate) => candidate.key === personKey)!;
    await this.call('GET', '/fhir/R4/metadata'); // picks up the CSRF cookie
    const login = await this.call('POST', '/api/v1/auth/login', { email: account.email, password: account.password });
    expect(login.status, JSON.stringify(login.json)).toBe(200);
    const code = await currentTotpCode(account.totpSecret!, t.clock.now());
    const verified = await this.call('POST', '/api/v1/auth/second-factor', { code });
    expect(verified.status, JSON.stringify(verified.json)).toBe(200);
    return { organisationId: (verified.json as { organisation: { id: string } | null }).organisation?.id ?? null };
  }
}

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

describe('the same flow through the FHIR API with a separate client', () => {
  it('midwife screens, records consent and refers; the JGZ nurse accepts and starts; withdrawal ends her access', async () => {
    const midwife = new FhirClient();
    const nurse = new FhirClient();
    const anonymous = await midwife.call('GET', '/fhir/R4/Patient');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.resourceType).toBe('OperationOutcome');

    const midwifeSession = await midwife.login('midwife');
    expect(midwifeSession.organisationId).toBe(t.demo.organisationIds.wieg);

    // Registration is the REST API's (FHIR Patient create is not offered); the client is then found through FHIR by BSN.
    const registered = await midwife.call('POST', '/api/v1/families', {
      client: { givenName: 'Amal', familyName: 'Haddou', birthDate: '1995-06-01', bsn: '123456782' },
      partner: { givenName: 'Youssef', familyName: 'Haddou', birthDate: '1993-02-11' },
      postcode: '3311 AB',
      municipalityCode: 'GM0505',
      contact: { channel: 'phone', language: 'nl', doNotContact: false, phone: '06 12345678' },
      pregnancy: { dueDate: new Date(t.clock.now().getTime() + 150 * 86_400_000).toISOString().slice(0, 10), parity: 0 },
    });
    expect(registered.status, JSON.stringify(registered.json)).toBe(201);
    const familyId = registered.json.id as string;

    // A BSN never in a URL: the GET form is refused, POST _search finds her.
    const inUrl = await midwife.call('GET', `/fhir/R4/Patient?identifier=${encodeURIComponent(`${SYSTEMS.bsn}|123456782`)}`);
    expect(inUrl.status).toBe(400);
    const found = await midwife.call('POST', '/fhir/R4/Patient/_search', new URLSearchParams({ identifier: `${SYSTEMS.bsn}|123456782` }));
    expect(found.json).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    const patient = found.json.entry[0].resource;
    expect(patient).toMatchObject({ resourceType: 'Patient', id: familyId, identifier: [{ system: SYSTEMS.bsn, value: '123456782' }] });
    const partners = await midwife.call('GET', `/fhir/R4/RelatedPerson?patient=Patient/${familyId}`);
    expect(partners.json.entry[0].resource).toMatchObject({ resourceType: 'RelatedPerson', patient: { reference: `Patient/${familyId}` } });

    // The completed screening as a QuestionnaireResponse to the instrument's current version.
    const instruments = await midwife.call('GET', '/fhir/R4/Questionnaire?url=https://kansrijk.nl/fhir/Questionnaire/kansrijk-signalering');
    const questionnaire = instruments.json.entry[0].resource as Questionnaire;
    const response = toQuestionnaireResponse({
      questionnaire,
      answers: PREGNANT_WITH_DEBTS_AND_STRESS as unknown as Answers,
      status: 'completed',
      authored: t.clock.now().toISOString(),
      subjectReference: `Patient/${familyId}`,
    });
    const screening = await midwife.call('POST', '/fhir/R4/QuestionnaireResponse', response);
    expect(screening.status, JSON.stringify(screening.json)).toBe(201);
    expect(screening.json).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: `Patient/${familyId}` } });
    expect(screening.headers.get('location')).toContain(`/fhir/R4/QuestionnaireResponse/${screening.json.id}`);

    // Consent for the JGZ organisation, found in the directory.
    const jgz = await midwife.call('GET', '/fhir/R4/Organization?type=jgz&name=Zuid-Holland');
    const jgzId = jgz.json.entry[0].resource.id as string;
    expect(jgzId).toBe(t.demo.organisationIds.jgz);
    const today = t.clock.now().toISOString().slice(0, 10);
    const consent = await midwife.call('POST', '/fhir/R4/Consent', {
      resourceType: 'Consent',
      status: 'active',
      extension: [{ url: EXTENSIONS.consentForm, valueCode: 'written' }],
      scope: { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy' }] },
      category: [{ coding: [{ system: SYSTEMS.loinc, code: '59284-0' }] }],
      patient: { reference: `Patient/${familyId}` },
      dateTime: today,
      performer: [{ reference: `Patient/${familyId}` }],
      policyRule: { coding: [{ system: SYSTEMS.actCode, code: 'OPTIN' }] },
      provision: {
        type: 'permit',
        period: { start: today, end: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` },
        actor: [{ role: { coding: [{ system: SYSTEMS.participationType, code: 'IRCP' }] }, reference: { reference: `Organization/${jgzId}` } }],
        purpose: [{ system: SYSTEMS.consentPurpose, code: 'referral' }, { system: SYSTEMS.consentPurpose, code: 'prenatal_home_visit' }],
        code: [{ coding: [{ system: SYSTEMS.dataCategory, code: 'contact_details' }] }, { coding: [{ system: SYSTEMS.dataCategory, code: 'risk_factors' }] }],
      },
    });
    expect(consent.status, JSON.stringify(consent.json)).toBe(201);
    expect(consent.json).toMatchObject({ resourceType: 'Consent', status: 'active' });

    // The referral: a Task with its ServiceRequest contained; sent twice with one key → one referral.
    const task = {
      resourceType: 'Task',
      status: 'requested',
      intent: 'order',
      contained: [
        {
          resourceType: 'ServiceRequest',
          id: 'verwijzing',
          status: 'active',
          intent: 'order',
          subject: { reference: `Patient/${familyId}` },
          reasonCode: [{ coding: [{ system: SYSTEMS.factor, code: 'money-debts' }] }, { coding: [{ system: SYSTEMS.factor, code: 'stress' }] }],
          supportingInfo: [{ reference: `Consent/${consent.json.id}` }, { reference: `QuestionnaireResponse/${screening.json.id}` }],
          note: [{ text: 'Schulden en veel stress; graag een prenataal huisbezoek.' }],
        },
      ],
      focus: { reference: '#verwijzing' },
      for: { reference: `Patient/${familyId}` },
      owner: { reference: `Organization/${jgzId}` },
    };
    const sent = await midwife.call('POST', '/fhir/R4/Task', task, { 'idempotency-key': 'fhir-flow-verwijzing-1' });
    expect(sent.status, JSON.stringify(sent.json)).toBe(201);
    expect(sent.json).toMatchObject({ resourceType: 'Task', status: 'requested', owner: { reference: `Organization/${jgzId}` } });
    const again = await midwife.call('POST', '/fhir/R4/Task', task, { 'idempotency-key': 'fhir-flow-verwijzing-1' });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(sent.json.id);
    const taskId = sent.json.id as string;
    const request = await midwife.call('GET', `/fhir/R4/ServiceRequest/${taskId}`);
    expect(request.json).toMatchObject({ resourceType: 'ServiceRequest', status: 'active', subject: { reference: `Patient/${familyId}` } });

    // The JGZ nurse, logged in on her own client, finds it in her inbox.
    const nurseSession = await nurse.login('jgzNurse');
    expect(nurseSession.organisationId).toBe(jgzId);
    const inbox = await nurse.call('GET', `/fhir/R4/Task?owner=Organization/${jgzId}`);
    expect(inbox.json.total).toBe(1);
    const received = inbox.json.entry[0].resource;
    expect(received).toMatchObject({ id: taskId, status: 'requested', focus: { reference: `ServiceRequest/${taskId}` } });

    const patch = (status: string) => [{ op: 'replace', path: '/status', value: status }];
    const patchHeaders = (version: string) => ({ 'content-type': 'application/json-patch+json', 'if-match': `W/"${version}"` });
    const accepted = await nurse.call('PATCH', `/fhir/R4/Task/${taskId}`, patch('accepted'), patchHeaders(received.meta.versionId));
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(accepted.json.status).toBe('accepted');
    expect(accepted.headers.get('etag')).toBe(`W/"${accepted.json.meta.versionId}"`);
    // A second accept on the stale version: the precondition failed (412), whatever the step would say.
    const twice = await nurse.call('PATCH', `/fhir/R4/Task/${taskId}`, patch('accepted'), patchHeaders(received.meta.versionId));
    expect(twice.status).toBe(412);
    expect(twice.json.issue[0].details.coding[0].code).toBe('stale_version');
    // Without If-Match the domain says it was accepted already.
    const unconditional = await nurse.call('PATCH', `/fhir/R4/Task/${taskId}`, patch('accepted'), { 'content-type': 'application/json-patch+json' });
    expect(unconditional.status).toBe(409);
    expect(unconditional.json.issue[0].details.text).toBe('Deze verwijzing is al geaccepteerd.');
    const started = await nurse.call('PATCH', `/fhir/R4/Task/${taskId}`, patch('in-progress'), patchHeaders(accepted.json.meta.versionId));
    expect(started.status, JSON.stringify(started.json)).toBe(200);
    expect(started.json.status).toBe('in-progress');

    // Now the nurse may read the client (care relationship under the consent).
    expect((await nurse.call('GET', `/fhir/R4/Patient/${familyId}`)).status).toBe(200);

    // The midwife follows status.
    const followed = await midwife.call('GET', `/fhir/R4/Task/${taskId}`);
    expect(followed.json).toMatchObject({ id: taskId, status: 'in-progress' });

    // The client withdraws consent: the nurse can no longer open the file through FHIR either.
    const withdrawn = await midwife.call('PATCH', `/fhir/R4/Consent/${consent.json.id}`, [{ op: 'replace', path: '/status', value: 'inactive' }], {
      'content-type': 'application/json-patch+json',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
    expect(withdrawn.json.status).toBe('inactive');
    const refused = await nurse.call('GET', `/fhir/R4/Patient/${familyId}`);
    expect(refused.status).toBe(403);
    expect(refused.json.issue[0]).toMatchObject({ severity: 'error', code: 'forbidden', details: { text: 'U heeft geen toegang tot deze gegevens of actie.' } });
    const search = await nurse.call('POST', '/fhir/R4/Patient/_search', new URLSearchParams({ identifier: `${SYSTEMS.bsn}|123456782` }));
    expect(search.json.total).toBe(0);
    expect((await midwife.call('GET', `/fhir/R4/Task/${taskId}`)).json.status).toBe('cancelled');
  });
});
