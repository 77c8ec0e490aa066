// SPDX-License-Identifier: EUPL-1.2
// A coalition's partners (issue 10 item 2): an organisation of the platform or an external one, with
// its domain, level (seed 001 stap 2), role and period, a contact person, and the partners the
// coalition wants but does not have yet (seed 003 "Samenwerking"). The questionnaire part prefills
// from this table after the merge: keep its name and columns.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PartnerDomain, PartnerLevel } from '../../../contracts/coalition-partners.js';
import { coalitions } from '../coalitions/schema.js';
import { organisations } from '../organisations/schema.js';

export const coalitionPartners = pgTable(
  'coalition_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    externalName: text('external_name'),
    domain: text('domain').$type<PartnerDomain>().notNull(),
    level: text('level').$type<PartnerLevel>().notNull(),
    role: text('role'),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    isWanted: boolean('is_wanted').notNull().default(false),
    /** Staff data of the partner (not client data); shown to logged-in users only. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('coalition_partners_coalition_idx').on(table.coalitionId),
    check('coalition_partners_party_check', sql`(${table.organisationId} IS NULL) <> (${table.externalName} IS NULL)`),
    check('coalition_partners_period_check', sql`${table.until} IS NULL OR ${table.since} IS NULL OR ${table.until} >= ${table.since}`),
    check(
      'coalition_partners_domain_check',
      sql`${table.domain} IN ('medical', 'social', 'informal', 'experts_by_experience', 'insurer', 'education', 'other')`,
    ),
    check('coalition_partners_level_check', sql`${table.level} IN ('bestuurlijk', 'beleidsmatig', 'uitvoerend')`),
  ],
);
