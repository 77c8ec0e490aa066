// SPDX-License-Identifier: EUPL-1.2
// Catalogue sections of the chain: families (register, search, the family file, access log, emergency access).
import type { SectionCatalogue } from './section.js';

export const familiesNl = {
  families: {
    nav: 'Cliënten',
    crumb: 'Cliënten',
    registerCrumb: 'Nieuwe cliënt',
    emergencyCrumb: 'Noodtoegang',
    fileCrumb: 'Dossier',
    accessLogCrumb: 'Inzage',
    reviewCrumb: 'Noodtoegang controleren',
    sectionsLabel: 'Onderdelen van het dossier',
    sectionOverview: 'Overzicht',
    sectionAccessLog: 'Wie keek mee',
  },
} as const;

export const familiesEn = {
  families: {
    nav: 'Clients',
    crumb: 'Clients',
    registerCrumb: 'New client',
    emergencyCrumb: 'Emergency access',
    fileCrumb: 'File',
    accessLogCrumb: 'Access',
    reviewCrumb: 'Review emergency access',
    sectionsLabel: 'Parts of the file',
    sectionOverview: 'Overview',
    sectionAccessLog: 'Who looked',
  },
} satisfies SectionCatalogue<typeof familiesNl>;
