// SPDX-License-Identifier: EUPL-1.2
// A family on the actor's organisation's caseload: tier, nurse, coming contact moments, and what the
// latest screening suggests.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { FamilyCaseload } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { actOnFamily } from '../families/care-access.js';
import { findCaseloadEntry, suggestedTierOf } from './caseload-store.js';

export async function getFamilyCaseload(ctx: RequestContext, familyId: string): Promise<FamilyCaseload> {
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'caseload',
    perform: async (tx) => ({
      entry: await findCaseloadEntry(tx, familyId, ctx.actor.organisationId!, amsterdamDate(ctx.now())),
      suggestedTier: await suggestedTierOf(tx, familyId),
    }),
  });
}
