// SPDX-License-Identifier: EUPL-1.2
// Consent per referral, the referral itself (a FHIR Task lifecycle) with its history, and each
// receiving organisation's response deadline.
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../reference/schema.js';
import { organisations, people } from '../organisations/schema.js';
import { families } from '../families/schema.js';
import type { ReferralOutcome, ReferralStatus } from './domain/referral-state.js';

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** 'client' | 'legal_representative' */
    givenBy: text('given_by').notNull(),
    representativeName: text('representative_name'),
    receiverOrganisationId: uuid('receiver_organisation_id')
      .notNull()
      .references(() => organisations.id),
    purposes: text('purposes').array().notNull(),
    dataCategories: text('data_categories').array().notNull(),
    /** 'verbal' | 'written' */
    form: text('form').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => people.id),
    recordedByOrganisationId: uuid('recorded_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('consents_family_idx').on(table.familyId)],
);

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    senderOrganisationId: uuid('sender_organisation_id')
      .notNull()
      .references(() => organisations.id),
    senderPersonId: uuid('sender_person_id')
      .notNull()
      .references(() => people.id),
    receiverOrganisationId: uuid('receiver_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The family's municipality when sent: for inbox filters and the coordinator's overdue list. */
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    status: text('status').$type<ReferralStatus>().notNull(),
    statusReason: text('status_reason'),
    /** While on hold: the status to resume to. */
    statusBeforeHold: text('status_before_hold').$type<ReferralStatus>(),
    outcome: text('outcome').$type<ReferralOutcome>(),
    consentId: uuid('consent_id').references(() => consents.id),
    legalGround: text('legal_ground'),
    justification: text('justification'),
    /** Why the family is referred (shared with the receiver under the consent). */
    reason: text('reason').notNull(),
    factorKeys: text('factor_keys').array().notNull().default([]),
    screeningId: uuid('screening_id'),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    respondBy: timestamp('respond_by', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    assignedToId: uuid('assigned_to_id').references(() => people.id),
    forwardedFromId: uuid('forwarded_from_id'),
    forwardedToId: uuid('forwarded_to_id'),
    /** Repeated submits with the same key create one referral. */
    idempotencyKey: text('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('referrals_idempotency_unique').on(table.senderPersonId, table.idempotencyKey),
    index('referrals_receiver_idx').on(table.receiverOrganisationId, table.status, table.respondBy),
    index('referrals_sender_idx').on(table.senderOrganisationId, table.updatedAt),
    index('referrals_family_idx').on(table.familyId),
    index('referrals_municipality_idx').on(table.municipalityCode, table.status),
  ],
);

/** Every change of a referral: the history the sender follows and a forward keeps. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status').$type<ReferralStatus>().notNull(),
    outcome: text('outcome').$type<ReferralOutcome>(),
    reason: text('reason'),
    actorId: uuid('actor_id').references(() => people.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (table) => [index('referral_events_referral_idx').on(table.referralId, table.at)],
);

/** Per receiving organisation: within how many working days a referral must be accepted or rejected. */
export const referralSettings = pgTable('referral_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  responseWorkingDays: integer('response_working_days').notNull().default(5),
});
