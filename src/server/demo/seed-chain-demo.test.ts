// SPDX-License-Identifier: EUPL-1.2
// The demo chain: three clients of the Dordrecht midwife practice, one referral accepted and in
// progress at JGZ, one waiting in the JGZ inbox — made through the use-cases, so audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { callerFor } from '../features/organisations/test-support.js';
import { queryRows } from '../platform/db/connection.js';
import { seedChainDemo } from './seed-chain-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('seeds families, consents and referrals the JGZ nurse and the midwife see', async () => {
  expect(await seedChainDemo(t.database.db, t.demo, t.clock.now())).toBe(3);
  const midwife = await callerFor(t, 'midwife', 'wieg');
  expect((await midwife.request('GET', '/api/v1/families')).json().total).toBe(3);
  const nurse = await callerFor(t, 'jgzNurse');
  // Only the accepted referral gives JGZ a care relationship; the other waits in the inbox.
  expect((await nurse.request('GET', '/api/v1/families')).json().total).toBe(1);
  const statuses = await queryRows<{ status: string }>(t.database.db, sql`SELECT status FROM referrals ORDER BY status`);
  expect(statuses.map((row) => row.status)).toEqual(['in-progress', 'requested']);
  const [audit] = await queryRows<{ count: number }>(t.database.db, sql`SELECT count(*)::int AS count FROM audit_log WHERE client_id IS NOT NULL`);
  expect(audit!.count).toBeGreaterThan(5);
});
