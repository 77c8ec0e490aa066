// SPDX-License-Identifier: EUPL-1.2
// The referral events people are told of (issue 16): where each one links to. A receiving organisation's
// people open the referral itself (behind login and the policy); a coordinator cannot read a referral
// (client data) and is sent to the list of overdue referrals, which holds none.
import type { Executor } from '../../platform/db/connection.js';
import { notify, type NotifyResult } from '../notifications/notify.js';

export const referralLinkPath = (referralId: string) => `/verwijzingen/${referralId}`;
export const OVERDUE_LIST_PATH = '/verwijzingen/te-laat';

/**
 * A step the receiver took (accepted, rejected, started, completed, on hold, resumed), for the person who
 * sent the referral: each step once (the referral's version after the step is part of the event).
 */
export function notifyReferralStepForSender(tx: Executor, referral: { referralId: string; senderPersonId: string; version: number }, now: Date): Promise<NotifyResult> {
  return notify(
    tx,
    { kind: 'referral_status_changed', objectId: `${referral.referralId}:${referral.version}`, personId: referral.senderPersonId, linkPath: referralLinkPath(referral.referralId) },
    now,
  );
}

/** A new referral in the receiving organisation's inbox (sent to it, or forwarded to it). */
export function notifyReferralReceived(tx: Executor, referral: { referralId: string; receiverOrganisationId: string }, now: Date): Promise<NotifyResult> {
  return notify(tx, { kind: 'referral_received', objectId: referral.referralId, organisationId: referral.receiverOrganisationId, linkPath: referralLinkPath(referral.referralId) }, now);
}
