// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_INVALID_MESSAGES,
  CONSENT_PURPOSE_LABELS,
  CONSENT_PURPOSES,
  DATA_CATEGORY_LABELS,
  LEGAL_GROUNDS,
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

describe('what the professional and the client read (the consent texts, pinned)', () => {
  it('names every purpose, data category, refusal and legal ground in Dutch', () => {
    expect(CONSENT_PURPOSE_LABELS).toEqual({
      referral: 'Verwijzing voor hulp of ondersteuning',
      prenatal_home_visit: 'Prenataal huisbezoek door de JGZ',
      intervention: 'Deelname aan een interventie',
      follow_up: 'Terugkoppeling over de geboden hulp',
    });
    expect(DATA_CATEGORY_LABELS).toEqual({
      contact_details: 'Naam- en contactgegevens',
      pregnancy: 'Gegevens over de zwangerschap',
      screening_result: 'Uitkomst van de screening',
      risk_factors: 'Risico- en beschermende factoren',
      referral_reason: 'Reden van verwijzing',
      birth_outcome: 'Gegevens over de geboorte',
    });
    expect(CONSENT_INVALID_MESSAGES).toEqual({
      withdrawn: 'De cliënt heeft de toestemming ingetrokken.',
      not_yet_given: 'De toestemming geldt nog niet.',
      expired: 'De toestemming is verlopen.',
      other_organisation: 'De toestemming geldt niet voor deze organisatie.',
      other_purpose: 'De toestemming geldt niet voor dit doel.',
    });
    expect(LEGAL_GROUNDS).toEqual({
      meldcode_veilig_thuis: 'Meldcode huiselijk geweld en kindermishandeling: melding of advies bij Veilig Thuis',
      wettelijke_plicht: 'Wettelijke plicht tot het verstrekken van gegevens',
    });
  });
});

describe('consentInvalidReason: the first reason that applies, at the exact boundaries', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    ['withdrawn beats everything', { withdrawnAt: at('2026-05-01T00:00:00Z') }, 'other', 'intervention', '2026-03-01T00:00:00Z', 'withdrawn'],
    ['other organisation before other purpose', {}, 'other', 'intervention', '2026-06-01T00:00:00Z', 'other_organisation'],
    ['other purpose before not yet given', {}, 'jgz-zhz', 'intervention', '2026-03-01T00:00:00Z', 'other_purpose'],
    ['one millisecond before it was given', {}, 'jgz-zhz', 'prenatal_home_visit', '2026-04-01T08:59:59.999Z', 'not_yet_given'],
    ['the moment it was given', {}, 'jgz-zhz', 'prenatal_home_visit', '2026-04-01T09:00:00.000Z', null],
    ['one millisecond before it ends', {}, 'jgz-zhz', 'prenatal_home_visit', '2027-03-31T23:59:59.999Z', null],
    ['the moment it ends', {}, 'jgz-zhz', 'prenatal_home_visit', '2027-04-01T00:00:00.000Z', 'expired'],
    ['without an end date, long after', { validUntil: null }, 'jgz-zhz', 'prenatal_home_visit', '2040-01-01T00:00:00Z', null],
  ] as const)('%s', (_name, overrides, receiver, purpose, now, expected) => {
    const subject = { ...consent, ...overrides } as Consent;
    expect(consentInvalidReason(subject, receiver, purpose, at(now))).toBe(expected);
    expect(isConsentValid(subject, receiver, purpose, at(now))).toBe(expected === null);
  });

  it('withdrawing records the moment once', () => {
    const first = withdrawConsent(consent, new Date('2026-05-01T10:00:00Z'));
    expect(first).toEqual({ ...consent, withdrawnAt: new Date('2026-05-01T10:00:00Z') });
    expect(withdrawConsent(first, new Date('2026-07-01T10:00:00Z'))).toBe(first);
  });
});

describe('consentSchema: every field refused in Dutch', () => {
  const messagesOf = (input: unknown) => consentSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

  it.each([
    ['an empty receiving organisation', { receivingOrganisationId: '' }, 'Kies de organisatie die de gegevens ontvangt.'],
    ['an unknown purpose', { purpose: 'marketing' }, 'Kies het doel van de toestemming.'],
    ['no data categories', { dataCategories: [] }, 'Kies welke gegevens gedeeld mogen worden.'],
    ['an unknown form', { form: 'telepathic' }, 'Kies of de toestemming mondeling of schriftelijk is gegeven.'],
    ['no consent date', { givenAt: undefined }, 'Vul de datum van de toestemming in.'],
    ['an end date equal to the consent date', { validUntil: new Date('2026-04-01T09:00:00Z') }, 'De einddatum van de toestemming moet na de datum van toestemming liggen.'],
    ['a representative without a name', { givenBy: { kind: 'legal_representative', name: '  J ', relationship: 'parent' } }, 'Vul de naam van de wettelijk vertegenwoordiger in.'],
    ['a representative without a relationship', { givenBy: { kind: 'legal_representative', name: 'J. Jansen', relationship: 'neighbour' } }, 'Kies de relatie van de vertegenwoordiger tot de cliënt.'],
  ])('%s', (_name, overrides, message) => {
    expect(messagesOf({ ...consent, ...overrides })).toEqual([message]);
  });

  it.each(['parent', 'guardian', 'mentor', 'other'])('a representative may be a %s', (relationship) => {
    const givenBy = { kind: 'legal_representative', name: 'J. Jansen', relationship };
    expect(consentSchema.safeParse({ ...consent, givenBy }).data?.givenBy).toEqual(givenBy);
  });

  it.each(['verbal', 'written'])('consent may be given %s', (form) => {
    expect(consentSchema.safeParse({ ...consent, form }).data?.form).toBe(form);
  });

  it('consent is given by the client or a legal representative, nobody else', () => {
    expect(consentSchema.safeParse({ ...consent, givenBy: { kind: 'client' } }).data?.givenBy).toEqual({ kind: 'client' });
    expect(consentSchema.safeParse({ ...consent, givenBy: { kind: 'neighbour', name: 'J. Jansen', relationship: 'other' } }).success).toBe(false);
    expect(consentSchema.safeParse({ ...consent, givenBy: { name: 'J. Jansen', relationship: 'other' } }).success).toBe(false);
    expect(consentSchema.safeParse({ ...consent, givenBy: { kind: 'legal_representative' } }).success).toBe(false);
  });

  it('the end-date error belongs to the end date field', () => {
    expect(consentSchema.safeParse({ ...consent, validUntil: new Date('2026-03-01') }).error?.issues.map((issue) => issue.path)).toEqual([['validUntil']]);
  });

  it('accepts an end date one millisecond after the consent date, and none at all', () => {
    expect(consentSchema.safeParse({ ...consent, validUntil: new Date('2026-04-01T09:00:00.001Z') }).success).toBe(true);
    expect(consentSchema.safeParse({ ...consent, validUntil: null }).success).toBe(true);
    expect(consentSchema.safeParse({ ...consent, id: '' }).success).toBe(false);
  });
});

describe('mayReferWithoutConsent: the justification boundary and every ground', () => {
  it('needs 30 characters after trimming', () => {
    const thirty = 'x'.repeat(30);
    expect(mayReferWithoutConsent('wettelijke_plicht', `   ${thirty}   `)).toEqual({
      ok: true,
      value: { legalGround: 'wettelijke_plicht', justification: thirty, isFlaggedForReview: true },
    });
    expect(mayReferWithoutConsent('wettelijke_plicht', `   ${'x'.repeat(29)}   `)).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        reason: 'justification_required',
        message: 'Licht toe waarom u zonder toestemming verwijst (minstens 30 tekens). Deze verwijzing wordt achteraf beoordeeld.',
        field: 'justification',
      },
    });
  });

  it('refuses any other ground, with the field to fix', () => {
    for (const ground of ['handig', 'toString', 'hasOwnProperty', '', 'MELDCODE_VEILIG_THUIS']) {
      expect(mayReferWithoutConsent(ground, 'x'.repeat(40))).toEqual({
        ok: false,
        error: {
          code: 'validation_failed',
          reason: 'legal_ground_unknown',
          message:
            'Zonder toestemming kan alleen worden verwezen op een wettelijke grond, zoals de meldcode (Veilig Thuis). Kies de grond of leg eerst toestemming vast.',
          field: 'legalGround',
        },
      });
    }
  });
});
