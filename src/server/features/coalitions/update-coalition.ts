// SPDX-License-Identifier: EUPL-1.2
// Edits a coalition's details (its coordinators, or the platform admin). Ending or reviving the
// coalition needs the deactivate grant. Only what differs is written: repeating a PATCH changes nothing.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Coalition, coalitionUpdateSchema } from '../../../contracts/coalitions.js';
import { decide } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { coalitions } from './schema.js';
import { coalitionTarget } from './coalition-target.js';
import { changeCoalition, currentYearOf, loadCoalition, municipalityNames, type UseCaseContext } from './register-store.js';

type Field = 'name' | 'startDate' | 'impulseTranche' | 'mandateHolderCode' | 'isActive';

export async function updateCoalition(ctx: UseCaseContext, code: string, input: z.infer<typeof coalitionUpdateSchema>): Promise<Coalition> {
  const result = await changeCoalition(
    ctx,
    code,
    'details',
    async (tx, ref) => {
      const target = coalitionTarget(ref);
      const [current] = await tx.select().from(coalitions).where(eq(coalitions.id, ref.id));
      const changes: Partial<Pick<typeof coalitions.$inferInsert, Field>> = {};
      if (input.name !== undefined && input.name !== current!.name) changes.name = input.name;
      if (input.startDate !== undefined && input.startDate !== current!.startDate) changes.startDate = input.startDate;
      if (input.impulseTranche !== undefined && input.impulseTranche !== current!.impulseTranche) changes.impulseTranche = input.impulseTranche;
      if (input.mandateHolderCode !== undefined && input.mandateHolderCode !== current!.mandateHolderCode) {
        if (input.mandateHolderCode) await municipalityNames(tx, [input.mandateHolderCode], () => 'body.mandateHolderCode');
        changes.mandateHolderCode = input.mandateHolderCode;
      }
      if (input.isActive !== undefined && input.isActive !== current!.isActive) {
        const decision = decide(ctx.store.actor, 'coalition', 'deactivate', target);
        if (!decision.isAllowed) throw new PolicyDenied('deactivate', decision.reason);
        changes.isActive = input.isActive;
      }
      if (Object.keys(changes).length > 0) await tx.update(coalitions).set(changes).where(eq(coalitions.id, ref.id));
      const page = await loadCoalition(tx, ref.id, { year: currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target });
      return { page, fields: Object.keys(changes) };
    },
    { details: (outcome) => ({ fields: outcome.fields }) },
  );
  return result.page;
}
