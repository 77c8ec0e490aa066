// SPDX-License-Identifier: EUPL-1.2
// The interventions a family takes or took part in.
import type { Enrolment } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { actOnFamily } from '../families/care-access.js';
import { findEnrolments } from './enrolment-store.js';

export async function listEnrolments(ctx: RequestContext, familyId: string): Promise<{ items: Enrolment[] }> {
  const items = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'enrolment',
    perform: (tx) => findEnrolments(tx, familyId),
    details: (result) => ({ resultCount: result.length }),
  });
  return { items };
}
