// SPDX-License-Identifier: EUPL-1.2
// An invited person opens their link, sets a password and is logged in (enrolling 2FA next when
// their roles need it). Unknown, expired and used links all get the same answer.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { AppError } from '../../platform/errors.js';
import { invitations, people } from '../organisations/schema.js';
import type { AuthContext } from './auth-context.js';
import { auditAuthEvent, auditLogin } from './auth-audit.js';
import { openSession, type SessionGrant } from './open-session.js';
import { assertPasswordPolicy } from './password-policy.js';
import { findAccountById, inTransaction } from './store.js';

export interface InvitationInfo {
  name: string;
  email: string;
}

async function findUsableInvitation(ctx: AuthContext, token: string) {
  const [row] = await ctx.db
    .select({ id: invitations.id, personId: invitations.personId, name: people.name, email: people.email })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, ctx.now),
        eq(people.isActive, true),
      ),
    );
  if (!row) throw new AppError('invitation_invalid');
  return row;
}

export async function showInvitation(ctx: AuthContext, token: string): Promise<InvitationInfo> {
  const invitation = await findUsableInvitation(ctx, token);
  return { name: invitation.name, email: invitation.email };
}

export async function acceptInvitation(ctx: AuthContext, token: string, password: string): Promise<SessionGrant> {
  const invitation = await findUsableInvitation(ctx, token);
  assertPasswordPolicy(password, invitation.email, 'password');
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx.db, async (tx) => {
    // Claimed conditionally, so the same link opened twice at once sets a password only once.
    const claimed = await tx
      .update(invitations)
      .set({ usedAt: ctx.now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt), gt(invitations.expiresAt, ctx.now)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError('invitation_invalid');
    await tx.update(people).set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now }).where(eq(people.id, invitation.personId));
    const account = await findAccountById(tx, invitation.personId);
    const session = await openSession(tx, ctx, account!);
    const actor = { personId: invitation.personId, organisationId: session.organisationId, roles: session.roles };
    await auditAuthEvent(tx, ctx, { action: 'password_changed', outcome: 'success', ...actor, details: { via: 'invitation' } });
    await auditLogin(tx, ctx, invitation.personId, session, 'invitation');
    return session;
  });
}
