// SPDX-License-Identifier: EUPL-1.2
// Test helpers for consent and referrals: a valid consent and a sent referral written straight into
// the database (tests about sending go through the API instead).
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { consents, referralEvents, referrals } from './schema.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { responseDeadline } from './domain/deadline.js';

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A written consent of the family for the receiver (by key), purpose referral, valid for a year. */
export async function insertTestConsent(t: TestApp, familyId: string, senderKey: string, receiverKey: string, recordedByPersonId: string): Promise<string> {
  const today = amsterdamDate(t.clock.now());
  const [consent] = await t.database.db
    .insert(consents)
    .values({
      familyId,
      givenBy: 'client',
      receiverOrganisationId: t.demo.organisationIds[receiverKey]!,
      purposes: ['referral', 'follow_up'],
      dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
      form: 'written',
      givenOn: today,
      validUntil: addDays(today, 365),
      recordedById: recordedByPersonId,
      recordedByOrganisationId: t.demo.organisationIds[senderKey]!,
    })
    .returning({ id: consents.id });
  return consent!.id;
}

/** A referral sent (status requested) from the sender to the receiver (by key) under a fresh consent. */
export async function insertTestReferral(
  t: TestApp,
  familyId: string,
  senderKey: string,
  receiverKey: string,
  senderPersonId: string,
): Promise<{ referralId: string; consentId: string }> {
  const consentId = await insertTestConsent(t, familyId, senderKey, receiverKey, senderPersonId);
  const now = t.clock.now();
  const [referral] = await t.database.db
    .insert(referrals)
    .values({
      familyId,
      senderOrganisationId: t.demo.organisationIds[senderKey]!,
      senderPersonId,
      receiverOrganisationId: t.demo.organisationIds[receiverKey]!,
      municipalityCode: 'GM0505',
      status: 'requested',
      consentId,
      reason: 'Zorgen over geld en stress; graag contact.',
      factorKeys: ['money-debts', 'stress'],
      requestedAt: now,
      respondBy: responseDeadline(now).overdueFrom,
    })
    .returning({ id: referrals.id });
  await t.database.db.insert(referralEvents).values({ referralId: referral!.id, status: 'requested', actorId: senderPersonId, at: now });
  return { referralId: referral!.id, consentId };
}
