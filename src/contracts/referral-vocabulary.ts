// SPDX-License-Identifier: EUPL-1.2
// The words of the chain that the server's rules and the web share: referral statuses and outcomes,
// consent purposes and data categories. The rules themselves (transitions, consent checks) stay in
// the server's referral domain, which takes these lists from here.
export const REFERRAL_STATUSES = ['draft', 'requested', 'received', 'accepted', 'rejected', 'in-progress', 'on-hold', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_OUTCOMES = ['got_help', 'could_not_contact', 'declined', 'referred_elsewhere'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const CONSENT_PURPOSES = ['referral', 'prenatal_home_visit', 'intervention', 'follow_up'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const DATA_CATEGORIES = ['contact_details', 'pregnancy', 'screening_result', 'risk_factors', 'referral_reason', 'birth_outcome'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
