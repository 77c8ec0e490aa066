// SPDX-License-Identifier: EUPL-1.2
// Demo content for the chain, made through the real use-cases (so the policy, the consent rules and
// the audit log apply as they do for users): clients of the Dordrecht midwife practice, one referred
// to JGZ and accepted, one waiting in the JGZ inbox, one registered without a referral. Fictional people.
import type { Executor } from '../platform/db/connection.js';
import { ScopedStore } from '../platform/access/scoped-store.js';
import type { Actor } from '../platform/access/policy.js';
import type { Role } from '../../contracts/roles.js';
import { registerFamily } from '../features/families/register-family.js';
import { recordConsent } from '../features/referrals/record-consent.js';
import { createReferral } from '../features/referrals/create-referral.js';
import { transitionReferral } from '../features/referrals/transition-referral.js';
import { amsterdamDate } from '../../contracts/calendar.js';
import { people } from '../features/organisations/schema.js';
import { eq } from 'drizzle-orm';
import type { DemoSeed } from './seed-demo.js';

const ORIGIN = { sourceIp: null, userAgent: 'kansrijk-demo-seed' };

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function contextFor(db: Executor, demo: DemoSeed, personKey: string, organisationKey: string, roles: Role[], now: Date) {
  const account = demo.accounts.find((candidate) => candidate.key === personKey)!;
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.email, account.email));
  const actor: Actor = { personId: person!.id, sessionId: 'demo-seed', organisationId: demo.organisationIds[organisationKey]!, roles };
  return { store: new ScopedStore(db, actor, ORIGIN, () => now), now: () => now };
}

/** The demo clients of the chain (fictional; the BSN passes the eleven-test). */
export const DEMO_CHAIN_CLIENTS = [
  { givenName: 'Fatima', familyName: 'El Idrissi', birthDate: '1998-02-11', bsn: '111222333', postcode: '3311 AB', dueIn: 110, refer: 'accepted' },
  { givenName: 'Kim', familyName: 'de Graaf', birthDate: '2004-06-30', postcode: '3314 CD', dueIn: 150, refer: 'requested' },
  { givenName: 'Sanne', familyName: 'Verbeek', birthDate: '1993-10-05', postcode: '3317 EF', dueIn: 60, refer: null },
] as const;

/** Seeds the demo families; returns how many. */
export async function seedChainDemo(db: Executor, demo: DemoSeed, now: Date): Promise<number> {
  const today = amsterdamDate(now);
  const midwife = await contextFor(db, demo, 'midwife', 'wieg', ['professional'], now);
  const nurse = await contextFor(db, demo, 'jgzNurse', 'jgz', ['professional'], now);
  const jgzId = demo.organisationIds.jgz!;
  const clients = DEMO_CHAIN_CLIENTS;
  for (const client of clients) {
    const family = await registerFamily(midwife, {
      client: { givenName: client.givenName, familyName: client.familyName, birthDate: client.birthDate, ...('bsn' in client ? { bsn: client.bsn } : {}) },
      partner: client.refer === 'accepted' ? { givenName: 'Youssef', familyName: 'El Idrissi' } : undefined,
      postcode: client.postcode,
      municipalityCode: 'GM0505',
      contact: { channel: 'phone', language: 'nl', doNotContact: false, phone: '06 00000000' },
      pregnancy: { dueDate: addDays(today, client.dueIn), parity: 0 },
      confirmNotDuplicate: true,
    });
    if (!client.refer) continue;
    const consent = await recordConsent(midwife, family.id, {
      givenBy: 'client',
      receiverOrganisationId: jgzId,
      purposes: ['referral', 'prenatal_home_visit', 'intervention'],
      dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
      form: 'written',
      givenOn: today,
      validUntil: addDays(today, 365),
    });
    const referral = await createReferral(midwife, {
      familyId: family.id,
      receiverOrganisationId: jgzId,
      reason: 'Schulden en veel stress; cliënte wil graag steun bij de voorbereiding op het ouderschap.',
      factorKeys: ['money-debts', 'stress'],
      consentId: consent.id,
      idempotencyKey: `demo-${client.familyName}`,
    });
    if (client.refer === 'accepted') {
      const id = referral.referral.id;
      const accepted = await transitionReferral(nurse, id, { event: 'accept', version: referral.referral.version });
      await transitionReferral(nurse, id, { event: 'start', version: accepted.version });
    }
  }
  return clients.length;
}
