// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { birthRegister } from '../../monitor/schema.js';
import { toRegisterRow, validateBirth, type BirthRecord, type BirthRegisterRow } from './birth.js';

const term: BirthRecord = { birthDate: '2026-05-10', gestationalAge: { weeks: 40, days: 2 }, birthWeightGrams: 3500, sex: 'female', isMultiple: false, isLiveBorn: true };

describe('validateBirth', () => {
  it('derives preterm, SGA and Big2 with Hoftiezer 2019 by default (girls p10 at 40+2 = 3009 g)', () => {
    expect(validateBirth(term)).toMatchObject({ ok: true, value: { gestationalAgeDays: 282, isPreterm: false, isSmallForGestationalAge: false, isBig2: false } });
    expect(validateBirth({ ...term, birthWeightGrams: 3008 })).toMatchObject({ ok: true, value: { isSmallForGestationalAge: true, isBig2: true } });
    expect(validateBirth({ ...term, birthWeightGrams: 3009 })).toMatchObject({ ok: true, value: { isSmallForGestationalAge: false } });
  });

  it('preterm is before 37+0', () => {
    expect(validateBirth({ ...term, gestationalAge: { weeks: 36, days: 6 }, birthWeightGrams: 2800 })).toMatchObject({ ok: true, value: { isPreterm: true, isBig2: true } });
    expect(validateBirth({ ...term, gestationalAge: { weeks: 37, days: 0 }, birthWeightGrams: 2800 })).toMatchObject({ ok: true, value: { isPreterm: false, isBig2: false } });
  });

  it('Big2 is not defined before 24+0 weeks', () => {
    expect(validateBirth({ ...term, gestationalAge: { weeks: 23, days: 5 }, birthWeightGrams: 550, isLiveBorn: false })).toMatchObject({
      ok: true,
      value: { isPreterm: true, isSmallForGestationalAge: false, isBig2: null },
    });
  });

  it('refuses out-of-range values in Dutch', () => {
    const short = validateBirth({ ...term, gestationalAge: { weeks: 21, days: 6 } });
    expect(!short.ok && short.error.message).toBe('De zwangerschapsduur moet tussen 22+0 en 44+0 weken liggen.');
    expect(validateBirth({ ...term, gestationalAge: { weeks: 44, days: 1 } }).ok).toBe(false);
    expect(validateBirth({ ...term, gestationalAge: { weeks: 40, days: 7 } }).ok).toBe(false);
    const heavy = validateBirth({ ...term, birthWeightGrams: 6501 });
    expect(!heavy.ok && heavy.error.message).toBe('Het geboortegewicht moet tussen 300 en 6500 gram liggen (hele grammen).');
    expect(validateBirth({ ...term, birthWeightGrams: 299 }).ok).toBe(false);
  });

  it('refuses a weight implausible for the gestational age', () => {
    // 26+0 girls: Hoftiezer p50 857 g, so more than 1714 g is refused; 3 kg at 26 weeks is a typing error.
    const result = validateBirth({ ...term, gestationalAge: { weeks: 26, days: 0 }, birthWeightGrams: 3000 });
    expect(!result.ok && result.error.message).toBe(
      'Een geboortegewicht van 3000 gram past niet bij een zwangerschapsduur van 26+0 weken. Controleer gewicht en zwangerschapsduur.',
    );
    // 40+2 girls: Hoftiezer p50 3509 g, so less than 1053 g is refused.
    expect(validateBirth({ ...term, birthWeightGrams: 1000 }).ok).toBe(false);
    expect(validateBirth({ ...term, birthWeightGrams: 1100 }).ok).toBe(true);
  });
});

describe('toRegisterRow', () => {
  it('has exactly the birth_register columns the monitor uses', () => {
    expectTypeOf<BirthRegisterRow>().toEqualTypeOf<Required<Omit<typeof birthRegister.$inferInsert, 'id'>>>();
    const birth = validateBirth({ ...term, isLiveBorn: false });
    if (!birth.ok) throw new Error(birth.error.message);
    const row = toRegisterRow(birth.value, {
      sourceKey: 'chain:b1',
      municipalityCode: 'GM0505',
      isVulnerable: true,
      firstAntenatalVisitDay: 70,
      hadKraamzorg: true,
      parentCount: 2,
      parentsWithProblematicDebt: 1,
    });
    expect(row).toEqual({
      sourceKey: 'chain:b1',
      isSynthetic: false,
      municipalityCode: 'GM0505',
      birthYear: 2026,
      isVulnerable: true,
      gestationalAgeDays: 282,
      birthWeightGrams: 3500,
      sex: 'female',
      isLiveBorn: false,
      isMultiple: false,
      birthOrder: 1,
      isPreterm: false,
      isSmallForGestationalAge: false,
      firstAntenatalVisitDay: 70,
      hadKraamzorg: null,
      parentCount: 2,
      parentsWithProblematicDebt: 1,
      hasNegativeSpeechLanguageScore: null,
      isOverweightAtTwo: null,
      wasPlacedOutOfHomeBeforeTwo: null,
    });
  });
});
