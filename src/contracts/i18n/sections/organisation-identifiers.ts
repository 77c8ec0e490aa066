// SPDX-License-Identifier: EUPL-1.2
// Catalogue section of an organisation's national identifiers (issue 11): the AGB code (Vektis) and
// the URA (UZI register) in the organisation form, list and CSV export. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const organisationIdentifiersNl = {
  organisationIdentifiers: {
    agbCode: 'AGB-code',
    agbCodeDescription: 'De 8 cijfers van de organisatie in het AGB-register van Vektis.',
    uraCode: 'URA',
    uraCodeDescription: 'Het UZI-registerabonneenummer van de organisatie: 8 cijfers.',
    /** The free identifier beside them, now that AGB and URA have fields of their own. */
    otherIdentifier: 'Ander kenmerk',
    otherIdentifierDescription: 'Een eigen kenmerk van de organisatie, naast de AGB-code en de URA.',
  },
};

export const organisationIdentifiersEn = {
  organisationIdentifiers: {
    agbCode: 'AGB code',
    agbCodeDescription: 'The organisation’s 8 digits in the AGB register of Vektis.',
    uraCode: 'URA',
    uraCodeDescription: 'The organisation’s UZI register subscriber number: 8 digits.',
    otherIdentifier: 'Other identifier',
    otherIdentifierDescription: 'An identifier of the organisation’s own, besides the AGB code and the URA.',
  },
} satisfies SectionCatalogue<typeof organisationIdentifiersNl>;
