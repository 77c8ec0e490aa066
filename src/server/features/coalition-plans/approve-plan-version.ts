// SPDX-License-Identifier: EUPL-1.2
// Vaststellen: records the date and the body that approved a draft (steering group, council — seed
// 000 §3: "goedgekeurd door de gemeenteraad") and freezes that version for good. Approving twice is
// refused (409 plan_already_approved), as is approving from a revision that is not the latest.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanVersion, planApprovalSchema } from '../../../contracts/coalition-plans.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { unwrap } from '../../platform/domain/result.js';
import { coalitionTarget } from '../coalitions/coalition-target.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { transition } from './domain/plan-rules.js';
import { versionActions } from './plan-access.js';
import { findVersionRow, lockVersionRow, requireCoalition, toVersion } from './plan-store.js';
import { coalitionPlanVersions } from './schema.js';

export async function approvePlanVersion(
  ctx: RequestContext,
  db: Executor,
  code: string,
  version: number,
  input: z.infer<typeof planApprovalSchema>,
): Promise<PlanVersion> {
  const coalition = await requireCoalition(db, code);
  const target = coalitionTarget(coalition);
  const located = await findVersionRow(db, coalition.id, version);
  if (!located) throw new AppError('not_found');
  return ctx.store.act({
    resource: 'coalition_plan',
    action: 'approve',
    objectId: located.id,
    locate: async () => target,
    perform: async (tx) => {
      const current = await lockVersionRow(tx, located.id);
      const status = unwrap(transition(current.status, 'approve'));
      if (current.revision !== input.revision) throw new AppError('stale_version');
      // The calendar day in the Netherlands, as the steering group dates its decision.
      const today = amsterdamDate(ctx.now());
      if (input.approvedOn > today) {
        const message = 'De datum van vaststelling kan niet in de toekomst liggen.';
        throw new AppError('validation_failed', { message, errors: [{ path: 'approvedOn', message }] });
      }
      const [row] = await tx
        .update(coalitionPlanVersions)
        .set({
          status,
          approvedOn: input.approvedOn,
          approvedBy: input.approvedBy,
          approvalRecordedBy: ctx.actor.personId,
          revision: current.revision + 1,
          updatedBy: ctx.actor.personId,
          updatedAt: ctx.now(),
        })
        .where(eq(coalitionPlanVersions.id, current.id))
        .returning();
      return toVersion(row!, versionActions(ctx.actor, target, row!, false));
    },
    details: (approved) => ({ coalition: coalition.code, version: approved.version, change: 'approve' }),
  });
}
