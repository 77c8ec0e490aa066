// SPDX-License-Identifier: EUPL-1.2
// The coalition page: every logged-in person reads the register (issue 10 item 9).
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { Coalition } from '../../../contracts/coalitions.js';
import type { CoalitionRef } from './coalition-target.js';
import { currentYearOf, loadCoalition, locateCoalition, type UseCaseContext } from './register-store.js';

export async function getCoalition(ctx: UseCaseContext, code: string, year?: number): Promise<Coalition> {
  const found: { ref?: CoalitionRef } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'read',
    objectId: code,
    locate: (tx) => locateCoalition(tx, code, found),
    perform: (tx, target) =>
      loadCoalition(tx, found.ref!.id, { year: year ?? currentYearOf(ctx), today: amsterdamDate(ctx.now()), actor: ctx.store.actor, target }),
  });
}
