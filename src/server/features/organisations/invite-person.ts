// SPDX-License-Identifier: EUPL-1.2
// Creates a staff account without a password, with its memberships, and an invitation link the
// admin may pass on, and that is mailed to the invitee; the person sets a password and enrols 2FA through it.
import type { z } from 'zod';
import type { personCreateSchema, Person } from '../../../contracts/organisations.js';
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
  issueAndMailInvitation,
  rethrowDuplicateEmail,
  toPerson,
  visibleOrganisationsFor,
  type InvitationLink,
} from './people-store.js';
import type { UseCaseContext } from './store.js';

export async function invitePerson(
  ctx: UseCaseContext,
  input: z.infer<typeof personCreateSchema>,
  publicUrl: string,
): Promise<{ person: Person; invitation: InvitationLink }> {
  const wanted = normaliseMemberships(input.memberships);
  const actor = ctx.store.actor;
  const created = await ctx.store.create({
    resource: 'person',
    target: { organisationIds: wanted.map((membership) => membership.organisationId) },
    perform: async (tx) => {
      const changes = membershipChanges([], wanted);
      authoriseMembershipChanges(actor, 'create', changes);
      await checkOrganisationsExist(tx, changes);
      await assertEmailAvailable(tx, input.email);
      const now = ctx.now();
      const [row] = await tx
        .insert(people)
        .values({ name: input.name, email: input.email, createdAt: now, updatedAt: now })
        .returning({ id: people.id })
        .catch(rethrowDuplicateEmail);
      await applyMembershipChanges(tx, row!.id, changes);
      const invitation = await issueAndMailInvitation(tx, { id: row!.id, email: input.email }, actor.personId, now, publicUrl);
      const person = (await findPerson(tx, row!.id, visibleOrganisationsFor(actor, 'read')))!;
      return { id: row!.id, person: toPerson(person, ctx.store.actor), invitation };
    },
  });
  return { person: created.person, invitation: created.invitation };
}
