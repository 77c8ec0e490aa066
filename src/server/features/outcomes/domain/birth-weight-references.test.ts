// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateBirth, type BirthRecord } from './birth.js';
import { BIRTH_WEIGHT_REFERENCES, birthWeightReference, CURRENT_BIRTH_WEIGHT_REFERENCE_KEY } from './birth-weight-references.js';
import {
  DEFAULT_BIRTH_WEIGHT_REFERENCE,
  HOFTIEZER_2019_FILE,
  isSmallForGestationalAge,
  readHoftiezer2019,
} from '../../monitor/register/birth-weight-reference.js';
import { DEFAULT_DATA_FOLDER } from '../../monitor/register/generate-synthetic-births.js';

const days = (weeks: number, extra = 0) => weeks * 7 + extra;

describe('birth-weight reference registry', () => {
  it('has Hoftiezer 2019 as the current reference, the Fenton-derived table and INTERGROWTH-21st beside it, under honest names', () => {
    expect(CURRENT_BIRTH_WEIGHT_REFERENCE_KEY).toBe('hoftiezer-2019');
    expect(DEFAULT_BIRTH_WEIGHT_REFERENCE.name).toBe('hoftiezer-2019');
    expect([...BIRTH_WEIGHT_REFERENCES.keys()]).toEqual(['hoftiezer-2019', 'fenton-2013-derived', 'intergrowth-21st-newborn']);
    expect(birthWeightReference('hoftiezer-2019').name).toContain('Hoftiezer 2019');
    expect(birthWeightReference('hoftiezer-2019').source).toContain('Am J Obstet Gynecol');
    expect(birthWeightReference('fenton-2013-derived').name).toContain('niet Hoftiezer 2019');
    expect(birthWeightReference('intergrowth-21st-newborn').name).toContain('INTERGROWTH-21st');
    expect(() => birthWeightReference('hoftiezer-2018')).toThrow();
  });
});

describe('Hoftiezer 2019, per sex and per day (values as in data/hoftiezer-2019-birthweight-percentiles.csv)', () => {
  const hoftiezer = birthWeightReference('hoftiezer-2019');
  // [sex, weeks+days, p10, p50] — rows copied from the shipped file.
  const rows: [BirthRecord['sex'], number, number, number, number][] = [
    ['female', 23, 0, 428, 518],
    ['female', 24, 0, 526, 631],
    ['male', 24, 0, 561, 669],
    ['female', 29, 0, 1088, 1290],
    ['male', 29, 0, 1147, 1356],
    ['female', 36, 6, 2411, 2856],
    ['male', 36, 6, 2504, 2967],
    ['female', 37, 0, 2437, 2886],
    ['male', 37, 0, 2531, 3000],
    ['female', 40, 0, 2968, 3463],
    ['male', 40, 0, 3086, 3608],
    ['female', 40, 6, 3080, 3592],
    ['male', 40, 6, 3203, 3743],
    ['male', 41, 6, 3306, 3870],
    ['female', 42, 0, 3185, 3722],
    ['male', 42, 0, 3318, 3886],
  ];
  it.each(rows)('%s %i+%i: p10 %i g, p50 %i g', (sex, weeks, extra, p10, p50) => {
    expect(hoftiezer.p10GramsOn(days(weeks, extra), sex)).toBe(p10);
    expect(hoftiezer.table.p50Grams(days(weeks, extra), sex)).toBe(p50);
    // The boundary: exactly p10 is not small, one gram less is.
    expect(isSmallForGestationalAge(p10 - 1, days(weeks, extra), sex)).toBe(days(weeks, extra) >= days(24));
    expect(isSmallForGestationalAge(p10, days(weeks, extra), sex)).toBe(false);
  });

  it('classifies per day, not per completed week: a boy of 3150 g is small at 40+6 (p10 3203 g), not at 40+0 (p10 3086 g)', () => {
    expect(isSmallForGestationalAge(3150, days(40, 6), 'male')).toBe(true);
    expect(isSmallForGestationalAge(3150, days(40, 0), 'male')).toBe(false);
    // Per completed week (the Fenton-derived table) both days get the same p10.
    const fenton = birthWeightReference('fenton-2013-derived');
    expect(fenton.p10GramsOn(days(40, 6), 'male')).toBe(fenton.p10GramsOn(days(40, 0), 'male'));
  });

  it('has no SGA before 24+0 and uses the last day (42+0) after the table ends', () => {
    expect(isSmallForGestationalAge(300, days(23, 6), 'female')).toBe(false);
    expect(isSmallForGestationalAge(525, days(24, 0), 'female')).toBe(true);
    expect(hoftiezer.p10GramsOn(days(43, 2), 'male')).toBe(3318);
    expect(hoftiezer.p10GramsOn(days(22, 0), 'female')).toBe(428);
  });

  it('reads all 268 rows: every day 23+0 … 42+0 for both sexes, p10 rising day by day', () => {
    const { firstDay, table } = readHoftiezer2019();
    expect(firstDay).toBe(days(23));
    for (const sex of ['female', 'male'] as const) {
      expect(table[sex]).toHaveLength(days(42) - days(23) + 1);
      for (let index = 1; index < table[sex].length; index++) expect(table[sex][index]!.p10).toBeGreaterThan(table[sex][index - 1]!.p10);
    }
  });

  it('refuses a damaged file (a missing day) instead of classifying with it', () => {
    const original = readFileSync(path.join(DEFAULT_DATA_FOLDER, HOFTIEZER_2019_FILE), 'utf8').split('\n');
    const folder = mkdtempSync(path.join(tmpdir(), 'hoftiezer-'));
    const damaged = path.join(folder, HOFTIEZER_2019_FILE);
    writeFileSync(damaged, original.filter((line) => !line.startsWith('female,200,')).join('\n'));
    expect(() => readHoftiezer2019(damaged)).toThrow(/female day 201/);
  });
});

describe('other references stay selectable', () => {
  it('INTERGROWTH-21st p10 values as published (spot checks, grams)', () => {
    const ig = birthWeightReference('intergrowth-21st-newborn');
    expect(ig.p10GramsOn(days(40), 'male')).toBe(2880);
    expect(ig.p10GramsOn(days(40), 'female')).toBe(2780);
    expect(ig.p10GramsOn(days(24), 'male')).toBe(500);
    expect(ig.p10GramsOn(days(32, 6), 'male')).toBe(1500);
    // The very-preterm reference hands over to the newborn standard at 33+0.
    expect(ig.p10GramsOn(days(33), 'male')).toBe(1430);
    expect(ig.p10GramsOn(days(42, 6), 'female')).toBe(3040);
    // Outside the tables: the nearest day.
    expect(ig.p10GramsOn(days(43, 2), 'female')).toBe(3040);
  });

  it('validateBirth classifies with Hoftiezer by default and with another table when given one', () => {
    const birth: BirthRecord = { birthDate: '2026-05-10', gestationalAge: { weeks: 40, days: 6 }, birthWeightGrams: 2950, sex: 'male', isMultiple: false, isLiveBorn: true };
    // Hoftiezer boys 40+6 p10 = 3203 g; INTERGROWTH boys 40+6 p10 = 2990 g; Fenton-derived week 40 p10 = 2990 g.
    expect(validateBirth(birth)).toMatchObject({ ok: true, value: { isSmallForGestationalAge: true, isBig2: true } });
    expect(validateBirth({ ...birth, birthWeightGrams: 3210 })).toMatchObject({ ok: true, value: { isSmallForGestationalAge: false, isBig2: false } });
    expect(validateBirth({ ...birth, birthWeightGrams: 3000 }, birthWeightReference('intergrowth-21st-newborn').table)).toMatchObject({
      ok: true,
      value: { isSmallForGestationalAge: false },
    });
    expect(validateBirth(birth, birthWeightReference('fenton-2013-derived').table)).toMatchObject({ ok: true, value: { isSmallForGestationalAge: true } });
  });

  it('p10 below p50 everywhere and non-decreasing within each published table', () => {
    for (const key of BIRTH_WEIGHT_REFERENCES.keys()) {
      const reference = birthWeightReference(key);
      for (const sex of ['female', 'male'] as const) {
        for (let day = days(24); day <= days(42, 6); day++) {
          const p10 = reference.p10GramsOn(day, sex);
          expect(p10).toBeLessThan(reference.table.p50Grams(day, sex));
          if (!(key === 'intergrowth-21st-newborn' && day === days(33)) && day > days(24)) expect(p10).toBeGreaterThanOrEqual(reference.p10GramsOn(day - 1, sex));
        }
      }
    }
  });
});
