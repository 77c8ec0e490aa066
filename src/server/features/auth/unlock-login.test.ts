// SPDX-License-Identifier: EUPL-1.2
// Lifting a login lockout from the command line (issue 12 item 8), on the real database: a locked
// name can log in at once afterwards, the lift is audited with the person's id and no e-mail address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { anonymousHeaders } from '../../../../test/helpers/sessions.js';
import { unlockLogin } from './unlock-login.js';
import { API, AUTH_TEST_ENV, demoAccount, latestAuditRows, personIdOf } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: AUTH_TEST_ENV });
});
afterAll(() => t.close());

const postLogin = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: `${API}/auth/login`, headers: anonymousHeaders, payload: { email, password } });

describe('npm run account:unlock', () => {
  it('lifts a lockout before its window ends; the right password works at once; audited without the address', async () => {
    const account = demoAccount(t, 'socialWorker');
    for (let attempt = 1; attempt <= t.config.login.maxFailures; attempt += 1) await postLogin(account.email, `Wrong-${attempt}-password`);
    expect((await postLogin(account.email, account.password)).json().code).toBe('account_locked');

    const result = await unlockLogin(t.database.db, ` ${account.email.toUpperCase()} `, t.clock.now());
    expect(result).toEqual({ wasLocked: true, failures: t.config.login.maxFailures, hasAccount: true });
    const [audit] = await latestAuditRows(t, 1);
    expect(audit).toMatchObject({
      action: 'update',
      outcome: 'success',
      objectType: 'person',
      objectId: await personIdOf(t, account.email),
      actorId: null,
      reason: 'login lockout lifted from the command line',
      details: { wasLocked: true, failures: t.config.login.maxFailures },
    });
    expect(JSON.stringify(audit)).not.toContain(account.email);

    const login = await postLogin(account.email, account.password);
    expect(login.statusCode).toBe(200);
    expect(login.json().stage).toBe('second_factor');
  });

  it('answers the same way for a name without an account (nothing to lift), and audits that too', async () => {
    const result = await unlockLogin(t.database.db, 'niemand@kansrijk.test', t.clock.now());
    expect(result).toEqual({ wasLocked: false, failures: 0, hasAccount: false });
    expect((await latestAuditRows(t, 1))[0]).toMatchObject({ action: 'update', objectType: 'person', objectId: null, details: { wasLocked: false, failures: 0 } });
  });

  it('forgets failures that had not yet locked the name', async () => {
    const account = demoAccount(t, 'coordinator');
    for (let attempt = 1; attempt < t.config.login.maxFailures; attempt += 1) await postLogin(account.email, `Wrong-${attempt}-password`);
    expect(await unlockLogin(t.database.db, account.email, t.clock.now())).toEqual({ wasLocked: false, failures: t.config.login.maxFailures - 1, hasAccount: true });
    // The count starts afresh: one more wrong password does not lock.
    expect((await postLogin(account.email, 'Wrong-again-password')).statusCode).toBe(401);
  });
});
