// SPDX-License-Identifier: EUPL-1.2
// Test helpers for the plan of approach: a coordinator of another coalition (made in the test), a
// session for any person, and a valid plan content.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { PlanContent, PlanGoal } from '../../../contracts/coalition-plans.js';
import { sessions } from '../auth/schema.js';
import { coalitionCoordinators, coalitions } from '../coalitions/schema.js';
import { memberships, people } from '../organisations/schema.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../platform/auth/session.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import type { Caller } from '../organisations/test-support.js';

const CSRF = 'plan-test-csrf-token-0123456789';

/** A new person who coordinates the coalition with this code (for the organisation by demo key). */
export async function insertCoordinator(t: TestApp, code: string, organisationKey = 'wijkteam'): Promise<{ personId: string; organisationId: string }> {
  const [coalition] = await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, code));
  const [person] = await t.database.db
    .insert(people)
    .values({ name: `Kartrekker ${code}`, email: `kartrekker-${code.toLowerCase()}-${randomUUID().slice(0, 8)}@kansrijk.demo` })
    .returning({ id: people.id });
  const organisationId = t.demo.organisationIds[organisationKey]!;
  await t.database.db.insert(memberships).values({ personId: person!.id, organisationId, roles: ['coalition_coordinator'] });
  await t.database.db.insert(coalitionCoordinators).values({ coalitionId: coalition!.id, personId: person!.id, role: 'coordinator', since: '2020-01-01' });
  return { personId: person!.id, organisationId };
}

/** A fully logged-in session for any person: its token and the headers for app.inject. */
export async function sessionForPerson(t: TestApp, personId: string, organisationId: string): Promise<{ token: string; headers: Record<string, string> }> {
  const token = newToken();
  const now = t.clock.now();
  await t.database.db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    organisationId,
    stage: 'active',
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 12 * 3600_000),
  });
  return { token, headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${CSRF}`, [CSRF_HEADER]: CSRF } };
}

/** A caller for a coordinator of another coalition, made for the test. */
export async function otherCoordinatorCaller(t: TestApp, code: string): Promise<Caller> {
  const { personId, organisationId } = await insertCoordinator(t, code);
  const { headers } = await sessionForPerson(t, personId, organisationId);
  const request: Caller['request'] = (method, url, payload, extra) =>
    t.app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  return {
    session: { sessionId: '', personId, organisationId, headers },
    request,
    audited: async () => {
      throw new Error('not used');
    },
  };
}

export function goal(overrides: Partial<PlanGoal> = {}): PlanGoal {
  return {
    id: randomUUID(),
    phase: 'during_pregnancy',
    programmeGoal: 3,
    description: 'Meer zwangeren met een kwetsbare situatie vroeg in beeld.',
    indicatorKey: 'big2',
    targetValue: 12,
    targetYear: 2027,
    ...overrides,
  };
}

export function planContent(overrides: Partial<PlanContent['texts']> = {}, goals: PlanGoal[] = [goal()]): PlanContent {
  return {
    texts: {
      facts: 'De Drechtsteden hebben meer Big2 dan vergelijkbare gemeenten.',
      coalition: 'Verloskundigen, JGZ, sociaal team en ervaringsdeskundigen.',
      ambition: 'Ieder kind in de Drechtsteden een kansrijke start.',
      goals: 'Onze doelen per periode.',
      results: 'Minder kinderen met een valse start.',
      interventions: 'Prenataal huisbezoek, Stevig Ouderschap, Nu Niet Zwanger.',
      review: 'Twee keer per jaar bijsturen in de stuurgroep.',
      ...overrides,
    },
    goals,
  };
}
