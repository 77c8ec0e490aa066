// SPDX-License-Identifier: EUPL-1.2
// Records how a home visit went: held on a date (the gestational week that day is computed from the
// pregnancy's due date and stored), or not held with a reason; findings per life domain and the
// follow-up agreed. Also reschedules (date, nurse). Only the organisation that planned the visit
// changes it, and only from the version it last saw.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CARE_LIFE_DOMAINS, type HomeVisit, type homeVisitUpdateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { requireAllowed } from '../../platform/access/scoped-store.js';
import { actOnFamily } from '../families/care-access.js';
import { gestationalAge, MAX_DUE_DATE_WEEKS_AHEAD } from '../families/domain/pregnancy.js';
import { LIFE_DOMAINS, type LifeDomain } from '../../../contracts/screening/factor-catalogue.js';
import { homeVisits } from './schema.js';
import { familyOfHomeVisit, findHomeVisit, organisationOfHomeVisit } from './home-visit-store.js';
import { invalid, requireNearDate, requireNurse, requirePastDate, requireVersion } from './care-records.js';

// The contract's life domains are the factor model's: a compile-time check both ways.
const CONTRACT_DOMAINS: readonly LifeDomain[] = CARE_LIFE_DOMAINS;
const MODEL_DOMAINS: readonly (typeof CARE_LIFE_DOMAINS)[number][] = LIFE_DOMAINS;
void CONTRACT_DOMAINS;
void MODEL_DOMAINS;

/** Completed weeks of the family's latest pregnancy on that day; null outside a pregnancy. */
export async function gestationalWeekOn(tx: Executor, familyId: string, day: string): Promise<number | null> {
  const [pregnancy] = await queryRows<{ due_date: string }>(
    tx,
    sql`SELECT due_date::text AS due_date FROM pregnancies WHERE family_id = ${familyId}::uuid ORDER BY created_at DESC LIMIT 1`,
  );
  if (!pregnancy) return null;
  const age = gestationalAge(pregnancy.due_date, day);
  if (age.totalDays < 0 || age.weeks > MAX_DUE_DATE_WEEKS_AHEAD) return null;
  return age.weeks;
}

export async function recordHomeVisit(
  ctx: RequestContext,
  lookup: Executor,
  id: string,
  input: z.infer<typeof homeVisitUpdateSchema>,
): Promise<HomeVisit> {
  const familyId = await familyOfHomeVisit(lookup, id);
  if (!familyId) throw new AppError('not_found');
  const today = amsterdamDate(ctx.now());
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'home_visit',
    perform: async (tx, familyTarget) => {
      await queryRows(tx, sql`SELECT id FROM home_visits WHERE id = ${id}::uuid FOR UPDATE`);
      const viewer = { actor: ctx.actor, familyTarget };
      requireAllowed(ctx.actor, 'home_visit', 'update', { organisationIds: [await organisationOfHomeVisit(tx, id)] });
      const current = (await findHomeVisit(tx, id, viewer))!;
      requireVersion(current.version, input.version);

      const plannedOn = input.plannedOn ?? current.plannedOn;
      if (input.plannedOn !== undefined) requireNearDate(input.plannedOn, today, 'plannedOn', 'De datum van het huisbezoek', 1);
      const nurseId = input.nurseId ?? current.nurseId;
      if (input.nurseId !== undefined) await requireNurse(tx, input.nurseId, current.organisationId);

      const status = input.status ?? current.status;
      let heldOn: string | null = null;
      let reasonNotHeld: string | null = null;
      let gestationalWeek: number | null = null;
      if (status === 'held') {
        heldOn = input.heldOn === undefined ? current.heldOn : input.heldOn;
        if (!heldOn) invalid('heldOn', 'Vul de datum in waarop het huisbezoek is geweest.');
        requirePastDate(heldOn, today, 'heldOn', 'De datum van het huisbezoek');
        requireNearDate(heldOn, today, 'heldOn', 'De datum van het huisbezoek', 1);
        gestationalWeek = await gestationalWeekOn(tx, familyId, heldOn);
      } else if (status === 'not_held') {
        const reason = input.reasonNotHeld === undefined ? current.reasonNotHeld : input.reasonNotHeld;
        if (!reason || reason.trim() === '') invalid('reasonNotHeld', 'Vul de reden in waarom het huisbezoek niet is doorgegaan.');
        reasonNotHeld = reason.trim();
      }

      const findings: Partial<Record<LifeDomain, string>> = {};
      for (const domain of LIFE_DOMAINS) {
        const value = (input.findings === undefined ? current.findings : input.findings)[domain]?.trim();
        if (value) findings[domain] = value;
      }
      if (status !== 'held' && Object.keys(findings).length > 0) {
        invalid('findings', 'Bevindingen horen bij een huisbezoek dat is doorgegaan. Zet de status eerst op "doorgegaan".');
      }
      const followUp = input.followUp === undefined ? current.followUp : input.followUp?.trim() || null;

      await tx
        .update(homeVisits)
        .set({ plannedOn, nurseId, status, heldOn, reasonNotHeld, gestationalWeek, findings, followUp, version: current.version + 1, updatedAt: ctx.now() })
        .where(eq(homeVisits.id, id));
      return (await findHomeVisit(tx, id, viewer))!;
    },
    // Which fields were given, never their values.
    details: (visit) => ({ homeVisitId: visit.id, status: visit.status, changes: Object.keys(input).filter((key) => key !== 'version') }),
  });
}
