// SPDX-License-Identifier: EUPL-1.2
// Plans a prenatal home visit: a date and a nurse of the actor's own organisation (a youth health
// care organisation: the policy's 'home_visit' grant).
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { z } from 'zod';
import type { HomeVisit, homeVisitCreateSchema } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { requireAllowed } from '../../platform/access/scoped-store.js';
import { actOnFamily } from '../families/care-access.js';
import { homeVisits } from './schema.js';
import { findHomeVisit } from './home-visit-store.js';
import { requireNearDate, requireNurse } from './care-records.js';

export async function planHomeVisit(ctx: RequestContext, familyId: string, input: z.infer<typeof homeVisitCreateSchema>): Promise<HomeVisit> {
  const today = amsterdamDate(ctx.now());
  requireNearDate(input.plannedOn, today, 'plannedOn', 'De datum van het huisbezoek', 1);
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'home_visit',
    perform: async (tx, familyTarget) => {
      const organisationId = ctx.actor.organisationId!;
      requireAllowed(ctx.actor, 'home_visit', 'create', { organisationIds: [organisationId] });
      await requireNurse(tx, input.nurseId, organisationId);
      const [row] = await tx
        .insert(homeVisits)
        .values({ familyId, organisationId, nurseId: input.nurseId, plannedOn: input.plannedOn })
        .returning({ id: homeVisits.id });
      return (await findHomeVisit(tx, row!.id, { actor: ctx.actor, familyTarget }))!;
    },
    details: (visit) => ({ change: 'planned', homeVisitId: visit.id }),
  });
}
