// SPDX-License-Identifier: EUPL-1.2
// Records the outcomes around age two: the speech-language screening, weight and length → BMI and
// overweight/obesity by the IOTF cut-offs (Cole et al. 2000, see domain/two-years.ts), and a child
// protection measure or out-of-home placement with its dates.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TwoYearOutcome, twoYearOutcomeCreateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows } from '../../platform/db/connection.js';
import { raise } from '../../platform/domain/result.js';
import { actOnFamily } from '../families/care-access.js';
import { invalid, requireDate, requirePastDate } from '../jgz/care-records.js';
import { assessOverweightAtTwo, type BmiAssessment } from './domain/two-years.js';
import { twoYearOutcomes } from './schema.js';
import { findTwoYearOutcome } from './outcome-store.js';

/** Around age two: from 18 up to 36 months. */
export const AGE_RANGE_MONTHS = { min: 18, max: 36 } as const;

export function completedMonths(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

function checkPeriod(from: string | null, until: string | null, fromField: string, untilField: string, label: string) {
  if (from !== null) requireDate(from, fromField, `${label} vanaf`);
  if (until !== null) requireDate(until, untilField, `${label} tot`);
  if (until !== null && from === null) invalid(fromField, `Vul in vanaf wanneer de ${label.toLowerCase()} geldt.`);
  if (from !== null && until !== null && until < from) invalid(untilField, `De einddatum van de ${label.toLowerCase()} ligt vóór de begindatum.`);
}

export async function recordTwoYearOutcome(ctx: RequestContext, familyId: string, input: z.infer<typeof twoYearOutcomeCreateSchema>): Promise<TwoYearOutcome> {
  const today = amsterdamDate(ctx.now());
  requirePastDate(input.measuredOn, today, 'measuredOn', 'De datum van meten');
  if ((input.weightKg === null) !== (input.lengthCm === null)) {
    invalid(input.weightKg === null ? 'weightKg' : 'lengthCm', 'Vul gewicht én lengte in, of geen van beide.');
  }
  const measure = input.childProtectionMeasure?.trim() || null;
  checkPeriod(input.childProtectionFrom, input.childProtectionUntil, 'childProtectionFrom', 'childProtectionUntil', 'Kinderbeschermingsmaatregel');
  checkPeriod(input.outOfHomePlacementFrom, input.outOfHomePlacementUntil, 'outOfHomePlacementFrom', 'outOfHomePlacementUntil', 'Uithuisplaatsing');
  if (measure === null && input.childProtectionFrom !== null) invalid('childProtectionMeasure', 'Vul de kinderbeschermingsmaatregel in.');
  if (measure !== null && input.childProtectionFrom === null) invalid('childProtectionFrom', 'Vul in vanaf wanneer de kinderbeschermingsmaatregel geldt.');

  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'two_year_outcome',
    perform: async (tx) => {
      const [child] = await queryRows<{ id: string; birth_date: string; sex: string | null }>(tx, sql`
        SELECT id, birth_date::text AS birth_date, sex FROM family_members
        WHERE family_id = ${familyId}::uuid AND role = 'child' AND birth_date IS NOT NULL ORDER BY birth_date DESC, created_at DESC LIMIT 1`);
      if (!child) invalid('measuredOn', 'Leg eerst de geboorte vast: de leeftijd van het kind is nodig.');
      const ageMonths = completedMonths(child.birth_date, input.measuredOn);
      if (ageMonths < AGE_RANGE_MONTHS.min || ageMonths > AGE_RANGE_MONTHS.max) {
        invalid('measuredOn', `Het kind is op die datum ${Math.max(ageMonths, 0)} maanden oud. Uitkomsten rond 2 jaar horen bij een leeftijd van ${AGE_RANGE_MONTHS.min} tot ${AGE_RANGE_MONTHS.max} maanden.`);
      }
      let assessment: BmiAssessment | null = null;
      if (input.weightKg !== null && input.lengthCm !== null) {
        if (child.sex !== 'female' && child.sex !== 'male') invalid('weightKg', 'Het geslacht van het kind is onbekend; overgewicht kan dan niet worden bepaald.');
        const result = assessOverweightAtTwo({ ageMonths, sex: child.sex, weightKg: input.weightKg, lengthCm: input.lengthCm });
        if (!result.ok) raise({ ...result.error, field: result.error.field === 'ageMonths' ? 'measuredOn' : result.error.field ?? '' });
        assessment = result.value;
      }
      const [row] = await tx
        .insert(twoYearOutcomes)
        .values({
          familyId,
          childId: child.id,
          measuredOn: input.measuredOn,
          ageMonths,
          speechLanguageResult: input.speechLanguageResult,
          weightGrams: input.weightKg === null ? null : Math.round(input.weightKg * 1000),
          lengthCm: input.lengthCm === null ? null : input.lengthCm.toFixed(1),
          bmi: assessment ? assessment.bmi.toFixed(2) : null,
          overweight: assessment?.isOverweight ?? null,
          obesity: assessment?.isObese ?? null,
          childProtectionMeasure: measure,
          childProtectionFrom: input.childProtectionFrom,
          childProtectionUntil: input.childProtectionUntil,
          outOfHomePlacementFrom: input.outOfHomePlacementFrom,
          outOfHomePlacementUntil: input.outOfHomePlacementUntil,
          organisationId: ctx.actor.organisationId!,
          recordedById: ctx.actor.personId,
        })
        .returning({ id: twoYearOutcomes.id });
      return findTwoYearOutcome(tx, row!.id);
    },
    details: (outcome) => ({ twoYearOutcomeId: outcome.id }),
  });
}
