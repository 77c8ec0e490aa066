// SPDX-License-Identifier: EUPL-1.2
// Catalogue section of the monitor's two coalition levels (issue 10 item 8): the local coalition
// (level 'coalition') and the regional collaboration (level 'regional'). Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const monitorLevelsNl = {
  monitorLevels: {
    levelLocal: 'Lokale coalitie',
    levelRegional: 'Regionale samenwerking',
    levelsLocal: 'Lokale coalities',
    levelsRegional: 'Regionale samenwerkingen',
    oneLocal: 'lokale coalitie',
    oneRegional: 'regionale samenwerking',
    manyLocal: 'lokale coalities',
    manyRegional: 'regionale samenwerkingen',
    legendNoLocal: 'geen lokale coalitie of geen gegevens',
    legendNoRegional: 'geen regionale samenwerking of geen gegevens',
    localMapNote:
      'Lokale coalities hebben geen eigen grenzen. Op de kaart krijgt elke gemeente de kleur van het cijfer van haar lokale coalitie; gemeenten zonder lokale coalitie zijn grijs. De tabel toont de cijfers per lokale coalitie.',
    regionalMapNote:
      'Regionale samenwerkingen hebben geen eigen grenzen. Op de kaart krijgt elke gemeente de kleur van het cijfer van haar regionale samenwerking; gemeenten zonder regionale samenwerking zijn grijs. Een gemeente kan tegelijk in een lokale coalitie en in een regionale samenwerking zitten. De tabel toont de cijfers per regionale samenwerking.',
    localMember: '{municipality}, lokale coalitie {coalition}',
    regionalMember: '{municipality}, regionale samenwerking {coalition}',
    /** The comparisons of a municipality's page, listed in the page's introduction. */
    comparisons: 'vergelijkbare gemeenten, de GGD-regio{coalitions}, de provincie en Nederland',
    comparisonLocal: ', de lokale coalitie',
    comparisonRegional: ', de regionale samenwerking',
    areaPickerLabel: 'Zoek een gemeente, GGD-regio, provincie, lokale coalitie of regionale samenwerking',
    columnKind: 'soort',
    kindLocal: 'lokaal',
    kindRegional: 'regionaal',
  },
};

export const monitorLevelsEn = {
  monitorLevels: {
    levelLocal: 'Local coalition',
    levelRegional: 'Regional collaboration',
    levelsLocal: 'Local coalitions',
    levelsRegional: 'Regional collaborations',
    oneLocal: 'local coalition',
    oneRegional: 'regional collaboration',
    manyLocal: 'local coalitions',
    manyRegional: 'regional collaborations',
    legendNoLocal: 'no local coalition or no data',
    legendNoRegional: 'no regional collaboration or no data',
    localMapNote:
      'Local coalitions have no boundaries of their own. On the map each municipality takes the colour of its local coalition’s figure; municipalities without a local coalition are grey. The table shows the figures per local coalition.',
    regionalMapNote:
      'Regional collaborations have no boundaries of their own. On the map each municipality takes the colour of its regional collaboration’s figure; municipalities without one are grey. A municipality can be in a local coalition and a regional collaboration at the same time. The table shows the figures per regional collaboration.',
    localMember: '{municipality}, local coalition {coalition}',
    regionalMember: '{municipality}, regional collaboration {coalition}',
    comparisons: 'similar municipalities, the GGD region{coalitions}, the province and the Netherlands',
    comparisonLocal: ', the local coalition',
    comparisonRegional: ', the regional collaboration',
    areaPickerLabel: 'Search a municipality, GGD region, province, local coalition or regional collaboration',
    columnKind: 'kind',
    kindLocal: 'local',
    kindRegional: 'regional',
  },
} satisfies SectionCatalogue<typeof monitorLevelsNl>;
