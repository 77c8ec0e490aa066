// SPDX-License-Identifier: EUPL-1.2
// A person's notification preferences: read (each kind with her choice, or what applies without one)
// and written (one row per kind chosen; the rest keep theirs). Shared by her own account page and the
// organisation admin's view of a member.
import { and, eq } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationPreference, type NotificationPreferences } from '../../../contracts/notifications.js';
import type { Executor } from '../../platform/db/connection.js';
import { effectiveDelivery } from './domain/delivery.js';
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
  return {
    preferences: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: effectiveDelivery(kind, isInboxRecipient, chosen.get(kind) ?? null) })),
    isInboxRecipient,
  };
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
export function preferenceChanges(preferences: readonly NotificationPreference[]): { kinds: string[] } {
  return { kinds: preferences.map((entry) => `${entry.kind}=${entry.delivery}`) };
}
