// SPDX-License-Identifier: EUPL-1.2
// Demo children (issue 15 item 5), after birth: Noor and her partner Daan, who hold authority over
// baby Sam together — JGZ plans Sam's contact moments; and Lotte, who holds authority over Mila alone,
// whose data are closed (a closure flag, reason child protection). Registration, consent, referral,
// birth and caseload go through the use-cases (audited); the BSNs of the partner and the children,
// for which the forms have no field, and the closure flag are written directly. The register's
// answers for these BSNs are in the fixture authority source (DEMO_AUTHORITY_BSNS). Fictional people.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/connection.js';
import { ScopedStore } from '../platform/access/scoped-store.js';
import type { Actor } from '../platform/access/policy.js';
import type { RequestContext } from '../platform/http/request-context.js';
import type { OrganisationType } from '../../contracts/roles.js';
import { amsterdamDate } from '../../contracts/calendar.js';
import { people } from '../features/organisations/schema.js';
import { childClosures, familyMembers } from '../features/families/schema.js';
import { registerFamily } from '../features/families/register-family.js';
import { recordConsent } from '../features/referrals/record-consent.js';
import { createReferral } from '../features/referrals/create-referral.js';
import { transitionReferral } from '../features/referrals/transition-referral.js';
import { recordBirth } from '../features/outcomes/record-birth.js';
import { setCaseload } from '../features/jgz/set-caseload.js';
import { DEMO_AUTHORITY_BSNS } from '../features/parental-authority/fixture-authority.js';
import type { DemoSeed } from './seed-demo.js';

const ORIGIN = { sourceIp: null, userAgent: 'kansrijk-demo-seed' };

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A use-case context for a demo account; the use-cases used here read the actor, the store and the clock, never the session. */
async function contextFor(db: Executor, demo: DemoSeed, personKey: string, organisationKey: string, organisationType: OrganisationType, now: Date): Promise<RequestContext> {
  const account = demo.accounts.find((candidate) => candidate.key === personKey)!;
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.email, account.email));
  const actor: Actor = { personId: person!.id, sessionId: 'demo-seed', organisationId: demo.organisationIds[organisationKey]!, roles: ['professional'], organisationType };
  return { actor, store: new ScopedStore(db, actor, ORIGIN, () => now), origin: ORIGIN, now: () => now, session: undefined as unknown as RequestContext['session'] };
}

export const DEMO_CHILDREN_FAMILIES = [
  { client: { givenName: 'Noor', familyName: 'Visser', birthDate: '1995-04-21', bsn: DEMO_AUTHORITY_BSNS.noor }, partner: { givenName: 'Daan', familyName: 'Visser', bsn: DEMO_AUTHORITY_BSNS.daan }, child: { givenName: 'Sam', bsn: DEMO_AUTHORITY_BSNS.sam }, postcode: '3312 GH', isClosed: false },
  { client: { givenName: 'Lotte', familyName: 'Jansen', birthDate: '1999-08-02', bsn: DEMO_AUTHORITY_BSNS.lotte }, partner: null, child: { givenName: 'Mila', bsn: DEMO_AUTHORITY_BSNS.mila }, postcode: '3315 KL', isClosed: true },
] as const;

/** Seeds the demo families with a born child; returns their family ids. */
export async function seedChildrenDemo(db: Executor, demo: DemoSeed, now: Date): Promise<string[]> {
  const today = amsterdamDate(now);
  const midwife = await contextFor(db, demo, 'midwife', 'wieg', 'verloskundigenpraktijk', now);
  const nurse = await contextFor(db, demo, 'jgzNurse', 'jgz', 'jgz', now);
  const jgzId = demo.organisationIds.jgz!;
  const familyIds: string[] = [];
  for (const entry of DEMO_CHILDREN_FAMILIES) {
    const family = await registerFamily(midwife, {
      client: entry.client,
      partner: entry.partner ? { givenName: entry.partner.givenName, familyName: entry.partner.familyName } : undefined,
      postcode: entry.postcode,
      municipalityCode: 'GM0505',
      contact: { channel: 'phone', language: 'nl', doNotContact: false, phone: '06 00000000' },
      pregnancy: { dueDate: addDays(today, 7), parity: 0 },
      confirmNotDuplicate: true,
    });
    familyIds.push(family.id);
    const consent = await recordConsent(midwife, family.id, {
      givenBy: 'client',
      receiverOrganisationId: jgzId,
      purposes: ['referral', 'prenatal_home_visit', 'intervention'],
      dataCategories: ['contact_details', 'pregnancy', 'risk_factors', 'referral_reason'],
      form: 'written',
      givenOn: addDays(today, -60),
      validUntil: addDays(today, 305),
    });
    const referral = await createReferral(midwife, {
      familyId: family.id,
      receiverOrganisationId: jgzId,
      reason: 'Eerste kind; cliënte wil graag steun in de eerste maanden.',
      factorKeys: ['stress'],
      consentId: consent.id,
      idempotencyKey: `demo-child-${entry.client.familyName}`,
    });
    await transitionReferral(nurse, referral.referral.id, { event: 'accept', version: referral.referral.version });
    const birth = await recordBirth(midwife, family.id, {
      birthDate: addDays(today, -10),
      gestationalWeeks: 39,
      gestationalDays: 2,
      birthWeightGrams: 3420,
      sex: 'male',
      multipleBirth: false,
      liveBorn: true,
      maternityCareReceived: true,
      maternityCareHours: 49,
      childGivenName: entry.child.givenName,
    });
    await setCaseload(nurse, family.id, { tier: 'universal' });
    await db.update(familyMembers).set({ bsn: entry.child.bsn }).where(eq(familyMembers.id, birth.childId!));
    if (entry.partner) {
      await db.update(familyMembers).set({ bsn: entry.partner.bsn }).where(and(eq(familyMembers.familyId, family.id), eq(familyMembers.role, 'partner')));
    }
    if (entry.isClosed) await db.insert(childClosures).values({ childId: birth.childId!, reason: 'child_protection', setAt: now });
  }
  return familyIds;
}
