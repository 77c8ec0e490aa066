// SPDX-License-Identifier: EUPL-1.2
// The Kansrijke Start indicator set as data: seed 003's Table 1 (monitor 2023, 15 indicators) with the
// definitions of the domain reference §1.2 (RIVM's DIAPER code). Keys are stable; the number an
// indicator has differs per edition, so it lives in `editions`, never in the key. The set is
// validated when the module loads, so a mistake here stops the server at start, not a page later.
import { z } from 'zod';
import { YEAR_BASES, indicatorSchema } from '../../../../contracts/monitor.js';
import { MONITOR_NOTE_KEYS } from '../../../../contracts/i18n/sections/monitor-notes.js';
import { REGISTER_FIELDS, type Condition, type IndicatorDefinition, type RecordsComputation } from './types.js';

const fieldSchema = z.enum(REGISTER_FIELDS);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldSchema, op: z.enum(['eq', 'gt', 'gte', 'lt', 'lte']), value: z.union([z.number(), z.boolean()]) }),
    z.strictObject({ field: fieldSchema, op: z.enum(['is_null', 'is_not_null']) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

const tallySchema = z.union([
  z.strictObject({ kind: z.literal('rows') }),
  z.strictObject({ kind: z.literal('sum'), field: fieldSchema }),
]);

export const recordsComputationSchema: z.ZodType<RecordsComputation> = z.strictObject({
  denominator: z.strictObject({ where: conditionSchema, tally: tallySchema }),
  numerator: z.strictObject({ where: conditionSchema, tally: tallySchema }),
});

export const indicatorDefinitionSchema = indicatorSchema
  .omit({ notes: true, yearBasis: true })
  .extend({
    notes: z.array(z.enum(MONITOR_NOTE_KEYS)).min(1).optional(),
    yearBasis: z.enum(YEAR_BASES).optional(),
    records: recordsComputationSchema.optional(),
    questionnaire: z.strictObject({ questionKey: z.string().regex(/^[a-z][a-z0-9_]*$/), answerKind: z.enum(['yes_no', 'status']).optional() }).optional(),
    seedValue: z.strictObject({ value: z.number().nonnegative(), year: z.number().int().min(1990).max(2100) }).optional(),
  })
  .strict()
  .superRefine((definition, ctx) => {
    // One model, three sources: only register-based indicators carry a computation, and only they
    // (counts of persons) are subject to small-number suppression and the vulnerability split.
    if (definition.sourceKind === 'records' && !definition.records) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: sourceKind 'records' needs a records computation` });
    }
    if (definition.sourceKind !== 'records' && definition.records) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: only sourceKind 'records' may carry a records computation` });
    }
    if ((definition.sourceKind === 'questionnaire') !== Boolean(definition.questionnaire)) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: exactly the questionnaire indicators name their question` });
    }
    if (definition.sourceKind === 'questionnaire' && (definition.countsPersons || definition.hasVulnerabilitySplit)) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: questionnaire indicators count municipalities or organisations` });
    }
    if (definition.hasVulnerabilitySplit && !definition.countsPersons) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: the vulnerability split exists only for counts of persons` });
    }
    const editions = definition.editions.map((edition) => edition.edition);
    if (new Set(editions).size !== editions.length) {
      ctx.addIssue({ code: 'custom', message: `${definition.key}: an edition is listed twice` });
    }
  });

export const indicatorSetSchema = z.array(indicatorDefinitionSchema).superRefine((definitions, ctx) => {
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.key)) ctx.addIssue({ code: 'custom', message: `duplicate indicator key ${definition.key}` });
    seen.add(definition.key);
  }
  // Within one edition a number identifies one indicator.
  const numbers = new Map<string, string>();
  for (const definition of definitions) {
    for (const { edition, number } of definition.editions) {
      const id = `${edition}#${number}`;
      const other = numbers.get(id);
      if (other) ctx.addIssue({ code: 'custom', message: `${definition.key} and ${other} both have number ${number} in edition ${edition}` });
      numbers.set(id, definition.key);
    }
  }
});

// Building blocks for the register conditions, so the definitions below read like the RIVM text.
const eq = (field: (typeof REGISTER_FIELDS)[number], value: number | boolean): Condition => ({ field, op: 'eq', value });
const notNull = (field: (typeof REGISTER_FIELDS)[number]): Condition => ({ field, op: 'is_not_null' });
/** RIVM counts births from 24 completed weeks (24 × 7 = 168 days), live- and stillborn. */
const from24Weeks: Condition = { field: 'gestationalAgeDays', op: 'gte', value: 168 };
const liveBorn = eq('isLiveBorn', true);
const rows = { kind: 'rows' } as const;

/** A two-year outcome: live births whose outcome is known; the numerator those where it is true. */
const knownOutcome = (field: (typeof REGISTER_FIELDS)[number]): RecordsComputation => ({
  denominator: { where: { all: [liveBorn, notNull(field)] }, tally: rows },
  numerator: { where: eq(field, true), tally: rows },
});

const QUESTIONNAIRE = 'Vragenlijst onder gemeenten (RIVM)';

const definitions: IndicatorDefinition[] = [
  {
    key: 'coalition',
    name: 'Gemeenten met een lokale of regionale coalitie Kansrijke Start',
    shortName: 'Coalitie',
    phase: 'programme',
    type: 'process',
    numerator: 'Aantal gemeenten met een gevormde lokale en/of regionale coalitie Kansrijke Start (de verdeling toont ook: in ontwikkeling, geen coalitie, niet beantwoord)',
    denominator: 'Aantal gemeenten in Nederland (ook de gemeenten die de vragenlijst niet beantwoordden)',
    unit: 'percentage',
    source: QUESTIONNAIRE,
    sourceKind: 'questionnaire',
    // Issue 10 item 6: from the yearly questionnaire's status per municipality, 'in development' its own category.
    questionnaire: { questionKey: 'coalition_status', answerKind: 'status' },
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 1 }],
    seedValue: { value: 62, year: 2023 },
  },
  {
    key: 'plan_of_approach',
    name: 'Gemeenten met een gezamenlijk plan van aanpak Kansrijke Start',
    shortName: 'Plan van aanpak',
    phase: 'programme',
    type: 'process',
    numerator: 'Aantal gemeenten met een (gezamenlijk) plan van aanpak Kansrijke Start',
    denominator: 'Aantal gemeenten in Nederland',
    unit: 'percentage',
    source: QUESTIONNAIRE,
    sourceKind: 'questionnaire',
    questionnaire: { questionKey: 'has_plan_of_approach' },
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 2 }],
    seedValue: { value: 57, year: 2023 },
  },
  {
    key: 'nu_niet_zwanger',
    name: 'Gemeenten aangesloten bij Nu Niet Zwanger',
    shortName: 'Nu Niet Zwanger',
    phase: 'before_pregnancy',
    type: 'process',
    numerator: 'Aantal gemeenten waar Nu Niet Zwanger beschikbaar is',
    denominator: 'Aantal gemeenten in Nederland',
    unit: 'percentage',
    source: 'Jaarlijkse gegevensuitvraag (GGD GHOR Nederland)',
    sourceKind: 'questionnaire',
    questionnaire: { questionKey: 'offers_nu_niet_zwanger' },
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 3 }],
    seedValue: { value: 82, year: 2024 },
  },
  {
    key: 'prenatal_home_visit',
    name: 'Gemeenten met prenatale huisbezoeken door de JGZ',
    shortName: 'Prenataal huisbezoek',
    phase: 'during_pregnancy',
    type: 'process',
    numerator: 'Aantal gemeenten waarin de JGZ prenatale huisbezoeken aflegt',
    denominator: 'Aantal gemeenten in Nederland',
    unit: 'percentage',
    source: QUESTIONNAIRE,
    sourceKind: 'questionnaire',
    questionnaire: { questionKey: 'offers_prenatal_home_visit' },
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 4 }],
    seedValue: { value: 77, year: 2023 },
  },
  {
    key: 'voorzorg',
    name: 'Gemeenten waarin VoorZorg wordt aangeboden',
    shortName: 'VoorZorg',
    phase: 'during_pregnancy',
    type: 'process',
    numerator: 'Aantal gemeenten waarin VoorZorg wordt aangeboden',
    denominator: 'Aantal gemeenten in Nederland',
    unit: 'percentage',
    source: 'Jaarlijkse gegevensuitvraag (NCJ)',
    sourceKind: 'questionnaire',
    questionnaire: { questionKey: 'offers_voorzorg' },
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 5 }],
    seedValue: { value: 49, year: 2023 },
  },
  {
    key: 'centering_pregnancy',
    name: "Verloskundigenpraktijken die 'CenteringZwangerschap' aanbieden",
    shortName: 'CenteringZwangerschap',
    phase: 'during_pregnancy',
    type: 'process',
    numerator: 'Aantal verloskundigenpraktijken die CenteringZwangerschap aanbieden',
    denominator: 'Aantal verloskundigenpraktijken in Nederland',
    unit: 'percentage',
    // As seed 003 (Table 1, indicator 6): a share of midwife practices, not of municipalities. The
    // counts come from Stichting Centering Nederland as an aggregate import (numerator and
    // denominator per year, for NL01), never from the municipal questionnaire.
    source: 'Jaarlijkse gegevensuitvraag (Stichting Centering Nederland), als import van tellers en noemers',
    sourceKind: 'import',
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 6 }],
    seedValue: { value: 28, year: 2022 },
  },
  {
    key: 'late_start_of_care',
    name: 'Start zwangerschapsbegeleiding na de 10e week van de zwangerschap',
    shortName: 'Late start zwangerschapszorg',
    phase: 'during_pregnancy',
    type: 'process',
    numerator: 'Zwangerschappen van ten minste 24 weken waarbij het eerste prenatale onderzoek na dag 70 (na de 10e week) plaatsvond (een meerling telt één keer)',
    denominator: 'Zwangerschappen van ten minste 24 weken met een bekende dag van het eerste prenatale onderzoek (een meerling telt één keer)',
    unit: 'percentage',
    source: 'Perined (via DIAPER), met CBS voor de gemeente',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [
      { edition: '2023', number: 7 },
      { edition: '2025', number: 9 },
    ],
    // No seedValue: Table 1 shows "×" without a figure (no new data).
    // Per pregnancy, as RIVM (Perined "rangnummer" 1): the first-born of a multiple birth stands for the pregnancy.
    records: {
      denominator: { where: { all: [from24Weeks, notNull('firstAntenatalVisitDay'), eq('birthOrder', 1)] }, tally: rows },
      numerator: { where: { field: 'firstAntenatalVisitDay', op: 'gt', value: 70 }, tally: rows },
    },
  },
  {
    key: 'problematic_debts',
    name: '(Aanstaande) ouders met problematische schulden in het jaar van de bevalling (definitie monitor 2024: alle ouders)',
    shortName: 'Problematische schulden',
    phase: 'during_pregnancy',
    type: 'outcome',
    numerator: 'Ouders met schuldsanering (Wsnp) en/of geregistreerd als wanbetaler zorgverzekering (ten minste 6 maanden geen premie)',
    denominator: 'Alle ouders (zwangere en partner) van levend- en doodgeboren kinderen na ten minste 24 weken zwangerschap',
    unit: 'percentage',
    source: 'CBS-microdata (Wsnp, wanbetalers Zvw) en Perined (via DIAPER)',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [
      { edition: '2023', number: 8 },
      { edition: '2024', number: 10 },
      { edition: '2025', number: 10 },
    ],
    seedValue: { value: 1.6, year: 2021 },
    // The 2023 edition (number 8, 1.6% in 2021) counted women who gave birth; Kansrijk counts all
    // parents as the 2024 edition does, and says so in the name and in a note.
    notes: ['debtsAllParents'],
    records: {
      denominator: { where: from24Weeks, tally: { kind: 'sum', field: 'parentCount' } },
      numerator: { where: { field: 'parentsWithProblematicDebt', op: 'gt', value: 0 }, tally: { kind: 'sum', field: 'parentsWithProblematicDebt' } },
    },
  },
  {
    key: 'centering_parenting',
    name: 'JGZ-organisaties die CenteringOuderschap aanbieden',
    shortName: 'CenteringOuderschap',
    phase: 'after_birth',
    type: 'process',
    numerator: 'Aantal JGZ-organisaties die CenteringOuderschap aanbieden',
    denominator: 'Aantal JGZ-organisaties in Nederland',
    unit: 'percentage',
    // As seed 003 (Table 1, indicator 9): a share of JGZ organisations, not of municipalities (import).
    source: 'Jaarlijkse gegevensuitvraag (Stichting Centering Nederland), als import van tellers en noemers',
    sourceKind: 'import',
    desiredDirection: 'higher',
    countsPersons: false,
    hasVulnerabilitySplit: false,
    editions: [{ edition: '2023', number: 9 }],
    seedValue: { value: 26, year: 2023 },
  },
  {
    key: 'no_kraamzorg',
    name: 'Gezinnen die geen kraamzorg gebruiken',
    shortName: 'Geen kraamzorg',
    phase: 'after_birth',
    type: 'process',
    numerator: 'Levendgeborenen van wie de moeder na de geboorte geen kraamzorg heeft gehad',
    denominator: 'Levendgeborenen van wie bekend is of de moeder kraamzorg heeft gehad',
    unit: 'percentage',
    source: 'Vektis (declaraties kraamzorg) en CBS (via DIAPER)',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [
      { edition: '2023', number: 10 },
      { edition: '2024', number: 13 },
    ],
    seedValue: { value: 4.8, year: 2022 },
    notes: ['kraamzorgHospitalStay'],
    records: {
      denominator: { where: { all: [liveBorn, notNull('hadKraamzorg')] }, tally: rows },
      numerator: { where: eq('hadKraamzorg', false), tally: rows },
    },
  },
  {
    key: 'born_vulnerable',
    name: 'Kinderen geboren in een gezin dat te maken heeft met een kwetsbare situatie',
    shortName: 'Kwetsbare situatie',
    phase: 'after_birth',
    type: 'outcome',
    numerator: 'Levendgeborenen van wie de moeder volgens het voorspelmodel in een (meervoudig) kwetsbare situatie verkeert',
    denominator: 'Levendgeborenen (met een voorspelling van het model)',
    unit: 'percentage',
    source: 'Perined, Vektis en CBS-microdata (voorspelmodel RIVM, via DIAPER)',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    // This indicator is the split itself: splitting it by itself would give 100% and 0%.
    hasVulnerabilitySplit: false,
    editions: [
      { edition: '2023', number: 11 },
      { edition: '2024', number: 14 },
      { edition: '2025', number: 14 },
    ],
    seedValue: { value: 6.8, year: 2021 },
    records: {
      denominator: { where: liveBorn, tally: rows },
      numerator: { where: eq('isVulnerable', true), tally: rows },
    },
  },
  {
    key: 'big2',
    name: 'Vroeggeboorte en/of laag geboortegewicht voor de duur van de zwangerschap (Big2)',
    shortName: 'Big2',
    phase: 'after_birth',
    type: 'outcome',
    numerator:
      'Kinderen geboren na ten minste 24 weken met een zwangerschapsduur korter dan 37 weken en/of een geboortegewicht onder het 10e percentiel voor de zwangerschapsduur (Hoftiezer 2019)',
    denominator: 'Alle kinderen (levend- en doodgeboren) geboren na ten minste 24 weken zwangerschap',
    unit: 'percentage',
    source: 'Perined (via DIAPER), met CBS voor de gemeente',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [
      { edition: '2023', number: 12 },
      { edition: '2024', number: 15 },
      { edition: '2025', number: 15 },
    ],
    seedValue: { value: 14.8, year: 2021 },
    records: {
      denominator: { where: from24Weeks, tally: rows },
      numerator: { where: { any: [eq('isPreterm', true), eq('isSmallForGestationalAge', true)] }, tally: rows },
    },
  },
  {
    key: 'speech_language',
    name: 'Negatieve score op de spraak-taalontwikkeling rond twee jaar',
    shortName: 'Spraak-taalontwikkeling',
    phase: 'after_birth',
    type: 'outcome',
    numerator: 'Kinderen met een negatieve score op de spraak-taalontwikkeling rond twee jaar',
    denominator: 'Levendgeborenen van wie de spraak-taalontwikkeling rond twee jaar is vastgelegd',
    unit: 'percentage',
    source: 'JGZ-registratie (Kansrijk-registratie)',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [{ edition: '2023', number: 13 }],
    seedValue: { value: 5.8, year: 2022 },
    // RIVM reports the year of measurement; Kansrijk the children's year of birth (labelled so).
    yearBasis: 'birth_cohort',
    notes: ['byBirthCohort'],
    records: knownOutcome('hasNegativeSpeechLanguageScore'),
  },
  {
    key: 'overweight_at_two',
    name: 'Overgewicht (inclusief obesitas) rond twee jaar',
    shortName: 'Overgewicht rond twee jaar',
    phase: 'after_birth',
    type: 'outcome',
    numerator: 'Kinderen met overgewicht of obesitas rond twee jaar',
    denominator: 'Levendgeborenen van wie het gewicht rond twee jaar is vastgelegd',
    unit: 'percentage',
    source: 'JGZ-registratie (Kansrijk-registratie)',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [{ edition: '2023', number: 14 }],
    seedValue: { value: 8.9, year: 2022 },
    yearBasis: 'birth_cohort',
    notes: ['byBirthCohort'],
    records: knownOutcome('isOverweightAtTwo'),
  },
  {
    key: 'out_of_home_placement',
    name: 'Kinderen tot twee jaar uit huis geplaatst',
    shortName: 'Uithuisplaatsing 0–2 jaar',
    phase: 'after_birth',
    type: 'outcome',
    numerator: 'Kinderen die vóór hun tweede verjaardag ten minste één dag een jeugdbeschermingsmaatregel hadden samen met jeugdhulp met verblijf',
    denominator: 'Levendgeborenen van wie bekend is of zij vóór hun tweede verjaardag uit huis zijn geplaatst',
    unit: 'per_1000',
    source: 'CBS-microdata (jeugdbescherming, jeugdhulp; via DIAPER)',
    sourceKind: 'records',
    // Fewer placements is the aim of Kansrijke Start (prevention), even if a single placement can protect a child.
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit: true,
    editions: [{ edition: '2023', number: 15 }],
    seedValue: { value: 1.6, year: 2022 },
    // RIVM divides by all children under two in a year (born that year or the year before); Kansrijk
    // follows one birth cohort until age two. For a stable birth rate both give about the same rate.
    yearBasis: 'birth_cohort',
    notes: ['byBirthCohort', 'outOfHomeCohort'],
    records: knownOutcome('wasPlacedOutOfHomeBeforeTwo'),
  },
];

/** The indicator set, validated at module load (a broken definition stops the start, not a page). */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze(indicatorSetSchema.parse(definitions) as IndicatorDefinition[]);

const byKey = new Map(INDICATORS.map((definition) => [definition.key, definition]));

/** The definition with this key, or undefined (callers turn that into a clear 404/400). */
export function indicatorByKey(key: string): IndicatorDefinition | undefined {
  return byKey.get(key);
}

/** The keys in the order of seed 003's Table 1. */
export const INDICATOR_KEYS: readonly string[] = INDICATORS.map((definition) => definition.key);
