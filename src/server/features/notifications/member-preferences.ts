// SPDX-License-Identifier: EUPL-1.2
// An organisation admin reads and sets the notification preferences of a member (someone who cannot
// do it herself, e.g. before her first login). An admin action on another person: under the policy's
// 'person' grants (the admin's own organisation) and audited, naming the person.
import type { NotificationPreferences, NotificationPreferencesUpdate } from '../../../contracts/notifications.js';
import { locatePerson } from '../organisations/people-store.js';
import { preferencesOf, savePreferences } from './preferences-store.js';
import type { UseCaseContext } from './store.js';

export async function getMemberPreferences(ctx: UseCaseContext, personId: string): Promise<NotificationPreferences> {
  return ctx.store.act({
    resource: 'person',
    action: 'read',
    objectId: personId,
    objectType: 'notification_preferences',
    locate: (tx) => locatePerson(tx, personId),
    perform: (tx) => preferencesOf(tx, personId, ctx.actor.organisationId),
  });
}

export async function updateMemberPreferences(ctx: UseCaseContext, personId: string, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  return ctx.store.act({
    resource: 'person',
    action: 'update',
    objectId: personId,
    objectType: 'notification_preferences',
    locate: (tx) => locatePerson(tx, personId),
    perform: async (tx) => {
      await savePreferences(tx, personId, input.preferences, ctx.now());
      return preferencesOf(tx, personId, ctx.actor.organisationId);
    },
    details: () => ({ kinds: input.preferences.map((entry) => `${entry.kind}=${entry.delivery}`) }),
  });
}
