// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_PURPOSES,
  consentInvalidReason,
  consentSchema,
  isConsentValid,
  mayReferWithoutConsent,
  withdrawConsent,
  type Consent,
} from './consent.js';

const consent: Consent = {
  id: 'c1',
  givenBy: { kind: 'client' },
  receivingOrganisationId: 'jgz-zhz',
  purpose: 'prenatal_home_visit',
  dataCategories: ['contact_details', 'pregnancy', 'risk_factors'],
  form: 'verbal',
  givenAt: new Date('2026-04-01T09:00:00Z'),
  validUntil: new Date('2027-04-01T00:00:00Z'),
  withdrawnAt: null,
};
const during = new Date('2026-06-01T12:00:00Z');

describe('isConsentValid', () => {
  it('covers the named receiver and purpose between given and valid-until', () => {
    expect(isConsentValid(consent, 'jgz-zhz', 'prenatal_home_visit', during)).toBe(true);
    expect(isConsentValid(consent, 'jgz-zhz', 'prenatal_home_visit', consent.givenAt)).toBe(true);
  });

  it('says why not, in Dutch terms', () => {
    expect(consentInvalidReason(consent, 'social-team', 'prenatal_home_visit', during)).toBe('other_organisation');
    expect(consentInvalidReason(consent, 'jgz-zhz', 'intervention', during)).toBe('other_purpose');
    expect(consentInvalidReason(consent, 'jgz-zhz', 'prenatal_home_visit', new Date('2026-04-01T08:59:59Z'))).toBe('not_yet_given');
    expect(consentInvalidReason(consent, 'jgz-zhz', 'prenatal_home_visit', consent.validUntil!)).toBe('expired');
    expect(consentInvalidReason({ ...consent, validUntil: null }, 'jgz-zhz', 'prenatal_home_visit', new Date('2040-01-01'))).toBeNull();
  });

  it('withdrawal is effective immediately', () => {
    const withdrawn = withdrawConsent(consent, new Date('2026-05-01T10:00:00Z'));
    expect(consentInvalidReason(withdrawn, 'jgz-zhz', 'prenatal_home_visit', new Date('2026-05-01T10:00:00Z'))).toBe('withdrawn');
    expect(withdrawConsent(withdrawn, new Date('2026-06-01')).withdrawnAt).toEqual(new Date('2026-05-01T10:00:00Z'));
  });

  it('property: after withdrawal no time point is valid, for any receiver or purpose', () => {
    const date = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(date, date, fc.option(date, { nil: null }), date, fc.constantFrom(...CONSENT_PURPOSES), fc.constantFrom('jgz-zhz', 'other'), (givenAt, withdrawnAt, validUntil, now, purpose, receiver) => {
        const withdrawn = withdrawConsent({ ...consent, givenAt, validUntil, purpose }, withdrawnAt);
        expect(isConsentValid(withdrawn, receiver, purpose, now)).toBe(false);
      }),
    );
  });
});

describe('consentSchema', () => {
  it('accepts a legal representative with name and relationship', () => {
    const result = consentSchema.safeParse({ ...consent, givenBy: { kind: 'legal_representative', name: 'J. Jansen', relationship: 'guardian' } });
    expect(result.success).toBe(true);
  });

  it('refuses a valid-until before the consent date and empty data categories, in Dutch', () => {
    const result = consentSchema.safeParse({ ...consent, validUntil: new Date('2026-03-01'), dataCategories: [] });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toContain('Kies welke gegevens gedeeld mogen worden.');
  });

  it('refuses a valid-until before the consent date', () => {
    const result = consentSchema.safeParse({ ...consent, validUntil: new Date('2026-03-01') });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['De einddatum van de toestemming moet na de datum van toestemming liggen.']);
  });
});

describe('mayReferWithoutConsent', () => {
  const justification = 'Acute zorgen over de veiligheid van moeder en ongeboren kind na melding van geweld.';

  it('allows the Meldcode ground with a justification, always flagged', () => {
    expect(mayReferWithoutConsent('meldcode_veilig_thuis', `  ${justification} `)).toEqual({
      ok: true,
      value: { legalGround: 'meldcode_veilig_thuis', justification, isFlaggedForReview: true },
    });
  });

  it('refuses unknown grounds and thin justifications, in Dutch', () => {
    const unknown = mayReferWithoutConsent('handig', justification);
    expect(!unknown.ok && unknown.error.message).toMatch(/^Zonder toestemming kan alleen worden verwezen op een wettelijke grond/);
    expect(mayReferWithoutConsent('toString', justification).ok).toBe(false);
    const thin = mayReferWithoutConsent('meldcode_veilig_thuis', 'zorgen');
    expect(!thin.ok && thin.error.message).toBe(
      'Licht toe waarom u zonder toestemming verwijst (minstens 30 tekens). Deze verwijzing wordt achteraf beoordeeld.',
    );
  });
});
