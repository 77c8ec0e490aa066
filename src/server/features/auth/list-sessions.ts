// SPDX-License-Identifier: EUPL-1.2
// A person's own open sessions (devices), so they can spot and end one they do not recognise.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { idleMinutesFor, type ResolvedSession } from '../../platform/auth/session.js';
import type { Role } from '../../../contracts/roles.js';
import { memberships } from '../organisations/schema.js';
import type { AuthContext } from './auth-context.js';
import { sessions } from './schema.js';

export interface SessionListItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  sourceIp: string | null;
  userAgent: string | null;
  isCurrent: boolean;
}

export async function listSessions(ctx: AuthContext, session: ResolvedSession): Promise<SessionListItem[]> {
  const rows = await ctx.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      sourceIp: sessions.sourceIp,
      userAgent: sessions.userAgent,
      roles: memberships.roles,
      membershipIsActive: memberships.isActive,
    })
    .from(sessions)
    .leftJoin(
      memberships,
      and(eq(memberships.personId, sessions.personId), eq(memberships.organisationId, sessions.organisationId)),
    )
    .where(and(eq(sessions.personId, session.personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, ctx.now)))
    .orderBy(desc(sessions.lastSeenAt));
  // Idle sessions are only marked revoked when next used; leave out the ones that could no longer be.
  return rows
    .filter((row) => {
      const roles = (row.membershipIsActive ? (row.roles ?? []) : []) as Role[];
      return ctx.now.getTime() - row.lastSeenAt.getTime() < idleMinutesFor(roles, ctx.config) * 60_000;
    })
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      sourceIp: row.sourceIp,
      userAgent: row.userAgent,
      isCurrent: row.id === session.id,
    }));
}
