// SPDX-License-Identifier: EUPL-1.2
// The actor's own notification preferences: per kind of event none / in Kansrijk / e-mail at once /
// e-mail once a day — and the language of her mails (Dutch or English). Changing them is on the record
// (audited, without personal data).
import type { NotificationPreferences, OwnNotificationPreferencesUpdate } from '../../../contracts/notifications.js';
import { preferenceChanges, preferencesOf, saveLanguage, savePreferences } from './preferences-store.js';
import type { UseCaseContext } from './store.js';

export async function getOwnPreferences(ctx: UseCaseContext): Promise<NotificationPreferences> {
  return ctx.store.readAggregates({
    resource: 'notification',
    action: 'read',
    perform: (db) => preferencesOf(db, ctx.actor.personId, ctx.actor.organisationId),
  });
}

export async function updateOwnPreferences(ctx: UseCaseContext, input: OwnNotificationPreferencesUpdate): Promise<NotificationPreferences> {
  const personId = ctx.actor.personId;
  return ctx.store.act({
    resource: 'notification',
    action: 'update',
    objectId: personId,
    locate: async () => ({ organisationIds: ctx.actor.organisationId ? [ctx.actor.organisationId] : [] }),
    perform: async (tx) => {
      if (input.preferences) await savePreferences(tx, personId, input.preferences, ctx.now());
      if (input.language) await saveLanguage(tx, personId, input.language, ctx.now());
      return preferencesOf(tx, personId, ctx.actor.organisationId);
    },
    objectType: 'notification_preferences',
    details: () => preferenceChanges(input.preferences ?? [], input.language),
  });
}
