// SPDX-License-Identifier: EUPL-1.2
// Ends a coordinator's or deputy's role on its last day (the person keeps the history). An end before
// the start is refused; the same end again changes nothing.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import type { Coalition, coordinatorEndSchema } from '../../../contracts/coalitions.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { coalitionCoordinators } from './schema.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, currentYearOf, fill, loadCoalition, type UseCaseContext } from './register-store.js';

export async function endCoordinator(ctx: UseCaseContext, code: string, personId: string, input: z.infer<typeof coordinatorEndSchema>): Promise<Coalition> {
  return changeCoalition(
    ctx,
    code,
    'coordinator_ended',
    async (tx, ref) => {
      const where = and(eq(coalitionCoordinators.coalitionId, ref.id), eq(coalitionCoordinators.personId, personId));
      const [existing] = await tx.select().from(coalitionCoordinators).where(where);
      if (!existing) throw new AppError('not_found');
      if (input.until < existing.since) {
        const message = fill(nl.coalitions.endBeforeStart, { since: existing.since, until: input.until });
        throw new AppError('validation_failed', { message, errors: [{ path: 'body.until', message }] });
      }
      if (existing.until !== input.until) await tx.update(coalitionCoordinators).set({ until: input.until }).where(where);
      return loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target: coalitionTarget(ref) });
    },
  );
}
