// SPDX-License-Identifier: EUPL-1.2
// The consents in a family's file, newest first, with their status today.
import { sql } from 'drizzle-orm';
import type { Consent } from '../../../contracts/referrals.js';
import { actOnFamily } from '../families/care-access.js';
import { findConsents, toConsent, type UseCaseContext } from './store.js';

export async function listConsents(ctx: UseCaseContext, familyId: string): Promise<Consent[]> {
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'consent',
    perform: async (tx) => (await findConsents(tx, sql`c.family_id = ${familyId}::uuid`)).map((row) => toConsent(row, ctx.now())),
    details: (consents) => ({ resultCount: consents.length }),
  });
}
