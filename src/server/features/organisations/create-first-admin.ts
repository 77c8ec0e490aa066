// SPDX-License-Identifier: EUPL-1.2
// The first platform administrator of a new installation (issue 12 item 3): created by the operator
// from the command line, without a password — the invitation link forces a password and the second
// factor. Refused while an active platform administrator exists, unless forced; audited either way.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { appendAuditEvent, appendAuditEventAlone } from '../../platform/audit/audit-log.js';
import { AppError } from '../../platform/errors.js';
import { memberships, organisations, people } from './schema.js';
import { assertEmailAvailable, issueInvitation, rethrowDuplicateEmail, type InvitationLink } from './people-store.js';

/** The national management organisation the administrator belongs to (as in the demo). */
export const PLATFORM_ORGANISATION_NAME = 'Kansrijk Landelijk Beheer';

export interface FirstAdminInput {
  name: string;
  email: string;
  /** Create another administrator although one exists (e.g. every administrator lost their second factor). */
  force: boolean;
}

export async function createFirstAdmin(db: Executor, input: FirstAdminInput, now: Date, publicUrl: string): Promise<{ personId: string; invitation: InvitationLink }> {
  const email = input.email.trim().toLowerCase();
  try {
    return await db.transaction(async (tx) => {
      const executor = tx as unknown as Executor;
      const [existing] = await executor
        .select({ id: people.id })
        .from(people)
        .innerJoin(memberships, eq(memberships.personId, people.id))
        .where(and(eq(people.isActive, true), eq(memberships.isActive, true), sql`'platform_admin' = ANY(${memberships.roles})`))
        .limit(1);
      if (existing && !input.force) throw new AppError('admin_exists');
      await assertEmailAvailable(executor, email);
      let [organisation] = await executor.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.type, 'landelijk'), eq(organisations.name, PLATFORM_ORGANISATION_NAME))).limit(1);
      if (!organisation) {
        [organisation] = await executor.insert(organisations).values({ name: PLATFORM_ORGANISATION_NAME, type: 'landelijk', createdAt: now, updatedAt: now }).returning({ id: organisations.id });
      }
      const [person] = await executor
        .insert(people)
        .values({ name: input.name.trim(), email, createdAt: now, updatedAt: now })
        .returning({ id: people.id })
        .catch(rethrowDuplicateEmail);
      await executor.insert(memberships).values({ personId: person!.id, organisationId: organisation!.id, roles: ['platform_admin'] });
      const invitation = await issueInvitation(executor, person!.id, null, now, publicUrl);
      await appendAuditEvent(
        executor,
        { action: 'create', outcome: 'success', objectType: 'person', objectId: person!.id, organisationId: organisation!.id, reason: 'platform administrator created from the command line', details: { forced: Boolean(existing) } },
        now,
      );
      return { personId: person!.id, invitation };
    });
  } catch (error) {
    // A refusal is audited too (no personal data: only why).
    if (error instanceof AppError) {
      await appendAuditEventAlone(db, { action: 'create', outcome: 'denied', objectType: 'person', reason: `platform administrator not created: ${error.code}` }, now);
    }
    throw error;
  }
}
