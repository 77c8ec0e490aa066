// SPDX-License-Identifier: EUPL-1.2
// Resolves the session cookie to an actor on every request, enforcing idle and absolute timeouts.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Executor } from '../db/connection.js';
import type { Clock } from '../clock.js';
import { hashToken, newToken } from './tokens.js';
import { AppError } from '../errors.js';
import { sessions } from '../../features/auth/schema.js';
import { memberships, organisationMunicipalities, organisations, people } from '../../features/organisations/schema.js';
import { coalitionCoordinators } from '../../features/coalitions/schema.js';
import { requiresTwoFactor, type OrganisationType, type Role } from '../../../contracts/roles.js';

export const SESSION_COOKIE = 'kr_session';
/** A parent's session (Mijn Kansrijke Start): a cookie of its own, never a staff session. */
export const PARENT_SESSION_COOKIE = 'kr_parent';
export const CSRF_COOKIE = 'kr_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type SessionStage = 'second_factor' | 'enrolment' | 'active';

export interface ResolvedSession {
  id: string;
  stage: SessionStage;
  personId: string;
  personName: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationType: OrganisationType | null;
  roles: Role[];
  /** The coalitions the person coordinates (or deputises for) today: the policy's 'own_coalition'. */
  coalitionIds: string[];
  /** The municipalities the session's organisation serves: the policy's 'own_municipality'. */
  municipalityCodes: string[];
  hasTwoFactor: boolean;
  createdAt: Date;
  expiresAt: Date;
  /**
   * Set when the request carries an API client's bearer token instead of a session cookie (ADR 0017):
   * then `id` is the token's id, `personId` the client's id and `roles` the roles chosen at registration.
   */
  machine?: { clientId: string; scopes: string[] };
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'valid'; session: ResolvedSession };

/** Minutes of inactivity after which a session ends: short for anyone who can see personal data. */
export function idleMinutesFor(roles: readonly Role[], config: Config): number {
  return requiresTwoFactor(roles) || roles.length === 0
    ? config.session.idleMinutesPersonalData
    : config.session.idleMinutesAggregate;
}

/** Refresh last_seen at most this often, to spare a write on every request. */
const TOUCH_INTERVAL_MS = 15_000;


export async function resolveSession(db: Executor, token: string, config: Config, clock: Clock): Promise<SessionLookup> {
  const now = clock.now();
  const today = amsterdamDate(now);
  const [row] = await db
    .select({
      id: sessions.id,
      stage: sessions.stage,
      personId: sessions.personId,
      organisationId: sessions.organisationId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      personName: people.name,
      email: people.email,
      personIsActive: people.isActive,
      totpEnabledAt: people.totpEnabledAt,
      organisationName: organisations.name,
      organisationType: organisations.type,
      organisationIsActive: organisations.isActive,
      roles: memberships.roles,
      membershipIsActive: memberships.isActive,
      // Both in the same round trip as the session: the reach of 'own_coalition' and 'own_municipality'.
      coalitionIds: sql<string[]>`coalesce((select array_agg(${coalitionCoordinators.coalitionId}::text order by ${coalitionCoordinators.coalitionId})
        from ${coalitionCoordinators} where ${coalitionCoordinators.personId} = ${sessions.personId}
        and ${coalitionCoordinators.since} <= ${today}::date
        and (${coalitionCoordinators.until} is null or ${coalitionCoordinators.until} >= ${today}::date)), '{}'::text[])`,
      municipalityCodes: sql<string[]>`coalesce((select array_agg(${organisationMunicipalities.municipalityCode} order by ${organisationMunicipalities.municipalityCode})
        from ${organisationMunicipalities} where ${organisationMunicipalities.organisationId} = ${sessions.organisationId}), '{}'::text[])`,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(organisations, eq(organisations.id, sessions.organisationId))
    .leftJoin(
      memberships,
      and(eq(memberships.personId, sessions.personId), eq(memberships.organisationId, sessions.organisationId)),
    )
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row) return { kind: 'none' };
  const roles: Role[] =
    row.membershipIsActive && row.organisationIsActive ? ((row.roles ?? []) as Role[]) : [];
  const idleMs = idleMinutesFor(roles, config) * 60_000;
  const isExpired =
    !row.personIsActive || now >= row.expiresAt || now.getTime() - row.lastSeenAt.getTime() >= idleMs;
  if (isExpired) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, row.id));
    return { kind: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id));
  }
  return {
    kind: 'valid',
    session: {
      id: row.id,
      stage: row.stage,
      personId: row.personId,
      personName: row.personName,
      email: row.email,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      organisationType: row.organisationType,
      roles,
      coalitionIds: row.coalitionIds,
      municipalityCodes: row.municipalityCodes,
      hasTwoFactor: row.totpEnabledAt !== null,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    },
  };
}

/**
 * Ends every session of a person ("log out everywhere", deactivation, password change); with
 * `exceptSessionId`, every session but the one making the change.
 */
export async function revokeAllSessions(db: Executor, personId: string, now: Date, exceptSessionId?: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.personId, personId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Ends one session. Returns false when it was already ended. */
export async function revokeSession(db: Executor, sessionId: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

export interface NewSession {
  personId: string;
  organisationId: string | null;
  stage: SessionStage;
  sourceIp: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  id: string;
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** Creates a session row; its absolute lifetime starts now and is never extended. */
export async function startSession(db: Executor, fields: NewSession, config: Config, now: Date): Promise<IssuedSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  const [row] = await db
    .insert(sessions)
    .values({
      ...fields,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: fields.userAgent?.slice(0, 500) ?? null,
    })
    .returning({ id: sessions.id });
  return { id: row!.id, token, expiresAt };
}

/**
 * Gives a session a new token when it gains privileges (second factor passed, enrolment done), so a
 * token planted or seen before that moment is worthless afterwards (session fixation).
 */
export async function rotateSessionToken(
  db: Executor,
  sessionId: string,
  changes: { stage: SessionStage; pendingTotpSecret?: null },
  now: Date,
): Promise<IssuedSession> {
  const token = newToken();
  const [row] = await db
    .update(sessions)
    .set({ ...changes, tokenHash: hashToken(token), lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  if (!row) throw new AppError('session_expired');
  return { id: row.id, token, expiresAt: row.expiresAt };
}

