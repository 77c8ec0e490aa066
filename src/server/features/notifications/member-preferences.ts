// SPDX-License-Identifier: EUPL-1.2
// An organisation admin reads and sets the notification preferences of a member (someone who cannot
// do it herself, e.g. before her first login). An admin action on another person: under the policy's
// 'person' grants (the admin's own organisation) and audited, naming the person.
import type { NotificationPreferences, NotificationPreferencesUpdate } from '../../../contracts/notifications.js';
import type { Executor } from '../../platform/db/connection.js';
import { locatePerson } from '../organisations/people-store.js';
import { preferenceChanges, preferencesOf, savePreferences } from './preferences-store.js';
import type { UseCaseContext } from './store.js';

function actOnMember(ctx: UseCaseContext, personId: string, action: 'read' | 'update', change: (tx: Executor) => Promise<void>, details?: Record<string, unknown>) {
  return ctx.store.act({
    resource: 'person',
    action,
    objectId: personId,
    objectType: 'notification_preferences',
    locate: (tx) => locatePerson(tx, personId),
    perform: async (tx): Promise<NotificationPreferences> => {
      await change(tx);
      return preferencesOf(tx, personId, ctx.actor.organisationId);
    },
    details: () => details ?? null,
  });
}

export function getMemberPreferences(ctx: UseCaseContext, personId: string): Promise<NotificationPreferences> {
  return actOnMember(ctx, personId, 'read', async () => undefined);
}

export function updateMemberPreferences(ctx: UseCaseContext, personId: string, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  return actOnMember(ctx, personId, 'update', (tx) => savePreferences(tx, personId, input.preferences, ctx.now()), preferenceChanges(input.preferences));
}
