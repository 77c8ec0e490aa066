// SPDX-License-Identifier: EUPL-1.2
// The service directory (sociale kaart, issue 13 item 2): one row per service, kept by a platform
// organisation (its admin confirms it at least every six months); the provider is that organisation
// or an external one named in external_provider_name. No personal data.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, people } from '../organisations/schema.js';
import type { IntakeRoute, ServiceCategory, ServiceCost, ServiceLanguage } from '../../../contracts/services.js';

export const directoryServices = pgTable(
  'directory_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The platform organisation that keeps the entry; its admin confirms it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The provider when it is not on the platform (name only); null: the keeping organisation itself. */
    externalProviderName: text('external_provider_name'),
    name: text('name').notNull(),
    description: text('description'),
    category: text('category').$type<ServiceCategory>().notNull(),
    /** Risk factor keys of the factor catalogue. */
    factorKeys: jsonb('factor_keys').$type<string[]>().notNull().default([]),
    /** GM codes, within the keeping organisation's service area. */
    municipalityCodes: jsonb('municipality_codes').$type<string[]>().notNull().default([]),
    intakeRoutes: jsonb('intake_routes').$type<IntakeRoute[]>().notNull(),
    eligibility: text('eligibility'),
    languages: jsonb('languages').$type<ServiceLanguage[]>().notNull().default([]),
    cost: text('cost').$type<ServiceCost>().notNull(),
    costNote: text('cost_note'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    openingHours: text('opening_hours'),
    isActive: boolean('is_active').notNull().default(true),
    /** The last confirmation (or correction) by the keeping organisation's admin: the six months run from here. */
    lastConfirmedAt: timestamp('last_confirmed_at', { withTimezone: true }).notNull(),
    lastConfirmedById: uuid('last_confirmed_by_id').references(() => people.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('directory_services_organisation_idx').on(table.organisationId, table.lastConfirmedAt),
    index('directory_services_municipalities_idx').using('gin', table.municipalityCodes),
    // The coverage matrix asks for every service not confirmed recently or switched off: two small ranges, not a scan of the country.
    index('directory_services_last_confirmed_idx').on(table.lastConfirmedAt),
    index('directory_services_inactive_idx').on(table.id).where(sql`NOT is_active`),
  ],
);
