// SPDX-License-Identifier: EUPL-1.2
// The figures of a self-analysis report for one set of scores (a statement, or all statements of a part).

/** Below this many answers an anonymous round shows no distribution (and no figures) for a statement. */
export const MIN_ANSWERS_FOR_DISTRIBUTION = 3;

/**
 * Disagreement (our definition, shown on the report page too): at least two answers, and either the
 * standard deviation (population, over the answers given) is 1.2 or more, or the answers include
 * both a low score (1 or 2) and a high score (4 or 5) — partners who see the same statement on
 * opposite sides of the scale. Seed 002 asks a coalition to score the statements "samen met
 * collega's en/of partners uit de coalitie": where they disagree is the conversation to have.
 * (On a 1–5 scale an SD of 1.2 or more implies a low and a high score; the SD rule states the intent.)
 */
export const DISAGREEMENT_SD = 1.2;

export interface ScoreSummary {
  count: number;
  mean: number | null;
  standardDeviation: number | null;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
  isDisagreement: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function isDisagreement(scores: readonly number[]): boolean {
  if (scores.length < 2) return false;
  const hasLow = scores.some((score) => score <= 2);
  const hasHigh = scores.some((score) => score >= 4);
  return (hasLow && hasHigh) || populationSd(scores) >= DISAGREEMENT_SD;
}

function populationSd(scores: readonly number[]): number {
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length);
}

export function summariseScores(scores: readonly number[]): ScoreSummary {
  const distribution: ScoreSummary['distribution'] = [0, 0, 0, 0, 0];
  for (const score of scores) distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
  if (scores.length === 0) return { count: 0, mean: null, standardDeviation: null, distribution, isDisagreement: false };
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return {
    count: scores.length,
    mean: round2(mean),
    standardDeviation: round2(populationSd(scores)),
    distribution,
    isDisagreement: isDisagreement(scores),
  };
}

/** The change of a mean since the previous round; null when either is missing. */
export function changeOf(current: number | null, previous: number | null | undefined): number | null {
  return current === null || previous == null ? null : round2(current - previous);
}
