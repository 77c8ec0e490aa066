// SPDX-License-Identifier: EUPL-1.2
// The yearly questionnaire by mail (issue 16), against a real SMTP server in this process: when an
// edition opens, the policy officer hears of it once (however many municipalities her organisation
// serves, however many passes); a week before the deadline she gets one reminder for each of her
// municipalities whose response is not submitted — not for one that is. The mails name no municipality.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { DAY_MS, dayAfter, startSmtpTestApp, type SmtpTestApp } from '../../../../test/helpers/mail-test-app.js';
import { mailText, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { callerFor } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { organisationMunicipalities } from '../organisations/schema.js';
import { municipalQuestionnaireEditions, municipalQuestionnaireResponses } from './schema.js';
import { DEADLINE_NEAR_DAYS } from './remind-policy-officers.js';

let app: SmtpTestApp;
let t: TestApp;
let smtp: TestSmtpServer;

beforeAll(async () => {
  app = await startSmtpTestApp();
  ({ t, smtp } = app);
});
afterAll(() => app?.close());

const OFFICER = 'beleid@kansrijk.demo';
const mailsOf = async (template: string) => (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.template, template))).filter((mail) => mail.toAddress === OFFICER);

describe('the yearly questionnaire by mail', () => {
  it('tells the policy officer once that it opened, and reminds her a week before the deadline of each municipality not submitted', async () => {
    const analyst = await callerFor(t, 'analyst');
    const created = await analyst.request('POST', '/api/v1/municipal-questionnaire/editions', {
      year: 2029,
      referenceDate: dayAfter(t, -1),
      opensOn: dayAfter(t, -1),
      deadline: dayAfter(t, DEADLINE_NEAR_DAYS + 10),
    });
    expect(created.statusCode, created.body).toBe(201);
    const served = (await t.database.db.select({ code: organisationMunicipalities.municipalityCode }).from(organisationMunicipalities).where(eq(organisationMunicipalities.organisationId, t.demo.organisationIds.gemeente!))).map((row) => row.code).sort();
    expect(served.length).toBeGreaterThan(1);

    await t.app.reminders.runOnce();
    await t.app.reminders.runOnce();
    const opened = await mailsOf('questionnaireOpen');
    expect(opened.map((mail) => mail.linkPath)).toEqual(['/vragenlijst/2029']);
    expect(await mailsOf('questionnaireDeadline')).toEqual([]);

    // The first of her municipalities submits; the others do not.
    const submitted = served[0]!;
    const [edition] = await t.database.db.select({ id: municipalQuestionnaireEditions.id }).from(municipalQuestionnaireEditions).where(eq(municipalQuestionnaireEditions.year, 2029));
    await t.database.db.insert(municipalQuestionnaireResponses).values({ editionId: edition!.id, municipalityCode: submitted, state: 'submitted', submittedAt: t.clock.now() });
    t.clock.advance(11 * DAY_MS);
    await t.app.reminders.runOnce();
    await t.app.reminders.runOnce();
    const reminded = (await mailsOf('questionnaireDeadline')).map((mail) => mail.linkPath).sort();
    expect(reminded).toEqual(served.filter((code) => code !== submitted).map((code) => `/vragenlijst/2029/${code}`));
    expect(await mailsOf('questionnaireOpen')).toHaveLength(1);

    await t.app.mail.runOnce();
    const received = smtp.received.filter((mail) => mail.to.includes(OFFICER) && mailText(mail.raw).includes('/vragenlijst/2029'));
    expect(received.some((mail) => mail.raw.includes(`Subject: ${nl.mail.questionnaireOpenSubject}`))).toBe(true);
    for (const mail of received) expect(mailText(mail.raw)).not.toContain('Dordrecht');
  });
});
