// SPDX-License-Identifier: EUPL-1.2
// consent.ts builds its zod schema when it loads, and zod refuses a malformed one (a discriminated
// union whose options lack the discriminator) by throwing. Imported inside a test, so that such a
// defect fails this test by name: when the import throws, consent.test.ts cannot even be collected,
// which reports no failing test at all (a mutation run then counts the defect as surviving).
import { expect, it } from 'vitest';

it('the consent module loads and its schema tells the client from a representative', async () => {
  const { consentSchema } = await import('./consent.js');
  const consent = {
    id: 'c1',
    givenBy: { kind: 'client' },
    receivingOrganisationId: 'o1',
    purpose: 'referral',
    dataCategories: ['contact_details'],
    form: 'written',
    givenAt: new Date('2026-04-01T09:00:00Z'),
    validUntil: null,
    withdrawnAt: null,
  };
  expect(consentSchema.safeParse(consent).success).toBe(true);
  expect(consentSchema.safeParse({ ...consent, givenBy: { kind: 'legal_representative' } }).success).toBe(false);
});
