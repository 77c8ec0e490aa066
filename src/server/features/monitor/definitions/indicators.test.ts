// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { INDICATORS, INDICATOR_KEYS, indicatorByKey, indicatorSetSchema } from './indicators.js';
import { matches, tallyRecords, type RegisterRow } from './evaluate.js';
import type { IndicatorDefinition } from './types.js';

const TABLE_1 = [
  'coalition',
  'plan_of_approach',
  'nu_niet_zwanger',
  'prenatal_home_visit',
  'voorzorg',
  'centering_pregnancy',
  'late_start_of_care',
  'problematic_debts',
  'centering_parenting',
  'no_kraamzorg',
  'born_vulnerable',
  'big2',
  'speech_language',
  'overweight_at_two',
  'out_of_home_placement',
];

const get = (key: string): IndicatorDefinition => {
  const definition = indicatorByKey(key);
  if (!definition) throw new Error(`no indicator ${key}`);
  return definition;
};

/** A register row with defaults for a live-born, term, healthy child; override what the case needs. */
const row = (overrides: RegisterRow = {}): RegisterRow => ({
  isVulnerable: false,
  gestationalAgeDays: 280,
  birthWeightGrams: 3400,
  isLiveBorn: true,
  isMultiple: false,
  birthOrder: 1,
  isPreterm: false,
  isSmallForGestationalAge: false,
  firstAntenatalVisitDay: 60,
  hadKraamzorg: true,
  parentCount: 2,
  parentsWithProblematicDebt: 0,
  hasNegativeSpeechLanguageScore: false,
  isOverweightAtTwo: false,
  wasPlacedOutOfHomeBeforeTwo: false,
  ...overrides,
});

describe('the indicator set', () => {
  it("ships seed 003's Table 1 in order, with 2023 numbers 1–15", () => {
    expect(INDICATOR_KEYS).toEqual(TABLE_1);
    INDICATORS.forEach((definition, index) => {
      expect(definition.editions.find((edition) => edition.edition === '2023')?.number).toBe(index + 1);
    });
  });

  it('keeps the later editions’ numbers from the domain reference', () => {
    const number = (key: string, edition: string) => get(key).editions.find((item) => item.edition === edition)?.number;
    expect(number('big2', '2025')).toBe(15);
    expect(number('born_vulnerable', '2025')).toBe(14);
    expect(number('no_kraamzorg', '2024')).toBe(13);
    expect(number('problematic_debts', '2025')).toBe(10);
    expect(number('late_start_of_care', '2025')).toBe(9);
  });

  it('has the seed values of Table 1', () => {
    expect(get('big2').seedValue).toEqual({ value: 14.8, year: 2021 });
    expect(get('coalition').seedValue).toEqual({ value: 62, year: 2023 });
    expect(get('nu_niet_zwanger').seedValue).toEqual({ value: 82, year: 2024 });
    expect(get('out_of_home_placement').seedValue).toEqual({ value: 1.6, year: 2022 });
    expect(get('late_start_of_care').seedValue).toBeUndefined(); // "×" without a value
  });

  it('separates counts of municipalities and organisations from counts of persons', () => {
    for (const definition of INDICATORS) {
      if (definition.sourceKind === 'import') {
        // The Centering indicators: organisations, imported, never split or suppressed.
        expect(definition.countsPersons).toBe(false);
        expect(definition.hasVulnerabilitySplit).toBe(false);
        expect(definition.records).toBeUndefined();
        expect(definition.questionnaire).toBeUndefined();
      } else if (definition.sourceKind === 'questionnaire') {
        expect(definition.countsPersons).toBe(false);
        expect(definition.hasVulnerabilitySplit).toBe(false);
        expect(definition.records).toBeUndefined();
      } else {
        expect(definition.sourceKind).toBe('records');
        expect(definition.countsPersons).toBe(true);
        expect(definition.records).toBeDefined();
        expect(definition.hasVulnerabilitySplit).toBe(definition.key !== 'born_vulnerable');
      }
      expect(definition.unit).toBe(definition.key === 'out_of_home_placement' ? 'per_1000' : 'percentage');
    }
    expect(INDICATORS.filter((definition) => definition.sourceKind === 'questionnaire').map((definition) => definition.key)).toEqual(
      TABLE_1.filter((_, index) => [0, 1, 2, 3, 4].includes(index)),
    );
    expect(INDICATORS.filter((definition) => definition.sourceKind === 'import').map((definition) => definition.key)).toEqual(['centering_pregnancy', 'centering_parenting']);
  });

  it('finds by key and says nothing for an unknown key', () => {
    expect(get('big2').shortName).toBe('Big2');
    expect(indicatorByKey('nope')).toBeUndefined();
  });

  it('rejects a broken set when it is loaded', () => {
    const big2 = get('big2');
    expect(indicatorSetSchema.safeParse([big2, big2]).success).toBe(false);
    expect(indicatorSetSchema.safeParse([{ ...big2, records: undefined }]).success).toBe(false);
    expect(indicatorSetSchema.safeParse([{ ...get('coalition'), countsPersons: true }]).success).toBe(false);
    expect(indicatorSetSchema.safeParse([{ ...big2, key: 'Big 2' }]).success).toBe(false);
    const badField = { ...big2, records: { ...big2.records!, numerator: { where: { field: 'bsn', op: 'is_null' }, tally: { kind: 'rows' } } } };
    expect(indicatorSetSchema.safeParse([badField]).success).toBe(false);
    expect(indicatorSetSchema.safeParse([{ ...get('voorzorg'), key: 'voorzorg2' }, get('voorzorg')]).success).toBe(false); // same number in 2023
  });
});

describe('the records computations', () => {
  it('big2: births from 24 weeks (live and stillborn), preterm and/or small for gestational age', () => {
    const rows = [
      row(), // term, normal weight: denominator only
      row({ isPreterm: true, gestationalAgeDays: 250 }),
      row({ isSmallForGestationalAge: true }),
      row({ isPreterm: true, isSmallForGestationalAge: true, gestationalAgeDays: 200 }), // counted once
      row({ isLiveBorn: false, isPreterm: true, gestationalAgeDays: 190 }), // stillborn counts
      row({ gestationalAgeDays: 168, isPreterm: true }), // exactly 24 weeks counts
      row({ gestationalAgeDays: 167, isPreterm: true }), // before 24 weeks: excluded
    ];
    expect(tallyRecords(get('big2').records!, rows)).toEqual({ numerator: 5, denominator: 6 });
  });

  it('late start of care: per pregnancy (twins once), first visit after day 70, among pregnancies from 24 weeks with a known visit', () => {
    const rows = [
      row({ firstAntenatalVisitDay: 70 }), // day 70 is in time
      row({ firstAntenatalVisitDay: 71 }),
      row({ firstAntenatalVisitDay: null }), // unknown: excluded
      row({ firstAntenatalVisitDay: 120, gestationalAgeDays: 150, isLiveBorn: false }), // < 24 weeks
      row({ firstAntenatalVisitDay: 100, isLiveBorn: false }),
      // Twins, late: one pregnancy, counted once (the first-born, birth order 1).
      row({ firstAntenatalVisitDay: 90, isMultiple: true, birthOrder: 1 }),
      row({ firstAntenatalVisitDay: 90, isMultiple: true, birthOrder: 2 }),
      // Twins, in time: once in the denominator only.
      row({ firstAntenatalVisitDay: 50, isMultiple: true, birthOrder: 1 }),
      row({ firstAntenatalVisitDay: 50, isMultiple: true, birthOrder: 2 }),
      // Triplets, late: once.
      row({ firstAntenatalVisitDay: 80, isMultiple: true, birthOrder: 1 }),
      row({ firstAntenatalVisitDay: 80, isMultiple: true, birthOrder: 2 }),
      row({ firstAntenatalVisitDay: 80, isMultiple: true, birthOrder: 3 }),
    ];
    expect(tallyRecords(get('late_start_of_care').records!, rows)).toEqual({ numerator: 4, denominator: 6 });
    expect(get('late_start_of_care').denominator).toContain('een meerling telt één keer');
  });

  it('problematic debts: parents with debts over all parents of births from 24 weeks', () => {
    const rows = [
      row({ parentCount: 2, parentsWithProblematicDebt: 1 }),
      row({ parentCount: 1, parentsWithProblematicDebt: 1 }),
      row({ parentCount: 2, parentsWithProblematicDebt: 0, isLiveBorn: false }),
      row({ parentCount: 2, parentsWithProblematicDebt: 2, gestationalAgeDays: 160 }), // < 24 weeks
    ];
    expect(tallyRecords(get('problematic_debts').records!, rows)).toEqual({ numerator: 2, denominator: 5 });
  });

  it('no kraamzorg, born vulnerable and the two-year outcomes count live births with a known value', () => {
    const rows = [
      row({ hadKraamzorg: false, isVulnerable: true, hasNegativeSpeechLanguageScore: true, wasPlacedOutOfHomeBeforeTwo: true }),
      row({ hadKraamzorg: null, isOverweightAtTwo: null, hasNegativeSpeechLanguageScore: null }),
      row({ isOverweightAtTwo: true }),
      row({ isLiveBorn: false, hadKraamzorg: null, hasNegativeSpeechLanguageScore: null, isOverweightAtTwo: null, wasPlacedOutOfHomeBeforeTwo: null }),
    ];
    expect(tallyRecords(get('no_kraamzorg').records!, rows)).toEqual({ numerator: 1, denominator: 2 });
    expect(tallyRecords(get('born_vulnerable').records!, rows)).toEqual({ numerator: 1, denominator: 3 });
    expect(tallyRecords(get('speech_language').records!, rows)).toEqual({ numerator: 1, denominator: 2 });
    expect(tallyRecords(get('overweight_at_two').records!, rows)).toEqual({ numerator: 1, denominator: 2 });
    expect(tallyRecords(get('out_of_home_placement').records!, rows)).toEqual({ numerator: 1, denominator: 3 });
  });

  it('never counts more in the numerator than the denominator’s rows allow', () => {
    const rows = [row({ isLiveBorn: false, hadKraamzorg: false })];
    expect(tallyRecords(get('no_kraamzorg').records!, rows)).toEqual({ numerator: 0, denominator: 0 });
  });

  it('treats comparisons with null as false, like SQL', () => {
    expect(matches({ field: 'firstAntenatalVisitDay', op: 'gt', value: 70 }, row({ firstAntenatalVisitDay: null }))).toBe(false);
    expect(matches({ field: 'firstAntenatalVisitDay', op: 'lte', value: 70 }, row({ firstAntenatalVisitDay: null }))).toBe(false);
    expect(matches({ field: 'firstAntenatalVisitDay', op: 'is_null' }, row({ firstAntenatalVisitDay: null }))).toBe(true);
    expect(matches({ any: [{ field: 'hadKraamzorg', op: 'eq', value: true }, { field: 'isPreterm', op: 'eq', value: true }] }, row({ hadKraamzorg: null, isPreterm: true }))).toBe(true);
  });
});

describe('definitions that say what they count', () => {
  it("Centering: a share of midwife practices and of JGZ organisations (seed 003), not of municipalities", () => {
    const cases: [string, RegExp, RegExp][] = [
      ['centering_pregnancy', /verloskundigenpraktijken die CenteringZwangerschap/, /^Aantal verloskundigenpraktijken in Nederland$/],
      ['centering_parenting', /JGZ-organisaties die CenteringOuderschap/, /^Aantal JGZ-organisaties in Nederland$/],
    ];
    for (const [key, numerator, denominator] of cases) {
      const definition = get(key);
      expect(definition.numerator).toMatch(numerator);
      expect(definition.denominator).toMatch(denominator);
      expect(`${definition.numerator} ${definition.denominator}`).not.toMatch(/gemeente/i);
      // Not derived from the municipal questionnaire (which would count municipalities).
      expect(definition.sourceKind).toBe('import');
      expect(definition.questionnaire).toBeUndefined();
    }
  });

  // Every deviation from RIVM's definition as a note, and what the year of a figure means.
  const EXPECTED: [key: string, notes: string[], yearBasis: 'calendar_year' | 'birth_cohort'][] = [
    ['coalition', [], 'calendar_year'],
    ['plan_of_approach', [], 'calendar_year'],
    ['nu_niet_zwanger', [], 'calendar_year'],
    ['prenatal_home_visit', [], 'calendar_year'],
    ['voorzorg', [], 'calendar_year'],
    ['centering_pregnancy', [], 'calendar_year'],
    ['late_start_of_care', [], 'calendar_year'],
    ['problematic_debts', ['debtsAllParents'], 'calendar_year'],
    ['centering_parenting', [], 'calendar_year'],
    ['no_kraamzorg', ['kraamzorgHospitalStay'], 'calendar_year'],
    ['born_vulnerable', [], 'calendar_year'],
    ['big2', [], 'calendar_year'],
    ['speech_language', ['byBirthCohort'], 'birth_cohort'],
    ['overweight_at_two', ['byBirthCohort'], 'birth_cohort'],
    ['out_of_home_placement', ['byBirthCohort', 'outOfHomeCohort'], 'birth_cohort'],
  ];
  it.each(EXPECTED)('%s: notes %j, year is %s', (key, notes, yearBasis) => {
    expect(get(key).notes ?? []).toEqual(notes);
    expect(get(key).yearBasis ?? 'calendar_year').toBe(yearBasis);
  });
  it('lists every indicator in that table', () => {
    expect(EXPECTED.map(([key]) => key)).toEqual(TABLE_1);
  });

  it('problematic debts: labelled as the 2024 definition (all parents), the 2023 edition counted women who gave birth', () => {
    const debts = get('problematic_debts');
    expect(debts.name).toContain('definitie monitor 2024: alle ouders');
    expect(debts.denominator).toMatch(/^Alle ouders \(zwangere en partner\)/);
    expect(debts.records!.denominator.tally).toEqual({ kind: 'sum', field: 'parentCount' });
  });

  it('Big2 names Hoftiezer 2019 and needs no note: the register and the chain classify with it', () => {
    expect(get('big2').numerator).toContain('Hoftiezer 2019');
    expect(get('big2').notes).toBeUndefined();
  });
});
