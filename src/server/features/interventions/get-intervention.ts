// SPDX-License-Identifier: EUPL-1.2
// One intervention of the menukaart in full: recognition, conditions, cost model and funding routes.
import type { InterventionDetail } from '../../../contracts/intervention-menu.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { INTERVENTION_MENU } from './menu/load-menu.js';
import { toInterventionDetail } from './menu/menu-views.js';

export async function getIntervention(ctx: RequestContext, key: string): Promise<InterventionDetail> {
  const entry = await ctx.store.readAggregates({
    resource: 'intervention',
    action: 'read',
    perform: async () => INTERVENTION_MENU.interventions.find((candidate) => candidate.key === key),
  });
  if (!entry) throw new AppError('not_found');
  return toInterventionDetail(entry, INTERVENTION_MENU.version);
}
