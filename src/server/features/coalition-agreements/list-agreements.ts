// SPDX-License-Identifier: EUPL-1.2
// A coalition's agreements per topic, or the reason there is none: every logged-in person reads them.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { AgreementOverview } from '../../../contracts/coalition-agreements.js';
import { locateCoalition, type LocatedCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { overviewOf } from './store.js';

export async function listAgreements(ctx: UseCaseContext, code: string): Promise<AgreementOverview> {
  const located: { found?: LocatedCoalition } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'read',
    objectId: code,
    objectType: 'coalition_agreement',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: (tx, target) => overviewOf(tx, located.found!.ref, ctx.store.actor, target, amsterdamDate(ctx.now())),
  });
}
