// SPDX-License-Identifier: EUPL-1.2
// Records a (new) pregnancy of the client: expected due date (gestational age follows from it) and parity.
import type { z } from 'zod';
import type { Family, pregnancyCreateSchema } from '../../../contracts/families.js';
import { unwrap } from '../../platform/domain/result.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { actOnFamily } from './care-access.js';
import { validateDueDate } from './domain/pregnancy.js';
import { pregnancies } from './schema.js';
import { findFamilyFile, type UseCaseContext } from './store.js';

export async function addPregnancy(ctx: UseCaseContext, familyId: string, input: z.infer<typeof pregnancyCreateSchema>): Promise<Family> {
  const now = ctx.now();
  const { dueDate } = unwrap(validateDueDate(input.dueDate, amsterdamDate(now)));
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'pregnancy',
    perform: async (tx) => {
      await tx.insert(pregnancies).values({ familyId, dueDate, parity: input.parity });
      return (await findFamilyFile(tx, familyId, ctx.store.actor, now))!;
    },
  });
}
