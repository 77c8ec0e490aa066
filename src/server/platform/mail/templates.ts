// SPDX-License-Identifier: EUPL-1.2
// The mail templates: each a subject and a text in the message catalogue (Dutch, English where the
// person chose it), filled with nothing but a link into Kansrijk.
import { nl } from '../../../contracts/i18n/nl.js';
import { en } from '../../../contracts/i18n/en.js';
import { MAIL_TEMPLATES, type MailTemplate } from '../../../contracts/mail-admin.js';

export { MAIL_TEMPLATES, type MailTemplate };
export const MAIL_LOCALES = ['nl', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

const CATALOGUES = { nl: nl.mail, en: en.mail };

export interface RenderedMail {
  subject: string;
  text: string;
}

/** The mail of a template in a language, with its link (absolute) filled in. */
export function renderMail(template: MailTemplate, locale: MailLocale, link: string | null): RenderedMail {
  const texts = CATALOGUES[locale];
  const body = texts[`${template}Body`].replace('{link}', link ?? '');
  return { subject: texts[`${template}Subject`], text: `${body}\n\n${texts.signature}\n` };
}
