// SPDX-License-Identifier: EUPL-1.2
import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { municipalities } from '../reference/schema.js';
import type { OrganisationType, Role } from '../../../contracts/roles.js';
import type { PreferredLanguage } from '../../../contracts/notifications.js';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  type: text('type').$type<OrganisationType>().notNull(),
  /** AGB or URA code where the organisation has one. */
  identifier: text('identifier'),
  /** AGB code (Vektis, 8 digits) and URA (UZI register, 8 digits): the Dutch identifiers of a care provider. */
  agbCode: text('agb_code'),
  uraCode: text('ura_code'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  uniqueIndex('organisations_agb_code_unique').on(table.agbCode),
  uniqueIndex('organisations_ura_code_unique').on(table.uraCode),
  check('organisations_agb_code_format', sql`${table.agbCode} ~ '^[0-9]{8}$'`),
  check('organisations_ura_code_format', sql`${table.uraCode} ~ '^[0-9]{8}$'`),
]);

/** The municipalities an organisation serves (its service area). */
export const organisationMunicipalities = pgTable(
  'organisation_municipalities',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.municipalityCode] })],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Stored lower-case; unique. */
    email: text('email').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    /** Subject at the OIDC identity provider, once linked. */
    oidcSubject: text('oidc_subject'),
    /** The language of the person's mails, chosen by her on her notification preferences: 'nl' | 'en'. */
    preferredLanguage: text('preferred_language').$type<PreferredLanguage>().notNull().default('nl'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('people_email_unique').on(table.email),
    uniqueIndex('people_oidc_subject_unique').on(table.oidcSubject),
    check('people_preferred_language_check', sql`${table.preferredLanguage} IN ('nl', 'en')`),
  ],
);

/** A person's work for one organisation, with the roles they hold there. */
export const memberships = pgTable(
  'memberships',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles').array().$type<Role[]>().notNull().default(sql`'{}'::text[]`),
    isActive: boolean('is_active').notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.personId, table.organisationId] }), index('memberships_organisation_idx').on(table.organisationId)],
);

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => people.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
