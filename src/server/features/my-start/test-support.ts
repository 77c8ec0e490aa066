// SPDX-License-Identifier: EUPL-1.2
// Test helpers for Mijn Kansrijke Start: a parent with a file (a client of De Wieg with a BSN, under
// her consent seen by JGZ, referred to JGZ, with a planned home visit), a parent's session made
// directly (for tests that are not about logging in), and the parents' broker settings.
import { CSRF_COOKIE, CSRF_HEADER, PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { careCallers, dayFromToday, familyForJgz, type CareSetting } from '../jgz/test-support.js';
import { homeVisits } from '../jgz/schema.js';
import { referrals } from '../referrals/schema.js';
import { startParentSession } from './parent-session.js';
import { startIdentityProvider, type TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';

/** Valid BSNs (they pass the elfproef) and one that fails it. */
export const PARENT_BSN = '123456782';
export const OTHER_PARENT_BSN = '999999990';
export const INVALID_BSN = '123456789';
/** Written in the referral by the midwife: a parent never sees it. */
export const PROFESSIONAL_NOTE = 'Notitie-van-de-verloskundige-nooit-voor-de-ouder';

export const PARENT_CLIENT_ID = 'kansrijk-ouders-test';
export const PARENT_CLIENT_SECRET = 'test-ouders-client-secret';

/**
 * A test DigiD broker in this process for parents' logins coming back at `redirectUri`, and the
 * environment of an app whose parents log in through it.
 */
export async function startParentBroker(redirectUri: string): Promise<{ idp: TestIdentityProvider; env: Record<string, string> }> {
  const idp = await startIdentityProvider({ clientId: PARENT_CLIENT_ID, clientSecret: PARENT_CLIENT_SECRET, redirectUris: () => [redirectUri] });
  return {
    idp,
    env: {
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      PARENT_OIDC_ISSUER: idp.issuer,
      PARENT_OIDC_CLIENT_ID: PARENT_CLIENT_ID,
      PARENT_OIDC_CLIENT_SECRET: PARENT_CLIENT_SECRET,
      PARENT_OIDC_REDIRECT_URI: redirectUri,
    },
  };
}

export interface ParentFile {
  familyId: string;
  memberId: string;
  consentId: string;
  referralId: string;
  homeVisitId: string;
  setting: CareSetting;
}

export async function insertParentFile(t: TestApp, bsn: string = PARENT_BSN, givenName = 'Fatima'): Promise<ParentFile> {
  const setting = await careCallers(t);
  const family = await familyForJgz(t, setting, { bsn, givenName });
  const now = t.clock.now();
  const [referral] = await t.database.db
    .insert(referrals)
    .values({
      familyId: family.familyId,
      senderOrganisationId: t.demo.organisationIds.wieg!,
      senderPersonId: setting.midwife.session.personId,
      receiverOrganisationId: t.demo.organisationIds.jgz!,
      municipalityCode: 'GM0505',
      status: 'accepted',
      consentId: family.consentId,
      reason: PROFESSIONAL_NOTE,
      factorKeys: ['stress'],
      requestedAt: now,
    })
    .returning({ id: referrals.id });
  const [visit] = await t.database.db
    .insert(homeVisits)
    .values({ familyId: family.familyId, organisationId: t.demo.organisationIds.jgz!, nurseId: setting.nurse.session.personId, plannedOn: dayFromToday(t, 14) })
    .returning({ id: homeVisits.id });
  return { familyId: family.familyId, memberId: family.clientId, consentId: family.consentId, referralId: referral!.id, homeVisitId: visit!.id, setting };
}

const CSRF_FOR_TESTS = 'parent-test-csrf-token-0123456789';

/** Headers for app.inject with a parent's session cookie (and the CSRF pair). */
export function parentHeaders(token: string): Record<string, string> {
  return { cookie: `${PARENT_SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${CSRF_FOR_TESTS}`, [CSRF_HEADER]: CSRF_FOR_TESTS };
}

/** A parent's session for this file, made directly (as a login at level substantieel would). */
export async function parentSessionFor(t: TestApp, file: Pick<ParentFile, 'familyId' | 'memberId'>): Promise<{ sessionId: string; headers: Record<string, string> }> {
  const session = await startParentSession(
    t.database.db,
    { memberId: file.memberId, familyIds: [file.familyId], levelOfAssurance: 'substantieel', origin: { sourceIp: null, userAgent: null } },
    t.config,
    t.clock.now(),
  );
  return { sessionId: session.id, headers: parentHeaders(session.token) };
}
