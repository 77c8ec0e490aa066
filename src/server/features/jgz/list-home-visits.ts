// SPDX-License-Identifier: EUPL-1.2
// The home visits in a family's file, newest first.
import type { HomeVisit } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { actOnFamily } from '../families/care-access.js';
import { findHomeVisits } from './home-visit-store.js';

export async function listHomeVisits(ctx: RequestContext, familyId: string): Promise<{ items: HomeVisit[] }> {
  const items = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'home_visit',
    perform: (tx, familyTarget) => findHomeVisits(tx, familyId, { actor: ctx.actor, familyTarget }),
    details: (result) => ({ resultCount: result.length }),
  });
  return { items };
}
