// SPDX-License-Identifier: EUPL-1.2
// Catalogue section of the monitor's definition notes: where Kansrijk's computation of an indicator
// differs from RIVM's (or labels what it counts). The API carries each note's key and text, the
// indicator page and every export show it. Spread into nl.ts and en.ts.
import type { SectionCatalogue } from './section.js';

export const monitorNotesNl = {
  /** One sentence per note; the key is what an indicator definition lists in `notes`. */
  monitorNotes: {
    debtsAllParents:
      'Definitie van de monitor 2024: alle ouders (zwangere en partner) van kinderen geboren na ten minste 24 weken. De monitor 2023 (1,6% in 2021) telde alleen vrouwen die bevielen; de cijfers zijn daarom niet één op één vergelijkbaar.',
    byBirthCohort:
      'Per geboortecohort: het jaar is het geboortejaar van de kinderen, niet het jaar waarin de uitkomst rond twee jaar is gemeten (ongeveer twee jaar later).',
    outOfHomeCohort:
      'Het RIVM deelt door alle kinderen tot twee jaar in een jaar (geboren in dat jaar of het jaar ervoor); Kansrijk volgt één geboortecohort tot de tweede verjaardag.',
    kraamzorgHospitalStay:
      'Het RIVM corrigeert voor een vermoedelijk lange ziekenhuisopname na de geboorte; in de registratie van Kansrijk ligt dat vast in "kraamzorg gehad".',
  },
  monitorNoteLabels: {
    heading: 'Verschil met de definitie van het RIVM',
    columnNotes: 'verschil met RIVM-definitie',
    columnYearBasis: 'jaar is',
    yearBasisCalendarYear: 'kalenderjaar',
    yearBasisBirthCohort: 'geboortejaar (geboortecohort)',
  },
};

export const monitorNotesEn = {
  monitorNotes: {
    debtsAllParents:
      'Definition of the 2024 monitor: all parents (pregnant person and partner) of children born after at least 24 weeks. The 2023 monitor (1.6% in 2021) counted only women who gave birth, so the figures are not directly comparable.',
    byBirthCohort:
      'By birth cohort: the year is the year the children were born, not the year the outcome around age two was measured (about two years later).',
    outOfHomeCohort:
      'RIVM divides by all children under two in a year (born that year or the year before); Kansrijk follows one birth cohort up to the second birthday.',
    kraamzorgHospitalStay:
      'RIVM corrects for a presumed long hospital stay after birth; in the Kansrijk register this is recorded in "had maternity care".',
  },
  monitorNoteLabels: {
    heading: 'Difference from the RIVM definition',
    columnNotes: 'difference from RIVM definition',
    columnYearBasis: 'year is',
    yearBasisCalendarYear: 'calendar year',
    yearBasisBirthCohort: 'year of birth (birth cohort)',
  },
} satisfies SectionCatalogue<typeof monitorNotesNl>;

export type MonitorNoteKey = keyof typeof monitorNotesNl.monitorNotes;
export const MONITOR_NOTE_KEYS = Object.keys(monitorNotesNl.monitorNotes) as [MonitorNoteKey, ...MonitorNoteKey[]];
