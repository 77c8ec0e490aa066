// SPDX-License-Identifier: EUPL-1.2
// Mail in the person's language (issue 16), against a real SMTP server in this process: the JGZ nurse
// chooses English on her own preferences (audited; a language Kansrijk does not write is refused in
// Dutch and changes nothing); a colleague who chose nothing keeps Dutch. A new referral then reaches
// the nurse in English and the colleague in Dutch — and the organisation's functional address in Dutch,
// whatever its members chose. Her daily digest, and a reminder, are in English too.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { choose, DAY_MS, smtpTestAppPerFile } from '../../../../test/helpers/mail-test-app.js';
import { mailText } from '../../../../test/helpers/smtp-server.js';
import { en } from '../../../contracts/i18n/en.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { auditLog } from '../../platform/audit/schema.js';
import { careCallers, familyForJgz } from '../jgz/test-support.js';
import { memberships, people } from '../organisations/schema.js';
import type { Executor } from '../../platform/db/connection.js';
import { notify } from './notify.js';
import { organisationInboxSettings } from './schema.js';

const app = smtpTestAppPerFile();

const NURSE = 'jgz@kansrijk.demo';
const COLLEAGUE = 'tweede-verpleegkundige@jgz.example.nl';
const INTAKE = 'intake@jgz.example.nl';

const subjectOf = (raw: string) => /^Subject: (.*)$/m.exec(raw)?.[1]?.trim();

describe('mail in the person’s language', () => {
  it('refuses a language Kansrijk does not write, and an empty change, in Dutch; changes nothing', async () => {
    const { nurse } = await careCallers(app.t);
    const french = await nurse.request('PUT', '/api/v1/notification-preferences', { language: 'fr' });
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain('Kies Nederlands (nl) of Engels (en).');
    const empty = await nurse.request('PUT', '/api/v1/notification-preferences', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Geef voorkeuren voor meldingen, een taal, of beide.');
    expect((await nurse.request('GET', '/api/v1/notification-preferences')).json().language).toBe('nl');
  });

  it('mails the new referral in English to the nurse who chose it, in Dutch to the colleague who did not and to the functional address', async () => {
    const callers = await careCallers(app.t);
    const jgz = app.t.demo.organisationIds.jgz!;
    const [colleague] = await app.t.database.db.insert(people).values({ name: 'Tweede Verpleegkundige', email: COLLEAGUE }).returning({ id: people.id });
    await app.t.database.db.insert(memberships).values({ personId: colleague!.id, organisationId: jgz, roles: ['professional'] });
    await choose(app.t, colleague!.id, 'referral_received', 'email_immediate');
    await app.t.database.db.insert(organisationInboxSettings).values({ organisationId: jgz, functionalAddress: INTAKE, updatedAt: app.t.clock.now() });

    // Only the language: her choices per kind stay; then the kind: her language stays.
    const english = await callers.nurse.request('PUT', '/api/v1/notification-preferences', { language: 'en' });
    expect(english.statusCode, english.body).toBe(200);
    expect(english.json().language).toBe('en');
    const chosen = await callers.nurse.request('PUT', '/api/v1/notification-preferences', { preferences: [{ kind: 'referral_received', delivery: 'email_immediate' }] });
    expect(chosen.json()).toMatchObject({ language: 'en', preferences: expect.arrayContaining([{ kind: 'referral_received', delivery: 'email_immediate' }]) });
    const audited = await app.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'notification_preferences'), eq(auditLog.objectId, callers.nurse.session.personId), eq(auditLog.outcome, 'success')));
    expect(audited.map((row) => row.details)).toContainEqual(expect.objectContaining({ language: 'en' }));

    const { familyId, consentId } = await familyForJgz(app.t, callers, { givenName: 'Taal', familyName: 'Testcliënt' });
    const sent = await callers.midwife.request('POST', '/api/v1/referrals', {
      familyId,
      receiverOrganisationId: jgz,
      reason: 'Veel stress rond de zwangerschap; graag contact.',
      factorKeys: ['stress'],
      consentId,
      idempotencyKey: 'mail-language-1',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    await app.t.app.mail.runOnce();

    const to = (address: string) => app.smtp.received.filter((mail) => mail.to.includes(address));
    const [toNurse] = to(NURSE);
    expect(to(NURSE)).toHaveLength(1);
    expect(subjectOf(toNurse!.raw)).toBe(en.mail.newReferralSubject);
    expect(mailText(toNurse!.raw)).toContain(en.mail.signature.split('\n')[0]);
    expect(mailText(toNurse!.raw)).toContain(`/verwijzingen/${sent.json().id}`);
    for (const address of [COLLEAGUE, INTAKE]) {
      const received = to(address);
      expect(received, address).toHaveLength(1);
      expect(subjectOf(received[0]!.raw), address).toBe(nl.mail.newReferralSubject);
      expect(mailText(received[0]!.raw), address).toContain(nl.mail.signature.split('\n')[0]);
    }
    for (const mail of app.smtp.received) expect(mailText(mail.raw)).not.toContain('Testcliënt');
  });

  it('writes her reminders and her daily digest in English too', async () => {
    const nurseId = (await careCallers(app.t)).nurse.session.personId;
    await choose(app.t, nurseId, 'agreement_review', 'email_immediate');
    await choose(app.t, nurseId, 'pathway_review', 'email_digest');
    await app.t.database.db.transaction(async (tx) => {
      for (const kind of ['agreement_review', 'pathway_review'] as const) {
        await notify(tx as unknown as Executor, { kind, onceKey: `language-${kind}`, personId: nurseId, organisationId: null, linkPath: '/coalities/KS0001' }, app.t.clock.now());
      }
    });
    app.t.clock.advance(DAY_MS);
    await app.t.app.noticeJobs.runOnce();
    app.smtp.received.length = 0;
    await app.t.app.mail.runOnce();
    const subjects = app.smtp.received.filter((mail) => mail.to.includes(NURSE)).map((mail) => subjectOf(mail.raw));
    expect(subjects.sort()).toEqual([en.mail.agreementReviewSubject, en.mail.digestSubject].sort());
  });
});
