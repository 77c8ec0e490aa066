// SPDX-License-Identifier: EUPL-1.2
// A fresh invitation link for someone who has not set a password yet (lost or expired link).
// Earlier links stop working; the new link is mailed to the person too. An account that already has a password gets no invitation: that
// would be a password reset, which is a different, deliberate flow.
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { findPerson, issueAndMailInvitation, locatePerson, type InvitationLink } from './people-store.js';
import type { UseCaseContext } from './store.js';

export async function reissueInvitation(ctx: UseCaseContext, id: string, publicUrl: string): Promise<InvitationLink> {
  return ctx.store.act({
    resource: 'person',
    action: 'update',
    objectId: id,
    locate: (tx) => locatePerson(tx, id),
    perform: async (tx) => {
      const person = (await findPerson(tx, id, []))!;
      if (!person.isActive) {
        throw new AppError('validation_failed', { errors: [{ path: 'params.id', message: nl.organisations.invitationForInactivePerson }] });
      }
      if (person.hasPassword) {
        throw new AppError('already_processed', { errors: [{ path: 'params.id', message: nl.organisations.invitationNotNeeded }] });
      }
      return issueAndMailInvitation(tx, person, ctx.store.actor.personId, ctx.now(), publicUrl);
    },
    details: () => ({ change: 'invitation_issued' }),
  });
}
