// SPDX-License-Identifier: EUPL-1.2
// Records a birth: checked against physiological ranges (validateBirth, Dutch messages), classified
// as preterm / SGA / Big2 with the current birth-weight reference (its key is stored on the row), the
// child added to the family, the pregnancy marked born, and a pseudonymised row appended to the
// monitor's birth register — all in one transaction, or nothing at all.
//
// The register row carries a random pseudonym ("chain:<random uuid>"), never the family or birth id,
// and nothing is kept that links it back: the monitor counts births, it does not follow families.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { BirthOutcome, birthCreateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { raise, type Result } from '../../platform/domain/result.js';
import { actOnFamily } from '../families/care-access.js';
import { familyMembers, pregnancies } from '../families/schema.js';
import { normaliseName } from '../families/domain/bsn.js';
import { birthRegister } from '../monitor/schema.js';
import { invalid, requireNearDate, requirePastDate } from '../jgz/care-records.js';
import { suggestedTierOf } from '../jgz/caseload-store.js';
import { toRegisterRow, validateBirth } from './domain/birth.js';
import { birthWeightReference, CURRENT_BIRTH_WEIGHT_REFERENCE_KEY } from './domain/birth-weight-references.js';
import { birthOutcomes } from './schema.js';
import { findBirthOutcome } from './outcome-store.js';

export const MAX_MATERNITY_CARE_HOURS = 200;
const FIELD_OF: Record<string, string> = { gestationalAge: 'gestationalWeeks' };

/** The value, or the domain's Dutch refusal pointed at the request's own field name. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) raise({ ...result.error, field: FIELD_OF[result.error.field ?? ''] ?? result.error.field ?? '' });
  return result.value;
}

/** What the register needs about the family beyond the birth itself. */
async function registerContext(tx: Executor, familyId: string) {
  const [family] = await queryRows<{ municipality_code: string; parents: number; is_on_extra_care: boolean }>(tx, sql`
    SELECT f.municipality_code,
      (SELECT count(*)::int FROM family_members fm WHERE fm.family_id = f.id AND fm.role IN ('client', 'partner')) AS parents,
      EXISTS (SELECT 1 FROM caseload_entries ce WHERE ce.family_id = f.id AND ce.tier <> 'universal') AS is_on_extra_care
    FROM families f WHERE f.id = ${familyId}::uuid`);
  const [screening] = await queryRows<{ profile: { domains?: { risks?: { key?: string }[] }[] } | null }>(tx, sql`
    SELECT profile FROM screenings WHERE family_id = ${familyId}::uuid AND status = 'completed' ORDER BY completed_at DESC NULLS LAST LIMIT 1`);
  const domains = Array.isArray(screening?.profile?.domains) ? screening.profile.domains : [];
  const hasDebts = domains.some((domain) => Array.isArray(domain.risks) && domain.risks.some((risk) => risk.key === 'money-debts'));
  const suggested = await suggestedTierOf(tx, familyId);
  return {
    municipalityCode: family!.municipality_code,
    parentCount: Math.max(1, family!.parents),
    // Vulnerable: the screening suggests, or a JGZ caseload gives, more than universal support.
    isVulnerable: family!.is_on_extra_care || (suggested !== null && suggested !== 'universal'),
    parentsWithProblematicDebt: hasDebts ? 1 : 0,
  };
}

export async function recordBirth(ctx: RequestContext, familyId: string, input: z.infer<typeof birthCreateSchema>): Promise<BirthOutcome> {
  const today = amsterdamDate(ctx.now());
  requirePastDate(input.birthDate, today, 'birthDate', 'De geboortedatum');
  requireNearDate(input.birthDate, today, 'birthDate', 'De geboortedatum', 3);
  const reference = birthWeightReference(CURRENT_BIRTH_WEIGHT_REFERENCE_KEY);
  const birth = valueOf(
    validateBirth(
      {
        birthDate: input.birthDate,
        gestationalAge: { weeks: input.gestationalWeeks, days: input.gestationalDays },
        birthWeightGrams: input.birthWeightGrams,
        sex: input.sex,
        isMultiple: input.multipleBirth,
        isLiveBorn: input.liveBorn,
      },
      reference.table,
    ),
  );
  const hours = input.maternityCareHours;
  if (hours !== null && (hours < 0 || hours > MAX_MATERNITY_CARE_HOURS)) {
    invalid('maternityCareHours', `Het aantal uren kraamzorg moet tussen 0 en ${MAX_MATERNITY_CARE_HOURS} liggen.`);
  }
  if (input.maternityCareReceived === false && hours !== null && hours > 0) {
    invalid('maternityCareHours', 'Er zijn uren kraamzorg ingevuld, maar kraamzorg is niet ontvangen. Controleer de kraamzorg.');
  }

  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'birth_outcome',
    perform: async (tx) => {
      const [pregnancy] = await queryRows<{ id: string; status: string }>(
        tx,
        sql`SELECT id, status FROM pregnancies WHERE family_id = ${familyId}::uuid ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      );
      if (pregnancy && pregnancy.status !== 'ongoing' && !input.multipleBirth) {
        throw new AppError('already_processed', { message: 'De geboorte bij deze zwangerschap is al vastgelegd. Bij een meerling: kies "meerling".' });
      }
      const [client] = await queryRows<{ family_name: string }>(
        tx,
        sql`SELECT family_name FROM family_members WHERE family_id = ${familyId}::uuid AND role = 'client' ORDER BY created_at LIMIT 1`,
      );
      // The second child of a multiple birth is birth order 2 (per-pregnancy indicators count order 1).
      const [siblings] = pregnancy
        ? await queryRows<{ count: number }>(tx, sql`SELECT count(*)::int AS count FROM birth_outcomes WHERE pregnancy_id = ${pregnancy.id}::uuid`)
        : [{ count: 0 }];
      const givenName = input.childGivenName?.trim() || 'Baby';
      const familyName = client?.family_name ?? '';
      const [child] = await tx
        .insert(familyMembers)
        .values({ familyId, role: 'child', givenName, familyName, searchName: normaliseName(`${givenName} ${familyName}`), birthDate: birth.birthDate, sex: birth.sex })
        .returning({ id: familyMembers.id });
      const [row] = await tx
        .insert(birthOutcomes)
        .values({
          familyId,
          pregnancyId: pregnancy?.id ?? null,
          childId: child!.id,
          birthDate: birth.birthDate,
          gestationalAgeDays: birth.gestationalAgeDays,
          birthWeightGrams: birth.birthWeightGrams,
          sex: birth.sex,
          multipleBirth: birth.isMultiple,
          liveBorn: birth.isLiveBorn,
          preterm: birth.isPreterm,
          smallForGestationalAge: birth.isSmallForGestationalAge,
          big2: birth.isBig2 ?? false,
          referenceKey: reference.key,
          maternityCareReceived: input.maternityCareReceived,
          maternityCareHours: hours,
          organisationId: ctx.actor.organisationId!,
          recordedById: ctx.actor.personId,
        })
        .returning({ id: birthOutcomes.id });
      if (pregnancy?.status === 'ongoing') {
        await tx.update(pregnancies).set({ status: 'born' }).where(sql`${pregnancies.id} = ${pregnancy.id}::uuid`);
      }
      const context = await registerContext(tx, familyId);
      await tx.insert(birthRegister).values(
        toRegisterRow(birth, {
          sourceKey: `chain:${randomUUID()}`,
          municipalityCode: context.municipalityCode,
          isVulnerable: context.isVulnerable,
          firstAntenatalVisitDay: null,
          hadKraamzorg: input.maternityCareReceived,
          parentCount: context.parentCount,
          parentsWithProblematicDebt: context.parentsWithProblematicDebt,
          birthOrder: (siblings?.count ?? 0) + 1,
        }),
      );
      return findBirthOutcome(tx, row!.id);
    },
    details: (outcome) => ({ birthOutcomeId: outcome.id, referenceKey: outcome.referenceKey }),
  });
}
