// SPDX-License-Identifier: EUPL-1.2
// A family's outcomes: the births (preterm, SGA, Big2 with the reference used) and the measurements around age two.
import type { FamilyOutcomes } from '../../../contracts/care.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { actOnFamily } from '../families/care-access.js';
import { findOutcomes } from './outcome-store.js';

export function listOutcomes(ctx: RequestContext, familyId: string): Promise<FamilyOutcomes> {
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'birth_outcome',
    perform: (tx) => findOutcomes(tx, familyId),
    details: (result) => ({ births: result.births.length, twoYears: result.twoYears.length }),
  });
}
