// SPDX-License-Identifier: EUPL-1.2
// Families (the chain's clients): the expecting parent, partner and child, their pregnancies, and who
// may see them — care relationships and emergency access ("break the glass").
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChildClosureReason } from '../../../contracts/families.js';
import { municipalities } from '../reference/schema.js';
import { organisations, people } from '../organisations/schema.js';

export type ContactChannel = 'phone' | 'email' | 'letter' | 'in_person';
export type FamilyMemberRole = 'client' | 'partner' | 'child';
export type CareRelationshipBasis = 'registered' | 'referral' | 'emergency';

export const families = pgTable(
  'families',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    postcode: text('postcode'),
    registeredByOrganisationId: uuid('registered_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    contactChannel: text('contact_channel').$type<ContactChannel>().notNull().default('phone'),
    contactLanguage: text('contact_language').notNull().default('nl'),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    /** Set when this family was merged into another (duplicate); the history stays under this id. */
    mergedIntoId: uuid('merged_into_id'),
    /** Optimistic locking: every change increments it; a change based on an older version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('families_municipality_idx').on(table.municipalityCode)],
);

/** The people of a family: the client (expecting parent), a partner (FHIR RelatedPerson), children after birth. */
export const familyMembers = pgTable(
  'family_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    role: text('role').$type<FamilyMemberRole>().notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** Lower-case, accents and spaces removed: for search and duplicate detection. */
    searchName: text('search_name').notNull(),
    /** The family name's main part, normalised, without tussenvoegsel (domain/name-search.ts): for search. */
    familyNameKey: text('family_name_key'),
    birthDate: date('birth_date', { mode: 'string' }),
    bsn: text('bsn'),
    /** 'female' | 'male' | 'other' | 'unknown' (FHIR administrative gender). */
    sex: text('sex'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('family_members_family_idx').on(table.familyId),
    index('family_members_bsn_idx').on(table.bsn),
    index('family_members_name_idx').on(table.searchName, table.birthDate),
    // Search by date of birth alone (the index above only helps when the name is known too).
    index('family_members_birth_date_idx').on(table.birthDate),
    index('family_members_search_name_prefix_idx').on(table.searchName.op('text_pattern_ops')),
    index('family_members_family_name_key_idx').on(table.familyNameKey.op('text_pattern_ops')),
  ],
);

export const pregnancies = pgTable(
  'pregnancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Number of earlier births (≥ 22 weeks). */
    parity: integer('parity').notNull().default(0),
    /** 'ongoing' | 'born' | 'ended' */
    status: text('status').notNull().default('ongoing'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('pregnancies_family_idx').on(table.familyId)],
);

/**
 * Why an organisation may see a family. 'registered': it registered the family. 'referral': it accepted
 * a referral — active only while the consent it was accepted under is valid (or under a legal ground).
 */
export const careRelationships = pgTable(
  'care_relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    basis: text('basis').$type<Exclude<CareRelationshipBasis, 'emergency'>>().notNull(),
    referralId: uuid('referral_id'),
    consentId: uuid('consent_id'),
    legalGround: text('legal_ground'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    index('care_relationships_organisation_idx').on(table.organisationId, table.familyId),
    // Covers familyVisibleTo's EXISTS per family (every column it reads): an index-only probe per
    // candidate when a search matches thousands of families.
    index('care_relationships_access_idx').on(
      table.familyId,
      table.organisationId,
      table.basis,
      table.endedAt,
      table.legalGround,
      table.consentId,
    ),
  ],
);

/** Break the glass: one person, one family, a few hours, with a reason; flagged until reviewed. */
export const emergencyAccesses = pgTable(
  'emergency_accesses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedById: uuid('reviewed_by_id').references(() => people.id),
    reviewNote: text('review_note'),
  },
  (table) => [index('emergency_accesses_person_idx').on(table.personId, table.familyId)],
);

export type { ChildClosureReason };

/**
 * A closure flag on a child (afscherming): while it is not lifted, a parent's view of the child shows
 * a neutral message and none of the child's data — never why. Who set it and when is kept.
 */
export const childClosures = pgTable(
  'child_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    childId: uuid('child_id')
      .notNull()
      .references(() => familyMembers.id),
    reason: text('reason').$type<ChildClosureReason>().notNull(),
    /** The professional who set it; null when set by the demo seed or a migration of records. */
    setById: uuid('set_by_id').references(() => people.id),
    setByOrganisationId: uuid('set_by_organisation_id').references(() => organisations.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedById: uuid('lifted_by_id').references(() => people.id),
  },
  (table) => [
    index('child_closures_child_idx').on(table.childId),
    // At most one flag in force per child: two professionals setting one at once cannot both succeed.
    uniqueIndex('child_closures_one_active_idx').on(table.childId).where(sql`lifted_at IS NULL`),
  ],
);
