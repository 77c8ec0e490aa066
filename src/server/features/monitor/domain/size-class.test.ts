// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { SIZE_CLASSES, similarMunicipalities, sizeClassOf } from './size-class.js';

describe('size classes (CBS gemeentegrootteklassen, merged)', () => {
  it('are exactly these five, with their Dutch labels', () => {
    expect(SIZE_CLASSES).toEqual([
      { key: 'lt_20k', label: 'Minder dan 20.000 inwoners', min: 0, max: 20_000 },
      { key: '20k_50k', label: '20.000 tot 50.000 inwoners', min: 20_000, max: 50_000 },
      { key: '50k_100k', label: '50.000 tot 100.000 inwoners', min: 50_000, max: 100_000 },
      { key: '100k_250k', label: '100.000 tot 250.000 inwoners', min: 100_000, max: 250_000 },
      { key: 'ge_250k', label: '250.000 inwoners of meer', min: 250_000, max: null },
    ]);
    expect(Object.isFrozen(SIZE_CLASSES)).toBe(true);
  });

  it.each([
    [0, 'lt_20k'],
    [19_999, 'lt_20k'],
    [20_000, '20k_50k'],
    [49_999, '20k_50k'],
    [50_000, '50k_100k'],
    [99_999, '50k_100k'],
    [100_000, '100k_250k'],
    [249_999, '100k_250k'],
    [250_000, 'ge_250k'],
    [1_000_000, 'ge_250k'],
  ])('%i inhabitants: %s', (population, key) => {
    expect(sizeClassOf(population).key).toBe(key);
  });

  it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d inhabitants', (population) => {
    expect(() => sizeClassOf(population)).toThrow(new RangeError(`population must be a non-negative number (got ${population})`));
  });

  it('compares with the other municipalities of the same class, in the given order', () => {
    const municipalities = [
      { code: 'GM0505', population: 120_000 },
      { code: 'GM0001', population: 15_000 },
      { code: 'GM0002', population: 249_999 },
      { code: 'GM0003', population: 250_000 },
      { code: 'GM0004', population: 100_000 },
    ];
    expect(similarMunicipalities('GM0505', municipalities).map((m) => m.code)).toEqual(['GM0002', 'GM0004']);
    expect(similarMunicipalities('GM0001', municipalities)).toEqual([]);
    expect(similarMunicipalities('GM9999', municipalities)).toEqual([]);
  });
});
