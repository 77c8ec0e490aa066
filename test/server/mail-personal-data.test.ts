// SPDX-License-Identifier: EUPL-1.2
// Issue 16 item 3: no personal data in any mail or subject. Every template, in every language, is
// rendered and checked against the demo clients' names, birth dates and BSNs (in the forms a date is
// written in) — and, since mails go to staff and to people invited to a self-analysis, against the demo
// staff's names and addresses too; a template has no placeholder other than the link, so nothing else
// can be put in. A template with a link shows it; the one reminder without a link (the personal link of
// a self-analysis is stored only hashed) says where the link is instead.
// The same for the in-app notices: every kind of notification has a mail template and a text of its own
// without any placeholder, so a notice can only say what kind of thing waits.
import { describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { en } from '../../src/contracts/i18n/en.js';
import { DEMO_CHAIN_CLIENTS } from '../../src/server/demo/seed-chain-demo.js';
import { DEMO_PEOPLE } from '../../src/server/demo/seed-demo.js';
import { MAIL_LOCALES, MAIL_TEMPLATES, renderMail } from '../../src/server/platform/mail/templates.js';
import { NOTIFICATION_KINDS } from '../../src/contracts/notifications.js';
import { MAIL_TEMPLATE_OF } from '../../src/server/features/notifications/domain/delivery.js';

const forbidden = DEMO_CHAIN_CLIENTS.flatMap((client) => {
  const [year, month, day] = client.birthDate.split('-');
  return [client.givenName, client.familyName, client.birthDate, `${day}-${month}-${year}`, `${Number(day)}-${Number(month)}-${year}`, client.postcode, ...('bsn' in client ? [client.bsn] : [])];
}).concat(DEMO_PEOPLE.flatMap((person) => [person.name, person.email]));

/** Templates that carry no link: the text says where the link is. */
const WITHOUT_LINK = ['analysisReminderByLink'];

describe('mail templates', () => {
  it.each(MAIL_TEMPLATES.flatMap((template) => MAIL_LOCALES.map((locale) => [template, locale] as const)))('%s (%s) holds no client data', (template, locale) => {
    const mail = renderMail(template, locale, 'https://kansrijk.example.nl/verwijzingen/0b7c1e4a');
    for (const text of [mail.subject, mail.text]) {
      expect(text.length).toBeGreaterThan(0);
      for (const value of forbidden) expect(text, value).not.toContain(value);
      expect(text, 'no placeholder left').not.toMatch(/\{[a-z]+\}/i);
    }
    if (WITHOUT_LINK.includes(template)) expect(mail.text).not.toContain('https://');
    else expect(mail.text).toContain('https://kansrijk.example.nl/verwijzingen/0b7c1e4a');
  });

  it('covers the self-analysis invitation and its reminders', () => {
    expect(MAIL_TEMPLATES).toEqual(expect.arrayContaining(['analysisInvitation', 'analysisReminder', 'analysisReminderByLink']));
  });

  it('has no placeholder but {link} in any subject or text, in either language', () => {
    for (const catalogue of [nl.mail, en.mail]) {
      for (const [key, text] of Object.entries(catalogue)) {
        const placeholders = [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1]);
        expect(placeholders.every((name) => name === 'link'), key).toBe(true);
        if (key.endsWith('Subject')) expect(placeholders, key).toEqual([]);
      }
    }
  });
});

describe('in-app notices', () => {
  it.each(NOTIFICATION_KINDS)('%s has a mail template and a text without client data or placeholders, in either language', (kind) => {
    expect(MAIL_TEMPLATES).toContain(MAIL_TEMPLATE_OF[kind]);
    for (const catalogue of [nl.notifications, en.notifications]) {
      const text = catalogue[`kind_${kind}`];
      expect(text.length).toBeGreaterThan(0);
      for (const value of forbidden) expect(text, value).not.toContain(value);
      expect(text).not.toMatch(/\{[a-z]+\}/i);
    }
  });
});
