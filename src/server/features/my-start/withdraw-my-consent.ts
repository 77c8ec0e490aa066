// SPDX-License-Identifier: EUPL-1.2
// The parent withdraws a consent in their own file: the same engine as in the professional's file
// (applyConsentWithdrawal: at once and for good; the care relationship under it ends, open referrals
// under it are cancelled), audited with the parent as actor. Withdrawn before: a clear message, nothing changes.
import type { ConsentWithdrawal } from '../../../contracts/referrals.js';
import { applyConsentWithdrawal, withdrawalDetails } from '../referrals/withdraw-consent.js';
import { actAsParent, type ParentContext } from './parent-access.js';

export function withdrawMyConsent(ctx: ParentContext, familyId: string, consentId: string): Promise<ConsentWithdrawal> {
  return actAsParent(ctx, {
    resource: 'family',
    action: 'update',
    familyId,
    objectType: 'consent',
    objectId: consentId,
    perform: (tx) => applyConsentWithdrawal(tx, { consentId, familyId, actor: null, now: ctx.now }),
    details: (result) => withdrawalDetails(consentId, result),
  });
}
