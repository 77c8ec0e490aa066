// SPDX-License-Identifier: EUPL-1.2
// The parent's session as the web app shows it: their given name, their files, the level they logged
// in with, and the idle timeout (that of every role that sees personal data).
import { eq } from 'drizzle-orm';
import type { MySession } from '../../../contracts/my-start.js';
import { familyMembers } from '../families/schema.js';
import type { ParentSession } from '../../platform/http/request-context.js';
import type { ParentContext } from './parent-access.js';
import { parentIdleMinutes } from './parent-session.js';

export async function getMySession(ctx: ParentContext, session: ParentSession): Promise<MySession> {
  const [member] = await ctx.db.select({ givenName: familyMembers.givenName }).from(familyMembers).where(eq(familyMembers.id, ctx.parent.memberId));
  return {
    givenName: member?.givenName ?? '',
    familyIds: [...ctx.parent.familyIds],
    levelOfAssurance: session.levelOfAssurance,
    idleTimeoutSeconds: parentIdleMinutes(ctx.config) * 60,
    expiresAt: session.expiresAt.toISOString(),
  };
}
