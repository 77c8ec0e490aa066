// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { validateBirth, type BirthRecord } from './birth.js';
import { BIRTH_WEIGHT_REFERENCES, birthWeightReference, CURRENT_BIRTH_WEIGHT_REFERENCE_KEY } from './birth-weight-references.js';

const days = (weeks: number, extra = 0) => weeks * 7 + extra;

describe('birth-weight reference registry', () => {
  it('has the monitor table as the current reference and INTERGROWTH-21st beside it', () => {
    expect(CURRENT_BIRTH_WEIGHT_REFERENCE_KEY).toBe('fenton-2013-derived');
    expect([...BIRTH_WEIGHT_REFERENCES.keys()]).toEqual(['fenton-2013-derived', 'intergrowth-21st-newborn']);
    expect(() => birthWeightReference('hoftiezer-2019')).toThrow();
  });

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

  it('classifies SGA per day with INTERGROWTH and per completed week with the Fenton-derived table', () => {
    const birth: BirthRecord = { birthDate: '2026-05-10', gestationalAge: { weeks: 40, days: 6 }, birthWeightGrams: 2950, sex: 'male', isMultiple: false, isLiveBorn: true };
    const total = days(40, 6);
    // INTERGROWTH boys 40+6 p10 = 2990 g: 2950 g is small; at 40+0 (p10 2880 g) it would not be.
    const ig = validateBirth(birth, birthWeightReference('intergrowth-21st-newborn').forBirth(total));
    expect(ig).toMatchObject({ ok: true, value: { isSmallForGestationalAge: true, isBig2: true } });
    const atZero = validateBirth({ ...birth, gestationalAge: { weeks: 40, days: 0 } }, birthWeightReference('intergrowth-21st-newborn').forBirth(days(40)));
    expect(atZero).toMatchObject({ ok: true, value: { isSmallForGestationalAge: false } });
    // Fenton-derived boys week 40 p10 = 2990 g.
    const fenton = birthWeightReference('fenton-2013-derived');
    expect(fenton.p10GramsOn(total, 'male')).toBe(2990);
    expect(validateBirth(birth, fenton.forBirth(total))).toMatchObject({ ok: true, value: { isSmallForGestationalAge: true } });
  });

  it('p10 below p50 everywhere and non-decreasing within each published table', () => {
    const ig = birthWeightReference('intergrowth-21st-newborn');
    for (const sex of ['female', 'male'] as const) {
      for (let day = days(24); day <= days(42, 6); day++) {
        const p10 = ig.p10GramsOn(day, sex);
        expect(p10).toBeLessThan(ig.forBirth(day).p50Grams(Math.floor(day / 7), sex));
        if (day !== days(33) && day > days(24)) expect(p10).toBeGreaterThanOrEqual(ig.p10GramsOn(day - 1, sex));
      }
    }
  });
});
