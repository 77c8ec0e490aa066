// SPDX-License-Identifier: EUPL-1.2
// The disagreement flag and the figures of a report, as a table of cases.
import { describe, expect, it } from 'vitest';
import { changeOf, isDisagreement, summariseScores } from './score-statistics.js';

describe('disagreement: SD ≥ 1.2, or a low (1–2) and a high (4–5) score both present, with at least two answers', () => {
  const cases: [scores: number[], expected: boolean, why: string][] = [
    [[], false, 'no answers'],
    [[1], false, 'one answer cannot disagree'],
    [[5], false, 'one answer cannot disagree'],
    [[3, 3, 3], false, 'all the same'],
    [[2, 3], false, 'low and middle'],
    [[3, 4], false, 'middle and high'],
    [[2, 4], true, 'low and high: opposite sides of the scale'],
    [[1, 5], true, 'the extremes'],
    [[4, 4, 4, 4, 2], true, 'one low among highs'],
    [[3, 3, 3, 3, 5], false, 'one high among middles (SD 0.8)'],
    [[1, 1, 3, 3, 3, 3], false, 'lows and middles (SD 0.94)'],
    [[1, 3, 3, 3], false, 'low and middles: SD 0.87'],
    [[3, 3, 5, 5], false, 'middles and highs: SD 1.0'],
    [[1, 1, 3, 3], false, 'SD exactly 1.0, no high'],
    [[1, 3, 3, 3, 3, 3, 3, 3, 3, 3], false, 'one low in a crowd: SD 0.6'],
  ];
  it.each(cases)('%j → %s (%s)', (scores, expected) => {
    expect(isDisagreement(scores)).toBe(expected);
  });

  it('on a 1–5 scale an SD of 1.2 or more only occurs with a low and a high score present: the SD edge is checked by value', () => {
    expect(summariseScores([1, 1, 3, 3]).standardDeviation).toBe(1);
    expect(summariseScores([1, 1, 1, 5, 5]).standardDeviation).toBe(1.96);
    expect(summariseScores([2, 2, 4, 4]).standardDeviation).toBe(1);
  });
});

describe('summary of scores', () => {
  it('mean, population SD (two decimals) and the distribution of 1–5', () => {
    expect(summariseScores([1, 2, 2, 5])).toEqual({ count: 4, mean: 2.5, standardDeviation: 1.5, distribution: [1, 2, 0, 0, 1], isDisagreement: true });
    expect(summariseScores([])).toEqual({ count: 0, mean: null, standardDeviation: null, distribution: [0, 0, 0, 0, 0], isDisagreement: false });
    expect(summariseScores([4, 4, 5])).toMatchObject({ mean: 4.33, standardDeviation: 0.47, isDisagreement: false });
  });

  it('change since the previous round', () => {
    expect(changeOf(3.5, 2.75)).toBe(0.75);
    expect(changeOf(2, 3)).toBe(-1);
    expect(changeOf(null, 3)).toBeNull();
    expect(changeOf(3, null)).toBeNull();
    expect(changeOf(3, undefined)).toBeNull();
  });
});
