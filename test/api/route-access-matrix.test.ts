// SPDX-License-Identifier: EUPL-1.2
// Every HTTP route × every role × a record of the actor's own / another organisation, with the
// outcome the access policy must give. A route without an entry here fails the suite.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/contracts/roles.js';
import { memberships, people } from '../../src/server/features/organisations/schema.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { homeVisits } from '../../src/server/features/jgz/schema.js';
import { enrolments } from '../../src/server/features/interventions/schema.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { insertTestScreening } from '../../src/server/features/screening/test-support.js';
import { insertTestReferral } from '../../src/server/features/referrals/test-support.js';
import { completedQuestionnaireResponse, consentResource, referralTask } from '../../src/server/features/fhir/test-support.js';
import { eq } from 'drizzle-orm';
import { emergencyAccesses, families } from '../../src/server/features/families/schema.js';
import { anonymousHeaders, sessionFor, type TestSession } from '../helpers/sessions.js';
import { coalitions } from '../../src/server/features/coalitions/schema.js';
import { coalitionPartners } from '../../src/server/features/coalition-partners/schema.js';
import { coalitionAgreementDocuments, coalitionAgreements } from '../../src/server/features/coalition-agreements/schema.js';
import { coalitionPlanVersions, improvementActions } from '../../src/server/features/coalition-plans/schema.js';
import { emptyContent } from '../../src/server/features/coalition-plans/domain/plan-rules.js';
import { analysisRounds } from '../../src/server/features/coalition-analysis/schema.js';
import { CURRENT_INSTRUMENT } from '../../src/server/features/coalition-analysis/instruments/analysis-instrument.js';
import { municipalQuestionnaireEditions } from '../../src/server/features/municipal-questionnaire/schema.js';
import { apiClients } from '../../src/server/features/api-clients/schema.js';
import { generateKeyPairSync } from 'node:crypto';
import { fhirSubscriptions } from '../../src/server/features/subscriptions/schema.js';
import { directoryServices } from '../../src/server/features/services/schema.js';
import { localOffers } from '../../src/server/features/local-offer/schema.js';
import { enqueueMail } from '../../src/server/platform/mail/enqueue-mail.js';
import { mailOutbox } from '../../src/server/platform/mail/schema.js';
import { insertParentFile, parentSessionFor, type ParentFile } from '../../src/server/features/my-start/test-support.js';
import { addAuthorisedChild } from '../../src/server/features/my-children/test-support.js';

const QUESTIONNAIRE_YEAR = 2030;
const METRICS_TOKEN = 'matrix-metrics-token-0123456789abcdefghij';

/** The demo person who holds each role (and the organisation they act for). */
const ACTOR_OF: Record<Role, string> = {
  professional: 'midwife',
  coalition_coordinator: 'coordinator',
  policy_officer: 'policyOfficer',
  analyst: 'analyst',
  organisation_admin: 'practiceAdmin',
  platform_admin: 'platformAdmin',
};
/** No demo actor works for this organisation: it is "another organisation" for all of them. */
const OTHER_ORGANISATION = 'jgz';

interface Situation {
  isOwn: boolean;
  session: TestSession;
  /** The organisation the record belongs to: the actor's own or another one. */
  organisationId: string;
  /** A staff member working for that organisation. */
  personId: string;
  unique: string;
  /** A family registered by that organisation (its care relationship): for the chain's routes. */
  familyId: string;
  /** A draft screening of that family (by that organisation), and the instrument it uses. */
  screeningId: string;
  questionnaireId: string;
  /** An emergency access opened by that organisation's staff member (to that family). */
  emergencyAccessId: string;
  /** A planned home visit and an active enrolment in that family's file, by that organisation. */
  homeVisitId: string;
  enrolmentId: string;
  /** A referral sent by that organisation (to JGZ, or from JGZ to the social team) under a consent of that family. */
  referralId: string;
  consentId: string;
  /** The coalition workspace: the demo coordinator's own coalition (KS0001, Dordrecht's) or another one (KS0002). */
  coalitionCode: string;
  /** A draft plan (version 1) and an improvement action of that coalition. */
  improvementActionId: string;
  /** An open self-analysis round of the own (KS0001) or the other coalition (KS0002): a new one each time. */
  analysisRoundId: string;
  /** A FHIR Subscription of that organisation (to its own inbox): a new one each time. */
  subscriptionId: string;
  /** A service on the sociale kaart kept by that organisation (in GM0505, which both organisations serve). */
  serviceId: string;
}

/** The organisation a situation's referral (and consent) goes to. */
function referralReceiverOf(organisationId: string): string {
  return organisationId === t.demo.organisationIds.jgz ? t.demo.organisationIds.wijkteam! : t.demo.organisationIds.jgz!;
}

type Reach = 'any' | 'own';
type Entry =
  /** Anyone, logged in or not. */
  | { access: 'public'; request: () => InjectOptions }
  /** Any session, also one that still has to pass (or, for `stage: 'enrolment'`, enrol) its second factor. */
  | { access: 'pending'; stage?: 'enrolment'; request: () => InjectOptions }
  /** A full session; `allow` lists the roles the policy lets through, and how far. */
  | { access: 'authenticated'; allow: Partial<Record<Role, Reach>>; request: (situation: Situation) => InjectOptions }
  /** Operations only: the bearer token from the configuration (METRICS_TOKEN); no session of any role opens it. */
  | { access: 'token'; token: () => string; request: () => InjectOptions }
  /**
   * A parent's session only (Mijn Kansrijke Start): no staff session of any role opens it; a parent
   * reaches their own file and their authorised child, and another family's are refused (404, so ids tell nothing).
   */
  | { access: 'parent'; request: (file: MatrixParentFile) => InjectOptions };

/** A parent's file with a born child over whom that parent holds authority (fixture source). */
type MatrixParentFile = ParentFile & { childId: string };

const everyone: Partial<Record<Role, Reach>> = Object.fromEntries(ROLES.map((role) => [role, 'any']));
const admins: Partial<Record<Role, Reach>> = { platform_admin: 'any', organisation_admin: 'own' };
/** A coalition's editors and readers (policy.ts COALITION_EDITORS / COALITION_READERS); 'own' is the actor's coalition or municipality's coalition. */
const coalitionEditors: Partial<Record<Role, Reach>> = { coalition_coordinator: 'own', platform_admin: 'any' };
const coalitionReaders: Partial<Record<Role, Reach>> = { coalition_coordinator: 'own', policy_officer: 'own', analyst: 'any', platform_admin: 'any' };
/** Coalition records: "own" is the demo coordinator's coalition KS0001 (Dordrecht's), "other" KS0002. */
const coalitionCodeOf = (isOwn: boolean) => (isOwn ? 'KS0001' : 'KS0002');
/** Pathway records: a municipality of the demo coordinator's coalition (Dordrecht) or of the other one (Utrecht). */
const pathwayScopeOf = (isOwn: boolean) => (isOwn ? 'GM0505' : 'GM0344');
const json = (method: InjectOptions['method'], url: string, payload?: unknown): InjectOptions => ({
  method,
  url,
  ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
});

const csv = (method: InjectOptions['method'], url: string, body: string): InjectOptions => ({
  method,
  url,
  payload: body,
  headers: { 'content-type': 'text/csv' },
});

/** A partner and an agreement (with a document) in each of the two coalitions, made in beforeAll. */
const coalitionRecords: Record<string, { partnerId: string; agreementId: string; offerId: string }> = {};
/** A service of the directory that works in Drechtsteden (for the local offer's routes). */
let drechtstedenServiceId = '';

/** A public key for the API clients the matrix registers, and one client per organisation (made in beforeAll). */
const MATRIX_CLIENT_JWK = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
const apiClientOf: Record<string, string> = {};
/** A mail in the outbox (made in beforeAll): the platform admin's mail routes need one that exists. */
let matrixMailId = '';

const MATRIX: Record<string, Entry> = {
  'GET /health': { access: 'public', request: () => json('GET', '/health') },
  'GET /ready': { access: 'public', request: () => json('GET', '/ready') },
  'GET /metrics': { access: 'token', token: () => METRICS_TOKEN, request: () => json('GET', '/metrics') },
  'GET /data/*': { access: 'public', request: () => json('GET', '/data/nl_2025.topojson') },
  'GET /api/v1/openapi.json': { access: 'public', request: () => json('GET', '/api/v1/openapi.json') },
  'GET /api/v1/municipalities': { access: 'public', request: () => json('GET', '/api/v1/municipalities?q=Dor') },
  'GET /api/v1/municipalities/:code': { access: 'public', request: () => json('GET', '/api/v1/municipalities/GM0505') },
  'GET /api/v1/provinces': { access: 'public', request: () => json('GET', '/api/v1/provinces') },
  'GET /api/v1/ggd-regions': { access: 'public', request: () => json('GET', '/api/v1/ggd-regions') },

  'GET /api/v1/auth/options': { access: 'public', request: () => json('GET', '/api/v1/auth/options') },
  'GET /api/v1/my/auth/options': { access: 'public', request: () => json('GET', '/api/v1/my/auth/options') },
  'GET /api/v1/my/session': { access: 'parent', request: () => json('GET', '/api/v1/my/session') },
  'POST /api/v1/my/auth/logout': { access: 'parent', request: () => json('POST', '/api/v1/my/auth/logout') },
  'POST /api/v1/my/auth/logout-everywhere': { access: 'parent', request: () => json('POST', '/api/v1/my/auth/logout-everywhere') },
  'GET /api/v1/my/families/:familyId': { access: 'parent', request: (file) => json('GET', `/api/v1/my/families/${file.familyId}`) },
  'GET /api/v1/my/families/:familyId/access-log': { access: 'parent', request: (file) => json('GET', `/api/v1/my/families/${file.familyId}/access-log`) },
  'GET /api/v1/my/families/:familyId/copy': { access: 'parent', request: (file) => json('GET', `/api/v1/my/families/${file.familyId}/copy`) },
  'POST /api/v1/my/families/:familyId/consents/:consentId/withdrawal': {
    access: 'parent',
    request: (file) => json('POST', `/api/v1/my/families/${file.familyId}/consents/${file.consentId}/withdrawal`),
  },
  'POST /api/v1/my/families/:familyId/referrals/:referralId/consent': {
    access: 'parent',
    request: (file) => json('POST', `/api/v1/my/families/${file.familyId}/referrals/${file.awaitingReferralId}/consent`),
  },
  'GET /api/v1/my/children': { access: 'parent', request: () => json('GET', '/api/v1/my/children') },
  'GET /api/v1/my/children/:childId': { access: 'parent', request: (file) => json('GET', `/api/v1/my/children/${file.childId}`) },
  'POST /api/v1/auth/login': {
    access: 'public',
    request: () => json('POST', '/api/v1/auth/login', { email: 'niemand@kansrijk.demo', password: 'onjuist-wachtwoord' }),
  },
  'GET /api/v1/invitations/:token': { access: 'public', request: () => json('GET', `/api/v1/invitations/${'x'.repeat(43)}`) },
  'POST /api/v1/invitations/:token': {
    access: 'public',
    request: () => json('POST', `/api/v1/invitations/${'x'.repeat(43)}`, { password: 'een-lang-en-sterk-wachtwoord-42' }),
  },
  'GET /api/v1/auth/session': { access: 'pending', request: () => json('GET', '/api/v1/auth/session') },
  'POST /api/v1/auth/second-factor': { access: 'pending', request: () => json('POST', '/api/v1/auth/second-factor', { code: '000000' }) },
  // Enrolment is for sessions in the enrolment stage; with a second factor pending it is refused (tested in auth).
  'POST /api/v1/auth/enrolment': { access: 'pending', stage: 'enrolment', request: () => json('POST', '/api/v1/auth/enrolment', {}) },
  'POST /api/v1/auth/enrolment/confirmation': {
    access: 'pending',
    stage: 'enrolment',
    request: () => json('POST', '/api/v1/auth/enrolment/confirmation', { code: '000000' }),
  },
  'POST /api/v1/auth/logout': { access: 'pending', request: () => json('POST', '/api/v1/auth/logout') },

  'POST /api/v1/auth/logout-everywhere': { access: 'authenticated', allow: everyone, request: () => json('POST', '/api/v1/auth/logout-everywhere') },
  'GET /api/v1/auth/sessions': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/auth/sessions') },
  'DELETE /api/v1/auth/sessions/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ session }) => json('DELETE', `/api/v1/auth/sessions/${session.sessionId}`),
  },
  'PUT /api/v1/auth/active-organisation': {
    access: 'authenticated',
    allow: everyone,
    request: ({ session }) => json('PUT', '/api/v1/auth/active-organisation', { organisationId: session.organisationId }),
  },
  'POST /api/v1/auth/password': {
    access: 'authenticated',
    allow: everyone,
    // Wrong current password: every role reaches the check (401), none is refused by the policy.
    request: () => json('POST', '/api/v1/auth/password', { currentPassword: 'niet-het-wachtwoord', newPassword: 'een-lang-en-sterk-wachtwoord-42' }),
  },

  'GET /api/v1/organisations': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/organisations') },
  'GET /api/v1/organisations/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ organisationId }) => json('GET', `/api/v1/organisations/${organisationId}`),
  },
  'POST /api/v1/organisations': {
    access: 'authenticated',
    allow: { platform_admin: 'any' },
    request: ({ unique }) => json('POST', '/api/v1/organisations', { name: `Praktijk ${unique}`, type: 'kraamzorg', municipalityCodes: ['GM0505'] }),
  },
  'PATCH /api/v1/organisations/:id': {
    access: 'authenticated',
    allow: admins,
    request: ({ organisationId }) => json('PATCH', `/api/v1/organisations/${organisationId}`, { identifier: 'URA-00000001' }),
  },
  'GET /api/v1/people': {
    access: 'authenticated',
    // Organisation admins may list, but only see their own organisation (tested in the feature).
    allow: { platform_admin: 'any', organisation_admin: 'any' },
    request: () => json('GET', '/api/v1/people'),
  },
  'POST /api/v1/people': {
    access: 'authenticated',
    allow: admins,
    request: ({ organisationId, unique }) =>
      json('POST', '/api/v1/people', {
        name: `Medewerker ${unique}`,
        email: `medewerker-${unique}@kansrijk.demo`,
        memberships: [{ organisationId, roles: ['professional'] }],
      }),
  },
  'GET /api/v1/people/:id': { access: 'authenticated', allow: admins, request: ({ personId }) => json('GET', `/api/v1/people/${personId}`) },
  'PATCH /api/v1/people/:id': {
    access: 'authenticated',
    allow: admins,
    request: ({ personId }) => json('PATCH', `/api/v1/people/${personId}`, { name: 'Vaste Testpersoon' }),
  },
  'POST /api/v1/people/:id/invitations': {
    access: 'authenticated',
    allow: admins,
    request: ({ personId }) => json('POST', `/api/v1/people/${personId}/invitations`),
  },
  // The monitor: published aggregates for everyone logged in; imports for analysts and the platform admin.
  'GET /api/v1/monitor/indicators': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/monitor/indicators') },
  'GET /api/v1/monitor/overview': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/monitor/overview') },
  'GET /api/v1/monitor/indicators/:key/figures': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('GET', '/api/v1/monitor/indicators/big2/figures?areaLevel=province'),
  },
  'GET /api/v1/monitor/indicators/:key/areas/:areaCode/series': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('GET', '/api/v1/monitor/indicators/big2/areas/GM0505/series'),
  },
  'GET /api/v1/monitor/areas/:areaCode': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/monitor/areas/GM0505') },
  'GET /api/v1/monitor/coalitions': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/monitor/coalitions') },
  'POST /api/v1/monitor/imports/preview': {
    access: 'authenticated',
    allow: { analyst: 'any', platform_admin: 'any' },
    request: () => csv('POST', '/api/v1/monitor/imports/preview', 'indicator;gebied;jaar;uitsplitsing;teller;noemer\nbig2;GM0505;2023;all;12;100\n'),
  },
  'POST /api/v1/monitor/imports': {
    access: 'authenticated',
    allow: { analyst: 'any', platform_admin: 'any' },
    // A file with an error: allowed roles reach the check (400), and nothing is stored.
    request: () => csv('POST', '/api/v1/monitor/imports', 'indicator;gebied;jaar;uitsplitsing;teller;noemer\nbig2;GM9999;2023;all;12;100\n'),
  },
  'GET /api/v1/audit-events': {
    access: 'authenticated',
    // Organisation admins see only their own organisation's events (tested in the feature).
    allow: { platform_admin: 'any', organisation_admin: 'any' },
    request: () => json('GET', '/api/v1/audit-events'),
  },
  // Families: professionals, and only where their organisation has a care relationship.
  'GET /api/v1/families': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('GET', '/api/v1/families?q=a') },
  'POST /api/v1/families/search': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('POST', '/api/v1/families/search', { bsn: '123456782' }) },
  'POST /api/v1/families': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: ({ unique }) =>
      json('POST', '/api/v1/families', {
        client: { givenName: 'Matrix', familyName: unique, birthDate: '1994-02-02' },
        postcode: '3311 AB',
        municipalityCode: 'GM0505',
        contact: { channel: 'phone' },
      }),
  },
  'GET /api/v1/families/:familyId': { access: 'authenticated', allow: { professional: 'own' }, request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}`) },
  'PATCH /api/v1/families/:familyId': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('PATCH', `/api/v1/families/${familyId}`, { version: 1 }),
  },
  'POST /api/v1/families/:familyId/pregnancies': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('POST', `/api/v1/families/${familyId}/pregnancies`, { dueDate: new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10) }),
  },
  'GET /api/v1/families/:familyId/duplicates': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/duplicates`),
  },
  'POST /api/v1/families/:familyId/merges': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('POST', `/api/v1/families/${familyId}/merges`, { duplicateId: familyId, version: 1 }),
  },
  'GET /api/v1/families/:familyId/access-log': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/access-log`),
  },
  // A closure flag on a child: only professionals of youth health care, the GGD or a social team with a
  // care relationship. The matrix's professional is a midwife, refused even in her own family's file
  // (the JGZ nurse and the wijkteam: families/child-closures.test.ts, allowed-actions.test.ts).
  'POST /api/v1/families/:familyId/children/:childId/closures': {
    access: 'authenticated',
    allow: {},
    request: ({ familyId }) => json('POST', `/api/v1/families/${familyId}/children/00000000-0000-4000-8000-0000000000c1/closures`, { reason: 'safety' }),
  },
  'POST /api/v1/families/:familyId/children/:childId/closures/:closureId/lifting': {
    access: 'authenticated',
    allow: {},
    request: ({ familyId }) =>
      json('POST', `/api/v1/families/${familyId}/children/00000000-0000-4000-8000-0000000000c1/closures/00000000-0000-4000-8000-0000000000c2/lifting`),
  },
  'POST /api/v1/emergency-access': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: () => json('POST', '/api/v1/emergency-access', { bsn: '111111110', reason: 'Matrixtest: geen cliënt met dit BSN aanwezig.' }),
  },
  'GET /api/v1/emergency-access': { access: 'authenticated', allow: { platform_admin: 'any', organisation_admin: 'any' }, request: () => json('GET', '/api/v1/emergency-access') },
  'POST /api/v1/emergency-access/:id/review': {
    access: 'authenticated',
    allow: { platform_admin: 'any', organisation_admin: 'own' },
    request: ({ emergencyAccessId }) => json('POST', `/api/v1/emergency-access/${emergencyAccessId}/review`, { note: 'Matrix gecontroleerd.' }),
  },

  // FHIR R4 API (errors as OperationOutcome; the same policy as the REST routes).
  'GET /fhir/R4/metadata': { access: 'public', request: () => json('GET', '/fhir/R4/metadata') },
  'GET /fhir/R4/.well-known/smart-configuration': { access: 'public', request: () => json('GET', '/fhir/R4/.well-known/smart-configuration') },
  // Unknown FHIR paths: an OperationOutcome 404 for anyone, also where the web app's fallback would answer.
  'GET /fhir/*': { access: 'public', request: () => json('GET', '/fhir/R4/Onbekend') },
  'GET /fhir/R4/Organization': { access: 'authenticated', allow: everyone, request: () => json('GET', '/fhir/R4/Organization?type=jgz') },
  'GET /fhir/R4/Organization/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ organisationId }) => json('GET', `/fhir/R4/Organization/${organisationId}`),
  },
  'GET /fhir/R4/HealthcareService': { access: 'authenticated', allow: everyone, request: () => json('GET', '/fhir/R4/HealthcareService?municipality=GM0505') },
  'GET /fhir/R4/HealthcareService/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ organisationId }) => json('GET', `/fhir/R4/HealthcareService/${organisationId}`),
  },
  'GET /fhir/R4/Questionnaire': { access: 'authenticated', allow: everyone, request: () => json('GET', '/fhir/R4/Questionnaire') },
  'GET /fhir/R4/Questionnaire/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ questionnaireId }) => json('GET', `/fhir/R4/Questionnaire/${questionnaireId}`),
  },
  // Searches run only over what the actor may see: a professional of another organisation gets an empty searchset.
  'GET /fhir/R4/Patient': { access: 'authenticated', allow: { professional: 'any' }, request: ({ familyId }) => json('GET', `/fhir/R4/Patient?_id=${familyId}`) },
  'GET /fhir/R4/Patient/:id': { access: 'authenticated', allow: { professional: 'own' }, request: ({ familyId }) => json('GET', `/fhir/R4/Patient/${familyId}`) },
  'GET /fhir/R4/RelatedPerson': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: ({ familyId }) => json('GET', `/fhir/R4/RelatedPerson?patient=Patient/${familyId}`),
  },
  // The situation's family has no partner: professionals reach the lookup (404); other roles are refused first.
  'GET /fhir/R4/RelatedPerson/:id': { access: 'authenticated', allow: { professional: 'any' }, request: ({ familyId }) => json('GET', `/fhir/R4/RelatedPerson/${familyId}`) },
  'GET /fhir/R4/QuestionnaireResponse': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/fhir/R4/QuestionnaireResponse?patient=Patient/${familyId}`),
  },
  'GET /fhir/R4/QuestionnaireResponse/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ screeningId }) => json('GET', `/fhir/R4/QuestionnaireResponse/${screeningId}`),
  },
  'POST /fhir/R4/QuestionnaireResponse': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('POST', '/fhir/R4/QuestionnaireResponse', completedQuestionnaireResponse(familyId, t.clock.now())),
  },
  'GET /fhir/R4/ServiceRequest': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/fhir/R4/ServiceRequest?patient=Patient/${familyId}`),
  },
  'GET /fhir/R4/ServiceRequest/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId }) => json('GET', `/fhir/R4/ServiceRequest/${referralId}`),
  },
  'GET /fhir/R4/Task': { access: 'authenticated', allow: { professional: 'own' }, request: ({ familyId }) => json('GET', `/fhir/R4/Task?patient=Patient/${familyId}`) },
  'GET /fhir/R4/Task/:id': { access: 'authenticated', allow: { professional: 'own' }, request: ({ referralId }) => json('GET', `/fhir/R4/Task/${referralId}`) },
  // Once the consent is withdrawn (withdrawal routes): consent_required (422), still reached.
  'POST /fhir/R4/Task': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId, organisationId, consentId }) => json('POST', '/fhir/R4/Task', referralTask(familyId, referralReceiverOf(organisationId), consentId)),
  },
  // The sender cancels without a reason: 400 (or 409 once cancelled), reached but not saved.
  'PATCH /fhir/R4/Task/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId }) => ({
      ...json('PATCH', `/fhir/R4/Task/${referralId}`, [{ op: 'replace', path: '/status', value: 'cancelled' }]),
      headers: { 'content-type': 'application/json-patch+json' },
    }),
  },
  'GET /fhir/R4/Consent': { access: 'authenticated', allow: { professional: 'own' }, request: ({ familyId }) => json('GET', `/fhir/R4/Consent?patient=Patient/${familyId}`) },
  'GET /fhir/R4/Consent/:id': { access: 'authenticated', allow: { professional: 'own' }, request: ({ consentId }) => json('GET', `/fhir/R4/Consent/${consentId}`) },
  'POST /fhir/R4/Consent': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId, organisationId }) => json('POST', '/fhir/R4/Consent', consentResource(familyId, referralReceiverOf(organisationId), t.clock.now())),
  },
  // Withdrawn after the first allowed run: later runs get already_processed (409), still reached.
  'PATCH /fhir/R4/Consent/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ consentId }) => ({
      ...json('PATCH', `/fhir/R4/Consent/${consentId}`, [{ op: 'replace', path: '/status', value: 'inactive' }]),
      headers: { 'content-type': 'application/json-patch+json' },
    }),
  },
  'GET /fhir/R4/Observation': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/fhir/R4/Observation?patient=Patient/${familyId}`),
  },
  // No birth with this id: professionals reach the lookup (404); other roles are refused first.
  'GET /fhir/R4/Observation/:id': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: ({ familyId }) => json('GET', `/fhir/R4/Observation/${familyId}-big2`),
  },
  'GET /fhir/R4/AuditEvent': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/fhir/R4/AuditEvent?patient=Patient/${familyId}`),
  },
  // Search by POST (a BSN only so): the same policy as the GET search of that type.
  'POST /fhir/R4/:type/_search': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: ({ familyId }) => ({ ...json('POST', '/fhir/R4/Patient/_search', `_id=${familyId}`), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  },
  // vread of the current version: the same policy as the read of that type.
  'GET /fhir/R4/:type/:id/_history/:vid': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId }) => json('GET', `/fhir/R4/Task/${referralId}/_history/1`),
  },
  // FHIR Subscriptions: only an organisation's own admin. Searching lists the own organisation's only;
  // a create naming another organisation in its criteria is refused by the criteria check (400), not here.
  'GET /fhir/R4/Subscription': { access: 'authenticated', allow: { organisation_admin: 'any' }, request: () => json('GET', '/fhir/R4/Subscription') },
  'GET /fhir/R4/Subscription/:id': {
    access: 'authenticated',
    allow: { organisation_admin: 'own' },
    request: ({ subscriptionId }) => json('GET', `/fhir/R4/Subscription/${subscriptionId}`),
  },
  'POST /fhir/R4/Subscription': {
    access: 'authenticated',
    allow: { organisation_admin: 'any' },
    request: ({ organisationId }) =>
      json('POST', '/fhir/R4/Subscription', {
        resourceType: 'Subscription',
        status: 'requested',
        reason: 'Matrix',
        criteria: `Task?owner=Organization/${organisationId}`,
        channel: { type: 'rest-hook', endpoint: 'https://systeem.example.nl/notificaties' },
      }),
  },
  'DELETE /fhir/R4/Subscription/:id': {
    access: 'authenticated',
    allow: { organisation_admin: 'own' },
    request: ({ subscriptionId }) => json('DELETE', `/fhir/R4/Subscription/${subscriptionId}`),
  },
  // The organisation admin's view of the same Subscriptions (REST): list, switch on again, end.
  'GET /api/v1/subscriptions': { access: 'authenticated', allow: { organisation_admin: 'any' }, request: () => json('GET', '/api/v1/subscriptions') },
  'POST /api/v1/subscriptions/:id/reactivation': {
    access: 'authenticated',
    allow: { organisation_admin: 'own' },
    request: ({ subscriptionId }) => json('POST', `/api/v1/subscriptions/${subscriptionId}/reactivation`),
  },
  'DELETE /api/v1/subscriptions/:id': {
    access: 'authenticated',
    allow: { organisation_admin: 'own' },
    request: ({ subscriptionId }) => json('DELETE', `/api/v1/subscriptions/${subscriptionId}`),
  },
  // Notifications: everyone her own (another's notice does not exist: 404); an admin a member's preferences and the inbox settings.
  'GET /api/v1/notifications': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/notifications?unread=true') },
  'GET /api/v1/notifications/unread-count': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/notifications/unread-count') },
  'POST /api/v1/notifications/:id/reading': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('POST', '/api/v1/notifications/00000000-0000-4000-8000-00000000beef/reading'),
  },
  'GET /api/v1/notification-preferences': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/notification-preferences') },
  'PUT /api/v1/notification-preferences': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('PUT', '/api/v1/notification-preferences', { preferences: [{ kind: 'referral_due', delivery: 'in_app' }] }),
  },
  'GET /api/v1/people/:id/notification-preferences': { access: 'authenticated', allow: admins, request: ({ personId }) => json('GET', `/api/v1/people/${personId}/notification-preferences`) },
  'PUT /api/v1/people/:id/notification-preferences': {
    access: 'authenticated',
    allow: admins,
    request: ({ personId }) => json('PUT', `/api/v1/people/${personId}/notification-preferences`, { preferences: [{ kind: 'referral_received', delivery: 'in_app' }] }),
  },
  'GET /api/v1/organisations/:id/inbox-settings': { access: 'authenticated', allow: admins, request: ({ organisationId }) => json('GET', `/api/v1/organisations/${organisationId}/inbox-settings`) },
  'PUT /api/v1/organisations/:id/inbox-settings': {
    access: 'authenticated',
    allow: admins,
    request: ({ organisationId }) => json('PUT', `/api/v1/organisations/${organisationId}/inbox-settings`, { functionalAddress: null, recipientIds: [] }),
  },
  // The sociale kaart: everyone reads; an organisation admin keeps her own organisation's services.
  'GET /api/v1/services': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/services?municipalityCode=GM0505') },
  'GET /api/v1/services/verification-tasks': { access: 'authenticated', allow: { organisation_admin: 'any', platform_admin: 'any' }, request: () => json('GET', '/api/v1/services/verification-tasks') },
  'GET /api/v1/services/:id': { access: 'authenticated', allow: everyone, request: ({ serviceId }) => json('GET', `/api/v1/services/${serviceId}`) },
  'POST /api/v1/services': { access: 'authenticated', allow: admins, request: ({ organisationId }) => json('POST', '/api/v1/services', matrixService(organisationId)) },
  'PUT /api/v1/services/:id': {
    access: 'authenticated',
    allow: admins,
    request: ({ serviceId }) => json('PUT', `/api/v1/services/${serviceId}`, { ...matrixService(), version: 1 }),
  },
  'POST /api/v1/services/:id/confirmation': { access: 'authenticated', allow: admins, request: ({ serviceId }) => json('POST', `/api/v1/services/${serviceId}/confirmation`) },
  'GET /fhir/R4/SearchParameter': { access: 'authenticated', allow: everyone, request: () => json('GET', '/fhir/R4/SearchParameter') },
  'GET /fhir/R4/SearchParameter/:id': { access: 'authenticated', allow: everyone, request: () => json('GET', '/fhir/R4/SearchParameter/patient-address-district') },
  // fhir: matrix entries
  // Screening (instruments are not personal data; a screening is part of a family's file).
  'GET /api/v1/questionnaires': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/questionnaires') },
  'GET /api/v1/questionnaires/:id': {
    access: 'authenticated',
    allow: everyone,
    request: ({ questionnaireId }) => json('GET', `/api/v1/questionnaires/${questionnaireId}`),
  },
  'POST /api/v1/questionnaires': {
    access: 'authenticated',
    allow: { platform_admin: 'any' },
    // An invalid instrument: the admin reaches the check (400), nothing is stored.
    request: () => json('POST', '/api/v1/questionnaires', { resourceType: 'Questionnaire', title: 'Onvolledig' }),
  },
  'GET /api/v1/families/:familyId/screenings': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/screenings`),
  },
  'POST /api/v1/families/:familyId/screenings': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('POST', `/api/v1/families/${familyId}/screenings`),
  },
  'GET /api/v1/screenings/:id': { access: 'authenticated', allow: { professional: 'own' }, request: ({ screeningId }) => json('GET', `/api/v1/screenings/${screeningId}`) },
  'PUT /api/v1/screenings/:id/answers': {
    access: 'authenticated',
    allow: { professional: 'own' },
    // Version 1 may be stale after an earlier run (409): still reached, not refused.
    request: ({ screeningId }) => json('PUT', `/api/v1/screenings/${screeningId}/answers`, { answers: {}, version: 1 }),
  },
  'POST /api/v1/screenings/:id/completion': {
    access: 'authenticated',
    allow: { professional: 'own' },
    // Required questions open: reached (400), not completed.
    request: ({ screeningId }) => json('POST', `/api/v1/screenings/${screeningId}/completion`),
  },
  // Care pathways: public agreements for every role; suggestions read the family's screening.
  'GET /api/v1/pathways': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/pathways?municipality=GM0505') },
  // The pathway editor: published pathways for everyone; drafts, publishing, withdrawing and improvement
  // actions for the coordinators of the pathway's coalition. "Own" is Dordrecht (GM0505, in KS0001), "other" Utrecht (GM0344, in KS0002).
  'GET /api/v1/pathway-register': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/pathway-register?scope=${coalitionCodeOf(isOwn)}`) },
  'GET /api/v1/pathways/:scopeCode/:factorKey': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts`) },
  'POST /api/v1/pathways/:scopeCode/:factorKey/drafts': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => json('POST', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts/drafts`, { title: 'Matrix' }),
  },
  'PUT /api/v1/pathways/:scopeCode/:factorKey/versions/:version': {
    access: 'authenticated',
    allow: coalitionEditors,
    // A version that does not exist: allowed roles reach the use-case (404), nothing changes.
    request: ({ isOwn }) => json('PUT', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts/versions/999`, { title: 'Matrix', localAgreements: '', steps: [] }),
  },
  'POST /api/v1/pathways/:scopeCode/:factorKey/versions/:version/publication': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => json('POST', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts/versions/999/publication`),
  },
  'POST /api/v1/pathways/:scopeCode/:factorKey/versions/:version/withdrawal': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => json('POST', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts/versions/999/withdrawal`),
  },
  'POST /api/v1/pathways/:scopeCode/:factorKey/improvement-actions': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, unique }) => json('POST', `/api/v1/pathways/${pathwayScopeOf(isOwn)}/money-debts/improvement-actions`, { title: `Matrix ${unique}` }),
  },
  'GET /api/v1/families/:familyId/pathways': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/pathways`),
  },
  // The yearly municipal questionnaire (issue 10 item 6): the policy officer answers for the municipalities
  // their organisation serves ("own": Dordrecht, GM0505; "other": Groningen, GM0014); the coordinators of
  // its coalitions read it; analysts and the platform admin read everything, send out editions, reopen.
  'GET /api/v1/municipal-questionnaire/editions': {
    access: 'authenticated',
    allow: { policy_officer: 'any', coalition_coordinator: 'any', analyst: 'any', platform_admin: 'any' },
    request: () => json('GET', '/api/v1/municipal-questionnaire/editions'),
  },
  'POST /api/v1/municipal-questionnaire/editions': {
    access: 'authenticated',
    allow: { analyst: 'any', platform_admin: 'any' },
    // After the first, the same year again: 409 (allowed roles reach the check).
    request: () => json('POST', '/api/v1/municipal-questionnaire/editions', { year: 2031, referenceDate: '2031-11-16', opensOn: '2031-10-01', deadline: '2031-12-15' }),
  },
  'GET /api/v1/municipal-questionnaire/editions/:year/responses': {
    access: 'authenticated',
    allow: { policy_officer: 'any', coalition_coordinator: 'any', analyst: 'any', platform_admin: 'any' },
    request: () => json('GET', `/api/v1/municipal-questionnaire/editions/${QUESTIONNAIRE_YEAR}/responses`),
  },
  'GET /api/v1/municipal-questionnaire/editions/:year/responses/:municipalityCode': {
    access: 'authenticated',
    allow: { policy_officer: 'own', coalition_coordinator: 'own', analyst: 'any', platform_admin: 'any' },
    request: ({ isOwn }) => json('GET', `/api/v1/municipal-questionnaire/editions/${QUESTIONNAIRE_YEAR}/responses/${isOwn ? 'GM0505' : 'GM0014'}`),
  },
  'PUT /api/v1/municipal-questionnaire/editions/:year/responses/:municipalityCode': {
    access: 'authenticated',
    allow: { policy_officer: 'own', platform_admin: 'any' },
    request: ({ isOwn }) =>
      json('PUT', `/api/v1/municipal-questionnaire/editions/${QUESTIONNAIRE_YEAR}/responses/${isOwn ? 'GM0505' : 'GM0014'}`, { answers: { coalition_status: 'formed' } }),
  },
  'POST /api/v1/municipal-questionnaire/editions/:year/responses/:municipalityCode/submission': {
    access: 'authenticated',
    allow: { policy_officer: 'own', platform_admin: 'any' },
    request: ({ isOwn }) =>
      json('POST', `/api/v1/municipal-questionnaire/editions/${QUESTIONNAIRE_YEAR}/responses/${isOwn ? 'GM0505' : 'GM0014'}/submission`, { answers: { coalition_status: 'formed' } }),
  },
  'POST /api/v1/municipal-questionnaire/editions/:year/responses/:municipalityCode/reopening': {
    access: 'authenticated',
    allow: { analyst: 'any', platform_admin: 'any' },
    // Not locked (the edition is open): 409 for the allowed roles, past the policy.
    request: ({ isOwn }) =>
      json('POST', `/api/v1/municipal-questionnaire/editions/${QUESTIONNAIRE_YEAR}/responses/${isOwn ? 'GM0505' : 'GM0014'}/reopening`, { reason: 'Matrix: heropenen.' }),
  },
  // care: JGZ home visits, interventions, outcomes and caseload (a family's file: professionals with a care relationship).
  'GET /api/v1/families/:familyId/home-visits': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/home-visits`),
  },
  // The prenatal home visit and the support tier are youth health care's own records: the matrix's
  // professional is a midwife, refused even in her own family's file (the JGZ nurse: allowed-actions.test.ts).
  'POST /api/v1/families/:familyId/home-visits': {
    access: 'authenticated',
    allow: {},
    request: ({ familyId, personId }) => json('POST', `/api/v1/families/${familyId}/home-visits`, { plannedOn: careDay(7), nurseId: personId }),
  },
  'PATCH /api/v1/home-visits/:id': {
    access: 'authenticated',
    allow: {},
    // Version 1 may be stale after an earlier run (409): still reached, not refused.
    request: ({ homeVisitId }) => json('PATCH', `/api/v1/home-visits/${homeVisitId}`, { version: 1, followUp: 'Matrix: vervolg afgesproken.' }),
  },
  'GET /api/v1/interventions': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/interventions') },
  'GET /api/v1/interventions/:key': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/interventions/voorzorg') },
  'GET /api/v1/families/:familyId/enrolments': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/enrolments`),
  },
  'POST /api/v1/families/:familyId/enrolments': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId, organisationId }) => json('POST', `/api/v1/families/${familyId}/enrolments`, { interventionKey: 'home-start', organisationId, startedOn: careDay(0) }),
  },
  'PATCH /api/v1/enrolments/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ enrolmentId }) => json('PATCH', `/api/v1/enrolments/${enrolmentId}`, { version: 1, action: 'end', on: careDay(0) }),
  },
  'GET /api/v1/families/:familyId/outcomes': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/outcomes`),
  },
  'POST /api/v1/families/:familyId/birth': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) =>
      json('POST', `/api/v1/families/${familyId}/birth`, {
        birthDate: careDay(-1),
        gestationalWeeks: 39,
        gestationalDays: 3,
        birthWeightGrams: 3400,
        sex: 'male',
        multipleBirth: true,
        maternityCareReceived: true,
        maternityCareHours: 40,
      }),
  },
  'POST /api/v1/families/:familyId/two-year-outcome': {
    access: 'authenticated',
    allow: { professional: 'own' },
    // No child of two in the file: reached (400), nothing stored.
    request: ({ familyId }) => json('POST', `/api/v1/families/${familyId}/two-year-outcome`, { measuredOn: careDay(0), speechLanguageResult: 'normal' }),
  },
  'GET /api/v1/families/:familyId/caseload': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/caseload`),
  },
  'PUT /api/v1/families/:familyId/caseload': {
    access: 'authenticated',
    allow: {},
    // Already on the caseload after an earlier run (400: version needed): still reached, not refused.
    request: ({ familyId }) => json('PUT', `/api/v1/families/${familyId}/caseload`, { tier: 'extra', judgement: 'Matrix' }),
  },
  // The working list searches only the actor's own organisation's caseload (tested in the feature).
  'GET /api/v1/caseload': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('GET', '/api/v1/caseload?nurse=all') },
  // The professionals of the actor's own organisation (tested in the feature).
  'GET /api/v1/care-team': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('GET', '/api/v1/care-team') },

  // Consent and referrals: the family's file (care relationship) and the referral's sender/receiver.
  'POST /api/v1/families/:familyId/consents': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId, organisationId }) =>
      json('POST', `/api/v1/families/${familyId}/consents`, {
        givenBy: 'client',
        receiverOrganisationId: referralReceiverOf(organisationId),
        purposes: ['referral'],
        dataCategories: ['contact_details'],
        form: 'verbal',
        givenOn: careDay(-1),
        validUntil: careDay(90),
      }),
  },
  'GET /api/v1/families/:familyId/consents': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/consents`),
  },
  // Withdrawn after the first allowed run: later runs get already_processed (409), still reached.
  'POST /api/v1/consents/:id/withdrawal': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ consentId }) => json('POST', `/api/v1/consents/${consentId}/withdrawal`),
  },
  'GET /api/v1/families/:familyId/referrals': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ familyId }) => json('GET', `/api/v1/families/${familyId}/referrals`),
  },
  'POST /api/v1/referrals': {
    access: 'authenticated',
    allow: { professional: 'own' },
    // Once the consent is withdrawn (route above): consent_required (422), still reached.
    request: ({ familyId, organisationId, consentId, unique }) =>
      json('POST', '/api/v1/referrals', {
        familyId,
        receiverOrganisationId: referralReceiverOf(organisationId),
        reason: 'Matrix: reden van de verwijzing.',
        consentId,
        idempotencyKey: `matrix-${unique}`,
      }),
  },
  // The working list covers only the actor's own organisation (tested in the feature).
  'GET /api/v1/referrals': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('GET', '/api/v1/referrals?box=outgoing') },
  // Why a received referral disappeared (consent withdrawn): the own organisation's notices, no client unless still visible.
  'GET /api/v1/referral-notices/consent-withdrawals': {
    access: 'authenticated',
    allow: { professional: 'any' },
    request: () => json('GET', '/api/v1/referral-notices/consent-withdrawals'),
  },
  'GET /api/v1/referrals/:id': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId }) => json('GET', `/api/v1/referrals/${referralId}`),
  },
  // The sender cancels without a real reason: 400 (or 409 once cancelled), reached but not saved.
  'POST /api/v1/referrals/:id/transitions': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId }) => json('POST', `/api/v1/referrals/${referralId}/transitions`, { event: 'cancel', reason: 'kort', version: 1 }),
  },
  // Forwarding to the current receiver: 400 from the domain, reached but not saved.
  'POST /api/v1/referrals/:id/forward': {
    access: 'authenticated',
    allow: { professional: 'own' },
    request: ({ referralId, organisationId }) =>
      json('POST', `/api/v1/referrals/${referralId}/forward`, {
        toOrganisationId: referralReceiverOf(organisationId),
        reason: 'Matrix: doorsturen.',
        version: 1,
      }),
  },
  // The plan of approach (coalition workspace): approved versions for everyone, drafts for the
  // coalition's readers, changes by its editors. Changes use a stale revision: reached, not saved.
  'GET /api/v1/coalitions/:code/plan': { access: 'authenticated', allow: everyone, request: ({ coalitionCode }) => json('GET', `/api/v1/coalitions/${coalitionCode}/plan`) },
  'POST /api/v1/coalitions/:code/plan/versions': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/plan/versions`, {}),
  },
  'GET /api/v1/coalitions/:code/plan/versions/:version': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ coalitionCode }) => json('GET', `/api/v1/coalitions/${coalitionCode}/plan/versions/1`),
  },
  'PUT /api/v1/coalitions/:code/plan/versions/:version': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ coalitionCode, unique }) =>
      json('PUT', `/api/v1/coalitions/${coalitionCode}/plan/versions/1`, { revision: 999, content: { ...emptyContent(), texts: { ...emptyContent().texts, ambition: unique } } }),
  },
  'POST /api/v1/coalitions/:code/plan/versions/:version/approval': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/plan/versions/1/approval`, { revision: 999, approvedOn: '2025-01-01', approvedBy: 'Stuurgroep' }),
  },
  'GET /api/v1/coalitions/:code/plan/comparison': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ coalitionCode }) => json('GET', `/api/v1/coalitions/${coalitionCode}/plan/comparison?from=1&to=1`),
  },
  'GET /api/v1/coalitions/:code/improvement-actions': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ coalitionCode }) => json('GET', `/api/v1/coalitions/${coalitionCode}/improvement-actions`),
  },
  'POST /api/v1/coalitions/:code/improvement-actions': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ coalitionCode, unique }) => json('POST', `/api/v1/coalitions/${coalitionCode}/improvement-actions`, { title: `Matrix ${unique}`, origin: null }),
  },
  'PATCH /api/v1/coalitions/:code/improvement-actions/:id': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ coalitionCode, improvementActionId }) =>
      json('PATCH', `/api/v1/coalitions/${coalitionCode}/improvement-actions/${improvementActionId}`, { version: 999, status: 'done' }),
  },
  // No client data: the coordinator (municipalities of their own organisation) and the platform admin.
  'GET /api/v1/referral-overview/overdue': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'any', platform_admin: 'any' },
    request: () => json('GET', '/api/v1/referral-overview/overdue'),
  },

  // The coalition register (issue 10 item 9): everyone logged in reads; coordinators found coalitions
  // and change only their own ('own' = KS0001, which the demo coordinator coordinates); the platform
  // admin everything. Changes that are reached are refused by the domain (or repeat a recorded one).
  'GET /api/v1/coalitions': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/coalitions?kind=local') },
  'GET /api/v1/coalitions/overview': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/coalitions/overview') },
  'GET /api/v1/coalitions/:code': { access: 'authenticated', allow: everyone, request: ({ coalitionCode }) => json('GET', `/api/v1/coalitions/${coalitionCode}`) },
  // Dordrecht is already in a local coalition: reached, refused by the membership rule (409), nothing founded.
  'POST /api/v1/coalitions': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'any', platform_admin: 'any' },
    request: ({ unique }) => json('POST', '/api/v1/coalitions', { name: `Matrix ${unique}`, kind: 'local', startDate: '2025-01-01', municipalityCodes: ['GM0505'] }),
  },
  'PATCH /api/v1/coalitions/:code': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('PATCH', `/api/v1/coalitions/${coalitionCode}`, {}),
  },
  'POST /api/v1/coalitions/:code/members': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    // Dordrecht's recorded membership of KS0001 again: reached, nothing changes (200); in KS0002 it would overlap.
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/members`, { municipalityCode: 'GM0505', since: '2019-01-01' }),
  },
  'POST /api/v1/coalitions/:code/members/:municipalityCode/end': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/members/GM0014/end`, { until: '2025-01-01' }),
  },
  'POST /api/v1/coalitions/:code/coordinators': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/coordinators`, { email: 'niemand@kansrijk.demo', role: 'deputy', since: '2025-01-01' }),
  },
  'POST /api/v1/coalitions/:code/coordinators/:personId/end': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode, personId }) => json('POST', `/api/v1/coalitions/${coalitionCode}/coordinators/${personId}/end`, { until: '2025-01-01' }),
  },
  'POST /api/v1/coalitions/:code/steering-group': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/steering-group`, { name: 'Matrix Lid', organisation: 'Matrix', function: 'Lid' }),
  },
  'DELETE /api/v1/coalitions/:code/steering-group/:id': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('DELETE', `/api/v1/coalitions/${coalitionCode}/steering-group/00000000-0000-4000-8000-000000000000`),
  },
  'POST /api/v1/coalitions/:code/funding': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('POST', `/api/v1/coalitions/${coalitionCode}/funding`, { source: 'other', periodStart: '2025-01-01', periodEnd: '2025-12-31', amountCents: 100 }),
  },
  'DELETE /api/v1/coalitions/:code/funding/:id': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('DELETE', `/api/v1/coalitions/${coalitionCode}/funding/00000000-0000-4000-8000-000000000000`),
  },
  'PUT /api/v1/coalitions/:code/statuses/:year': {
    access: 'authenticated',
    allow: { coalition_coordinator: 'own', platform_admin: 'any' },
    request: ({ coalitionCode }) => json('PUT', `/api/v1/coalitions/${coalitionCode}/statuses/2019`, { status: 'formed' }),
  },
  // Coalition partners and agreements: everyone logged in reads; the coordinator edits her own
  // coalition (own = KS0001 Drechtsteden, other = KS0002), the platform admin every coalition.
  'GET /api/v1/coalitions/:code/partners': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/partners`) },
  'POST /api/v1/coalitions/:code/partners': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, unique }) => json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/partners`, { externalName: `Partner ${unique}`, domain: 'social', level: 'uitvoerend' }),
  },
  'PUT /api/v1/coalitions/:code/partners/:id': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) =>
      json('PUT', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/partners/${coalitionRecords[coalitionCodeOf(isOwn)]!.partnerId}`, { externalName: 'Vaste partner', domain: 'informal', level: 'uitvoerend' }),
  },
  // The local offer: everyone logged in reads it (per coalition and across them); the coordinator
  // keeps her own coalition's, the platform admin every coalition's.
  'GET /api/v1/coalitions/:code/local-offer': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/local-offer`) },
  'GET /api/v1/local-offer': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/local-offer?municipality=GM0505') },
  'GET /api/v1/offer-finder': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/offer-finder?municipality=GM0505&factor=money-debts') },
  'GET /api/v1/offer-coverage/matrix': { access: 'authenticated', allow: coalitionReaders, request: ({ isOwn }) => json('GET', `/api/v1/offer-coverage/matrix?coalition=${coalitionCodeOf(isOwn)}`) },
  'GET /api/v1/offer-coverage/phases': { access: 'authenticated', allow: coalitionReaders, request: ({ isOwn }) => json('GET', `/api/v1/offer-coverage/phases?coalition=${coalitionCodeOf(isOwn)}`) },
  'GET /api/v1/offer-coverage/recognised': { access: 'authenticated', allow: coalitionReaders, request: ({ isOwn }) => json('GET', `/api/v1/offer-coverage/recognised?coalition=${coalitionCodeOf(isOwn)}`) },
  'POST /api/v1/coalitions/:code/local-offer': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) =>
      json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/local-offer`, { activityName: 'Matrix-inloop', serviceId: drechtstedenServiceId, fundingRoute: 'wmo', since: '2026-01-01' }),
  },
  'PUT /api/v1/coalitions/:code/local-offer/:id': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) =>
      json('PUT', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/local-offer/${coalitionRecords[coalitionCodeOf(isOwn)]!.offerId}`, {
        interventionKey: 'voorzorg',
        serviceId: drechtstedenServiceId,
        fundingRoute: 'spuk_gala',
        since: '2026-01-01',
        version: 1,
      }),
  },
  'DELETE /api/v1/coalitions/:code/local-offer/:id': {
    access: 'authenticated',
    allow: coalitionEditors,
    // A record that is not there: the policy is decided on the coalition first, so others get 403, not 404.
    request: ({ isOwn }) => json('DELETE', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/local-offer/00000000-0000-4000-8000-000000000000`),
  },
  'GET /api/v1/coalitions/:code/agreements': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreements`) },
  'POST /api/v1/coalitions/:code/agreements': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreements`, { topic: 'other', level: 'uitvoering', status: 'in_development' }),
  },
  'PUT /api/v1/coalitions/:code/agreements/:id': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) =>
      json('PUT', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreements/${coalitionRecords[coalitionCodeOf(isOwn)]!.agreementId}`, {
        topic: 'interventions',
        level: 'organisatie',
        status: 'in_development',
        version: 1,
      }),
  },
  'PUT /api/v1/coalitions/:code/agreement-topics/:topic/no-agreement-reason': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => json('PUT', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreement-topics/regional/no-agreement-reason`, { reason: 'Matrix: nog in ontwikkeling.' }),
  },
  'PUT /api/v1/coalitions/:code/agreements/:id/document': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) => ({
      method: 'PUT',
      url: `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreements/${coalitionRecords[coalitionCodeOf(isOwn)]!.agreementId}/document?fileName=matrix.pdf`,
      payload: '%PDF-1.4\n%%EOF\n',
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/v1/coalitions/:code/agreements/:id/document': {
    access: 'authenticated',
    allow: everyone,
    request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/agreements/${coalitionRecords[coalitionCodeOf(isOwn)]!.agreementId}/document`),
  },
  'GET /api/v1/coalition-agreements/to-review': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/coalition-agreements/to-review') },
  // Self-analysis (coalition workspace): own = KS0001 (the coordinator's coalition, with the policy
  // officer's Dordrecht), other = KS0002. Readers read rounds and reports; editors open, invite, close.
  'GET /api/v1/coalitions/:code/analysis-rounds': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds`),
  },
  'POST /api/v1/coalitions/:code/analysis-rounds': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, unique }) => json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds`, { title: `Ronde ${unique}`, anonymity: 'named' }),
  },
  'GET /api/v1/coalitions/:code/analysis-rounds/:roundId': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ isOwn, analysisRoundId }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds/${analysisRoundId}`),
  },
  // Reading whom one could invite needs the right to invite.
  'GET /api/v1/coalitions/:code/analysis-rounds/:roundId/candidates': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, analysisRoundId }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds/${analysisRoundId}/candidates`),
  },
  'POST /api/v1/coalitions/:code/analysis-rounds/:roundId/respondents': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, analysisRoundId, unique }) =>
      json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds/${analysisRoundId}/respondents`, { name: `Partner ${unique}`, email: `partner-${unique}@example.org` }),
  },
  'POST /api/v1/coalitions/:code/analysis-rounds/:roundId/closure': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn, analysisRoundId }) => json('POST', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds/${analysisRoundId}/closure`),
  },
  'GET /api/v1/coalitions/:code/analysis-rounds/:roundId/report': {
    access: 'authenticated',
    allow: coalitionReaders,
    request: ({ isOwn, analysisRoundId }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/analysis-rounds/${analysisRoundId}/report`),
  },
  // Answering goes by invitation (checked by the feature): someone else's invitation does not exist (404).
  'GET /api/v1/analysis-invitations': { access: 'authenticated', allow: everyone, request: () => json('GET', '/api/v1/analysis-invitations') },
  'GET /api/v1/analysis-invitations/:respondentId': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('GET', '/api/v1/analysis-invitations/00000000-0000-4000-8000-000000000000'),
  },
  'PUT /api/v1/analysis-invitations/:respondentId/answers': {
    access: 'authenticated',
    allow: everyone,
    request: () => json('PUT', '/api/v1/analysis-invitations/00000000-0000-4000-8000-000000000000/answers', { answers: [{ statementKey: 'opgaven.01', score: 3 }] }),
  },
  // The parents' public side (issue 15): pages and self-registration without login; the list for the receiving organisation's professionals.
  'GET /api/v1/public/parent-pages': { access: 'public', request: () => json('GET', '/api/v1/public/parent-pages') },
  'GET /api/v1/public/parent-pages/:code': { access: 'public', request: () => json('GET', '/api/v1/public/parent-pages/GM0505?phase=zwanger&lang=ar') },
  'POST /api/v1/public/self-registrations': {
    access: 'public',
    request: () =>
      json('POST', '/api/v1/public/self-registrations', {
        municipalityCode: 'GM0505',
        kind: 'prenatal_home_visit',
        name: 'Matrix Ouder',
        phone: '0612345678',
        contactBy: 'phone',
        language: 'nl',
        consent: true,
        idempotencyKey: '5b0c6a34-9d1e-4f7a-8c2b-3e4d5f6a7b8c',
      }),
  },
  'GET /api/v1/coalitions/:code/parent-content': { access: 'authenticated', allow: everyone, request: ({ isOwn }) => json('GET', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/parent-content`) },
  'PUT /api/v1/coalitions/:code/parent-content': {
    access: 'authenticated',
    allow: coalitionEditors,
    request: ({ isOwn }) =>
      json('PUT', `/api/v1/coalitions/${coalitionCodeOf(isOwn)}/parent-content`, {
        content: { blocks: [], links: [], costs: {}, activityPhases: {}, descriptions: {} },
        reviewedOn: '2026-01-01',
        version: 999,
      }),
  },
  'GET /api/v1/self-registrations': { access: 'authenticated', allow: { professional: 'any' }, request: () => json('GET', '/api/v1/self-registrations') },
  'GET /api/v1/analysis-links/:token': { access: 'public', request: () => json('GET', `/api/v1/analysis-links/${'x'.repeat(43)}`) },
  'PUT /api/v1/analysis-links/:token/answers': {
    access: 'public',
    request: () => json('PUT', `/api/v1/analysis-links/${'x'.repeat(43)}/answers`, { answers: [{ statementKey: 'opgaven.01', score: 3 }] }),
  },

  // Machine access (ADR 0017): the platform admin's API clients, and the OAuth 2.0 token endpoint (a public
  // form post that authenticates the client by its signed assertion; nonsense gets OAuth's invalid_request).
  'GET /api/v1/api-clients': { access: 'authenticated', allow: { platform_admin: 'any' }, request: () => json('GET', '/api/v1/api-clients') },
  'POST /api/v1/api-clients': {
    access: 'authenticated',
    allow: { platform_admin: 'any' },
    request: ({ organisationId, unique }) =>
      json('POST', '/api/v1/api-clients', {
        organisationId,
        name: `Koppeling ${unique}`,
        roles: ['organisation_admin'],
        scopes: ['organisation.read'],
        jwk: MATRIX_CLIENT_JWK,
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
  },
  'POST /api/v1/api-clients/:id/revocation': {
    access: 'authenticated',
    allow: { platform_admin: 'any' },
    request: ({ organisationId }) => json('POST', `/api/v1/api-clients/${apiClientOf[organisationId]}/revocation`),
  },
  // The mail outbox (issue 16): the platform admin only.
  'GET /api/v1/mail-outbox': { access: 'authenticated', allow: { platform_admin: 'any' }, request: () => json('GET', '/api/v1/mail-outbox?status=dead') },
  'POST /api/v1/mail-outbox/:id/retry': { access: 'authenticated', allow: { platform_admin: 'any' }, request: () => json('POST', `/api/v1/mail-outbox/${matrixMailId}/retry`) },
  // Not sent yet, so nothing to show (404) even to the admin; everyone else is refused.
  'GET /api/v1/mail-outbox/:id/preview': { access: 'authenticated', allow: { platform_admin: 'any' }, request: () => json('GET', `/api/v1/mail-outbox/${matrixMailId}/preview`) },
  'POST /api/v1/oauth/token': {
    access: 'public',
    request: () => ({ method: 'POST', url: '/api/v1/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials' }),
  },
};

let t: TestApp;
const registered: string[] = [];
const staffOf = new Map<string, string>();
let counter = 0;

beforeAll(async () => {
  t = await createTestApp({
    // Every route × role × organisation is well over the production limit of requests per minute.
    env: { RATE_LIMIT_PER_MINUTE: '100000', METRICS_TOKEN },
    onRoute: (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) if (method !== 'HEAD') registered.push(`${method} ${route.url}`);
    },
  });
  // One API client per organisation, to be revoked (again) by the revocation route.
  for (const organisationId of Object.values(t.demo.organisationIds)) {
    const [client] = await t.database.db
      .insert(apiClients)
      .values({ organisationId, name: 'Vaste koppeling', roles: ['organisation_admin'], scopes: ['organisation.read'], publicJwk: MATRIX_CLIENT_JWK as Record<string, unknown>, expiresAt: new Date('2099-01-01T00:00:00Z'), createdAt: new Date() })
      .returning({ id: apiClients.id });
    apiClientOf[organisationId] = client!.id;
  }
  // A mail in the outbox, never due (the timer leaves it alone).
  await enqueueMail(t.database.db, { template: 'newReferral', toAddress: 'matrix@kansrijk.demo', linkPath: '/verwijzingen' }, new Date('2099-01-01T00:00:00Z'));
  matrixMailId = (await t.database.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, 'matrix@kansrijk.demo')))[0]!.id;
  // One staff member per organisation, to be the "own" or "other" record for people routes.
  for (const [key, organisationId] of Object.entries(t.demo.organisationIds)) {
    const [person] = await t.database.db
      .insert(people)
      .values({ name: 'Vaste Testpersoon', email: `vast-${key}@kansrijk.demo` })
      .returning({ id: people.id });
    await t.database.db.insert(memberships).values({ personId: person!.id, organisationId, roles: ['professional'] });
    staffOf.set(organisationId, person!.id);
  }
  // An open edition of the municipal questionnaire for its routes.
  await t.database.db.insert(municipalQuestionnaireEditions).values({ year: QUESTIONNAIRE_YEAR, referenceDate: '2030-11-16', opensOn: '2000-01-01', deadline: '2099-12-31' });
});

beforeAll(async () => {
  for (const code of ['KS0001', 'KS0002']) {
    const [coalition] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, code));
    const [partner] = await t.database.db
      .insert(coalitionPartners)
      .values({ coalitionId: coalition!.id, externalName: 'Vaste partner', domain: 'informal', level: 'uitvoerend' })
      .returning({ id: coalitionPartners.id });
    const [agreement] = await t.database.db
      .insert(coalitionAgreements)
      .values({ coalitionId: coalition!.id, topic: 'interventions', level: 'organisatie', status: 'in_development' })
      .returning({ id: coalitionAgreements.id });
    const content = Buffer.from('%PDF-1.4\n%%EOF\n');
    await t.database.db
      .insert(coalitionAgreementDocuments)
      .values({ agreementId: agreement!.id, fileName: 'vast.pdf', mediaType: 'application/pdf', sizeBytes: content.length, sha256: 'x'.repeat(64), content });
    const [service] = await t.database.db.select({ id: directoryServices.id }).from(directoryServices).where(eq(directoryServices.name, 'Prenataal huisbezoek'));
    drechtstedenServiceId = service!.id;
    const [offer] = await t.database.db
      .insert(localOffers)
      .values({ coalitionId: coalition!.id, interventionKey: 'voorzorg', serviceId: service!.id, fundingRoute: 'spuk_gala', since: '2026-01-01', createdAt: t.clock.now(), updatedAt: t.clock.now() })
      .returning({ id: localOffers.id });
    coalitionRecords[code] = { partnerId: partner!.id, agreementId: agreement!.id, offerId: offer!.id };
  }
});
/** Two parents, each with a file of their own: "own" is the first's, "other" the second's. */
let parentFiles: [MatrixParentFile, MatrixParentFile];
beforeAll(async () => {
  const withChild = async (bsn: string, givenName: string): Promise<MatrixParentFile> => {
    const file = await insertParentFile(t, bsn, givenName);
    return { ...file, childId: await addAuthorisedChild(t, file.familyId, bsn, new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10)) };
  };
  parentFiles = [await withChild('123456782', 'Fatima'), await withChild('999999990', 'Kim')];
});
afterAll(() => t.close());

const familyOfOrganisation = new Map<string, string>();
const emergencyAccessOf = new Map<string, string>();
async function familyOf(organisationId: string): Promise<string> {
  if (!familyOfOrganisation.has(organisationId)) {
    const key = Object.entries(t.demo.organisationIds).find(([, id]) => id === organisationId)![0];
    const { familyId } = await insertTestFamily(t, key);
    familyOfOrganisation.set(organisationId, familyId);
    const now = t.clock.now();
    const [access] = await t.database.db
      .insert(emergencyAccesses)
      .values({ familyId, personId: staffOf.get(organisationId)!, organisationId, reason: 'Matrix: vaste noodtoegang.', startedAt: now, expiresAt: now })
      .returning({ id: emergencyAccesses.id });
    emergencyAccessOf.set(organisationId, access!.id);
  }
  return familyOfOrganisation.get(organisationId)!;
}

const screeningOfOrganisation = new Map<string, { screeningId: string; questionnaireId: string }>();
async function screeningOf(organisationId: string, familyId: string) {
  if (!screeningOfOrganisation.has(organisationId)) {
    screeningOfOrganisation.set(organisationId, await insertTestScreening(t.database.db, { familyId, organisationId, authorId: staffOf.get(organisationId)! }));
  }
  return screeningOfOrganisation.get(organisationId)!;
}

/** A calendar date `days` from today (UTC is close enough for these requests). */
function careDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const careRecordsOfOrganisation = new Map<string, { homeVisitId: string; enrolmentId: string }>();
async function careRecordsOf(organisationId: string, familyId: string) {
  if (!careRecordsOfOrganisation.has(organisationId)) {
    const staff = staffOf.get(organisationId)!;
    const [visit] = await t.database.db
      .insert(homeVisits)
      .values({ familyId, organisationId, nurseId: staff, plannedOn: careDay(7) })
      .returning({ id: homeVisits.id });
    const [enrolment] = await t.database.db
      .insert(enrolments)
      .values({ familyId, interventionKey: 'stevig-ouderschap', organisationId, enrolledById: staff, startedOn: careDay(-7) })
      .returning({ id: enrolments.id });
    careRecordsOfOrganisation.set(organisationId, { homeVisitId: visit!.id, enrolmentId: enrolment!.id });
  }
  return careRecordsOfOrganisation.get(organisationId)!;
}

const referralOfOrganisation = new Map<string, { referralId: string; consentId: string }>();
async function referralOf(organisationId: string, familyId: string) {
  if (!referralOfOrganisation.has(organisationId)) {
    const keyOf = (id: string) => Object.entries(t.demo.organisationIds).find(([, candidate]) => candidate === id)![0];
    referralOfOrganisation.set(
      organisationId,
      await insertTestReferral(t, familyId, keyOf(organisationId), keyOf(referralReceiverOf(organisationId)), staffOf.get(organisationId)!),
    );
  }
  return referralOfOrganisation.get(organisationId)!;
}

const planFixtureOf = new Map<string, string>();
/** A draft plan (version 1) and an improvement action of the coalition, once. */
async function planFixture(code: string, personId: string): Promise<string> {
  if (!planFixtureOf.has(code)) {
    const [coalition] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, code));
    await t.database.db.insert(coalitionPlanVersions).values({ coalitionId: coalition!.id, version: 1, content: emptyContent(), createdBy: personId, updatedBy: personId });
    const [action] = await t.database.db
      .insert(improvementActions)
      .values({ coalitionId: coalition!.id, title: 'Matrix: vaste verbeteractie', createdBy: personId })
      .returning({ id: improvementActions.id });
    planFixtureOf.set(code, action!.id);
  }
  return planFixtureOf.get(code)!;
}

async function situation(role: Role, isOwn: boolean): Promise<Situation> {
  const session = await sessionFor(t, ACTOR_OF[role]);
  const organisationId = isOwn ? session.organisationId! : t.demo.organisationIds[OTHER_ORGANISATION]!;
  counter += 1;
  const familyId = await familyOf(organisationId);
  const screening = await screeningOf(organisationId, familyId);
  return {
    isOwn,
    session,
    organisationId,
    personId: staffOf.get(organisationId)!,
    unique: `${role}-${counter}`,
    familyId,
    emergencyAccessId: emergencyAccessOf.get(organisationId)!,
    ...screening,
    ...(await careRecordsOf(organisationId, familyId)),
    ...(await referralOf(organisationId, familyId)),
    coalitionCode: isOwn ? 'KS0001' : 'KS0002',
    improvementActionId: await planFixture(isOwn ? 'KS0001' : 'KS0002', staffOf.get(organisationId)!),
    analysisRoundId: await analysisRoundOf(isOwn, session.personId),
    subscriptionId: await subscriptionOf(organisationId),
    serviceId: await serviceOf(organisationId),
  };
}

const serviceOfOrganisation = new Map<string, string>();
async function serviceOf(organisationId: string): Promise<string> {
  if (!serviceOfOrganisation.has(organisationId)) {
    const now = t.clock.now();
    const [row] = await t.database.db
      .insert(directoryServices)
      .values({ organisationId, name: 'Matrixdienst', category: 'parenting', municipalityCodes: ['GM0505'], intakeRoutes: ['self'], cost: 'free', lastConfirmedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: directoryServices.id });
    serviceOfOrganisation.set(organisationId, row!.id);
  }
  return serviceOfOrganisation.get(organisationId)!;
}

/** A service body for the organisation of the situation: GM0505 is in the area of both De Wieg and JGZ. */
const matrixService = (organisationId?: string) => ({
  ...(organisationId ? { organisationId } : {}),
  name: 'Matrix: spreekuur',
  category: 'parenting',
  municipalityCodes: ['GM0505'],
  intakeRoutes: ['self'],
});

async function subscriptionOf(organisationId: string): Promise<string> {
  const now = t.clock.now();
  const [row] = await t.database.db
    .insert(fhirSubscriptions)
    .values({
      organisationId,
      criteriaKind: 'owner',
      criteria: `Task?owner=Organization/${organisationId}`,
      endpoint: 'https://systeem.example.nl/notificaties',
      reason: 'Matrix',
      // In error (its deliveries given up), so its admin may switch it on again.
      status: 'error',
      error: 'Aflevering mislukt (matrix).',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: fhirSubscriptions.id });
  return row!.id;
}

async function analysisRoundOf(isOwn: boolean, personId: string): Promise<string> {
  const [coalition] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, coalitionCodeOf(isOwn)));
  const [round] = await t.database.db
    .insert(analysisRounds)
    .values({ coalitionId: coalition!.id, title: 'Matrixronde', anonymity: 'named', instrumentCanonical: CURRENT_INSTRUMENT.canonical, openedAt: t.clock.now(), openedBy: personId })
    .returning({ id: analysisRounds.id });
  return round!.id;
}

/**
 * The error code of a response: from a problem+json body, or — under /fhir, where every error is a
 * FHIR OperationOutcome — from its first issue's coding in our error code system.
 */
function codeOf(response: { body: string }): string | undefined {
  try {
    const body = JSON.parse(response.body) as {
      code?: string;
      resourceType?: string;
      issue?: { details?: { coding?: { system?: string; code?: string }[] } }[];
    };
    if (body.resourceType === 'OperationOutcome') {
      return body.issue?.[0]?.details?.coding?.find((coding) => coding.system === 'https://kansrijk.nl/fhir/CodeSystem/foutcode')?.code;
    }
    return body.code;
  } catch {
    return undefined;
  }
}

/** A refusal: problem+json under /api, an OperationOutcome in the FHIR media type under /fhir. */
function expectRefusal(url: string, response: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  const contentType = String(response.headers['content-type']);
  if (url.startsWith('/fhir/')) {
    expect(contentType).toMatch(/^application\/fhir\+json/);
    expect((JSON.parse(response.body) as { resourceType?: string }).resourceType).toBe('OperationOutcome');
  } else {
    expect(contentType).toMatch(/^application\/problem\+json/);
  }
  expect(codeOf(response)).toBe(code);
}

function send(request: InjectOptions, headers: Record<string, string>) {
  return t.app.inject({
    ...request,
    headers: { ...headers, ...(request.payload !== undefined ? { 'content-type': 'application/json' } : {}), ...request.headers },
  });
}

describe('route × role × organisation matrix', () => {
  it('has an entry for every registered route, and no entry without a route', () => {
    const routes = [...new Set(registered)].sort();
    expect(routes.filter((route) => !(route in MATRIX)), 'routes without a matrix entry').toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route)), 'entries without a route').toEqual([]);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    describe(route, () => {
      if (entry.access === 'token') {
        it('anonymous, and every role\'s full session → 401; the configured bearer token → 200', async () => {
          expectRefusal(entry.request().url as string, await send(entry.request(), anonymousHeaders), 401, 'unauthenticated');
          for (const role of ROLES) {
            const session = await sessionFor(t, ACTOR_OF[role]);
            expectRefusal(entry.request().url as string, await send(entry.request(), session.headers), 401, 'unauthenticated');
          }
          const response = await send(entry.request(), { ...anonymousHeaders, authorization: `Bearer ${entry.token()}` });
          expect(response.statusCode, response.body).toBe(200);
        });
        return;
      }

      if (entry.access === 'parent') {
        it('anonymous, and every role\'s full session → 401', async () => {
          const request = entry.request(parentFiles[0]);
          expectRefusal(request.url as string, await send(request, anonymousHeaders), 401, 'unauthenticated');
          for (const role of ROLES) {
            const session = await sessionFor(t, ACTOR_OF[role]);
            expectRefusal(request.url as string, await send(request, session.headers), 401, 'unauthenticated');
          }
        });
        it('the parent, own file → allowed; another family\'s file → not found', async () => {
          const parent = await parentSessionFor(t, parentFiles[0]);
          const own = await send(entry.request(parentFiles[0]), parent.headers);
          expect(own.statusCode, own.body).toBeLessThan(500);
          expect(['forbidden', 'unauthenticated', 'not_found']).not.toContain(codeOf(own));
          const url = entry.request(parentFiles[1]).url as string;
          if (url.includes(parentFiles[1].familyId) || url.includes(parentFiles[1].childId)) {
            const other = await send(entry.request(parentFiles[1]), (await parentSessionFor(t, parentFiles[0])).headers);
            expectRefusal(url, other, 404, 'not_found');
            // Another family's record (consent, referral) asked for through the parent's own file.
            const crossed = { ...entry.request(parentFiles[1]), url: url.replace(parentFiles[1].familyId, parentFiles[0].familyId) };
            if (crossed.url !== (entry.request(parentFiles[0]).url as string)) {
              expectRefusal(crossed.url, await send(crossed, (await parentSessionFor(t, parentFiles[0])).headers), 404, 'not_found');
            }
          }
        });
        it('every id of another family in place of the own child → not found', async () => {
          const own = entry.request(parentFiles[0]).url as string;
          if (!own.includes(parentFiles[0].childId)) return;
          const other = parentFiles[1];
          const parent = await parentSessionFor(t, parentFiles[0]);
          for (const id of [other.childId, other.familyId, other.memberId, other.consentId, other.referralId, other.homeVisitId, parentFiles[0].memberId]) {
            const request = entry.request({ ...parentFiles[0], childId: id });
            expectRefusal(request.url as string, await send(request, parent.headers), 404, 'not_found');
          }
        });
        return;
      }

      it('anonymous', async () => {
        const request = entry.access === 'authenticated' ? entry.request(await situation('platform_admin', true)) : entry.request();
        const response = await send(request, anonymousHeaders);
        if (entry.access === 'public') {
          expect(response.statusCode, response.body).toBeLessThan(500);
          expect(['unauthenticated', 'forbidden', 'csrf_failed']).not.toContain(codeOf(response));
        } else {
          expectRefusal(request.url as string, response, 401, 'unauthenticated');
        }
      });

      if (entry.access === 'pending') {
        it(`a session in the ${entry.stage ?? 'second_factor'} stage is let through`, async () => {
          const session = await sessionFor(t, 'midwife', undefined, entry.stage ?? 'second_factor');
          const response = await send(entry.request(), session.headers);
          expect(response.statusCode).toBeLessThan(500);
          expect(['unauthenticated', 'forbidden']).not.toContain(codeOf(response));
        });
      }

      if (entry.access !== 'public') {
        it('a parent\'s session opens nothing here → 401', async () => {
          const parent = await parentSessionFor(t, parentFiles[0]);
          const request = entry.access === 'authenticated' ? entry.request(await situation('platform_admin', true)) : entry.request();
          expectRefusal(request.url as string, await send(request, parent.headers), 401, 'unauthenticated');
        });
      }

      if (entry.access !== 'authenticated') return;

      it('a session still waiting for its second factor is refused', async () => {
        const session = await sessionFor(t, 'platformAdmin', undefined, 'second_factor');
        const request = entry.request(await situation('platform_admin', true));
        const response = await send(request, session.headers);
        expectRefusal(request.url as string, response, 401, 'second_factor_required');
      });

      for (const role of ROLES) {
        for (const isOwn of [true, false]) {
          const reach = entry.allow[role];
          const isAllowed = reach === 'any' || (reach === 'own' && isOwn);
          it(`${role}, ${isOwn ? 'own' : 'other'} organisation → ${isAllowed ? 'allowed' : 'forbidden'}`, async () => {
            const current = await situation(role, isOwn);
            const request = entry.request(current);
            const response = await send(request, current.session.headers);
            if (isAllowed) {
              expect(response.statusCode, response.body).toBeLessThan(500);
              expect(['forbidden', 'unauthenticated', 'second_factor_required']).not.toContain(codeOf(response));
            } else {
              expectRefusal(request.url as string, response, 403, 'forbidden');
            }
          });
        }
      }
    });
  }
});

describe('attacks that combine routes', () => {
  it('emergency access then merge: the file opened in an emergency can be read, but not merged into (or out of) a file of the own organisation', async () => {
    const session = await sessionFor(t, ACTOR_OF.professional);
    const person = { givenName: 'Matrix', familyName: 'Noodsamenvoeging', birthDate: '1989-09-09' };
    const own = await insertTestFamily(t, 'wieg', person);
    const other = await insertTestFamily(t, OTHER_ORGANISATION, { ...person, bsn: '696859956' });
    const opened = await send(
      json('POST', '/api/v1/emergency-access', { bsn: '696859956', reason: 'Matrixtest: crisis, de andere organisatie is onbereikbaar.' }),
      session.headers,
    );
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().familyId).toBe(other.familyId);
    expect((await send(json('GET', `/api/v1/families/${other.familyId}`), session.headers)).statusCode).toBe(200);
    for (const [familyId, duplicateId] of [
      [own.familyId, other.familyId],
      [other.familyId, own.familyId],
    ]) {
      const url = `/api/v1/families/${familyId}/merges`;
      expectRefusal(url, await send(json('POST', url, { duplicateId, version: 1 }), session.headers), 403, 'merge_requires_care_relationship');
    }
    const [row] = await t.database.db.select({ mergedIntoId: families.mergedIntoId }).from(families).where(eq(families.id, other.familyId));
    expect(row!.mergedIntoId).toBeNull();
  });
});
