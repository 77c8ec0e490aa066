// SPDX-License-Identifier: EUPL-1.2
// Catalogue section of the HTTP layer's own refusals (NL API Design Rules): a method or a format the
// URI does not offer. Spread into nl.ts and en.ts.
import type { HttpErrorCode } from '../../errors.js';
import type { SectionCatalogue } from './section.js';

export const httpNl = {
  httpErrors: {
    method_not_allowed: 'Deze handeling kan hier niet. De header Allow noemt wat wel kan.',
    not_acceptable: 'Dit antwoord is er niet in het gevraagde formaat (Accept). Vraag JSON.',
  } satisfies Record<HttpErrorCode, string>,
  httpErrorTitles: {
    method_not_allowed: 'Methode niet toegestaan',
    not_acceptable: 'Formaat niet beschikbaar',
  } satisfies Record<HttpErrorCode, string>,
};

export const httpEn: SectionCatalogue<typeof httpNl> = {
  httpErrors: {
    method_not_allowed: 'This action is not possible here. The Allow header lists what is.',
    not_acceptable: 'This answer is not available in the requested format (Accept). Ask for JSON.',
  },
  httpErrorTitles: {
    method_not_allowed: 'Method not allowed',
    not_acceptable: 'Format not available',
  },
};
