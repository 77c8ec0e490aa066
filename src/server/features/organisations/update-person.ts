// SPDX-License-Identifier: EUPL-1.2
// Edits a staff account: name, e-mail, (de)activation and memberships. Only what differs is
// written, so repeating the same PATCH changes nothing. Switching an account off ends all its
// sessions at once. An organisation admin changes only memberships of their own organisation.
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Person, personUpdateSchema } from '../../../contracts/organisations.js';
import { decideForEvery, type Actor } from '../../platform/access/policy.js';
import type { Executor } from '../../platform/db/connection.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { revokeAllSessions } from '../../platform/auth/session.js';
import { people } from './schema.js';
import {
  applyMembershipChanges,
  authoriseMembershipChanges,
  checkOrganisationsExist,
  membershipChanges,
  normaliseMemberships,
} from './membership-changes.js';
import {
  assertEmailAvailable,
  findPerson,
  locatePerson,
  rethrowDuplicateEmail,
  toPerson,
  visibleOrganisationsFor,
} from './people-store.js';
import type { UseCaseContext } from './store.js';

type PersonField = 'name' | 'email' | 'isActive' | 'memberships';

export async function updatePerson(ctx: UseCaseContext, id: string, input: z.infer<typeof personUpdateSchema>): Promise<Person> {
  const actor = ctx.store.actor;
  const wanted = input.memberships === undefined ? undefined : normaliseMemberships(input.memberships);
  const outcome = await ctx.store.act({
    resource: 'person',
    action: 'update',
    objectId: id,
    locate: (tx) => locatePerson(tx, id),
    perform: async (tx) => {
      const visible = visibleOrganisationsFor(actor, 'update');
      const current = (await findPerson(tx, id, visible))!;
      const changes: PersonField[] = [];
      let revokedSessions = 0;
      const now = ctx.now();

      if (input.isActive !== undefined && input.isActive !== current.isActive) {
        // Switching an account off (or on) affects every organisation it works for: the actor must reach them all.
        await assertReachesEveryOrganisation(tx, actor, id, 'deactivate');
        changes.push('isActive');
      }
      if (wanted !== undefined) {
        const membershipChangeList = membershipChanges(current.memberships, wanted);
        authoriseMembershipChanges(actor, 'update', membershipChangeList, id);
        if (membershipChangeList.length > 0) {
          await checkOrganisationsExist(tx, membershipChangeList);
          await applyMembershipChanges(tx, id, membershipChangeList);
          changes.push('memberships');
        }
      }
      if (input.name !== undefined && input.name !== current.name) changes.push('name');
      if (input.email !== undefined && input.email !== current.email) {
        await assertEmailAvailable(tx, input.email, id);
        changes.push('email');
      }
      if (changes.includes('name') || changes.includes('email')) {
        // Name and login belong to the person, not to one organisation: only someone who reaches every
        // organisation the person works for may change them (else De Wieg could take over Domstad's account).
        await assertReachesEveryOrganisation(tx, actor, id, 'update');
      }
      const columnChanges = changes.filter((field) => field !== 'memberships');
      if (columnChanges.length > 0) {
        await tx
          .update(people)
          .set({
            ...(changes.includes('name') ? { name: input.name } : {}),
            ...(changes.includes('email') ? { email: input.email } : {}),
            ...(changes.includes('isActive') ? { isActive: input.isActive } : {}),
            updatedAt: now,
          })
          .where(eq(people.id, id))
          .catch(rethrowDuplicateEmail);
      }
      if (changes.includes('isActive') && input.isActive === false) revokedSessions = await revokeAllSessions(tx, id, now);
      return { person: (await findPerson(tx, id, visible))!, changes, revokedSessions };
    },
    // Which fields changed and how many sessions ended, never the values.
    details: (result) => ({ changes: result.changes, ...(result.revokedSessions ? { revokedSessions: result.revokedSessions } : {}) }),
  });
  return toPerson(outcome.person, ctx.store.actor);
}

/** For changes that affect the person in every organisation they work for. */
async function assertReachesEveryOrganisation(tx: Executor, actor: Actor, id: string, action: 'update' | 'deactivate') {
  const everyOrganisation = (await locatePerson(tx, id))!.organisationIds;
  const decision = decideForEvery(actor, 'person', action, everyOrganisation);
  if (!decision.isAllowed) throw new PolicyDenied(action, decision.reason);
}
