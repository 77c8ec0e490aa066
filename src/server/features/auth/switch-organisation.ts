// SPDX-License-Identifier: EUPL-1.2
import { eq } from 'drizzle-orm';
import type { ResolvedSession } from '../../platform/auth/session.js';
import { AppError } from '../../platform/errors.js';
import type { SessionInfo } from '../../../contracts/auth.js';
import type { AuthContext } from './auth-context.js';
import { sessions } from './schema.js';
import { loadSessionInfo } from './session-info.js';
import { activeMembershipsOf } from './store.js';

/** Acts for another organisation the person works for; their roles there apply from now on. */
export async function switchOrganisation(ctx: AuthContext, session: ResolvedSession, organisationId: string): Promise<SessionInfo> {
  const memberships = await activeMembershipsOf(ctx.db, session.personId);
  if (!memberships.some((membership) => membership.organisationId === organisationId)) throw new AppError('forbidden');
  await ctx.db.update(sessions).set({ organisationId }).where(eq(sessions.id, session.id));
  return loadSessionInfo(ctx.db, session.id, ctx.config);
}
