// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessChange,
  estimateInUnit,
  normalCdf,
  normalQuantile,
  proportionTest,
  scaleToUnit,
  trendTest,
  wilsonInterval,
  zForConfidence,
} from './statistics.js';

// z for 95%: Φ⁻¹(0.975) = 1.959963984540054 (any statistical table), so z² = 3.8414588206941254.
const Z = 1.959963984540054;
const Z2 = Z * Z;

const counts = fc
  .integer({ min: 1, max: 100_000 })
  .chain((denominator) => fc.tuple(fc.integer({ min: 0, max: denominator }), fc.constant(denominator)));

describe('normal distribution', () => {
  it('matches tabulated values of Φ, including far tails, to 1e-12 relative', () => {
    // Reference values: ½·erfc(−x/√2) in double precision (e.g. R's pnorm).
    const table: [number, number][] = [
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [-1, 0.15865525393145707],
      [1.96, 0.9750021048517795],
      [-2.5, 0.006209665325776139],
      [-3.5, 0.00023262907903552504],
      [-5, 2.866515718791946e-7],
      [-10, 7.619853024160593e-24],
      [-20, 2.7536241186063314e-89],
    ];
    for (const [x, expected] of table) expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-12);
  });

  it('inverts Φ: tabulated quantiles and Φ(Φ⁻¹(p)) = p', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446008, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.5)).toBe(0);
    expect(zForConfidence(0.95)).toBeCloseTo(Z, 12);
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p) / p).toBeLessThan(1e-12);
      }),
    );
  });

  it('is a symmetric, monotone distribution function', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (x, step) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
        expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x));
        expect(normalCdf(x)).toBeGreaterThanOrEqual(0);
        expect(normalCdf(x)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('wilsonInterval', () => {
  it('15/100 by hand', () => {
    // p̂ = 0.15, n = 100, z²/n = 0.038414588206941254
    // centre = (0.15 + z²/200) / (1 + z²/100) = 0.16920729410347063 / 1.0384145882069413 = 0.16294772437244498
    // half   = z / 1.0384145882069413 · √(0.15·0.85/100 + z²/40000) = 1.887447… · √0.0013710364705173533 = 0.06988787153587867
    const { lower, upper } = wilsonInterval(15, 100);
    expect(lower).toBeCloseTo(0.16294772437244498 - 0.06988787153587867, 12); // 0.0930598528…
    expect(upper).toBeCloseTo(0.16294772437244498 + 0.06988787153587867, 12); // 0.2328355959…
    // And the often-quoted rounded result.
    expect(lower.toFixed(4)).toBe('0.0931');
    expect(upper.toFixed(4)).toBe('0.2328');
  });

  it('0/20 and 20/20 by hand: the bounds are z²/(n+z²) and n/(n+z²)', () => {
    // x = 0: centre = half = (z²/2n)/(1 + z²/n) = z²/(2(n + z²)), so [0, z²/(n + z²)].
    expect(wilsonInterval(0, 20)).toEqual({ lower: 0, upper: expect.closeTo(Z2 / (20 + Z2), 12) });
    expect(Z2 / (20 + Z2)).toBeCloseTo(0.16112515805281938, 12);
    // x = n: the mirror image, [n/(n + z²), 1].
    expect(wilsonInterval(20, 20)).toEqual({ lower: expect.closeTo(20 / (20 + Z2), 12), upper: 1 });
    expect(20 / (20 + Z2)).toBeCloseTo(0.8388748419471806, 12);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });

  it('contains p̂, stays within [0, 1], and is symmetric under the complement', () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const { lower, upper } = wilsonInterval(x, n);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(x / n);
        expect(upper).toBeGreaterThanOrEqual(x / n);
        expect(lower).toBeLessThan(upper);
        const complement = wilsonInterval(n - x, n);
        expect(complement.lower).toBeCloseTo(1 - upper, 12);
        expect(complement.upper).toBeCloseTo(1 - lower, 12);
      }),
    );
  });

  it('narrows as n grows at the same p̂, and widens with the confidence level', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 50 }), ([x, n], k) => {
        const small = wilsonInterval(x, n);
        const large = wilsonInterval(k * x, k * n);
        expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
        const wider = wilsonInterval(x, n, 0.99);
        expect(wider.upper - wider.lower).toBeGreaterThan(small.upper - small.lower);
      }),
    );
  });

  it('scales to the unit: percentage ×100, per 1,000 ×1,000', () => {
    expect(scaleToUnit(0.148, 'percentage')).toBeCloseTo(14.8, 12);
    expect(scaleToUnit(0.0016, 'per_1000')).toBeCloseTo(1.6, 12);
    const estimate = estimateInUnit(16, 10_000, 'per_1000');
    expect(estimate.value).toBeCloseTo(1.6, 12);
    expect(estimate.lower).toBeCloseTo(wilsonInterval(16, 10_000).lower * 1000, 12);
    expect(estimate.lower).toBeLessThan(1.6);
    expect(estimate.upper).toBeGreaterThan(1.6);
  });
});

describe('proportionTest', () => {
  it('30/200 against 50/200 by hand', () => {
    // p̂₁ = 0.15, p̂₂ = 0.25, pooled p = 80/400 = 0.2
    // SE = √(0.2·0.8·(1/200 + 1/200)) = √(0.16·0.01) = 0.04,  z = 0.10/0.04 = 2.5
    // P = 2·Φ(−2.5) = 2 · 0.006209665325776139 = 0.012419330651552278
    const result = proportionTest({ numerator: 30, denominator: 200 }, { numerator: 50, denominator: 200 });
    expect(result.z).toBeCloseTo(2.5, 12);
    expect(result.pValue).toBeCloseTo(0.012419330651552278, 14);
    expect(result.difference).toBeCloseTo(0.1, 14);
  });

  it('gives P = 1 without variation', () => {
    expect(proportionTest({ numerator: 0, denominator: 50 }, { numerator: 0, denominator: 80 })).toEqual({ z: 0, pValue: 1, difference: 0 });
    expect(proportionTest({ numerator: 50, denominator: 50 }, { numerator: 80, denominator: 80 }).pValue).toBe(1);
  });

  it('has p-values in [0, 1] and is symmetric under swapping the periods', () => {
    fc.assert(
      fc.property(counts, counts, ([x1, n1], [x2, n2]) => {
        const forward = proportionTest({ numerator: x1, denominator: n1 }, { numerator: x2, denominator: n2 });
        const backward = proportionTest({ numerator: x2, denominator: n2 }, { numerator: x1, denominator: n1 });
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(backward.z).toBeCloseTo(-forward.z, 9);
        expect(Math.sign(forward.z)).toBe(Math.sign(forward.difference));
      }),
    );
  });
});

describe('trendTest (Cochran–Armitage)', () => {
  it('10/100, 15/100, 20/100 over three years by hand', () => {
    // Scores t = 1, 2, 3 (only differences of years matter). N = 300, R = 45, p̄ = 0.15.
    // T = Σ tᵢxᵢ − p̄ Σ tᵢnᵢ = (10 + 30 + 60) − 0.15 · 600 = 10
    // V = p̄(1−p̄) · [Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/N] = 0.1275 · [1400 − 600²/300] = 0.1275 · 200 = 25.5
    // χ² = T²/V = 100/25.5 = 3.9215686…,  P = 2·Φ(−√3.9215686) = 0.04767038065616148
    const result = trendTest([
      { year: 2019, numerator: 10, denominator: 100 },
      { year: 2020, numerator: 15, denominator: 100 },
      { year: 2021, numerator: 20, denominator: 100 },
    ]);
    expect(result.chiSquare).toBeCloseTo(100 / 25.5, 12);
    expect(result.pValue).toBeCloseTo(0.04767038065616148, 12);
    expect(result.direction).toBe('up');
    expect(result.isSignificant).toBe(true);
  });

  it('with unequal group sizes and a falling trend, step by step', () => {
    // t = 0, 1, 2, 3; n = 50, 100, 150, 200; x = 20, 30, 30, 20. N = 500, R = 100, p̄ = 0.2.
    // Σ tᵢxᵢ = 0 + 30 + 60 + 60 = 150;  Σ tᵢnᵢ = 0 + 100 + 300 + 600 = 1000;  T = 150 − 0.2·1000 = −50
    // Σ nᵢtᵢ² = 0 + 100 + 600 + 1800 = 2500;  V = 0.16 · (2500 − 1000²/500) = 0.16 · 500 = 80
    // χ² = 2500/80 = 31.25
    const result = trendTest([
      { year: 2020, numerator: 20, denominator: 50 },
      { year: 2021, numerator: 30, denominator: 100 },
      { year: 2022, numerator: 30, denominator: 150 },
      { year: 2023, numerator: 20, denominator: 200 },
    ]);
    expect(result.chiSquare).toBeCloseTo(31.25, 10);
    expect(result.pValue).toBeCloseTo(2 * normalCdf(-Math.sqrt(31.25)), 15);
    expect(result.pValue).toBeLessThan(1e-7);
    expect(result.direction).toBe('down');
  });

  it('gives no trend without variation and refuses a single period', () => {
    expect(trendTest([{ year: 2020, numerator: 0, denominator: 10 }, { year: 2021, numerator: 0, denominator: 20 }])).toEqual({
      chiSquare: 0,
      pValue: 1,
      direction: 'none',
      isSignificant: false,
    });
    expect(() => trendTest([{ year: 2020, numerator: 1, denominator: 10 }])).toThrow(RangeError);
    expect(() => trendTest([{ year: 2020, numerator: 1, denominator: 10 }, { year: 2020, numerator: 2, denominator: 10 }])).toThrow(RangeError);
  });

  it('equals the squared pooled z with two periods; is invariant to shifting and reversing the years', () => {
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: -3000, max: 3000 }), ([x1, n1], [x2, n2], shift) => {
        const a = { numerator: x1, denominator: n1 };
        const b = { numerator: x2, denominator: n2 };
        const trend = trendTest([{ year: 2020, ...a }, { year: 2021, ...b }]);
        const { z } = proportionTest(a, b);
        expect(trend.chiSquare).toBeCloseTo(z * z, 6);
        expect(trend.pValue).toBeGreaterThanOrEqual(0);
        expect(trend.pValue).toBeLessThanOrEqual(1);
        const shifted = trendTest([{ year: 2020 + shift, ...a }, { year: 2025 + shift, ...b }]);
        expect(shifted.chiSquare).toBeCloseTo(trend.chiSquare, 6);
        const reversed = trendTest([{ year: 2021, ...a }, { year: 2020, ...b }]);
        if (trend.direction !== 'none') expect(reversed.direction).toBe(trend.direction === 'up' ? 'down' : 'up');
      }),
    );
  });
});

describe('assessChange: the symbols of seed 003 (Table 1), with Kansrijk\'s test beside them', () => {
  const pct = { unit: 'percentage' as const };
  const p = (numerator: number, denominator: number) => ({ numerator, denominator });
  type Options = Parameters<typeof assessChange>[2];
  // Every case of the rule: [case, previous, current, options, symbol, assessment, tested?, significant?]
  const cases: [string, ReturnType<typeof p> | null, ReturnType<typeof p> | null, Options, string, string, boolean, boolean | null][] = [
    ['no earlier figure', null, p(50, 200), { ...pct, desiredDirection: 'lower' }, 'not_comparable', 'unclear', false, null],
    ['no current figure', p(30, 200), null, { ...pct, desiredDirection: 'higher' }, 'not_comparable', 'unclear', false, null],
    ['no new figure since the previous edition', p(30, 200), p(50, 200), { ...pct, desiredDirection: 'lower', hasNewFigure: false }, 'not_comparable', 'unclear', false, null],
    // 4,84% and 4,76% are both published as 4,8%: "…", although a national sample this large tests significant.
    ['the same as published (4,8% → 4,8%), significant', p(47_600, 1_000_000), p(48_400, 1_000_000), { ...pct, desiredDirection: 'lower' }, 'stable', 'unclear', true, true],
    ['the same as published (25,0% → 25,0%), not significant', p(50, 200), p(100, 400), { ...pct, desiredDirection: 'lower' }, 'stable', 'unclear', true, false],
    // 4,84% → 4,86%: published 4,8% → 4,9%, a rise to be seen.
    ['one published decimal up, lower is better', p(4_840, 100_000), p(4_860, 100_000), { ...pct, desiredDirection: 'lower' }, 'up', 'undesired', true, false],
    ['a significant rise, lower is better', p(30, 200), p(50, 200), { ...pct, desiredDirection: 'lower' }, 'up', 'undesired', true, true],
    ['a significant rise, higher is better', p(30, 200), p(50, 200), { ...pct, desiredDirection: 'higher' }, 'up', 'desired', true, true],
    ['a fall, not significant: still an arrow', p(6, 40), p(4, 40), { ...pct, desiredDirection: 'lower' }, 'down', 'desired', true, false],
    ['a fall, higher is better', p(50, 200), p(30, 200), { ...pct, desiredDirection: 'higher' }, 'down', 'undesired', true, true],
    // Per 1,000: 1,7 → 1,6 per 1.000 is a fall to be seen.
    ['per 1,000: 1,7 → 1,6', p(170, 100_000), p(160, 100_000), { unit: 'per_1000', desiredDirection: 'lower' }, 'down', 'desired', true, false],
    // The questionnaire: a municipality from nee to ja, 12 → 13 of 25 municipalities: full counts, no test.
    ['a full count: nee → ja', p(0, 1), p(1, 1), { ...pct, desiredDirection: 'higher', isFullCount: true }, 'up', 'desired', false, null],
    ['a full count: 12 → 13 of 25', p(12, 25), p(13, 25), { ...pct, desiredDirection: 'higher', isFullCount: true }, 'up', 'desired', false, null],
    ['a full count: ja → ja', p(1, 1), p(1, 1), { ...pct, desiredDirection: 'higher', isFullCount: true }, 'stable', 'unclear', false, null],
    ['a full count without a new figure', p(12, 25), p(13, 25), { ...pct, desiredDirection: 'higher', isFullCount: true, hasNewFigure: false }, 'not_comparable', 'unclear', false, null],
  ];

  it.each(cases)('%s', (_case, previous, current, options, symbol, assessment, isTested, isSignificant) => {
    const change = assessChange(previous, current, options);
    expect(change.symbol).toBe(symbol);
    expect(change.assessment).toBe(assessment);
    expect(change.isSignificant).toBe(isSignificant);
    expect(change.pValue === null).toBe(!isTested);
    if (isTested && previous && current) expect(change.pValue).toBe(proportionTest(previous, current).pValue);
  });

  it('reports the two-proportion test beside the arrow', () => {
    expect(assessChange(p(30, 200), p(50, 200), { ...pct, desiredDirection: 'lower' })).toEqual({
      symbol: 'up',
      assessment: 'undesired',
      pValue: expect.closeTo(0.0124193, 6),
      isSignificant: true,
    });
    // At alpha = 0.01 the same change is not significant, and still a rise to be seen.
    expect(assessChange(p(30, 200), p(50, 200), { ...pct, desiredDirection: 'lower', alpha: 0.01 })).toMatchObject({ symbol: 'up', isSignificant: false });
  });

  it('follows the published figures: "…" ⇔ equal as published; swapping the periods flips the arrow', () => {
    fc.assert(
      fc.property(counts, counts, fc.constantFrom('lower' as const, 'higher' as const), ([x1, n1], [x2, n2], desired) => {
        const a = { numerator: x1, denominator: n1 };
        const b = { numerator: x2, denominator: n2 };
        const change = assessChange(a, b, { ...pct, desiredDirection: desired });
        const back = assessChange(b, a, { ...pct, desiredDirection: desired });
        const shown = (q: { numerator: number; denominator: number }) => Math.round((1000 * q.numerator) / q.denominator);
        expect(change.symbol === 'stable').toBe(shown(a) === shown(b));
        expect(change.pValue).toBeGreaterThanOrEqual(0);
        expect(change.pValue).toBeLessThanOrEqual(1);
        if (change.isSignificant) expect(change.pValue).toBeLessThan(0.05);
        if (change.symbol === 'up') expect(back.symbol).toBe('down');
        if (change.symbol === 'stable') expect(back.symbol).toBe('stable');
        if (change.symbol === 'up' || change.symbol === 'down') expect(back.assessment).toBe(change.assessment === 'desired' ? 'undesired' : 'desired');
      }),
    );
  });
});

describe('the edges, exactly', () => {
  it('Φ at the infinities, past ±3 on both sides, and of NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    // Upper tails 1 − Φ(x) = Φ(−x) from the table above.
    expect(1 - normalCdf(3.5)).toBeCloseTo(0.00023262907903552504, 15);
    expect(1 - normalCdf(5)).toBeCloseTo(2.866515718791946e-7, 15);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 15);
  });

  it('Φ⁻¹ is ±∞ at 0 and 1 and refuses anything outside [0, 1], naming it', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(0.99999)).toBeCloseTo(-normalQuantile(0.00001), 9);
    expect(normalQuantile(0.99999)).toBeCloseTo(4.264890793922825, 9);
    for (const p of [-0.1, -Number.MIN_VALUE, 1.1, 1 + Number.EPSILON, Number.NaN]) {
      expect(() => normalQuantile(p)).toThrow(new RangeError(`probability must be in [0, 1] (got ${p})`));
    }
  });

  it('a confidence level is strictly between 0 and 1', () => {
    for (const confidence of [0, 1, -0.5, 1.5, Number.NaN]) {
      expect(() => zForConfidence(confidence)).toThrow(new RangeError(`confidence must be in (0, 1) (got ${confidence})`));
    }
    expect(zForConfidence(0.5)).toBeCloseTo(0.6744897501960817, 12);
  });

  it('impossible counts are refused with what was given', () => {
    expect(() => wilsonInterval(1.5, 4)).toThrow(new RangeError('counts must be integers (got 1.5/4)'));
    expect(() => wilsonInterval(1, 4.5)).toThrow(new RangeError('counts must be integers (got 1/4.5)'));
    expect(() => wilsonInterval(5, 4)).toThrow(new RangeError('need 0 ≤ numerator ≤ denominator and denominator > 0 (got 5/4)'));
    expect(() => wilsonInterval(0, 0)).toThrow(new RangeError('need 0 ≤ numerator ≤ denominator and denominator > 0 (got 0/0)'));
    expect(() => wilsonInterval(-1, 4)).toThrow(new RangeError('need 0 ≤ numerator ≤ denominator and denominator > 0 (got -1/4)'));
  });

  it('at n of n events the upper bound is exactly 1, also where the formula rounds to just below it', () => {
    // For n = 21 the centre plus the half-width is 0.9999999999999999 in floating point.
    for (const n of [20, 21, 24, 27]) expect(wilsonInterval(n, n).upper).toBe(1);
    for (const n of [20, 21, 24, 27]) expect(wilsonInterval(0, n).lower).toBe(0);
  });

  it('without variation the difference is still reported', () => {
    expect(proportionTest({ numerator: 50, denominator: 50 }, { numerator: 80, denominator: 80 })).toEqual({ z: 0, pValue: 1, difference: 0 });
    expect(proportionTest({ numerator: 0, denominator: 50 }, { numerator: 0, denominator: 80 })).toEqual({ z: 0, pValue: 1, difference: 0 });
  });

  it('a trend needs two periods with distinct years, and says so', () => {
    expect(() => trendTest([{ year: 2020, numerator: 1, denominator: 10 }])).toThrow(new RangeError('a trend needs at least two periods'));
    expect(() => trendTest([{ year: 2020, numerator: 1, denominator: 10 }, { year: 2020, numerator: 2, denominator: 10 }])).toThrow(
      new RangeError('periods must have distinct years'),
    );
  });

  it('variation without a linear trend: statistic 0, no direction, not significant', () => {
    // t = −1, 0, 1; x = 10, 20, 10 of 100 each: Σ tᵢxᵢ = 0 and Σ tᵢnᵢ = 0, so T = 0 while V > 0.
    expect(
      trendTest([
        { year: 2020, numerator: 10, denominator: 100 },
        { year: 2021, numerator: 20, denominator: 100 },
        { year: 2022, numerator: 10, denominator: 100 },
      ]),
    ).toEqual({ chiSquare: 0, pValue: 1, direction: 'none', isSignificant: false });
  });

  it('significant means strictly below alpha (a P equal to alpha is not)', () => {
    const series = [
      { year: 2019, numerator: 10, denominator: 100 },
      { year: 2020, numerator: 15, denominator: 100 },
      { year: 2021, numerator: 20, denominator: 100 },
    ];
    const { pValue } = trendTest(series);
    expect(trendTest(series, pValue).isSignificant).toBe(false);
    expect(trendTest(series, pValue * 1.000001).isSignificant).toBe(true);
    const before = { numerator: 30, denominator: 200 };
    const after = { numerator: 50, denominator: 200 };
    const options = { unit: 'percentage', desiredDirection: 'lower' } as const;
    const change = assessChange(before, after, options);
    // The symbol does not depend on the test; the test beside it is significant strictly below alpha.
    expect(assessChange(before, after, { ...options, alpha: change.pValue! })).toMatchObject({ symbol: 'up', isSignificant: false });
    expect(assessChange(before, after, { ...options, alpha: change.pValue! * 1.000001 })).toMatchObject({ symbol: 'up', isSignificant: true });
  });

  it('a period without a population is not comparable (no test is attempted)', () => {
    const some = { numerator: 5, denominator: 50 };
    const empty = { numerator: 0, denominator: 0 };
    const notComparable = { symbol: 'not_comparable', assessment: 'unclear', pValue: null, isSignificant: null };
    expect(assessChange(empty, some, { unit: 'percentage', desiredDirection: 'lower' })).toEqual(notComparable);
    expect(assessChange(some, empty, { unit: 'percentage', desiredDirection: 'higher' })).toEqual(notComparable);
    expect(assessChange({ numerator: 0, denominator: -5 }, some, { unit: 'percentage', desiredDirection: 'lower' })).toEqual(notComparable);
  });
});
