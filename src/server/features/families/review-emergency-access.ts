// SPDX-License-Identifier: EUPL-1.2
// An admin records that an emergency access was checked, with a note. Reviewing twice is refused.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EmergencyAccess, emergencyReviewSchema } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { emergencyAccesses } from './schema.js';
import { findEmergencyAccesses } from './list-emergency-accesses.js';
import type { UseCaseContext } from './store.js';

export async function reviewEmergencyAccess(ctx: UseCaseContext, id: string, input: z.infer<typeof emergencyReviewSchema>): Promise<EmergencyAccess> {
  return ctx.store.act({
    resource: 'emergency_access',
    action: 'update',
    objectId: id,
    objectType: 'emergency_access',
    locate: async (tx) => {
      const [row] = await tx.select({ organisationId: emergencyAccesses.organisationId, familyId: emergencyAccesses.familyId }).from(emergencyAccesses).where(eq(emergencyAccesses.id, id));
      return row ? { organisationIds: [row.organisationId] } : null;
    },
    perform: async (tx) => {
      const [current] = await tx.select({ reviewedAt: emergencyAccesses.reviewedAt }).from(emergencyAccesses).where(eq(emergencyAccesses.id, id));
      if (current!.reviewedAt) throw new AppError('already_processed');
      await tx
        .update(emergencyAccesses)
        .set({ reviewedAt: ctx.now(), reviewedById: ctx.store.actor.personId, reviewNote: input.note })
        .where(eq(emergencyAccesses.id, id));
      const { rows } = await findEmergencyAccesses(tx, { kind: 'all' }, 'all', { limit: 1, offset: 0 }, id);
      return rows[0]!;
    },
    details: () => ({ change: 'reviewed' }),
  });
}
