// SPDX-License-Identifier: EUPL-1.2
// The yearly questionnaire by mail (issue 16), against a real SMTP server in this process: when an
// edition opens, the policy officer hears of it once (however many municipalities her organisation
// serves, however many passes); a week before the deadline she gets one reminder for each of her
// municipalities whose response is not submitted — not for one that is. The mails name no municipality.
// Both are notices in Kansrijk too, linking to the edition and to the municipality's response; her
// choice (none, the digest) holds.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayAfter, expectChoiceRespected, noticesOf, personIdOf, smtpTestAppPerFile } from '../../../../test/helpers/mail-test-app.js';
import { mailText } from '../../../../test/helpers/smtp-server.js';
import { callerFor } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { organisationMunicipalities } from '../organisations/schema.js';
import { municipalQuestionnaireEditions, municipalQuestionnaireResponses } from './schema.js';
import { DEADLINE_NEAR_DAYS } from './remind-policy-officers.js';

const app = smtpTestAppPerFile();

const OFFICER = 'beleid@kansrijk.demo';
const mailsOf = async (template: string) => (await app.t.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, template))).filter((mail) => mail.toAddress === OFFICER);

describe('the yearly questionnaire by mail', () => {
  it('tells the policy officer once that it opened, and reminds her a week before the deadline of each municipality not submitted', async () => {
    const analyst = await callerFor(app.t, 'analyst');
    const created = await analyst.request('POST', '/api/v1/municipal-questionnaire/editions', {
      year: 2029,
      referenceDate: dayAfter(app.t, -1),
      opensOn: dayAfter(app.t, -1),
      deadline: dayAfter(app.t, DEADLINE_NEAR_DAYS + 10),
    });
    expect(created.statusCode, created.body).toBe(201);
    const served = (await app.t.database.db.select({ code: organisationMunicipalities.municipalityCode }).from(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, app.t.demo.organisationIds.gemeente!))).map((row) => row.code).sort();
    expect(served.length).toBeGreaterThan(1);

    await app.t.app.reminders.runOnce();
    await app.t.app.reminders.runOnce();
    const opened = await mailsOf('questionnaireOpen');
    expect(opened.map((mail) => mail.linkPath)).toEqual(['/vragenlijst/2029']);
    expect(await mailsOf('questionnaireDeadline')).toEqual([]);

    // The first of her municipalities submits; the others do not.
    const submitted = served[0]!;
    const [edition] = await app.t.database.db.select({ id: municipalQuestionnaireEditions.id }).from(municipalQuestionnaireEditions).where(eq(municipalQuestionnaireEditions.year, 2029));
    await app.t.database.db.insert(municipalQuestionnaireResponses).values({ editionId: edition!.id, municipalityCode: submitted, state: 'submitted', submittedAt: app.t.clock.now() });
    app.t.clock.advance(11 * DAY_MS);
    await app.t.app.reminders.runOnce();
    await app.t.app.reminders.runOnce();
    const reminded = (await mailsOf('questionnaireDeadline')).map((mail) => mail.linkPath).sort();
    expect(reminded).toEqual(served.filter((code) => code !== submitted).map((code) => `/vragenlijst/2029/${code}`));
    expect(await mailsOf('questionnaireOpen')).toHaveLength(1);

    await app.t.app.mail.runOnce();
    const received = app.smtp.received.filter((mail) => mail.to.includes(OFFICER) && mailText(mail.raw).includes('/vragenlijst/2029'));
    expect(received.some((mail) => mail.raw.includes(`Subject: ${nl.mail.questionnaireOpenSubject}`))).toBe(true);
    for (const mail of received) expect(mailText(mail.raw)).not.toContain('Dordrecht');

    const officer = await personIdOf(app.t, OFFICER);
    expect((await noticesOf(app.t, officer, 'questionnaire_open')).map((notice) => notice.linkPath)).toEqual(['/vragenlijst/2029']);
    expect((await noticesOf(app.t, officer, 'questionnaire_deadline')).map((notice) => notice.linkPath).sort()).toEqual(reminded);
  });

  it('respects the policy officer’s choice: none hears nothing, the digest tells her the next day', async () => {
    const analyst = await callerFor(app.t, 'analyst');
    let year = 2040;
    await expectChoiceRespected(app.t, {
      kind: 'questionnaire_open',
      template: 'questionnaireOpen',
      personId: await personIdOf(app.t, OFFICER),
      email: OFFICER,
      remind: async () => {
        const created = await analyst.request('POST', '/api/v1/municipal-questionnaire/editions', {
          year: ++year,
          referenceDate: dayAfter(app.t, -1),
          opensOn: dayAfter(app.t, -1),
          deadline: dayAfter(app.t, DEADLINE_NEAR_DAYS + 30),
        });
        expect(created.statusCode, created.body).toBe(201);
        await app.t.app.reminders.runOnce();
      },
    });
  });
});
