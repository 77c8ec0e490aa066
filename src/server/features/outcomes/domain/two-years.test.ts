// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { assessOverweightAtTwo, iotfCutOffs } from './two-years.js';

describe('IOTF cut-offs (Cole 2000, Table 4)', () => {
  it('embeds the published values at 24 and 30 months and interpolates between', () => {
    expect(iotfCutOffs(24, 'male')).toEqual({ overweight: 18.41, obesity: 20.09 });
    expect(iotfCutOffs(24, 'female')).toEqual({ overweight: 18.02, obesity: 19.81 });
    expect(iotfCutOffs(30, 'male').overweight).toBeCloseTo(18.13, 10);
    expect(iotfCutOffs(30, 'female').overweight).toBeCloseTo(17.76, 10);
    // 27 months: halfway, (18.41 + 18.13) / 2 = 18.27.
    expect(iotfCutOffs(27, 'male').overweight).toBeCloseTo(18.27, 10);
  });
});

describe('assessOverweightAtTwo', () => {
  it('a boy of 24 months, 14.5 kg and 88 cm: BMI 18.72 ≥ 18.41 → overweight, not obese', () => {
    const result = assessOverweightAtTwo({ ageMonths: 24, sex: 'male', weightKg: 14.5, lengthCm: 88 });
    expect(result.ok && result.value.bmi).toBeCloseTo(18.72, 2);
    expect(result).toMatchObject({ ok: true, value: { isOverweight: true, isObese: false } });
  });

  it('a girl of 24 months, 12 kg and 86 cm: BMI 16.22 → not overweight', () => {
    expect(assessOverweightAtTwo({ ageMonths: 24, sex: 'female', weightKg: 12, lengthCm: 86 })).toMatchObject({ ok: true, value: { isOverweight: false } });
  });

  it('refuses ages outside 24–30 months and implausible measures, in Dutch', () => {
    const early = assessOverweightAtTwo({ ageMonths: 18, sex: 'female', weightKg: 11, lengthCm: 80 });
    expect(!early.ok && early.error.message).toBe('Overgewicht rond 2 jaar wordt bepaald bij een leeftijd van 24 tot en met 30 maanden.');
    expect(assessOverweightAtTwo({ ageMonths: 24, sex: 'female', weightKg: 120, lengthCm: 86 }).ok).toBe(false);
    expect(assessOverweightAtTwo({ ageMonths: 24, sex: 'female', weightKg: 12, lengthCm: 8.6 }).ok).toBe(false);
  });
});
