// SPDX-License-Identifier: EUPL-1.2
// Notifications (issue 16): in-app notices per person, what each person chose to hear of and how, and
// per organisation its functional address and who receives its inbox notices. No personal data in a
// notice: only the kind of event and a link (behind login) to the object it is about.
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationDelivery, NotificationKind } from '../../../contracts/notifications.js';
import { organisations, people } from '../organisations/schema.js';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The organisation the notice is for (the person may work for several). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** The event it tells of (kind + object), e.g. referral_received:<referral id>: one notice per person per event. */
    eventKey: text('event_key').notNull(),
    linkPath: text('link_path').notNull(),
    /** True while it waits for the person's daily digest mail. */
    awaitsDigest: boolean('awaits_digest').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('notifications_person_event_idx').on(table.personId, table.eventKey),
    index('notifications_person_created_idx').on(table.personId, table.createdAt),
    // The digest job looks only at what waits for a digest.
    index('notifications_awaiting_digest_idx').on(table.personId).where(sql`${table.awaitsDigest}`),
  ],
);

/** Every event notified, once: a repeated event (a retried request, the next pass of the deadline job) notifies nobody again. */
export const notificationEvents = pgTable('notification_events', {
  eventKey: text('event_key').primaryKey(),
  kind: text('kind').$type<NotificationKind>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** A person's choice per kind of event; without a row the default of that kind applies (domain/recipients.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    delivery: text('delivery').$type<NotificationDelivery>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind] })],
);

/** An organisation's inbox settings, kept by its admin. */
export const organisationInboxSettings = pgTable('organisation_inbox_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** A shared mailbox (e.g. intake@…) that is mailed of every inbox event; null: none. */
  functionalAddress: text('functional_address'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The members an organisation's admin chose to receive its inbox notices. */
export const organisationInboxRecipients = pgTable(
  'organisation_inbox_recipients',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.personId] })],
);
