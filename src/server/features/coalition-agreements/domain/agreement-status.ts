// SPDX-License-Identifier: EUPL-1.2
// The life of a collaboration agreement (issue 10 item 3) as a table: which status may follow which.
// Seed 003 "Samenwerking": most coalitions without an agreement are still developing it, so an
// agreement starts in development; once agreed it is reviewed (herzien) by its review date and then
// agreed again or lapses; a lapsed agreement can be taken up again (in development) or reviewed.
import type { AgreementStatus } from '../../../../contracts/coalition-agreements.js';

export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  in_development: ['agreed'],
  agreed: ['under_review', 'expired'],
  under_review: ['agreed', 'expired'],
  expired: ['in_development', 'under_review'],
};

/** May an agreement go from `from` to `to`? Staying in the same status is no transition and always allowed. */
export function isAllowedTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || AGREEMENT_TRANSITIONS[from].includes(to);
}

/** The statuses a new agreement may be recorded in: it may have been made before it is registered. */
export const INITIAL_STATUSES: readonly AgreementStatus[] = ['in_development', 'agreed', 'under_review', 'expired'];

/** In force, so its review date matters: agreed or under review. */
export function isInForce(status: AgreementStatus): boolean {
  return status === 'agreed' || status === 'under_review';
}
