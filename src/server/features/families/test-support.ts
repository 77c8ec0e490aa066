// SPDX-License-Identifier: EUPL-1.2
// Test helpers for the chain: a family registered by a demo organisation, written straight into the
// database (tests about registering go through the API instead), and a consent-based care relationship.
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { nameKeysOf } from './store.js';
import { careRelationships, families, familyMembers, pregnancies } from './schema.js';
import { consents } from '../referrals/schema.js';
import { amsterdamDate } from '../../../contracts/calendar.js';

export interface TestFamily {
  familyId: string;
  clientId: string;
  pregnancyId: string;
}

export interface TestFamilyOptions {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  bsn?: string | null;
  municipalityCode?: string;
  postcode?: string;
  /** Days from today to the due date (default: 120, i.e. about 23 weeks pregnant). */
  dueInDays?: number;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A pregnant client registered by the given demo organisation (by key), with its care relationship. */
export async function insertTestFamily(t: TestApp, organisationKey: string, options: TestFamilyOptions = {}): Promise<TestFamily> {
  const organisationId = t.demo.organisationIds[organisationKey]!;
  const today = amsterdamDate(t.clock.now());
  return t.database.db.transaction(async (tx) => {
    const [family] = await tx
      .insert(families)
      .values({
        municipalityCode: options.municipalityCode ?? 'GM0505',
        postcode: options.postcode ?? '3311 AB',
        registeredByOrganisationId: organisationId,
      })
      .returning({ id: families.id });
    const givenName = options.givenName ?? 'Fatima';
    const familyName = options.familyName ?? 'Testcliënt';
    const [client] = await tx
      .insert(familyMembers)
      .values({
        familyId: family!.id,
        role: 'client',
        givenName,
        familyName,
        ...nameKeysOf(givenName, familyName),
        birthDate: options.birthDate ?? '1996-04-12',
        bsn: options.bsn ?? null,
        sex: 'female',
      })
      .returning({ id: familyMembers.id });
    const [pregnancy] = await tx
      .insert(pregnancies)
      .values({ familyId: family!.id, dueDate: addDays(today, options.dueInDays ?? 120), parity: 0 })
      .returning({ id: pregnancies.id });
    await tx.insert(careRelationships).values({ familyId: family!.id, organisationId, basis: 'registered' });
    return { familyId: family!.id, clientId: client!.id, pregnancyId: pregnancy!.id };
  });
}

/**
 * Gives a receiving organisation (by key) access to a family as an accepted referral would: a valid
 * written consent recorded by the sender and a care relationship under it. Returns the consent id.
 */
export async function insertConsentedCareRelationship(
  t: TestApp,
  familyId: string,
  senderKey: string,
  receiverKey: string,
  recordedByPersonId: string,
): Promise<string> {
  const today = amsterdamDate(t.clock.now());
  return t.database.db.transaction(async (tx) => {
    const [consent] = await tx
      .insert(consents)
      .values({
        familyId,
        givenBy: 'client',
        receiverOrganisationId: t.demo.organisationIds[receiverKey]!,
        purposes: ['referral', 'prenatal_home_visit', 'intervention', 'follow_up'],
        dataCategories: ['contact_details', 'pregnancy', 'screening_result', 'risk_factors', 'referral_reason', 'birth_outcome'],
        form: 'written',
        givenOn: today,
        validUntil: addDays(today, 365),
        recordedById: recordedByPersonId,
        recordedByOrganisationId: t.demo.organisationIds[senderKey]!,
      })
      .returning({ id: consents.id });
    await tx.insert(careRelationships).values({
      familyId,
      organisationId: t.demo.organisationIds[receiverKey]!,
      basis: 'referral',
      consentId: consent!.id,
    });
    return consent!.id;
  });
}
