// SPDX-License-Identifier: EUPL-1.2
// Deterministic synthetic questionnaire answers for the national demo (2019–2024), calibrated to seed
// 003's Table 1: the share of municipalities answering yes follows SHARES below, which reaches the
// monitor 2023's values in their years (plan of approach 57% in 2023 … VoorZorg 49% in 2023). Indicator 1
// counts coalition statuses instead (syntheticStatuses below: 212 / 66 / 31 of 342 in 2023). The Centering
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
import { municipalityCoalitionStatuses, type MunicipalityCoalitionStatus } from '../../coalitions/schema.js';

export const SYNTHETIC_QUESTIONNAIRE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;

/** Share of municipalities (%) answering yes per year 2019…2024; the Table 1 value is marked. */
export const SYNTHETIC_SHARES: Readonly<Record<string, readonly number[]>> = {
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

/**
 * Indicator 1's synthetic coalition statuses per year (formed, in development, none; the rest of the
 * municipalities did not answer). 2023 is seed 003 ("Coalities") exactly: 212 / 66 / 31 of 342, and
 * 2022 has the 46 formed coalitions fewer it reports (166). 2019–2021 follow its Figuur 1 note: in
 * 2019 only the GIDS municipalities that asked for the impulse (147) were asked, in 2020–2021 the 275
 * with the impulse; from 2022 every municipality. 2024 continues the trend.
 */
export const SYNTHETIC_STATUS_COUNTS: Readonly<Record<number, { formed: number; in_development: number; none: number }>> = {
  2019: { formed: 60, in_development: 45, none: 42 },
  2020: { formed: 100, in_development: 95, none: 80 },
  2021: { formed: 135, in_development: 85, none: 55 },
  2022: { formed: 166, in_development: 80, none: 45 },
  2023: { formed: 212, in_development: 66, none: 31 },
  2024: { formed: 228, in_development: 58, none: 26 },
};

/**
 * Every municipality gets a status in each year: ranked by the same engagement score as the answers
 * (a municipality once formed stays formed), the first `formed` are formed, the next in development,
 * the next none, the rest not answered. Scaled to the number of municipalities when it is not 342.
 */
export function syntheticStatuses(
  places: readonly { code: string }[],
  years: readonly number[] = SYNTHETIC_QUESTIONNAIRE_YEARS,
): { municipalityCode: string; year: number; status: MunicipalityCoalitionStatus }[] {
  const ranked = [...places].map((place) => ({ code: place.code, score: unitHash(`engagement:${place.code}`) })).sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const scale = ranked.length / 342;
  const rows: { municipalityCode: string; year: number; status: MunicipalityCoalitionStatus }[] = [];
  for (const year of years) {
    const counts = SYNTHETIC_STATUS_COUNTS[year];
    if (!counts) continue;
    const formed = Math.round(counts.formed * scale);
    const developing = formed + Math.round(counts.in_development * scale);
    const none = developing + Math.round(counts.none * scale);
    ranked.forEach((place, rank) =>
      rows.push({ municipalityCode: place.code, year, status: rank < formed ? 'formed' : rank < developing ? 'in_development' : rank < none ? 'none' : 'not_answered' }),
    );
  }
  return rows;
}

/** Stores the synthetic statuses (source 'synthetic'); a status from the register or the questionnaire is kept. */
export async function seedSyntheticStatuses(db: Executor, years: readonly number[] = SYNTHETIC_QUESTIONNAIRE_YEARS): Promise<number> {
  const places = await db.select({ code: municipalities.code }).from(municipalities).orderBy(municipalities.code);
  const rows = syntheticStatuses(places, years);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 2_000) {
    const done = await db
      .insert(municipalityCoalitionStatuses)
      .values(rows.slice(start, start + 2_000).map((row) => ({ ...row, source: 'synthetic' as const })))
      .onConflictDoNothing()
      .returning({ one: sql`1` });
    inserted += done.length;
  }
  return inserted;
}
