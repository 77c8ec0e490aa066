// SPDX-License-Identifier: EUPL-1.2
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleAuditWatermark } from '../../../../test/helpers/audit-sealing.js';
import { verifyAuditChain } from '../../platform/audit/audit-log.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { sessions } from '../auth/schema.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor } from '../../../../test/helpers/sessions.js';
import { invitations, memberships, people } from './schema.js';
import { auditRowsAfter, callerFor, lastAuditSequence, type Caller } from './test-support.js';

let t: TestApp;
let platformAdmin: Caller;
let practiceAdmin: Caller;
let ids: Record<string, string>;
const personIdOf: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids = t.demo.organisationIds;
  platformAdmin = await callerFor(t, 'platformAdmin');
  practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
  for (const account of t.demo.accounts) {
    const [row] = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, account.email));
    personIdOf[account.key] = row!.id;
  }
});
afterAll(() => t.close());

const tokenOf = (invitationUrl: string) => invitationUrl.split('/uitnodiging/')[1]!;

describe('people: inviting', () => {
  it('creates a person without a password, with memberships and a 7-day invitation link; one audit row', async () => {
    const { response, rows } = await platformAdmin.audited('POST', '/api/v1/people', {
      name: 'Fatima Ouali',
      email: '  Fatima.Ouali@Kansrijk.DEMO ',
      memberships: [
        { organisationId: ids.jgz, roles: ['professional', 'professional'] },
        { organisationId: ids.ggd, roles: ['analyst'] },
      ],
    });
    expect(response.statusCode).toBe(201);
    const { person, invitation } = response.json();
    expect(person).toMatchObject({ name: 'Fatima Ouali', email: 'fatima.ouali@kansrijk.demo', status: 'invited', isActive: true, hasTwoFactor: false });
    expect(person.memberships).toHaveLength(2);
    expect(person.memberships).toContainEqual({ organisationId: ids.jgz, organisationName: 'JGZ Zuid-Holland Zuid', roles: ['professional'] });
    expect(invitation.invitationUrl).toMatch(new RegExp(`^${t.config.publicUrl}/uitnodiging/[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(invitation.expiresAt) - t.clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // Only the hash of the token is stored.
    const stored = await t.database.db.select().from(invitations).where(eq(invitations.personId, person.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(tokenOf(invitation.invitationUrl)));
    expect(stored[0]!.createdBy).toBe(platformAdmin.session.personId);
    // The link works for the invitation page of the auth feature.
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenOf(invitation.invitationUrl)}` });
    expect(page.statusCode).toBe(200);

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: platformAdmin.session.personId,
      organisationId: ids.platform,
      role: 'platform_admin',
      action: 'create',
      outcome: 'success',
      objectType: 'person',
      objectId: person.id,
      sourceIp: '127.0.0.1',
    });
    // No personal data in the audit row.
    expect(JSON.stringify(rows[0])).not.toMatch(/fatima/i);
  });

  it('refuses a duplicate e-mail address (whatever its case) with 409 and creates nothing', async () => {
    const before = await t.database.db.select({ id: people.id }).from(people);
    const { response, rows } = await platformAdmin.audited('POST', '/api/v1/people', {
      name: 'Tweede Marloes',
      email: 'VERLOSKUNDIGE@kansrijk.demo',
      memberships: [{ organisationId: ids.wieg, roles: ['professional'] }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'duplicate_email', detail: 'Er bestaat al een account met dit e-mailadres.' });
    expect(rows).toHaveLength(0);
    expect(await t.database.db.select({ id: people.id }).from(people)).toHaveLength(before.length);
  });

  it('lets an organisation admin invite into the own organisation only, and never make a platform admin', async () => {
    const own = await practiceAdmin.audited('POST', '/api/v1/people', {
      name: 'Nieuwe Verloskundige',
      email: 'nieuw@wieg.example',
      memberships: [{ organisationId: ids.wieg, roles: ['professional', 'organisation_admin'] }],
    });
    expect(own.response.statusCode).toBe(201);
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).toMatchObject({ action: 'create', role: 'organisation_admin', organisationId: ids.wieg });

    const refusals = [
      [{ organisationId: ids.domstad, roles: ['professional'] }],
      [
        { organisationId: ids.wieg, roles: ['professional'] },
        { organisationId: ids.jgz, roles: ['professional'] },
      ],
      [{ organisationId: ids.wieg, roles: ['platform_admin'] }],
    ];
    for (const [index, membershipList] of refusals.entries()) {
      const { response, rows } = await practiceAdmin.audited('POST', '/api/v1/people', {
        name: 'Mag Niet',
        email: `mag-niet-${index}@wieg.example`,
        memberships: membershipList,
      });
      expect(response.statusCode, JSON.stringify(membershipList)).toBe(403);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access_denied', outcome: 'denied', objectType: 'person', actorId: practiceAdmin.session.personId });
    }
    const created = await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, 'mag-niet-1@wieg.example'));
    expect(created).toHaveLength(0);
  });

  it('refuses unknown or repeated organisations and malformed input with 400', async () => {
    const unknown = await platformAdmin.request('POST', '/api/v1/people', {
      name: 'Niemand',
      email: 'niemand@example.org',
      memberships: [{ organisationId: '00000000-0000-4000-8000-000000000000', roles: ['professional'] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: 'body.memberships', code: 'invalid', message: 'Deze organisatie bestaat niet.' }]);
    const twice = await platformAdmin.request('POST', '/api/v1/people', {
      name: 'Dubbel',
      email: 'dubbel@example.org',
      memberships: [
        { organisationId: ids.jgz, roles: ['professional'] },
        { organisationId: ids.jgz, roles: ['analyst'] },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].message).toBe('Elke organisatie mag maar één keer voorkomen.');
    for (const payload of [
      { name: 'X', email: 'geen-adres', memberships: [{ organisationId: ids.jgz, roles: ['professional'] }] },
      { name: 'X', email: 'x@example.org', memberships: [] },
      { name: 'X', email: 'x@example.org', memberships: [{ organisationId: 'wieg', roles: ['professional'] }] },
      { name: 'X', email: 'x@example.org', memberships: [{ organisationId: ids.jgz, roles: ['koning'] }] },
    ]) {
      const response = await platformAdmin.request('POST', '/api/v1/people', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    for (const url of ['/api/v1/people/abc', '/api/v1/people/abc/invitations']) {
      const response = await platformAdmin.request(url.endsWith('invitations') ? 'POST' : 'GET', url);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].message).toBe('Geen geldige verwijzing (UUID).');
    }
    expect((await platformAdmin.request('PATCH', '/api/v1/people/1', { name: 'X' })).statusCode).toBe(400);
    expect((await platformAdmin.request('GET', '/api/v1/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('people: who sees whom', () => {
  it('shows an organisation admin only the own organisation’s people, and only that membership', async () => {
    const page = (await practiceAdmin.request('GET', '/api/v1/people?pageSize=200')).json();
    const emails = page.items.map((person: { email: string }) => person.email);
    expect(emails).toContain('verloskundige@kansrijk.demo');
    expect(emails).toContain('praktijkbeheer@kansrijk.demo');
    expect(emails).not.toContain('jgz@kansrijk.demo');
    expect(emails).not.toContain('beheer@kansrijk.demo');
    for (const person of page.items) {
      for (const membership of person.memberships) expect(membership.organisationId).toBe(ids.wieg);
    }
    const midwife = (await practiceAdmin.request('GET', `/api/v1/people/${personIdOf.midwife}`)).json();
    expect(midwife.memberships).toEqual([{ organisationId: ids.wieg, organisationName: 'Verloskundigenpraktijk De Wieg', roles: ['professional'] }]);
    // Filtering on another organisation shows nothing rather than leaking.
    const other = (await practiceAdmin.request('GET', `/api/v1/people?organisationId=${ids.jgz}`)).json();
    expect(other.total).toBe(0);

    const all = (await platformAdmin.request('GET', `/api/v1/people/${personIdOf.midwife}`)).json();
    expect(all.memberships.map((membership: { organisationId: string }) => membership.organisationId).sort()).toEqual([ids.wieg, ids.domstad].sort());
    const search = (await platformAdmin.request('GET', '/api/v1/people?q=KANSRIJK.demo&organisationId=' + ids.gemeente)).json();
    expect(search.items.map((person: { email: string }) => person.email).sort()).toEqual(['beleid@kansrijk.demo', 'coordinator@kansrijk.demo', 'plaatsvervanger@kansrijk.demo']);
  });

  it('refuses an organisation admin a person of another organisation, with an access_denied audit row', async () => {
    const { response, rows } = await practiceAdmin.audited('GET', `/api/v1/people/${personIdOf.jgzNurse}`);
    expect(response.statusCode).toBe(403);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'access_denied',
      outcome: 'denied',
      objectType: 'person',
      objectId: personIdOf.jgzNurse,
      organisationId: ids.wieg,
      actorId: practiceAdmin.session.personId,
      sourceIp: '127.0.0.1',
    });
    const patch = await practiceAdmin.audited('PATCH', `/api/v1/people/${personIdOf.jgzNurse}`, { name: 'Overgenomen' });
    expect(patch.response.statusCode).toBe(403);
    expect(patch.rows[0]).toMatchObject({ action: 'access_denied', objectId: personIdOf.jgzNurse });
  });

  it('refuses professionals, coordinators, policy officers and analysts the staff list (403, audited)', async () => {
    for (const [key, organisation] of [
      ['midwife', 'wieg'],
      ['jgzNurse', 'jgz'],
      ['coordinator', 'gemeente'],
      ['policyOfficer', 'gemeente'],
      ['analyst', 'kennis'],
    ] as const) {
      const caller = await callerFor(t, key, organisation);
      const { response, rows } = await caller.audited('GET', '/api/v1/people');
      expect(response.statusCode, key).toBe(403);
      expect(response.json().code).toBe('forbidden');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access_denied', objectType: 'person', details: { attempted: 'list', reason: 'no_grant' } });
      expect((await caller.request('GET', '/api/v1/people', undefined, { accept: 'text/csv' })).statusCode).toBe(403);
    }
  });
});

describe('people: changing', () => {
  it('updates name, e-mail and memberships; a repeated PATCH changes nothing; one audit row each', async () => {
    const invited = (
      await platformAdmin.request('POST', '/api/v1/people', {
        name: 'Tijdelijk Persoon',
        email: 'tijdelijk@example.org',
        memberships: [{ organisationId: ids.wijkteam, roles: ['professional'] }],
      })
    ).json().person;
    const url = `/api/v1/people/${invited.id}`;
    const patch = {
      name: 'Vaste Persoon',
      email: 'vast@example.org',
      memberships: [
        { organisationId: ids.wijkteam, roles: ['professional', 'coalition_coordinator'] },
        { organisationId: ids.gemeente, roles: ['policy_officer'] },
      ],
    };
    const first = await platformAdmin.audited('PATCH', url, patch);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json()).toMatchObject({ name: 'Vaste Persoon', email: 'vast@example.org' });
    expect(first.response.json().memberships).toHaveLength(2);
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({ action: 'update', objectType: 'person', objectId: invited.id, role: 'platform_admin' });
    expect(first.rows[0]!.details).toEqual({ changes: ['memberships', 'name', 'email'] });

    const again = await platformAdmin.audited('PATCH', url, patch);
    expect(again.response.statusCode).toBe(200);
    expect(again.response.json()).toEqual(first.response.json());
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0]!.details).toEqual({ changes: [] });

    const taken = await platformAdmin.request('PATCH', url, { email: 'JGZ@kansrijk.demo' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('duplicate_email');

    const dropped = await platformAdmin.request('PATCH', url, { memberships: [{ organisationId: ids.gemeente, roles: ['policy_officer'] }] });
    expect(dropped.json().memberships.map((membership: { organisationId: string }) => membership.organisationId)).toEqual([ids.gemeente]);
  });

  it('lets an organisation admin change only the own organisation’s membership of a shared person', async () => {
    const url = `/api/v1/people/${personIdOf.midwife}`;
    const own = await practiceAdmin.audited('PATCH', url, {
      memberships: [{ organisationId: ids.wieg, roles: ['professional', 'coalition_coordinator'] }],
    });
    expect(own.response.statusCode).toBe(200);
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).toMatchObject({ action: 'update', role: 'organisation_admin', organisationId: ids.wieg });
    // The Domstad membership, which the admin cannot see, is untouched.
    const stored = await t.database.db.select().from(memberships).where(eq(memberships.personId, personIdOf.midwife!));
    expect(stored.find((row) => row.organisationId === ids.domstad)?.roles).toEqual(['professional']);
    expect(stored.find((row) => row.organisationId === ids.wieg)?.roles).toEqual(['coalition_coordinator', 'professional']);

    for (const forbidden of [
      { memberships: [{ organisationId: ids.wieg, roles: ['professional'] }, { organisationId: ids.domstad, roles: ['professional'] }] },
      { memberships: [{ organisationId: ids.wieg, roles: ['professional', 'platform_admin'] }] },
      // Switching off an account that Domstad shares is not up to De Wieg.
      { isActive: false },
    ]) {
      const { response, rows } = await practiceAdmin.audited('PATCH', url, forbidden);
      expect(response.statusCode, JSON.stringify(forbidden)).toBe(403);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access_denied', objectId: personIdOf.midwife });
    }
    const after = (await platformAdmin.request('GET', url)).json();
    expect(after.isActive).toBe(true);
    expect(after.memberships).toHaveLength(2);
    // Not even a platform admin's role can be taken away by an organisation admin.
    const promoted = await platformAdmin.request('PATCH', url, {
      memberships: [
        { organisationId: ids.wieg, roles: ['platform_admin', 'professional'] },
        { organisationId: ids.domstad, roles: ['professional'] },
      ],
    });
    expect(promoted.statusCode).toBe(200);
    const demote = await practiceAdmin.request('PATCH', url, { memberships: [{ organisationId: ids.wieg, roles: ['professional'] }] });
    expect(demote.statusCode).toBe(403);
    await platformAdmin.request('PATCH', url, {
      memberships: [
        { organisationId: ids.wieg, roles: ['professional'] },
        { organisationId: ids.domstad, roles: ['professional'] },
      ],
    });
  });

  it('refuses an organisation admin roles for themselves, and the name or login of a person shared with another organisation', async () => {
    const ownUrl = `/api/v1/people/${personIdOf.practiceAdmin}`;
    const own = (await platformAdmin.request('GET', ownUrl)).json();
    const wiegRoles = own.memberships.find((membership: { organisationId: string }) => membership.organisationId === ids.wieg).roles;
    for (const selfGrant of [
      { memberships: [{ organisationId: ids.wieg, roles: [...wiegRoles, 'professional', 'coalition_coordinator'] }] },
      { memberships: [{ organisationId: ids.wieg, roles: wiegRoles }, { organisationId: ids.domstad, roles: ['professional'] }] },
    ]) {
      const { response, rows } = await practiceAdmin.audited('PATCH', ownUrl, selfGrant);
      expect(response.statusCode, JSON.stringify(selfGrant)).toBe(403);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access_denied', objectId: personIdOf.practiceAdmin });
    }
    expect((await platformAdmin.request('GET', ownUrl)).json().memberships).toEqual(own.memberships);

    // The midwife works for De Wieg and Domstad: her name and login are not De Wieg's alone to change.
    const sharedUrl = `/api/v1/people/${personIdOf.midwife}`;
    const before = (await platformAdmin.request('GET', sharedUrl)).json();
    for (const takeover of [{ email: 'overgenomen@wieg.example' }, { name: 'Andere Naam' }]) {
      const { response, rows } = await practiceAdmin.audited('PATCH', sharedUrl, takeover);
      expect(response.statusCode, JSON.stringify(takeover)).toBe(403);
      expect(rows[0]).toMatchObject({ action: 'access_denied', objectId: personIdOf.midwife });
    }
    const after = (await platformAdmin.request('GET', sharedUrl)).json();
    expect({ name: after.name, email: after.email }).toEqual({ name: before.name, email: before.email });

    // Someone who works only for De Wieg: De Wieg's admin may correct the name and login.
    const invited = (
      await practiceAdmin.request('POST', '/api/v1/people', {
        name: 'Alleen Wieg',
        email: 'alleen@wieg.example',
        memberships: [{ organisationId: ids.wieg, roles: ['professional'] }],
      })
    ).json().person;
    const corrected = await practiceAdmin.request('PATCH', `/api/v1/people/${invited.id}`, { name: 'Alleen Wieg-Jansen', email: 'alleen.jansen@wieg.example' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ name: 'Alleen Wieg-Jansen', email: 'alleen.jansen@wieg.example' });
    // ... and a platform admin may do both for anyone.
    const renamed = await platformAdmin.request('PATCH', sharedUrl, { name: 'Tijdelijk Andere Naam' });
    expect(renamed.json().name).toBe('Tijdelijk Andere Naam');
    expect((await platformAdmin.request('PATCH', sharedUrl, { name: before.name })).statusCode).toBe(200);
  });

  it('deactivating a person ends all their sessions at once', async () => {
    const nurse = await callerFor(t, 'jgzNurse');
    const second = await sessionFor(t, 'jgzNurse');
    expect((await nurse.request('GET', '/api/v1/organisations')).statusCode).toBe(200);
    const openSessions = () =>
      t.database.db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.personId, personIdOf.jgzNurse!), isNull(sessions.revokedAt)));
    const openBefore = (await openSessions()).length;
    expect(openBefore).toBeGreaterThanOrEqual(2);

    const { response, rows } = await platformAdmin.audited('PATCH', `/api/v1/people/${personIdOf.jgzNurse}`, { isActive: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isActive: false, status: 'inactive' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toEqual({ changes: ['isActive'], revokedSessions: openBefore });
    expect(await openSessions()).toEqual([]);
    expect((await nurse.request('GET', '/api/v1/organisations')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: second.headers })).statusCode).toBe(401);

    const listed = (await platformAdmin.request('GET', '/api/v1/people?q=jgz@')).json();
    expect(listed.total).toBe(0);
    const withInactive = (await platformAdmin.request('GET', '/api/v1/people?q=jgz@&includeInactive=true')).json();
    expect(withInactive.items[0]).toMatchObject({ email: 'jgz@kansrijk.demo', status: 'inactive' });

    const reactivated = await platformAdmin.request('PATCH', `/api/v1/people/${personIdOf.jgzNurse}`, { isActive: true });
    expect(reactivated.json()).toMatchObject({ isActive: true, status: 'active' });
  });

  it('an organisation admin may deactivate someone who works only for the own organisation', async () => {
    const invited = (
      await practiceAdmin.request('POST', '/api/v1/people', {
        name: 'Stagiair',
        email: 'stagiair@wieg.example',
        memberships: [{ organisationId: ids.wieg, roles: ['professional'] }],
      })
    ).json().person;
    const response = await practiceAdmin.request('PATCH', `/api/v1/people/${invited.id}`, { isActive: false });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('inactive');
  });

  it('reissues an invitation: the old link stops working, a person with a password gets none', async () => {
    const created = (
      await practiceAdmin.request('POST', '/api/v1/people', {
        name: 'Vergeten Link',
        email: 'vergeten@wieg.example',
        memberships: [{ organisationId: ids.wieg, roles: ['professional'] }],
      })
    ).json();
    const oldToken = tokenOf(created.invitation.invitationUrl);
    const { response, rows } = await practiceAdmin.audited('POST', `/api/v1/people/${created.person.id}/invitations`);
    expect(response.statusCode).toBe(201);
    const newToken = tokenOf(response.json().invitationUrl);
    expect(newToken).not.toBe(oldToken);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'person', objectId: created.person.id, details: { change: 'invitation_issued' } });
    t.clock.advance(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${oldToken}` })).statusCode).toBe(410);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${newToken}` })).statusCode).toBe(200);

    const active = await platformAdmin.request('POST', `/api/v1/people/${personIdOf.midwife}/invitations`);
    expect(active.statusCode).toBe(409);
    expect(active.json().code).toBe('already_processed');
    const other = await practiceAdmin.request('POST', `/api/v1/people/${personIdOf.jgzNurse}/invitations`);
    expect(other.statusCode).toBe(403);
  });
});

describe('people: CSV export', () => {
  it('exports the people an admin may see as a Dutch CSV, audited as an export', async () => {
    const before = await lastAuditSequence(t);
    const response = await practiceAdmin.request('GET', '/api/v1/people?pageSize=1', undefined, { accept: 'text/csv, application/json;q=0.5' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/filename="medewerkers-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;Naam;E-mailadres;Status;Tweestapsverificatie;Organisaties en rollen;Aangemaakt op');
    const midwife = lines.find((line) => line.startsWith(`${personIdOf.midwife};`));
    expect(midwife).toContain(';Marloes de Vries;verloskundige@kansrijk.demo;Actief;ja;Verloskundigenpraktijk De Wieg (Professional);');
    expect(response.body).not.toContain('jgz@kansrijk.demo');
    expect(response.body).not.toContain('Domstad');
    const rows = await auditRowsAfter(t, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'export', objectType: 'person', role: 'organisation_admin', organisationId: ids.wieg });
    expect(rows[0]!.details).toEqual({ rowCount: lines.length - 1, total: lines.length - 1 });
  });

  it('keeps the audit chain valid after all of the above', async () => {
    // The app's sealer runs on a timer (off in tests): seal what is committed, then verify it all.
    await settleAuditWatermark(t.database.db);
    await t.app.auditSealer.runOnce();
    const verification = await verifyAuditChain(t.database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.isValid).toBe(true);
  });
});
