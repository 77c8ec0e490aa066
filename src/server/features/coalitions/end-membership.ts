// SPDX-License-Identifier: EUPL-1.2
// Ends a municipality's current membership on its last day. An end before the start is refused; the
// ended period must not overlap another membership of the same kind (seed 003). Ending it again on
// the same day changes nothing.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Coalition, membershipEndSchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { coalitionMunicipalities } from './schema.js';
import { coalitionTarget, findCoalitionRef } from './coalition-target.js';
import { checkMembershipEnd } from './membership-rule.js';
import { changeCoalition, currentYearOf, fill, loadCoalition, membershipsOf, municipalityNames, overlapMessage, type UseCaseContext } from './register-store.js';

export async function endMembership(ctx: UseCaseContext, code: string, municipalityCode: string, input: z.infer<typeof membershipEndSchema>): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'member_ended',
    async (tx, ref) => {
      const names = await municipalityNames(tx, [municipalityCode], () => 'params.municipalityCode');
      const periods = (await membershipsOf(tx, [municipalityCode])).get(municipalityCode)!;
      // The current one; or, when repeated, the one that already ends on this day.
      const period =
        periods.find((candidate) => candidate.coalitionId === ref.id && candidate.until === null) ??
        periods.find((candidate) => candidate.coalitionId === ref.id && candidate.until === input.until);
      if (!period) {
        const message = fill(nl.coalitions.notCurrentMember, { code: municipalityCode });
        throw new AppError('validation_failed', { message, errors: [{ path: 'params.municipalityCode', message }] });
      }
      const check = checkMembershipEnd(periods, period, input.until);
      if (check.kind === 'end_before_start') {
        const message = fill(nl.coalitions.endBeforeStart, { since: period.since, until: input.until });
        throw new AppError('validation_failed', { message, errors: [{ path: 'body.until', message }] });
      }
      if (check.kind === 'overlap') {
        const message = overlapMessage({ code: municipalityCode, name: names.get(municipalityCode)! }, check.other);
        throw new AppError('membership_overlap', { message, errors: [{ path: 'body.until', message }] });
      }
      if (check.kind === 'ok') {
        await tx
          .update(coalitionMunicipalities)
          .set({ until: input.until })
          .where(and(eq(coalitionMunicipalities.coalitionId, ref.id), eq(coalitionMunicipalities.municipalityCode, municipalityCode), eq(coalitionMunicipalities.since, period.since)));
      }
      const now = (await findCoalitionRef(tx, code))!;
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(now) });
    },
    { details: () => ({ municipalityCode }) },
  );
}
