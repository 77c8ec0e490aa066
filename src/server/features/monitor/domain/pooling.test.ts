// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonOverlappingPeriods, periodLabel, poolCells, type YearCell } from './pooling.js';
import { SIZE_CLASSES, similarMunicipalities, sizeClassOf } from './size-class.js';

const cell = (areaCode: string, year: number, numerator: number, denominator: number): YearCell => ({
  areaLevel: 'municipality',
  areaCode,
  split: 'all',
  year,
  numerator,
  denominator,
});

describe('poolCells', () => {
  it('sums counts over the period per area and split, labelled as pooled', () => {
    const cells = [cell('GM1', 2019, 1, 10), cell('GM1', 2020, 2, 20), cell('GM1', 2021, 3, 30), cell('GM1', 2022, 4, 40), cell('GM2', 2022, 5, 50)];
    const pooled = poolCells(cells, { year: 2022, poolYears: 3 });
    expect(pooled).toEqual([
      { areaLevel: 'municipality', areaCode: 'GM1', split: 'all', firstYear: 2020, year: 2022, isPooled: true, period: '2020–2022', numerator: 9, denominator: 90, yearsWithData: [2020, 2021, 2022], isComplete: true },
      { areaLevel: 'municipality', areaCode: 'GM2', split: 'all', firstYear: 2020, year: 2022, isPooled: true, period: '2020–2022', numerator: 5, denominator: 50, yearsWithData: [2022], isComplete: false },
    ]);
  });

  it('leaves a single year as it is', () => {
    expect(poolCells([cell('GM1', 2024, 3, 30)], { year: 2024, poolYears: 1 })[0]).toMatchObject({ isPooled: false, period: '2024', numerator: 3, firstYear: 2024 });
    expect(periodLabel(2020, 2024)).toBe('2020–2024');
    expect(() => poolCells([], { year: 2024, poolYears: 0 })).toThrow(RangeError);
    expect(() => poolCells([cell('GM1', 2024, 1, 2), cell('GM1', 2024, 1, 2)], { year: 2024, poolYears: 1 })).toThrow(/twice/);
  });

  it('preserves the totals of the period (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2015, max: 2024 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))), fc.integer({ min: 1, max: 10 }), (rows, poolYears) => {
        const unique = [...new Map(rows.map((row) => [row[0], row])).values()];
        const cells = unique.map(([year, numerator, extra]) => cell('GM1', year, numerator, numerator + extra));
        const pooled = poolCells(cells, { year: 2024, poolYears });
        const inPeriod = cells.filter((item) => item.year > 2024 - poolYears);
        expect(pooled.reduce((sum, item) => sum + item.denominator, 0)).toBe(inPeriod.reduce((sum, item) => sum + item.denominator, 0));
        expect(pooled.length).toBe(inPeriod.length > 0 ? 1 : 0);
      }),
    );
  });

  it('gives non-overlapping periods for a trend, oldest first', () => {
    expect(nonOverlappingPeriods(2024, 2, 2019)).toEqual([
      { firstYear: 2019, year: 2020 },
      { firstYear: 2021, year: 2022 },
      { firstYear: 2023, year: 2024 },
    ]);
    expect(nonOverlappingPeriods(2024, 5, 2019)).toEqual([{ firstYear: 2020, year: 2024 }]);
    expect(nonOverlappingPeriods(2024, 1, 2022).map((period) => period.year)).toEqual([2022, 2023, 2024]);
  });
});

describe('size classes', () => {
  it('puts boundaries in the upper class (CBS: "20 000 tot 50 000")', () => {
    expect(sizeClassOf(0).key).toBe('lt_20k');
    expect(sizeClassOf(19_999).key).toBe('lt_20k');
    expect(sizeClassOf(20_000).key).toBe('20k_50k');
    expect(sizeClassOf(99_999).key).toBe('50k_100k');
    expect(sizeClassOf(250_000).key).toBe('ge_250k');
    expect(sizeClassOf(243_768).label).toBe('100.000 tot 250.000 inwoners');
    expect(() => sizeClassOf(-1)).toThrow(RangeError);
  });

  it('covers every population exactly once (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), (population) => {
        const matching = SIZE_CLASSES.filter((item) => population >= item.min && (item.max === null || population < item.max));
        expect(matching).toHaveLength(1);
        expect(sizeClassOf(population)).toBe(matching[0]);
      }),
    );
  });

  it('finds the similar municipalities, without the municipality itself', () => {
    const list = [
      { code: 'GM1', population: 15_000 },
      { code: 'GM2', population: 18_000 },
      { code: 'GM3', population: 60_000 },
    ];
    expect(similarMunicipalities('GM1', list).map((item) => item.code)).toEqual(['GM2']);
    expect(similarMunicipalities('GM9', list)).toEqual([]);
  });
});

describe('poolCells and nonOverlappingPeriods: worked tables', () => {
  const cell = (areaCode: string, year: number, numerator: number, denominator: number, split = 'total'): YearCell =>
    ({ areaLevel: 'municipality', areaCode, split, year, numerator, denominator }) as YearCell;

  it('sums counts per area × split over the period, years sorted, outside years ignored', () => {
    const cells = [
      cell('GM0505', 2024, 3, 100),
      cell('GM0505', 2022, 2, 90),
      cell('GM0505', 2019, 50, 50), // before the period
      cell('GM0505', 2025, 50, 50), // after it
      cell('GM0505', 2020, 1, 80),
      cell('GM0001', 2023, 4, 40),
      cell('GM0505', 2023, 5, 70, 'first_child'),
    ];
    expect(poolCells(cells, { year: 2024, poolYears: 5 })).toEqual([
      { areaLevel: 'municipality', areaCode: 'GM0505', split: 'total', firstYear: 2020, year: 2024, isPooled: true, period: '2020–2024', numerator: 6, denominator: 270, yearsWithData: [2020, 2022, 2024], isComplete: false },
      { areaLevel: 'municipality', areaCode: 'GM0001', split: 'total', firstYear: 2020, year: 2024, isPooled: true, period: '2020–2024', numerator: 4, denominator: 40, yearsWithData: [2023], isComplete: false },
      { areaLevel: 'municipality', areaCode: 'GM0505', split: 'first_child', firstYear: 2020, year: 2024, isPooled: true, period: '2020–2024', numerator: 5, denominator: 70, yearsWithData: [2023], isComplete: false },
    ]);
  });

  it('one year is that year, not pooled and complete; a full period is complete', () => {
    expect(poolCells([cell('GM0505', 2024, 3, 100), cell('GM0505', 2023, 1, 1)], { year: 2024, poolYears: 1 })).toEqual([
      { areaLevel: 'municipality', areaCode: 'GM0505', split: 'total', firstYear: 2024, year: 2024, isPooled: false, period: '2024', numerator: 3, denominator: 100, yearsWithData: [2024], isComplete: true },
    ]);
    const full = poolCells([cell('GM0505', 2024, 1, 10), cell('GM0505', 2023, 1, 10)], { year: 2024, poolYears: 2 });
    expect(full.map((pooled) => [pooled.period, pooled.isComplete, pooled.numerator, pooled.denominator])).toEqual([['2023–2024', true, 2, 20]]);
  });

  it('refuses a year given twice and a period that is not a positive whole number of years', () => {
    expect(() => poolCells([cell('GM0505', 2024, 1, 10), cell('GM0505', 2024, 1, 10)], { year: 2024, poolYears: 2 })).toThrow(
      new Error('cell municipality:GM0505|total given twice for 2024'),
    );
    for (const poolYears of [0, -1, 2.5]) {
      expect(() => poolCells([], { year: 2024, poolYears })).toThrow(new RangeError(`poolYears must be a positive integer (got ${poolYears})`));
      expect(() => nonOverlappingPeriods(2024, poolYears, 2010)).toThrow(new RangeError(`poolYears must be a positive integer (got ${poolYears})`));
    }
  });

  it.each([
    [2024, 5, 2015, [[2015, 2019], [2020, 2024]]],
    [2024, 5, 2016, [[2020, 2024]]],
    [2024, 5, 2020, [[2020, 2024]]],
    [2024, 5, 2021, []],
    [2024, 1, 2022, [[2022, 2022], [2023, 2023], [2024, 2024]]],
    [2024, 3, 2019, [[2019, 2021], [2022, 2024]]],
  ])('periods ending %i of %i years from %i: %j', (lastYear, poolYears, firstAvailable, expected) => {
    expect(nonOverlappingPeriods(lastYear, poolYears, firstAvailable)).toEqual(expected.map(([firstYear, year]) => ({ firstYear, year })));
  });

  it('labels a period with an en dash', () => {
    expect(periodLabel(2024, 2024)).toBe('2024');
    expect(periodLabel(2020, 2024)).toBe('2020–2024');
  });
});
