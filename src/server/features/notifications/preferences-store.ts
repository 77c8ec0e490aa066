// SPDX-License-Identifier: EUPL-1.2
// A person's notification preferences: read (each kind with her choice, or what applies without one)
// and written (one row per kind chosen; the rest keep theirs), with the language of her mails. Shared by
// her own account page and the organisation admin's view of a member.
import { and, eq } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationPreference, type NotificationPreferences, type PreferredLanguage } from '../../../contracts/notifications.js';
import type { Executor } from '../../platform/db/connection.js';
import { effectiveDelivery } from './domain/delivery.js';
import { people } from '../organisations/schema.js';
import { notificationPreferences, organisationInboxRecipients } from './schema.js';

export async function preferencesOf(tx: Executor, personId: string, organisationId: string | null): Promise<NotificationPreferences> {
  const chosen = new Map(
    (await tx.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId))).map((row) => [row.kind, row.delivery]),
  );
  const [listed] = organisationId
    ? await tx
        .select({ personId: organisationInboxRecipients.personId })
        .from(organisationInboxRecipients)
        .where(and(eq(organisationInboxRecipients.organisationId, organisationId), eq(organisationInboxRecipients.personId, personId)))
    : [];
  const isInboxRecipient = listed !== undefined;
  const [person] = await tx.select({ language: people.preferredLanguage }).from(people).where(eq(people.id, personId));
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: effectiveDelivery(kind, isInboxRecipient, chosen.get(kind) ?? null) })),
    isInboxRecipient,
    language: person?.language ?? 'nl',
  };
}

/** The language her mails are written in from now on (mails queued before keep theirs). */
export async function saveLanguage(tx: Executor, personId: string, language: PreferredLanguage, now: Date): Promise<void> {
  await tx.update(people).set({ preferredLanguage: language, updatedAt: now }).where(eq(people.id, personId));
}

export async function savePreferences(tx: Executor, personId: string, preferences: readonly NotificationPreference[], now: Date): Promise<void> {
  for (const { kind, delivery } of preferences) {
    await tx
      .insert(notificationPreferences)
      .values({ personId, kind, delivery, updatedAt: now })
      .onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { delivery, updatedAt: now } });
  }
}

/** For the audit row: which kinds were set to what (no personal data). */
export function preferenceChanges(preferences: readonly NotificationPreference[], language?: PreferredLanguage): { kinds: string[]; language?: PreferredLanguage } {
  return { kinds: preferences.map((entry) => `${entry.kind}=${entry.delivery}`), ...(language ? { language } : {}) };
}
