// SPDX-License-Identifier: EUPL-1.2
// A parent's own registration for a prenatal home visit or a talk about a wish for a child (issue 15
// item 2), sent without login to the youth health care organisation of her municipality, with her
// own consent (given by the client, the version of the sentence she agreed to, when). Personal data.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ParentLanguage, SelfRegistrationKind } from '../../../contracts/parents-public.js';
import { municipalities } from '../reference/schema.js';
import { organisations } from '../organisations/schema.js';

export const selfRegistrations = pgTable(
  'self_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** From the form: a repeated submit returns the first registration. */
    idempotencyKey: uuid('idempotency_key').notNull(),
    kind: text('kind').$type<SelfRegistrationKind>().notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    receiverOrganisationId: uuid('receiver_organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    contactBy: text('contact_by').$type<'phone' | 'email'>().notNull(),
    contactMoments: text('contact_moments').array().$type<('morning' | 'afternoon' | 'evening')[]>().notNull().default([]),
    language: text('language').$type<ParentLanguage>().notNull(),
    noMessages: boolean('no_messages').notNull().default(false),
    onlyAtMoments: boolean('only_at_moments').notNull().default(false),
    /** Always 'client': the parent herself consented on the form. */
    consentGivenBy: text('consent_given_by').$type<'client'>().notNull(),
    consentVersion: text('consent_version').notNull(),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('self_registrations_idempotency_idx').on(table.idempotencyKey),
    index('self_registrations_receiver_idx').on(table.receiverOrganisationId, table.createdAt),
    check('self_registrations_consent_check', sql`${table.consentGivenBy} = 'client'`),
    check('self_registrations_contact_check', sql`(${table.contactBy} = 'phone' AND ${table.phone} IS NOT NULL) OR (${table.contactBy} = 'email' AND ${table.email} IS NOT NULL)`),
  ],
);
