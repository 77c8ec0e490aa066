// SPDX-License-Identifier: EUPL-1.2
// Consent as data, recorded per referral (see domain reference §9: care data leave the treatment
// relationship only with the client's consent, except under the Meldcode or another legal duty).
// Consent is specific: one receiving organisation, one purpose, named data categories.
import { z } from 'zod';
import { fail, ok, type Result } from '../../../platform/domain/result.js';

import { CONSENT_PURPOSES, DATA_CATEGORIES, type ConsentPurpose, type DataCategory } from '../../../../contracts/referral-vocabulary.js';

export { CONSENT_PURPOSES, DATA_CATEGORIES, type ConsentPurpose, type DataCategory };

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  referral: 'Verwijzing voor hulp of ondersteuning',
  prenatal_home_visit: 'Prenataal huisbezoek door de JGZ',
  intervention: 'Deelname aan een interventie',
  follow_up: 'Terugkoppeling over de geboden hulp',
};


export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  contact_details: 'Naam- en contactgegevens',
  pregnancy: 'Gegevens over de zwangerschap',
  screening_result: 'Uitkomst van de screening',
  risk_factors: 'Risico- en beschermende factoren',
  referral_reason: 'Reden van verwijzing',
  birth_outcome: 'Gegevens over de geboorte',
};

const givenBySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('client') }),
  z.object({
    kind: z.literal('legal_representative'),
    name: z.string().trim().min(2, 'Vul de naam van de wettelijk vertegenwoordiger in.'),
    relationship: z.enum(['parent', 'guardian', 'mentor', 'other'], { error: 'Kies de relatie van de vertegenwoordiger tot de cliënt.' }),
  }),
]);

export const consentSchema = z
  .object({
    id: z.string().min(1),
    givenBy: givenBySchema,
    receivingOrganisationId: z.string().min(1, 'Kies de organisatie die de gegevens ontvangt.'),
    purpose: z.enum(CONSENT_PURPOSES, { error: 'Kies het doel van de toestemming.' }),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1, 'Kies welke gegevens gedeeld mogen worden.'),
    form: z.enum(['verbal', 'written'], { error: 'Kies of de toestemming mondeling of schriftelijk is gegeven.' }),
    givenAt: z.date({ error: 'Vul de datum van de toestemming in.' }),
    validUntil: z.date().nullable(),
    withdrawnAt: z.date().nullable(),
  })
  .refine((consent) => consent.validUntil === null || consent.validUntil > consent.givenAt, {
    message: 'De einddatum van de toestemming moet na de datum van toestemming liggen.',
    path: ['validUntil'],
  });

export type Consent = z.infer<typeof consentSchema>;

export type ConsentInvalidReason = 'withdrawn' | 'not_yet_given' | 'expired' | 'other_organisation' | 'other_purpose';

export const CONSENT_INVALID_MESSAGES: Record<ConsentInvalidReason, string> = {
  withdrawn: 'De cliënt heeft de toestemming ingetrokken.',
  not_yet_given: 'De toestemming geldt nog niet.',
  expired: 'De toestemming is verlopen.',
  other_organisation: 'De toestemming geldt niet voor deze organisatie.',
  other_purpose: 'De toestemming geldt niet voor dit doel.',
};

/**
 * Why a consent does not cover sharing with this receiver for this purpose now; null when it does.
 * A withdrawal is effective immediately and for good: once `withdrawnAt` is recorded, no time point
 * is covered any more — also not one before the withdrawal, so a clock that runs behind, or a
 * decision replayed later, can never reopen access. (The audit log, not this check, tells what was
 * shared while the consent stood.)
 */
export function consentInvalidReason(consent: Consent, receiverOrganisationId: string, purpose: ConsentPurpose, now: Date): ConsentInvalidReason | null {
  if (consent.withdrawnAt !== null) return 'withdrawn';
  if (consent.receivingOrganisationId !== receiverOrganisationId) return 'other_organisation';
  if (consent.purpose !== purpose) return 'other_purpose';
  if (now.getTime() < consent.givenAt.getTime()) return 'not_yet_given';
  if (consent.validUntil !== null && now.getTime() >= consent.validUntil.getTime()) return 'expired';
  return null;
}

export function isConsentValid(consent: Consent, receiverOrganisationId: string, purpose: ConsentPurpose, now: Date): boolean {
  return consentInvalidReason(consent, receiverOrganisationId, purpose, now) === null;
}

/** Withdrawing twice keeps the first moment: that is when access ended. */
export function withdrawConsent(consent: Consent, at: Date): Consent {
  return consent.withdrawnAt !== null ? consent : { ...consent, withdrawnAt: at };
}

// ── Sharing without consent ───────────────────────────────────────────────────────────────────────

/**
 * The only grounds on which a referral may leave without consent. Deliberately a closed list:
 * adding one is a legal decision, not a configuration change.
 */
export const LEGAL_GROUNDS = {
  meldcode_veilig_thuis: 'Meldcode huiselijk geweld en kindermishandeling: melding of advies bij Veilig Thuis',
  wettelijke_plicht: 'Wettelijke plicht tot het verstrekken van gegevens',
} as const;
export type LegalGround = keyof typeof LEGAL_GROUNDS;

/** Long enough to force a real sentence that a reviewer can judge afterwards. */
export const MIN_JUSTIFICATION_LENGTH = 30;

export interface ReferralWithoutConsent {
  readonly legalGround: LegalGround;
  readonly justification: string;
  /** Always true: every referral without consent is reviewed afterwards. */
  readonly isFlaggedForReview: true;
}

export function mayReferWithoutConsent(legalGround: string, justification: string): Result<ReferralWithoutConsent> {
  if (!Object.hasOwn(LEGAL_GROUNDS, legalGround)) {
    return fail(
      'validation_failed',
      'legal_ground_unknown',
      'Zonder toestemming kan alleen worden verwezen op een wettelijke grond, zoals de meldcode (Veilig Thuis). Kies de grond of leg eerst toestemming vast.',
      'legalGround',
    );
  }
  const trimmed = justification.trim();
  if (trimmed.length < MIN_JUSTIFICATION_LENGTH) {
    return fail(
      'validation_failed',
      'justification_required',
      `Licht toe waarom u zonder toestemming verwijst (minstens ${MIN_JUSTIFICATION_LENGTH} tekens). Deze verwijzing wordt achteraf beoordeeld.`,
      'justification',
    );
  }
  return ok({ legalGround: legalGround as LegalGround, justification: trimmed, isFlaggedForReview: true });
}
