// SPDX-License-Identifier: EUPL-1.2
// Ends an enrolment (completed) or records a drop-out with its reason, through the domain's
// enrolment states; only from the version the professional last saw.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Enrolment, enrolmentUpdateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { unwrap } from '../../platform/domain/result.js';
import { actOnFamily } from '../families/care-access.js';
import { requirePastDate, requireVersion } from '../jgz/care-records.js';
import { changeEnrolment, type DropOutReason, type EnrolmentEvent } from './domain/catalogue.js';
import { enrolments } from './schema.js';
import { familyOfEnrolment, findEnrolment, stateOf, storedReason } from './enrolment-store.js';

export async function updateEnrolment(
  ctx: RequestContext,
  lookup: Executor,
  id: string,
  input: z.infer<typeof enrolmentUpdateSchema>,
): Promise<Enrolment> {
  const familyId = await familyOfEnrolment(lookup, id);
  if (!familyId) throw new AppError('not_found');
  const explanation = input.explanation?.trim() || undefined;
  const event: EnrolmentEvent =
    input.action === 'end'
      ? { type: 'end', on: input.on }
      : { type: 'drop_out', on: input.on, reason: (input.reason ?? '') as DropOutReason, ...(explanation ? { explanation } : {}) };
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'enrolment',
    perform: async (tx) => {
      await queryRows(tx, sql`SELECT id FROM enrolments WHERE id = ${id}::uuid FOR UPDATE`);
      const current = (await findEnrolment(tx, id))!;
      requireVersion(current.version, input.version);
      const next = unwrap(changeEnrolment(stateOf(current), event));
      requirePastDate(input.on, amsterdamDate(ctx.now()), 'on', 'De einddatum');
      if (next.status === 'ended') {
        await tx
          .update(enrolments)
          .set({ status: 'completed', endedOn: next.endedOn, version: current.version + 1, updatedAt: ctx.now() })
          .where(eq(enrolments.id, id));
      } else if (next.status === 'dropped_out') {
        await tx
          .update(enrolments)
          .set({
            status: 'dropped_out',
            endedOn: next.endedOn,
            dropOutReason: storedReason(next.reason, next.explanation),
            version: current.version + 1,
            updatedAt: ctx.now(),
          })
          .where(eq(enrolments.id, id));
      }
      return (await findEnrolment(tx, id))!;
    },
    details: (enrolment) => ({ enrolmentId: enrolment.id, status: enrolment.status }),
  });
}
