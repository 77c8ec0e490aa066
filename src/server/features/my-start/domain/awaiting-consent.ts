// SPDX-License-Identifier: EUPL-1.2
// A referral that waits for the parent's own consent: a professional prepared it (status 'draft',
// no consent and no legal ground yet), and it is only sent once the parent consents in Mijn Kansrijke
// Start. Pure: which data the receiver would get, and how long the consent holds.
import type { DataCategory } from '../../../../contracts/referral-vocabulary.js';

/** The consent a parent gives here holds for one year (the engine allows up to three). */
export const GIVEN_CONSENT_VALID_DAYS = 365;

/** In the referral's history: the step that sent it was the client's own consent. */
export const CLIENT_CONSENT_EVENT_REASON = 'toestemming gegeven door de cliënt';

/**
 * What the receiver of the referral gets to see, and so what the consent names: always who the
 * parent is and why she is referred; the factors and the screening's outcome only when the referral carries them.
 */
export function dataCategoriesOf(referral: { factorKeys: readonly string[]; hasScreening: boolean }): DataCategory[] {
  return [
    'contact_details',
    'referral_reason',
    ...(referral.factorKeys.length > 0 ? (['risk_factors'] as const) : []),
    ...(referral.hasScreening ? (['screening_result'] as const) : []),
  ];
}

/** The last day a consent given on `isoDate` holds. */
export function validUntilOf(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + GIVEN_CONSENT_VALID_DAYS * 86_400_000).toISOString().slice(0, 10);
}
