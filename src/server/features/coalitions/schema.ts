// SPDX-License-Identifier: EUPL-1.2
// The coalition register: the local coalitions Kansrijke Start and the municipalities each covers.
// Minimal for now (the monitor aggregates over it); the coalition workspace builds on these tables.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../reference/schema.js';
import { people } from '../organisations/schema.js';

/** Seed 003: a municipality works in a local coalition, and (140 of them) also in a (sub)regional one. */
export const COALITION_KINDS = ['local', 'regional'] as const;
export type CoalitionKind = (typeof COALITION_KINDS)[number];

export const coalitions = pgTable(
  'coalitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable public code, as the monitor shows it: "KS" and four digits (e.g. KS0001). */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** 'local': a coalition of one municipality (or a few); 'regional': a (sub)regional collaboration. */
    kind: text('kind').$type<CoalitionKind>().notNull().default('local'),
    startDate: date('start_date', { mode: 'string' }),
    /** The tranche of the impulse funding (1–4) in which the coalition started. */
    impulseTranche: smallint('impulse_tranche'),
    /** The municipality that receives and accounts for regional funds (mandaathouder). */
    mandateHolderCode: text('mandate_holder_code').references(() => municipalities.code),
    /** An inactive coalition keeps its history but gets no figures and no members in the monitor. */
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The target of the members' (coalition_id, kind) reference: a member row has its coalition's kind.
    unique('coalitions_id_kind_unique').on(table.id, table.kind),
    check('coalitions_kind_check', sql`${table.kind} IN ('local', 'regional')`),
    check('coalitions_impulse_tranche_check', sql`${table.impulseTranche} IS NULL OR ${table.impulseTranche} BETWEEN 1 AND 4`),
  ],
);

export const coalitionMunicipalities = pgTable(
  'coalition_municipalities',
  {
    coalitionId: uuid('coalition_id').notNull(),
    /** Always the coalition's kind (enforced by the reference to coalitions (id, kind)). */
    kind: text('kind').$type<CoalitionKind>().notNull().default('local'),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    since: date('since', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
    /** Last day of membership; null while it lasts. */
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.coalitionId, table.municipalityCode, table.since] }),
    foreignKey({ columns: [table.coalitionId, table.kind], foreignColumns: [coalitions.id, coalitions.kind] }).onUpdate('cascade'),
    check('coalition_municipalities_period_check', sql`${table.until} IS NULL OR ${table.until} >= ${table.since}`),
    // A municipality belongs to at most one local coalition and at most one regional collaboration at
    // a time (seed 003). The current memberships are unique here; that closed periods do not overlap
    // is checked by the register's use-cases. The monitor's totals per level are then sums over
    // disjoint sets of municipalities (no birth counted twice in a level).
    uniqueIndex('coalition_municipalities_current_idx').on(table.municipalityCode, table.kind).where(sql`${table.until} IS NULL`),
  ],
);

/**
 * Who coordinates a coalition (seed 001 step 2: a kartrekker, with a deputy). The access policy's
 * reach 'own_coalition' is the set of coalitions a person coordinates today (platform/auth/session.ts).
 */
export const coalitionCoordinators = pgTable(
  'coalition_coordinators',
  {
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<'coordinator' | 'deputy'>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    /** Last day in the role; null while it lasts. */
    until: date('until', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.coalitionId, table.personId] }),
    index('coalition_coordinators_person_idx').on(table.personId),
    check('coalition_coordinators_role_check', sql`${table.role} IN ('coordinator', 'deputy')`),
    check('coalition_coordinators_period_check', sql`${table.until} IS NULL OR ${table.until} >= ${table.since}`),
  ],
);

/** Seed 003 ("Coalities"): per municipality per year a coalition is formed, in development, absent, or the question went unanswered. */
export const MUNICIPALITY_COALITION_STATUSES = ['formed', 'in_development', 'none', 'not_answered'] as const;
export type MunicipalityCoalitionStatus = (typeof MUNICIPALITY_COALITION_STATUSES)[number];
/** Where a status came from: set in the register, answered in the yearly questionnaire, or synthetic (demo). */
export const STATUS_SOURCES = ['register', 'questionnaire', 'synthetic'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/**
 * The status of Kansrijke Start per municipality per year (seed 003 reports 212 formed, 66 in
 * development, 31 none). The register sets it; the municipality's submitted yearly questionnaire
 * overrides it (source 'questionnaire'); the monitor's indicator 1 counts it.
 */
export const municipalityCoalitionStatuses = pgTable(
  'municipality_coalition_statuses',
  {
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    year: smallint('year').notNull(),
    status: text('status').$type<MunicipalityCoalitionStatus>().notNull(),
    source: text('source').$type<StatusSource>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who recorded it (null for synthetic demo data). */
    recordedBy: uuid('recorded_by').references(() => people.id),
  },
  (table) => [
    primaryKey({ columns: [table.municipalityCode, table.year] }),
    check('municipality_coalition_statuses_status_check', sql`${table.status} IN ('formed', 'in_development', 'none', 'not_answered')`),
    check('municipality_coalition_statuses_source_check', sql`${table.source} IN ('register', 'questionnaire', 'synthetic')`),
    check('municipality_coalition_statuses_year_check', sql`${table.year} BETWEEN 2018 AND 2100`),
  ],
);

/**
 * The steering group (stuurgroep) that approves the coalition's plan (seed 001 step 2: a bestuurlijk
 * level). Its members are named as people in a function at an organisation — not accounts.
 */
export const coalitionSteeringMembers = pgTable(
  'coalition_steering_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    function: text('function').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('coalition_steering_members_coalition_idx').on(table.coalitionId)],
);

/** Issue 10 item 7: the funding of Kansrijke Start (domain reference §10: impulse, SPUK GALA and IZA, own budget, funds). */
export const FUNDING_SOURCES = ['impulse', 'spuk_gala', 'spuk_iza', 'municipal_budget', 'funds', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** A coalition's (or region's) funding: per source a period, an amount (euro cents) and the mandaathouder. */
export const coalitionFunding = pgTable(
  'coalition_funding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    coalitionId: uuid('coalition_id')
      .notNull()
      .references(() => coalitions.id),
    source: text('source').$type<FundingSource>().notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Whole euro cents (bigint: sums stay exact; one row is at most INT32_MAX cents, see the contract). */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The municipality that receives and accounts for the money. */
    mandateHolderCode: text('mandate_holder_code').references(() => municipalities.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('coalition_funding_coalition_idx').on(table.coalitionId),
    check('coalition_funding_source_check', sql`${table.source} IN ('impulse', 'spuk_gala', 'spuk_iza', 'municipal_budget', 'funds', 'other')`),
    check('coalition_funding_period_check', sql`${table.periodEnd} >= ${table.periodStart}`),
    check('coalition_funding_amount_check', sql`${table.amountCents} >= 0`),
  ],
);
