// SPDX-License-Identifier: EUPL-1.2
// Test helpers for a parent's children: a family with a client, a partner and a child (each with a
// BSN of their own), the register's answer about them in the fixture source, and a parent's session
// for the client or the partner made as the login would (a partner has no file of their own).
import { isValidBsn } from '../families/domain/bsn.js';
import { nameKeysOf } from '../families/store.js';
import { childClosures, familyMembers } from '../families/schema.js';
import { insertTestFamily } from '../families/test-support.js';
import { startParentSession } from '../my-start/parent-session.js';
import { parentHeaders } from '../my-start/test-support.js';
import { addFixtureRelation } from '../parental-authority/fixture-authority.js';
import type { AuthorityRelation } from '../parental-authority/authority-source.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';

let nextBsn = 300_000_000;
/** A fresh BSN that passes the elfproef (unique within this test process). */
export function freshBsn(): string {
  for (;;) {
    const candidate = String(nextBsn++);
    if (isValidBsn(candidate)) return candidate;
  }
}

export interface ChildFamily {
  familyId: string;
  clientId: string;
  partnerId: string;
  childId: string;
  bsn: { client: string; partner: string; child: string };
}

export type AuthorityKind = 'both' | 'client_only' | 'partner_only' | 'undetermined' | 'nobody_for_now' | 'none';

/** The register's relation over the child for each kind (none: the register names no relation). */
export function relationFor(kind: AuthorityKind, bsn: ChildFamily['bsn']): AuthorityRelation | null {
  const minderjarige = { burgerservicenummer: bsn.child };
  switch (kind) {
    case 'both':
      return { type: 'TweehoofdigOuderlijkGezag', ouders: [{ burgerservicenummer: bsn.client }, { burgerservicenummer: bsn.partner }], minderjarige };
    case 'client_only':
      return { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: bsn.client }, minderjarige };
    case 'partner_only':
      return { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: bsn.partner }, minderjarige };
    case 'undetermined':
      return { type: 'GezagNietTeBepalen', minderjarige, toelichting: 'gezag kan niet worden bepaald' };
    case 'nobody_for_now':
      return { type: 'TijdelijkGeenGezag', minderjarige };
    case 'none':
      return null;
  }
}

/** A family with a born child, the register's answer about it, and (closed) a closure flag. */
export async function insertChildFamily(
  t: TestApp,
  options: { birthDate: string; authority: AuthorityKind; isClosed?: boolean; childGivenName?: string; childHasBsn?: boolean },
): Promise<ChildFamily> {
  const bsn = { client: freshBsn(), partner: freshBsn(), child: freshBsn() };
  const family = await insertTestFamily(t, 'wieg', { bsn: bsn.client, givenName: 'Moeder' });
  const member = (role: 'partner' | 'child', givenName: string, memberBsn: string | null, birthDate: string | null) => ({
    familyId: family.familyId,
    role,
    givenName,
    familyName: 'Testgezin',
    ...nameKeysOf(givenName, 'Testgezin'),
    birthDate,
    bsn: memberBsn,
  });
  const [partner] = await t.database.db.insert(familyMembers).values(member('partner', 'Partner', bsn.partner, '1990-01-01')).returning({ id: familyMembers.id });
  const [child] = await t.database.db
    .insert(familyMembers)
    .values(member('child', options.childGivenName ?? 'Kind', options.childHasBsn === false ? null : bsn.child, options.birthDate))
    .returning({ id: familyMembers.id });
  const relation = relationFor(options.authority, bsn);
  if (relation) addFixtureRelation({ parents: [bsn.client, bsn.partner], relation });
  if (options.isClosed) await t.database.db.insert(childClosures).values({ childId: child!.id, reason: 'safety', setAt: t.clock.now() });
  return { familyId: family.familyId, clientId: family.clientId, partnerId: partner!.id, childId: child!.id, bsn };
}

/** A parent's session as the login makes it: the client with their own file, a partner with none. */
export async function sessionAs(t: TestApp, family: ChildFamily, who: 'client' | 'partner'): Promise<Record<string, string>> {
  const session = await startParentSession(
    t.database.db,
    {
      memberId: who === 'client' ? family.clientId : family.partnerId,
      familyIds: who === 'client' ? [family.familyId] : [],
      levelOfAssurance: 'substantieel',
      origin: { sourceIp: null, userAgent: null },
    },
    t.config,
    t.clock.now(),
  );
  return parentHeaders(session.token);
}

/** A born child in this family over whom the parent with this BSN alone holds authority; returns its id. */
export async function addAuthorisedChild(t: TestApp, familyId: string, parentBsn: string, birthDate: string): Promise<string> {
  const childBsn = freshBsn();
  const [child] = await t.database.db
    .insert(familyMembers)
    .values({ familyId, role: 'child', givenName: 'Kind', familyName: 'Testgezin', ...nameKeysOf('Kind', 'Testgezin'), birthDate, bsn: childBsn })
    .returning({ id: familyMembers.id });
  addFixtureRelation({ parents: [parentBsn], relation: { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: parentBsn }, minderjarige: { burgerservicenummer: childBsn } } });
  return child!.id;
}
