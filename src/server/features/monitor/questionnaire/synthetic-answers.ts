// SPDX-License-Identifier: EUPL-1.2
// Deterministic synthetic questionnaire answers for the national demo (2019–2024), calibrated to seed
// 003's Table 1: the share of municipalities answering yes follows SHARES below, which reaches the
// monitor 2023's values in their years (coalition 62% in 2023 … VoorZorg 49% in 2023). The Centering
// indicators count practices and JGZ organisations, not municipalities: they are imported, not asked.
// Which municipalities answer yes is decided by a fixed score per municipality and question: a shared
// "engagement" (a municipality with a coalition more often has a plan too), a question's own part and
// a little for size (larger municipalities run more programmes). In each year the municipalities with
// the highest scores answer yes, exactly round(share × municipalities) of them, so a municipality that
// has said yes keeps saying yes (plausible growth) and the national shares hit their targets to within
// half a municipality. Answers are stored with source 'synthetic'; real answers are never overwritten.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/connection.js';
import { municipalities } from '../../reference/schema.js';
import { municipalQuestionnaireAnswers } from './schema.js';

export const SYNTHETIC_QUESTIONNAIRE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;

/** Share of municipalities (%) answering yes per year 2019…2024; the Table 1 value is marked. */
export const SYNTHETIC_SHARES: Readonly<Record<string, readonly number[]>> = {
  has_coalition: [40, 46, 52, 58, 62 /* 2023: 62% */, 65],
  has_plan_of_approach: [30, 37, 44, 51, 57 /* 2023: 57% */, 60],
  offers_nu_niet_zwanger: [55, 61, 67, 72, 77, 82 /* 2024: 82% */],
  offers_prenatal_home_visit: [50, 57, 64, 71, 77 /* 2023: 77% */, 80],
  offers_voorzorg: [38, 41, 44, 47, 49 /* 2023: 49% */, 51],
};

/** FNV-1a: the same number for the same text on every run and platform, in [0, 1). */
function unitHash(text: string): number {
  let hash = 2166136261;
  for (const character of text) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619);
  return (hash >>> 0) / 4294967296;
}

export interface SyntheticAnswer {
  municipalityCode: string;
  year: number;
  questionKey: string;
  answer: boolean;
}

/** The answers for these municipalities (every one answers every question every year). */
export function syntheticAnswers(
  places: readonly { code: string; population: number }[],
  years: readonly number[] = SYNTHETIC_QUESTIONNAIRE_YEARS,
): SyntheticAnswer[] {
  const answers: SyntheticAnswer[] = [];
  const logPopulations = places.map((place) => Math.log10(Math.max(1, place.population)));
  const minLog = Math.min(...logPopulations);
  const spanLog = Math.max(...logPopulations) - minLog || 1;
  for (const [questionKey, shares] of Object.entries(SYNTHETIC_SHARES)) {
    const ranked = places
      .map((place, index) => ({
        code: place.code,
        score:
          0.5 * unitHash(`engagement:${place.code}`) + 0.35 * unitHash(`${questionKey}:${place.code}`) + 0.15 * ((logPopulations[index]! - minLog) / spanLog),
      }))
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    for (const year of years) {
      const index = year - SYNTHETIC_QUESTIONNAIRE_YEARS[0];
      const share = shares[index];
      if (share === undefined || index < 0) continue;
      const yes = Math.round((share / 100) * ranked.length);
      ranked.forEach((place, rank) => answers.push({ municipalityCode: place.code, year, questionKey, answer: rank < yes }));
    }
  }
  return answers;
}

/** Stores the synthetic answers for these years; an existing answer (real or synthetic) is kept. */
export async function seedSyntheticAnswers(db: Executor, years: readonly number[] = SYNTHETIC_QUESTIONNAIRE_YEARS): Promise<number> {
  const places = await db.select({ code: municipalities.code, population: municipalities.population }).from(municipalities).orderBy(municipalities.code);
  const answers = syntheticAnswers(places, years);
  let inserted = 0;
  for (let start = 0; start < answers.length; start += 2_000) {
    const rows = await db
      .insert(municipalQuestionnaireAnswers)
      .values(answers.slice(start, start + 2_000).map((answer) => ({ ...answer, source: 'synthetic' as const })))
      .onConflictDoNothing()
      .returning({ one: sql`1` });
    inserted += rows.length;
  }
  return inserted;
}
