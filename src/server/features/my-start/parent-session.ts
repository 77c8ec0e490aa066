// SPDX-License-Identifier: EUPL-1.2
// Parents' sessions: the same rules as staff who see personal data — the short idle timeout, the
// absolute lifetime, log out everywhere — in a table and cookie of their own.
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { ContextDependencies, ParentSessionLookup } from '../../platform/http/request-context.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import type { Config } from '../../config.js';
import { parentSessions } from './schema.js';

/** Refresh last_seen at most this often, to spare a write on every request. */
const TOUCH_INTERVAL_MS = 15_000;

/** The idle timeout of a parent's session: that of every role that sees personal data. */
export function parentIdleMinutes(config: Config): number {
  return config.session.idleMinutesPersonalData;
}

export async function resolveParentSession(deps: ContextDependencies, token: string): Promise<ParentSessionLookup> {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select()
    .from(parentSessions)
    .where(and(eq(parentSessions.tokenHash, hashToken(token)), isNull(parentSessions.revokedAt)))
    .limit(1);
  if (!row) return { kind: 'none' };
  const isIdle = now.getTime() - row.lastSeenAt.getTime() >= parentIdleMinutes(deps.config) * 60_000;
  if (isIdle || now >= row.expiresAt) {
    await deps.db.update(parentSessions).set({ revokedAt: now }).where(eq(parentSessions.id, row.id));
    return { kind: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.db.update(parentSessions).set({ lastSeenAt: now }).where(eq(parentSessions.id, row.id));
  }
  return {
    kind: 'valid',
    session: {
      actor: { kind: 'parent', sessionId: row.id, memberId: row.memberId, familyIds: row.familyIds },
      levelOfAssurance: row.levelOfAssurance,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    },
  };
}

export interface NewParentSession {
  memberId: string;
  familyIds: string[];
  levelOfAssurance: string;
  origin: RequestOrigin;
}

/** Creates the session row; its absolute lifetime starts now and is never extended. */
export async function startParentSession(tx: Executor, fields: NewParentSession, config: Config, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  const [row] = await tx
    .insert(parentSessions)
    .values({
      tokenHash: hashToken(token),
      memberId: fields.memberId,
      familyIds: fields.familyIds,
      levelOfAssurance: fields.levelOfAssurance,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      sourceIp: fields.origin.sourceIp,
      userAgent: fields.origin.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: parentSessions.id });
  return { id: row!.id, token, expiresAt };
}

/** Ends this session, or (everywhere) every session of the same parent. Returns how many ended. */
export async function revokeParentSessions(tx: Executor, scope: { sessionId: string } | { memberId: string }, now: Date): Promise<number> {
  const which = 'sessionId' in scope ? eq(parentSessions.id, scope.sessionId) : eq(parentSessions.memberId, scope.memberId);
  const revoked = await tx
    .update(parentSessions)
    .set({ revokedAt: now })
    .where(and(which, isNull(parentSessions.revokedAt)))
    .returning({ id: parentSessions.id });
  return revoked.length;
}
