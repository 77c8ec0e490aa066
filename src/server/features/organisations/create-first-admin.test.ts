// SPDX-License-Identifier: EUPL-1.2
// The first platform administrator (issue 12 item 3), on the real database: created once with an
// invitation that forces password and 2FA enrolment, refused while one exists unless forced, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { AppError } from '../../platform/errors.js';
import { queryRows } from '../../platform/db/connection.js';
import { memberships, people } from './schema.js';
import { createFirstAdmin, PLATFORM_ORGANISATION_NAME } from './create-first-admin.js';
import { API, AUTH_TEST_ENV, latestAuditRows } from '../auth/test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
  // A new installation: the demo's administrators are not there.
  await t.database.db.execute(sql`UPDATE memberships SET is_active = false WHERE 'platform_admin' = ANY(roles)`);
});
afterAll(() => t.close());

const PUBLIC_URL = 'https://kansrijk.ggd.nl';
const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error.code : error));

describe('npm run admin:create', () => {
  it('creates the first administrator without a password; the link leads to setting one and to 2FA enrolment', async () => {
    const { personId, invitation } = await createFirstAdmin(t.database.db, { name: ' Anna Beheer ', email: 'Anna.Beheer@GGD.nl', force: false }, t.clock.now(), PUBLIC_URL);
    const [person] = await t.database.db.select().from(people).where(eq(people.id, personId));
    expect(person).toMatchObject({ name: 'Anna Beheer', email: 'anna.beheer@ggd.nl', passwordHash: null, totpSecret: null, isActive: true });
    const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.personId, personId));
    expect(membership!.roles).toEqual(['platform_admin']);
    const audit = (await latestAuditRows(t, 1))[0]!;
    expect(audit).toMatchObject({ action: 'create', outcome: 'success', objectType: 'person', objectId: personId, actorId: null });
    expect(JSON.stringify(audit)).not.toContain('anna');

    expect(invitation.invitationUrl).toMatch(new RegExp(`^${PUBLIC_URL}/uitnodiging/[\\w-]{20,}$`));
    const token = invitation.invitationUrl.split('/').pop()!;
    const accepted = await t.app.inject({ method: 'POST', url: `${API}/invitations/${token}`, headers: anonymousHeaders, payload: { password: 'Een-lang-beheerderswachtwoord-2026' } });
    expect(accepted.statusCode).toBe(200);
    // Logged in only as far as enrolling the second factor: a platform admin sees personal data.
    expect(accepted.json()).toMatchObject({ stage: 'enrolment', person: { id: personId }, organisation: { name: PLATFORM_ORGANISATION_NAME } });
  });

  it('refuses a second one while an administrator exists (audited as denied), creates it with --force in the same organisation', async () => {
    const before = (await latestAuditRows(t, 1))[0]!.sequence;
    expect(await refusalOf(createFirstAdmin(t.database.db, { name: 'Bob Beheer', email: 'bob@ggd.nl', force: false }, t.clock.now(), PUBLIC_URL))).toBe('admin_exists');
    expect(await t.database.db.select().from(people).where(eq(people.email, 'bob@ggd.nl'))).toEqual([]);
    const [denied] = await latestAuditRows(t, 1);
    expect(denied).toMatchObject({ sequence: before + 1, action: 'create', outcome: 'denied', objectType: 'person', objectId: null });

    const forced = await createFirstAdmin(t.database.db, { name: 'Bob Beheer', email: 'bob@ggd.nl', force: true }, t.clock.now(), PUBLIC_URL);
    const [platform] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM organisations WHERE name = ${PLATFORM_ORGANISATION_NAME}`);
    expect(platform!.n).toBe(1);
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ outcome: 'success', objectId: forced.personId, details: { forced: true } });
  });

  it('refuses an e-mail address that has an account, even with --force, and saves nothing', async () => {
    const count = async () => (await t.database.db.select({ id: people.id }).from(people)).length;
    const peopleBefore = await count();
    expect(await refusalOf(createFirstAdmin(t.database.db, { name: 'Anna Twee', email: 'ANNA.beheer@ggd.nl', force: true }, t.clock.now(), PUBLIC_URL))).toBe('duplicate_email');
    expect(await count()).toBe(peopleBefore);
  });
});
