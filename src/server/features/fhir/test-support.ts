// SPDX-License-Identifier: EUPL-1.2
// Shared by the FHIR API tests: every resource the API sends is checked against the official FHIR
// R4 structure definitions (the `fhir` package, as the screening tests use it) — errors, and also
// properties R4 does not know, which the package only reports as warnings.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { fhirR4Errors, fhirR4Warnings, PREGNANT_WITH_DEBTS_AND_STRESS } from '../screening/test-support.js';
import { KANSRIJK_SIGNALERING_V1 } from '../screening/instruments/shipped-instruments.js';
import { toQuestionnaireResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import { EXTENSIONS, SYSTEMS } from './fhir-types.js';

export function fhirProblems(resource: object): string[] {
  return [...fhirR4Errors(resource), ...fhirR4Warnings(resource).filter((warning) => warning.includes('Unexpected property'))];
}

/** The response body as a FHIR resource, after checking media type and R4 validity. */
export function fhirBody<T = Record<string, unknown> & { resourceType: string; id?: string }>(response: LightMyRequestResponse | { headers: Record<string, unknown>; body: string }): T {
  expect(String(response.headers['content-type'])).toMatch(/^application\/fhir\+json/);
  const body = JSON.parse(response.body) as object;
  expect(fhirProblems(body), JSON.stringify(body).slice(0, 2000)).toEqual([]);
  return body as T;
}

export interface OutcomeBody {
  resourceType: 'OperationOutcome';
  issue: { severity: string; code: string; details: { coding: { system: string; code: string }[]; text: string }; expression?: string[] }[];
}

/** An OperationOutcome response: valid R4, with our error code; returns the first issue's code and text. */
export function outcomeOf(response: LightMyRequestResponse): { code: string; text: string; issues: OutcomeBody['issue'] } {
  const body = fhirBody<OutcomeBody>(response);
  expect(body.resourceType).toBe('OperationOutcome');
  const first = body.issue[0]!;
  return { code: first.details.coding[0]!.code, text: first.details.text, issues: body.issue };
}

export interface SearchsetBody<R = Record<string, unknown> & { resourceType: string; id: string }> {
  resourceType: 'Bundle';
  type: 'searchset';
  total: number;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: R }[];
}

export function resourcesOf<R = Record<string, unknown> & { resourceType: string; id: string }>(bundle: SearchsetBody<R>): R[] {
  return (bundle.entry ?? []).map((entry) => entry.resource);
}

// ── Request bodies shared by the FHIR tests and the route matrix ──────────────────────────────────


function isoDay(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A completed screening of the client (family id) with the shipped instrument: debts, stress, a supportive partner. */
export function completedQuestionnaireResponse(familyId: string, now: Date) {
  return toQuestionnaireResponse({
    questionnaire: KANSRIJK_SIGNALERING_V1,
    answers: PREGNANT_WITH_DEBTS_AND_STRESS as unknown as Answers,
    status: 'completed',
    authored: now.toISOString(),
    subjectReference: `Patient/${familyId}`,
  });
}

/** A written consent of the client to share with the receiver for referral and home visit, valid a year. */
export function consentResource(familyId: string, receiverOrganisationId: string, now: Date) {
  return {
    resourceType: 'Consent',
    status: 'active',
    extension: [{ url: EXTENSIONS.consentForm, valueCode: 'written' }],
    scope: { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy' }] },
    category: [{ coding: [{ system: SYSTEMS.loinc, code: '59284-0' }] }],
    patient: { reference: `Patient/${familyId}` },
    dateTime: isoDay(now, -1),
    performer: [{ reference: `Patient/${familyId}` }],
    policyRule: { coding: [{ system: SYSTEMS.actCode, code: 'OPTIN' }] },
    provision: {
      type: 'permit',
      period: { start: isoDay(now, -1), end: isoDay(now, 300) },
      actor: [{ role: { coding: [{ system: SYSTEMS.participationType, code: 'IRCP' }] }, reference: { reference: `Organization/${receiverOrganisationId}` } }],
      purpose: [{ system: SYSTEMS.consentPurpose, code: 'referral' }, { system: SYSTEMS.consentPurpose, code: 'prenatal_home_visit' }],
      code: [{ coding: [{ system: SYSTEMS.dataCategory, code: 'contact_details' }] }, { coding: [{ system: SYSTEMS.dataCategory, code: 'risk_factors' }] }],
    },
  };
}

/** A referral as POST Task with its ServiceRequest contained, under the given consent. */
export function referralTask(familyId: string, receiverOrganisationId: string, consentId: string, extra: { screeningId?: string; identifier?: string } = {}) {
  return {
    resourceType: 'Task',
    ...(extra.identifier ? { identifier: [{ system: SYSTEMS.idempotencyKey, value: extra.identifier }] } : {}),
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
        supportingInfo: [{ reference: `Consent/${consentId}` }, ...(extra.screeningId ? [{ reference: `QuestionnaireResponse/${extra.screeningId}` }] : [])],
        note: [{ text: 'Schulden en veel stress; graag een prenataal huisbezoek.' }],
      },
    ],
    focus: { reference: '#verwijzing' },
    for: { reference: `Patient/${familyId}` },
    owner: { reference: `Organization/${receiverOrganisationId}` },
  };
}
