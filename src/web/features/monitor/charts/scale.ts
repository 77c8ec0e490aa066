// SPDX-License-Identifier: EUPL-1.2
// The little arithmetic the charts need (a linear scale, round ticks, class breaks), instead of a
// charting library: the charts stay plain SVG that serialises to a standalone file.

export type Scale = (value: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** A step of 1, 2 or 5 × 10^k that gives about `count` ticks. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round ticks covering [min, max]; the domain is widened to the outer ticks. */
export function niceTicks(min: number, max: number, count = 5): { ticks: number[]; domain: [number, number]; step: number } {
  const low = Math.min(min, max);
  const high = Math.max(min, max, low + 1e-9);
  const step = niceStep(high - low, count);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = start; value <= end + step / 2; value += step) ticks.push(Number(value.toFixed(10)));
  return { ticks, domain: [start, end], step };
}

/** Decimals that show a step without rounding it away (0.5 → 1, 2 → 0). */
export function decimalsForStep(step: number): number {
  return Math.max(0, Math.min(3, -Math.floor(Math.log10(step) + 1e-9)));
}

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = (sorted.length - 1) * p;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (index - low);
}

export function median(values: number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export interface Classes {
  /** Upper bounds of all classes but the last, rounded to one decimal, strictly increasing. */
  breaks: number[];
  min: number;
  max: number;
  /** Class index (0 … breaks.length) of a value. */
  classOf(value: number): number;
}

/**
 * Up to `count` classes with about as many areas each (quantiles), with breaks rounded to one decimal
 * (what the legend shows) and duplicate breaks dropped, so every class in the legend is used.
 */
export function quantileClasses(values: number[], count = 5): Classes {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let index = 1; index < count; index += 1) {
    const value = Math.round(quantile(sorted, index / count) * 10) / 10;
    if (sorted.length > 0 && value > (breaks.at(-1) ?? -Infinity) && value < sorted.at(-1)! && value >= sorted[0]!) breaks.push(value);
  }
  return {
    breaks,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    classOf(value) {
      let index = 0;
      while (index < breaks.length && value > breaks[index]!) index += 1;
      return index;
    },
  };
}

/** Two classes for ja/nee (a value of 0 or 100%): nee is class 0, ja class 1. */
export function yesNoClasses(): Classes {
  return { breaks: [0], min: 0, max: 100, classOf: (value) => (value > 0 ? 1 : 0) };
}

/**
 * Sequential blues (ColorBrewer "Blues", colour-blind safe and readable in grey scale), light = low.
 * The two lightest are darker than the "geen gegevens" grey would be confused with: that class is a
 * neutral grey and "onderdrukt" is hatched.
 */
export const SEQUENTIAL_BLUES = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'] as const;

/** `n` colours of the sequence, spread over it, for fewer classes than five. */
export function paletteFor(classCount: number): string[] {
  if (classCount >= SEQUENTIAL_BLUES.length) return [...SEQUENTIAL_BLUES];
  if (classCount <= 1) return [SEQUENTIAL_BLUES[2]];
  return Array.from({ length: classCount }, (_, index) => SEQUENTIAL_BLUES[Math.round((index * (SEQUENTIAL_BLUES.length - 1)) / (classCount - 1))]!);
}

export const NO_DATA_FILL = '#d0d0d0';
export const SUPPRESSED_STROKE = '#4a4a4a';
export const CHART_FONT = 'Arial, Helvetica, sans-serif';
export const TEXT_COLOUR = '#1b1b1b';
export const SUBTLE_TEXT = '#4a4a4a';
export const GRID_COLOUR = '#d8dde0';
export const PRIMARY = '#0b4f6c';
