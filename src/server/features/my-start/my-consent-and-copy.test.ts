// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start, issue 15 item 4 over HTTP: the parent gives consent for a referral that waits
// for it — recorded by the consent engine as given by the client, audited with her as actor, once
// however often she presses, and the social team then has the referral, consented, in its inbox; what
// does not wait for her consent (or whose consent she withdrew) is refused in Dutch and nothing
// changes. And the copy of her data: one ZIP with a readable Dutch PDF and a valid FHIR R4 Bundle,
// audited once; a second download while the first is being made is refused and logs nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, gt } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { MyConsentGiven, MyStart } from '../../../contracts/my-start.js';
import type { Referral } from '../../../contracts/referrals.js';
import { auditLog } from '../../platform/audit/schema.js';
import { fhirProblems } from '../fhir/test-support.js';
import { callerFor } from '../organisations/test-support.js';
import { consents, referrals } from '../referrals/schema.js';
import {
  OTHER_PARENT_BSN,
  PARENT_BSN,
  PROFESSIONAL_NOTE,
  insertParentFile,
  parentSessionFor,
  pdfText,
  pdfXrefProblems,
  readStoredZip,
  type ParentFile,
} from './test-support.js';

const API = '/api/v1';
const WIJKTEAM = 'Sociaal Wijkteam Dordrecht';
const WIEG = 'Verloskundigenpraktijk De Wieg';
let t: TestApp;
let file: ParentFile;
let otherFile: ParentFile;

beforeAll(async () => {
  t = await createTestApp();
  file = await insertParentFile(t, PARENT_BSN, 'Zoë');
  otherFile = await insertParentFile(t, OTHER_PARENT_BSN, 'Kim');
});
afterAll(async () => {
  await t?.close();
});

async function lastAuditRow() {
  const [row] = await t.database.db.select().from(auditLog).orderBy(auditLog.sequence).limit(1).offset((await t.database.db.$count(auditLog)) - 1);
  return row!;
}
const consentCount = async (familyId: string) => (await t.database.db.select({ n: count() }).from(consents).where(eq(consents.familyId, familyId)))[0]!.n;
const referralRow = async (id: string) => (await t.database.db.select().from(referrals).where(eq(referrals.id, id)))[0]!;
const give = (headers: Record<string, string>, familyId: string, referralId: string) =>
  t.app.inject({ method: 'POST', url: `${API}/my/families/${familyId}/referrals/${referralId}/consent`, headers });
const withdraw = (headers: Record<string, string>, familyId: string, consentId: string) =>
  t.app.inject({ method: 'POST', url: `${API}/my/families/${familyId}/consents/${consentId}/withdrawal`, headers });

describe('giving consent for a referral that waits for it', () => {
  it('shows the waiting referral with what the receiver would get; the social team is refused it yet', async () => {
    const parent = await parentSessionFor(t, file);
    const overview = (await t.app.inject({ method: 'GET', url: `${API}/my/families/${file.familyId}`, headers: parent.headers })).json() as MyStart;
    expect(overview.awaitingConsent).toEqual([
      expect.objectContaining({ id: file.awaitingReferralId, senderOrganisationName: WIEG, receiverOrganisationName: WIJKTEAM, dataCategories: ['contact_details', 'referral_reason', 'risk_factors'] }),
    ]);
    expect(overview.referrals.map((referral) => referral.id)).not.toContain(file.awaitingReferralId);
    expect(JSON.stringify(overview)).not.toContain(PROFESSIONAL_NOTE);
    const socialWorker = await callerFor(t, 'socialWorker');
    expect((await socialWorker.request('GET', `${API}/referrals/${file.awaitingReferralId}`)).statusCode).toBe(403);
  });

  it('records it as given by the client, sends the referral, audits the parent — and the social team has it, consented', async () => {
    const parent = await parentSessionFor(t, file);
    const before = await consentCount(file.familyId);
    const response = await give(parent.headers, file.familyId, file.awaitingReferralId);
    expect(response.statusCode, response.body).toBe(200);
    const given = response.json() as MyConsentGiven;
    expect(given).toMatchObject({
      referralId: file.awaitingReferralId,
      referralStatus: 'requested',
      consent: { familyId: file.familyId, givenBy: 'client', receiverOrganisationName: WIJKTEAM, purposes: ['referral'], status: 'valid', form: 'written', withdrawnAt: null },
    });
    expect(given.consent.dataCategories).toEqual(['contact_details', 'referral_reason', 'risk_factors']);
    expect(await consentCount(file.familyId)).toBe(before + 1);
    expect(await lastAuditRow()).toMatchObject({
      action: 'update',
      outcome: 'success',
      objectType: 'referral',
      objectId: file.awaitingReferralId,
      actorId: file.memberId,
      role: 'parent',
      organisationId: null,
      clientId: file.familyId,
      details: { change: 'given', consentId: given.consent.id },
    });
    expect(await referralRow(file.awaitingReferralId)).toMatchObject({ status: 'requested', consentId: given.consent.id, legalGround: null });

    // The receiving professional: in the inbox and opened, with the consent as its basis.
    const socialWorker = await callerFor(t, 'socialWorker');
    const inbox = await socialWorker.request('GET', `${API}/referrals`);
    expect(inbox.statusCode).toBe(200);
    expect(JSON.stringify(inbox.json())).toContain(file.awaitingReferralId);
    const opened = await socialWorker.request('GET', `${API}/referrals/${file.awaitingReferralId}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json() as Referral).toMatchObject({ status: 'requested', consentId: given.consent.id, legalGround: null, isFlaggedForReview: false, reason: PROFESSIONAL_NOTE });
    expect((opened.json() as Referral).history.at(-1)).toMatchObject({ status: 'requested' });

    // The parent's page: nothing waits any more; the referral is sent; the consent is hers to withdraw.
    const overview = (await t.app.inject({ method: 'GET', url: `${API}/my/families/${file.familyId}`, headers: parent.headers })).json() as MyStart;
    expect(overview.awaitingConsent).toEqual([]);
    expect(overview.referrals).toContainEqual(expect.objectContaining({ id: file.awaitingReferralId, status: 'requested', receiverOrganisationName: WIJKTEAM }));
    expect(overview.consents).toContainEqual(expect.objectContaining({ id: given.consent.id, status: 'valid' }));
  });

  it('giving it again is one consent, no error', async () => {
    const parent = await parentSessionFor(t, file);
    const before = await consentCount(file.familyId);
    const referralBefore = await referralRow(file.awaitingReferralId);
    const again = await give(parent.headers, file.familyId, file.awaitingReferralId);
    expect(again.statusCode).toBe(200);
    expect((again.json() as MyConsentGiven).consent.id).toBe(referralBefore.consentId);
    expect(await consentCount(file.familyId)).toBe(before);
    expect(await referralRow(file.awaitingReferralId)).toEqual(referralBefore);
    expect((await lastAuditRow()).details).toMatchObject({ idempotentReplay: true });
  });

  it('two submits at once: one consent, both answered with it', async () => {
    const fresh = await insertParentFile(t, '111222333', 'Sanne');
    const parent = await parentSessionFor(t, fresh);
    const before = await consentCount(fresh.familyId);
    const responses = await Promise.all([0, 1].map(() => give(parent.headers, fresh.familyId, fresh.awaitingReferralId)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    const ids = responses.map((response) => (response.json() as MyConsentGiven).consent.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await consentCount(fresh.familyId)).toBe(before + 1);
  });

  it('a midwife prepares a referral to wait for the client’s consent: a draft the social team does not see, until she gives it', async () => {
    const fresh = await insertParentFile(t, '232262536', 'Noor');
    const midwife = await callerFor(t, 'midwife');
    const socialWorker = await callerFor(t, 'socialWorker');
    const body = {
      familyId: fresh.familyId,
      receiverOrganisationId: t.demo.organisationIds.wijkteam!,
      reason: 'Graag hulp bij de geldzaken van het gezin.',
      factorKeys: [],
      awaitClientConsent: true,
      idempotencyKey: 'await-consent-0001',
    };
    const both = await midwife.request('POST', `${API}/referrals`, { ...body, legalGround: 'wettelijke_plicht', idempotencyKey: 'await-consent-0002' });
    expect(both.statusCode).toBe(400);
    const created = await midwife.request('POST', `${API}/referrals`, body);
    expect(created.statusCode, created.body).toBe(201);
    const referral = created.json() as Referral;
    expect(referral).toMatchObject({ status: 'draft', consentId: null, legalGround: null, isFlaggedForReview: false });
    expect(await lastAuditRow()).toMatchObject({ action: 'update', objectType: 'referral', details: { referralId: referral.id, awaitingClientConsent: true } });
    expect(JSON.stringify((await socialWorker.request('GET', `${API}/referrals`)).json())).not.toContain(referral.id);

    const parent = await parentSessionFor(t, fresh);
    const overview = (await t.app.inject({ method: 'GET', url: `${API}/my/families/${fresh.familyId}`, headers: parent.headers })).json() as MyStart;
    expect(overview.awaitingConsent).toContainEqual(expect.objectContaining({ id: referral.id, receiverOrganisationName: WIJKTEAM, dataCategories: ['contact_details', 'referral_reason'] }));
    expect((await give(parent.headers, fresh.familyId, referral.id)).statusCode).toBe(200);
    expect(JSON.stringify((await socialWorker.request('GET', `${API}/referrals`)).json())).toContain(referral.id);
    const sent = (await midwife.request('GET', `${API}/referrals/${referral.id}`)).json() as Referral;
    expect(sent).toMatchObject({ status: 'requested', consentId: expect.any(String) });
  });

  it('refuses in Dutch, changing nothing, a referral that does not wait for her consent', async () => {
    const parent = await parentSessionFor(t, file);
    const before = await referralRow(file.referralId);
    const consentsBefore = await consentCount(file.familyId);
    const sequenceBefore = (await lastAuditRow()).sequence;
    const refused = await give(parent.headers, file.familyId, file.referralId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'already_processed', detail: nl.myStart.notAwaiting });
    expect(await referralRow(file.referralId)).toEqual(before);
    expect(await consentCount(file.familyId)).toBe(consentsBefore);
    expect(await t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, sequenceBefore), eq(auditLog.outcome, 'success')))).toEqual([]);
  });

  it('refuses other families’ referrals (404, audited as a refusal), through their id or her own', async () => {
    const parent = await parentSessionFor(t, file);
    const before = await referralRow(otherFile.awaitingReferralId);
    const viaOther = await give(parent.headers, otherFile.familyId, otherFile.awaitingReferralId);
    expect(viaOther.statusCode).toBe(404);
    expect(viaOther.body).not.toContain('Kim');
    expect(await lastAuditRow()).toMatchObject({ action: 'access_denied', outcome: 'denied', actorId: file.memberId, role: 'parent', objectId: otherFile.awaitingReferralId, clientId: null });
    const viaOwn = await give(parent.headers, file.familyId, otherFile.awaitingReferralId);
    expect(viaOwn.statusCode).toBe(404);
    expect(await referralRow(otherFile.awaitingReferralId)).toEqual(before);
  });

  it('withdrawn: the referral stops; withdrawing again or giving again → a clear Dutch message, nothing changes', async () => {
    const parent = await parentSessionFor(t, file);
    const consentId = (await referralRow(file.awaitingReferralId)).consentId!;
    const withdrawal = await withdraw(parent.headers, file.familyId, consentId);
    expect(withdrawal.statusCode).toBe(200);
    expect(withdrawal.json()).toMatchObject({ consent: { id: consentId, status: 'withdrawn' }, cancelledReferralCount: 1 });
    expect(await referralRow(file.awaitingReferralId)).toMatchObject({ status: 'cancelled' });
    const socialWorker = await callerFor(t, 'socialWorker');
    expect((await socialWorker.request('GET', `${API}/referrals/${file.awaitingReferralId}`)).statusCode).toBe(403);

    const consentBefore = await t.database.db.select().from(consents).where(eq(consents.id, consentId));
    const referralBefore = await referralRow(file.awaitingReferralId);
    const sequenceBefore = (await lastAuditRow()).sequence;
    const withdrawnAgain = await withdraw(parent.headers, file.familyId, consentId);
    expect(withdrawnAgain.statusCode).toBe(409);
    expect(withdrawnAgain.json()).toMatchObject({ code: 'already_processed', detail: 'Deze toestemming is al ingetrokken.' });
    const givenAgain = await give(parent.headers, file.familyId, file.awaitingReferralId);
    expect(givenAgain.statusCode).toBe(409);
    expect(givenAgain.json()).toMatchObject({ code: 'already_processed', detail: nl.myStart.givenWithdrawn });
    expect(await t.database.db.select().from(consents).where(eq(consents.id, consentId))).toEqual(consentBefore);
    expect(await referralRow(file.awaitingReferralId)).toEqual(referralBefore);
    expect(await t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, sequenceBefore), eq(auditLog.outcome, 'success')))).toEqual([]);
  });
});

describe('a copy of my data', () => {
  const download = (headers: Record<string, string>, familyId: string) => t.app.inject({ method: 'GET', url: `${API}/my/families/${familyId}/copy`, headers });
  const exportsAfter = (sequence: number) => t.database.db.select().from(auditLog).where(and(gt(auditLog.sequence, sequence), eq(auditLog.action, 'export')));

  it('is one ZIP with a readable Dutch PDF and a valid FHIR R4 Bundle of the same file, audited once', async () => {
    const parent = await parentSessionFor(t, file);
    const before = (await lastAuditRow()).sequence;
    const response = await download(parent.headers, file.familyId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mijn-gegevens.zip"');
    expect(response.headers['cache-control']).toBe('no-store');
    const entries = readStoredZip(response.rawPayload);
    expect([...entries.keys()]).toEqual(['mijn-gegevens.pdf', 'mijn-gegevens.fhir.json']);

    const bundle = JSON.parse(entries.get('mijn-gegevens.fhir.json')!.toString('utf8')) as {
      resourceType: string;
      type: string;
      entry: { fullUrl: string; resource: { resourceType: string; id: string; status?: string } }[];
    };
    expect(fhirProblems(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(expect.arrayContaining(['Patient', 'Consent', 'Task', 'Appointment']));
    for (const entry of bundle.entry) expect(entry.fullUrl).toMatch(new RegExp(`/fhir/R4/${entry.resource.resourceType}/${entry.resource.id}$`));
    expect(bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!.resource).toMatchObject({ id: file.familyId, identifier: [{ value: PARENT_BSN }] });

    const pdf = entries.get('mijn-gegevens.pdf')!;
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(pdfXrefProblems(pdf)).toEqual([]);
    expect(pdf.toString('latin1')).toContain('/Encoding /WinAnsiEncoding');
    // ë is WinAnsi byte 0xEB, written as an octal escape.
    expect(pdf.toString('latin1')).toContain('Zo\\353');
    const text = pdfText(pdf);
    for (const expected of [
      nl.myStart.pdfTitle,
      'Zoë Testcliënt',
      nl.myStart.helpersTitle,
      nl.myStart.appointmentsTitle,
      nl.myStart.appointmentHomeVisit.replace('{organisation}', 'JGZ Zuid-Holland Zuid'),
      nl.myStart.referralsTitle,
      `Van ${WIEG} naar JGZ Zuid-Holland Zuid: ${nl.referralStatuses.accepted}.`,
      `Van ${WIEG} naar ${WIJKTEAM}: ${nl.referralStatuses.cancelled}.`,
      nl.myStart.consentsTitle,
      `JGZ Zuid-Holland Zuid: ${nl.consentStatuses.valid}`,
      `${WIJKTEAM}: ${nl.consentStatuses.withdrawn}`,
      nl.myStart.accessLogTitle,
      nl.myStart.you,
      nl.myStart.pdfFhirNote,
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }
    expect(text).toMatch(/Pagina 1 van \d+/);
    expect(response.rawPayload.toString('latin1')).not.toContain(PROFESSIONAL_NOTE);

    const exports = await exportsAfter(before);
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({
      actorId: file.memberId,
      role: 'parent',
      clientId: file.familyId,
      details: { format: 'zip_pdf_fhir_bundle', files: ['mijn-gegevens.pdf', 'mijn-gegevens.fhir.json'], byteCount: response.rawPayload.length },
    });
  });

  it('a download requested twice at once: the second is refused in Dutch and nothing is logged twice; afterwards another works', async () => {
    const parent = await parentSessionFor(t, otherFile);
    const before = (await lastAuditRow()).sequence;
    const responses = await Promise.all([0, 1].map(() => download(parent.headers, otherFile.familyId)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const refused = responses.find((response) => response.statusCode === 409)!;
    expect(refused.json()).toMatchObject({ code: 'copy_in_progress', detail: nl.errors.copy_in_progress });
    expect(await exportsAfter(before)).toHaveLength(1);

    const next = await download(parent.headers, otherFile.familyId);
    expect(next.statusCode).toBe(200);
    expect(await exportsAfter(before)).toHaveLength(2);
  });

  it('another family’s copy is refused (404) and never blocked by, nor blocks, a copy in progress', async () => {
    const parent = await parentSessionFor(t, file);
    const other = await parentSessionFor(t, otherFile);
    const [own, foreign] = await Promise.all([download(other.headers, otherFile.familyId), download(parent.headers, otherFile.familyId)]);
    expect(own.statusCode).toBe(200);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'not_found' });
  });
});
