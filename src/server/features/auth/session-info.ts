// SPDX-License-Identifier: EUPL-1.2
// The one place that turns a session row into the SessionInfo the web app shows.
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { idleMinutesFor } from '../../platform/auth/session.js';
import type { SessionInfo } from '../../../contracts/auth.js';
import { people } from '../organisations/schema.js';
import { sessions } from './schema.js';
import { activeMembershipsOf } from './store.js';

export async function loadSessionInfo(db: Executor, sessionId: string, config: Config): Promise<SessionInfo> {
  const [row] = await db
    .select({
      stage: sessions.stage,
      organisationId: sessions.organisationId,
      expiresAt: sessions.expiresAt,
      personId: people.id,
      personName: people.name,
      email: people.email,
      totpEnabledAt: people.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new AppError('unauthenticated');
  const organisations = await activeMembershipsOf(db, row.personId);
  // Same rule as resolveSession: roles count only while membership and organisation are active.
  const current = organisations.find((membership) => membership.organisationId === row.organisationId);
  const roles = current?.roles ?? [];
  return {
    stage: row.stage,
    person: { id: row.personId, name: row.personName, email: row.email },
    organisation: current ? { id: current.organisationId, name: current.organisationName } : null,
    roles,
    organisations: organisations.map((membership) => ({
      id: membership.organisationId,
      name: membership.organisationName,
      roles: membership.roles,
    })),
    hasTwoFactor: row.totpEnabledAt !== null,
    idleTimeoutSeconds: idleMinutesFor(roles, config) * 60,
    expiresAt: row.expiresAt.toISOString(),
  };
}
