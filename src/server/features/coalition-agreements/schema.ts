// SPDX-License-Identifier: EUPL-1.2
// A coalition's collaboration agreements (issue 10 item 3; topics from seed 003 "Samenwerking"), the
// parties to each (partners of the coalition, with their role), the reason a topic has no agreement,
// and the documents (ADR 0014: in PostgreSQL, in a table of their own, every upload kept). The
// questionnaire part prefills from coalition_agreements after the merge: keep its name and columns.
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AgreementLevel, AgreementStatus, AgreementTopic } from '../../../contracts/coalition-agreements.js';
import { coalitions } from '../coalitions/schema.js';
import { people } from '../organisations/schema.js';
import { coalitionPartners } from '../coalition-partners/schema.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const coalitionAgreements = pgTable(
  'coalition_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    topic: text('topic').$type<AgreementTopic>().notNull(),
    /** Null only on a row that records why the topic has no agreement. */
    level: text('level').$type<AgreementLevel>(),
    status: text('status').$type<AgreementStatus>(),
    title: text('title'),
    agreedOn: date('agreed_on', { mode: 'string' }),
    reviewDue: date('review_due', { mode: 'string' }),
    /** Set (and status, level null) when the row says why there is no agreement on the topic. */
    noAgreementReason: text('no_agreement_reason'),
    /** A repeated create with the same key returns this row. */
    idempotencyKey: uuid('idempotency_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('coalition_agreements_coalition_idx').on(table.coalitionId),
    uniqueIndex('coalition_agreements_idempotency_idx').on(table.coalitionId, table.idempotencyKey),
    // At most one "no agreement, because …" per topic.
    uniqueIndex('coalition_agreements_no_agreement_idx').on(table.coalitionId, table.topic).where(sql`${table.noAgreementReason} IS NOT NULL`),
    check(
      'coalition_agreements_kind_check',
      sql`(${table.noAgreementReason} IS NULL AND ${table.status} IS NOT NULL AND ${table.level} IS NOT NULL) OR (${table.noAgreementReason} IS NOT NULL AND ${table.status} IS NULL)`,
    ),
    check('coalition_agreements_review_check', sql`${table.reviewDue} IS NULL OR ${table.agreedOn} IS NULL OR ${table.reviewDue} >= ${table.agreedOn}`),
    check(
      'coalition_agreements_topic_check',
      sql`${table.topic} IN ('prenatal_home_visit', 'interventions', 'prenatal_education', 'preconception_health', 'experts_by_experience', 'signalling_and_referral', 'warm_handover', 'information_exchange', 'regional', 'other')`,
    ),
    check('coalition_agreements_level_check', sql`${table.level} IS NULL OR ${table.level} IN ('uitvoering', 'organisatie', 'bestuur')`),
    check('coalition_agreements_status_check', sql`${table.status} IS NULL OR ${table.status} IN ('in_development', 'agreed', 'under_review', 'expired')`),
  ],
);

export const coalitionAgreementParties = pgTable(
  'coalition_agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => coalitionAgreements.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => coalitionPartners.id),
    role: text('role').notNull(),
  },
  (table) => [primaryKey({ columns: [table.agreementId, table.partnerId] })],
);

/** Every uploaded document is kept; the newest is the agreement's current document (ADR 0014). */
export const coalitionAgreementDocuments = pgTable(
  'coalition_agreement_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => coalitionAgreements.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by').references(() => people.id),
  },
  (table) => [
    index('coalition_agreement_documents_agreement_idx').on(table.agreementId, table.uploadedAt),
    check('coalition_agreement_documents_size_check', sql`${table.sizeBytes} BETWEEN 1 AND 10485760 AND octet_length(${table.content}) = ${table.sizeBytes}`),
  ],
);
