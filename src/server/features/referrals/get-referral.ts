// SPDX-License-Identifier: EUPL-1.2
// One referral: the sender follows status, outcome and history; the receiver (while the consent
// holds) reads what was shared with it. Audited as a read with the family as client.
import type { Referral } from '../../../contracts/referrals.js';
import { actOnReferral, viewFor, type UseCaseContext } from './store.js';

export async function getReferral(ctx: UseCaseContext, referralId: string): Promise<Referral> {
  const actor = ctx.store.actor;
  return actOnReferral(ctx, referralId, {
    action: 'read',
    perform: (tx) => viewFor(tx, referralId, actor, ctx.now()),
    details: (referral) => ({ role: referral.role }),
  });
}
