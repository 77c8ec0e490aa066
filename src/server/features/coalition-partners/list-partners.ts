// SPDX-License-Identifier: EUPL-1.2
// A coalition's partners: every logged-in person reads the register (the policy's 'coalition' read).
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { PartnerList } from '../../../contracts/coalition-partners.js';
import { allowedActions } from '../../platform/access/policy.js';
import { findPartners, locateCoalition, toPartner, type LocatedCoalition, type UseCaseContext } from './store.js';

export async function listPartners(ctx: UseCaseContext, code: string): Promise<PartnerList> {
  const located: { found?: LocatedCoalition } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'read',
    objectId: code,
    objectType: 'coalition_partner',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const { ref } = located.found!;
      const today = amsterdamDate(ctx.now());
      const rows = await findPartners(tx, ref.id);
      return {
        coalition: { code: ref.code, name: ref.name },
        items: rows.map((row) => toPartner(row, ctx.store.actor, target, today)),
        allowedActions: allowedActions(ctx.store.actor, { create: [{ resource: 'coalition', action: 'update', target }] }),
      };
    },
    details: (result) => ({ resultCount: result.items.length }),
  });
}
