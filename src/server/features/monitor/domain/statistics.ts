// SPDX-License-Identifier: EUPL-1.2
// The statistics of the monitor: intervals, change against the previous period and trend over the
// years. Seed 003 admits the national monitor does not test its arrows for significance; Kansrijk
// does, with textbook methods that an analyst can redo by hand (the tests show the arithmetic).
// Everything here is pure and works on counts, never on rounded percentages.

export type Unit = 'percentage' | 'per_1000';
export type Direction = 'lower' | 'higher';

/** A count of events among a population: the numerator and denominator of one published cell. */
export interface Proportion {
  numerator: number;
  denominator: number;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function assertCounts(numerator: number, denominator: number): void {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) {
    throw new RangeError(`counts must be integers (got ${numerator}/${denominator})`);
  }
  if (denominator <= 0 || numerator < 0 || numerator > denominator) {
    throw new RangeError(`need 0 ≤ numerator ≤ denominator and denominator > 0 (got ${numerator}/${denominator})`);
  }
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Upper tail Q(t) = 1 − Φ(t) for t ≥ 3 by Laplace's continued fraction
 * Q(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))), evaluated backwards. Computing the tail directly
 * (instead of 1 − Φ) keeps full relative precision for the tiny p-values of large national samples.
 */
function upperTailContinuedFraction(t: number): number {
  let fraction = t;
  for (let k = 200; k >= 1; k--) fraction = t + k / fraction;
  return normalPdf(t) / fraction;
}

/**
 * Standard normal CDF Φ(x), accurate to about 1e-15 relative in both tails: the Taylor series
 * Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)) (all terms positive for x > 0, so no cancellation
 * inside the sum) for |x| ≤ 3, and the continued fraction for the tails.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= -3) return x === -Infinity ? 0 : upperTailContinuedFraction(-x);
  if (x >= 3) return x === Infinity ? 1 : 1 - upperTailContinuedFraction(x);
  let term = x;
  let sum = x;
  for (let k = 1; k < 500; k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + normalPdf(x) * sum;
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9), refined below
// with one Halley step against the precise CDF, which brings it to machine precision.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** For 0 < p ≤ ½ only: normalQuantile reflects the upper half onto the lower one first. */
function acklam(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1 (±Infinity at 0 and 1). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`probability must be in [0, 1] (got ${p})`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Symmetry keeps the refinement in the lower tail, where Φ is computed without cancellation.
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklam(p);
  const error = normalCdf(x) - p;
  const u = error * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** The two-sided critical value z for a confidence level, e.g. 1.959964 for 0.95. */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for a proportion (as proportions in [0, 1]). Unlike the Wald interval it
 * never leaves [0, 1] and stays sensible for 0 and n events, which small municipalities have often.
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²)
 */
export function wilsonInterval(numerator: number, denominator: number, confidence = 0.95): { lower: number; upper: number } {
  assertCounts(numerator, denominator);
  const z = zForConfidence(confidence);
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n events the bound equals p̂ exactly; set it so rounding cannot put it just beside.
  const lower = numerator === 0 ? 0 : Math.max(0, centre - half);
  const upper = numerator === n ? 1 : Math.min(1, centre + half);
  return { lower, upper };
}

/** A proportion in the indicator's unit: percentage (×100) or per 1,000 (×1,000). */
export function scaleToUnit(proportion: number, unit: Unit): number {
  return proportion * (unit === 'per_1000' ? 1000 : 100);
}

/**
 * The value of a published cell with its 95% interval, in the indicator's unit. A rate per 1,000
 * here is a proportion of one birth cohort (each child counts once), so the Wilson interval applies
 * to it just as to a percentage.
 */
export function estimateInUnit(numerator: number, denominator: number, unit: Unit, confidence = 0.95): { value: number; lower: number; upper: number } {
  const { lower, upper } = wilsonInterval(numerator, denominator, confidence);
  return { value: scaleToUnit(numerator / denominator, unit), lower: scaleToUnit(lower, unit), upper: scaleToUnit(upper, unit) };
}

/**
 * Two-proportion z-test with the pooled proportion under H0 (p₁ = p₂):
 *   p = (x₁+x₂)/(n₁+n₂),  z = (p̂₂ − p̂₁) / √(p(1−p)(1/n₁ + 1/n₂)),  two-sided P = 2·Φ(−|z|).
 * z > 0 means the current proportion is higher. Without variation (p = 0 or 1) there is no evidence
 * of a difference: z = 0, P = 1.
 */
export function proportionTest(previous: Proportion, current: Proportion): { z: number; pValue: number; difference: number } {
  assertCounts(previous.numerator, previous.denominator);
  assertCounts(current.numerator, current.denominator);
  const p1 = previous.numerator / previous.denominator;
  const p2 = current.numerator / current.denominator;
  const pooled = (previous.numerator + current.numerator) / (previous.denominator + current.denominator);
  const variance = pooled * (1 - pooled) * (1 / previous.denominator + 1 / current.denominator);
  if (!(variance > 0)) return { z: 0, pValue: 1, difference: p2 - p1 };
  const z = (p2 - p1) / Math.sqrt(variance);
  return { z, pValue: Math.min(1, 2 * normalCdf(-Math.abs(z))), difference: p2 - p1 };
}

export interface TrendPoint extends Proportion {
  /** The score of the period: its (last) year. Only differences between scores matter. */
  year: number;
}

export interface TrendResult {
  chiSquare: number;
  pValue: number;
  /** Sign of the trend statistic; 'none' when there is no variation to test. */
  direction: 'up' | 'down' | 'none';
  isSignificant: boolean;
}

/**
 * Chi-square test for linear trend in proportions (Cochran–Armitage; Altman, Practical Statistics
 * for Medical Research §10.7.4) with the years as scores t:
 *   p̄ = R/N,  T = Σ tᵢ(xᵢ − nᵢp̄),  V = p̄(1−p̄)·[Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/N],  χ² = T²/V on 1 df,
 * P = 2·Φ(−√χ²). With two periods it equals the square of the pooled two-proportion z.
 */
export function trendTest(series: readonly TrendPoint[], alpha = 0.05): TrendResult {
  if (series.length < 2) throw new RangeError('a trend needs at least two periods');
  if (new Set(series.map((point) => point.year)).size !== series.length) throw new RangeError('periods must have distinct years');
  for (const point of series) assertCounts(point.numerator, point.denominator);
  // Centre the scores (the statistic does not change) so that squares of years do not lose precision.
  const meanYear = series.reduce((sum, point) => sum + point.year, 0) / series.length;
  let total = 0;
  let events = 0;
  let sumNt = 0;
  let sumNt2 = 0;
  let sumXt = 0;
  for (const point of series) {
    const t = point.year - meanYear;
    total += point.denominator;
    events += point.numerator;
    sumNt += point.denominator * t;
    sumNt2 += point.denominator * t * t;
    sumXt += point.numerator * t;
  }
  const pBar = events / total;
  const statistic = sumXt - pBar * sumNt;
  const variance = pBar * (1 - pBar) * (sumNt2 - (sumNt * sumNt) / total);
  if (!(variance > 0)) return { chiSquare: 0, pValue: 1, direction: 'none', isSignificant: false };
  const chiSquare = (statistic * statistic) / variance;
  const pValue = Math.min(1, 2 * normalCdf(-Math.sqrt(chiSquare)));
  const direction = statistic > 0 ? 'up' : statistic < 0 ? 'down' : 'none';
  return { chiSquare, pValue, direction, isSignificant: pValue < alpha };
}

export type ChangeSymbol = 'up' | 'down' | 'stable' | 'not_comparable';
export type Assessment = 'desired' | 'undesired' | 'unclear';

export interface ChangeAssessment {
  /** Seed 003's ↑ ↓ … ×. */
  symbol: ChangeSymbol;
  /** The colour of an arrow: the desired or the undesired direction; 'unclear' for "…" and "×". */
  assessment: Assessment;
  /** Kansrijk's own two-proportion test, shown beside the symbol; null when nothing was tested. */
  pValue: number | null;
  /** Null when there is no test: no comparison, or a full count (nothing sampled, nothing to test). */
  isSignificant: boolean | null;
}

/** Decimals a figure is published with ("4,8%", "1,6 per 1.000"): the precision "…" is judged at. */
export const PUBLISHED_DECIMALS = 1;

/** Seed 003's "×": no comparison possible or available (no new figure, or no earlier one). */
export const NOT_COMPARABLE: ChangeAssessment = Object.freeze({ symbol: 'not_comparable', assessment: 'unclear', pValue: null, isSignificant: null });

/**
 * The symbol for a change against the previous period, as seed 003 (Table 1) defines it: an arrow
 * when a rise or fall "is te zien" in the published figure, "…" when the figure "nagenoeg niet
 * gestegen of gedaald" is — Kansrijk's exact rule: both figures, in the indicator's unit and rounded
 * as published (one decimal), are equal — and "×" without a comparison (either side missing or
 * suppressed). Like the seed's arrows (its footnote: not tested for significance) the symbol does not
 * depend on a test; Kansrijk's two-proportion test (at alpha) is reported beside it. A full count
 * (every municipality, no sample: the questionnaire indicators) has no sampling error and gets no test.
 * In an edition (the national overview, the area profile of a year) an indicator whose latest figure
 * is older than the edition's year has no new figure since the previous edition: "×" (`hasNewFigure`).
 */
export function assessChange(
  previous: Proportion | null,
  current: Proportion | null,
  options: { unit: Unit; desiredDirection: Direction; isFullCount?: boolean; hasNewFigure?: boolean; alpha?: number },
): ChangeAssessment {
  if (options.hasNewFigure === false) return NOT_COMPARABLE;
  if (!previous || !current || previous.denominator <= 0 || current.denominator <= 0) return NOT_COMPARABLE;
  const shown = (proportion: Proportion) =>
    Math.round(scaleToUnit(proportion.numerator / proportion.denominator, options.unit) * 10 ** PUBLISHED_DECIMALS);
  const step = shown(current) - shown(previous);
  const test = options.isFullCount ? null : proportionTest(previous, current);
  const tested = test
    ? { pValue: test.pValue, isSignificant: test.pValue < (options.alpha ?? 0.05) && test.difference !== 0 }
    : { pValue: null, isSignificant: null };
  if (step === 0) return { symbol: 'stable', assessment: 'unclear', ...tested };
  const symbol = step > 0 ? 'up' : 'down';
  const isDesired = (symbol === 'up') === (options.desiredDirection === 'higher');
  return { symbol, assessment: isDesired ? 'desired' : 'undesired', ...tested };
}
