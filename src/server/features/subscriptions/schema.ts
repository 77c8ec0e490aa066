// SPDX-License-Identifier: EUPL-1.2
// FHIR R4 Subscriptions (rest-hook) of an organisation, and the outbox of notifications to deliver:
// a row is written in the same transaction as the referral change it announces, and the delivery
// worker sends it afterwards (with retries), so a change is never announced without having happened.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import type { CriteriaKind, NotificationStatus, SubscriptionStatus } from './domain/subscription-rules.js';

export const fhirSubscriptions = pgTable(
  'fhir_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The subscriber: only this organisation's own Tasks are announced to it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** 'owner' (the organisation's inbox) or 'requester' (the referrals it sent). */
    criteriaKind: text('criteria_kind').$type<CriteriaKind>().notNull(),
    /** The criteria as given, e.g. Task?owner=Organization/{id}. */
    criteria: text('criteria').notNull(),
    endpoint: text('endpoint').notNull(),
    /** null: no body (R4 id-only); 'application/fhir+json': a history Bundle naming only the Task. */
    payload: text('payload'),
    /** channel.header as given ('Name: value'), sent with every notification. */
    headers: jsonb('headers').$type<string[]>().notNull().default([]),
    reason: text('reason').notNull(),
    status: text('status').$type<SubscriptionStatus>().notNull(),
    /** Why delivery failed for good (status 'error'): an HTTP status or a network error code, never content. */
    error: text('error'),
    end: timestamp('end_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Deleted through the API: kept (the outbox and audit rows refer to it) but no longer readable. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('fhir_subscriptions_organisation_idx').on(table.organisationId, table.criteriaKind, table.status)],
);

export const fhirSubscriptionNotifications = pgTable(
  'fhir_subscription_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => fhirSubscriptions.id),
    /** The Task (referral) id: the only thing a notification tells. */
    taskId: uuid('task_id').notNull(),
    status: text('status').$type<NotificationStatus>().notNull(),
    /** Attempts started so far. */
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due (while an attempt runs: when its claim lapses). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    /** When the latest attempt ended (delivered or not): with last_error, when it last failed. */
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    index('fhir_subscription_notifications_due_idx').on(table.status, table.nextAttemptAt),
    index('fhir_subscription_notifications_subscription_idx').on(table.subscriptionId),
  ],
);
