// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the coalition register (/api/v1/coalitions): local coalitions and regional
// collaborations, their dated memberships, coordinators, steering group, funding, and the status of
// Kansrijke Start per municipality per year (issue 10 items 1 and 7; seed 003 "Coalities").
import { z } from 'zod';
import { INT32_MAX, nameSchema, pageOf, pagingQuerySchema, dateStringSchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';
import { sortParameter } from './sorting.js';

export const COALITION_KINDS = ['local', 'regional'] as const;
export const coalitionKindSchema = z.enum(COALITION_KINDS, { message: 'Kies lokaal of regionaal.' });
export type CoalitionKind = z.infer<typeof coalitionKindSchema>;

/** Seed 003: per municipality per year formed / in development / none, or the question went unanswered. */
export const MUNICIPALITY_STATUSES = ['formed', 'in_development', 'none', 'not_answered'] as const;
export const municipalityStatusSchema = z.enum(MUNICIPALITY_STATUSES, { message: 'Kies een geldige status.' });
export type MunicipalityStatus = z.infer<typeof municipalityStatusSchema>;
export const STATUS_SOURCES = ['register', 'questionnaire', 'synthetic'] as const;

/** Issue 10 item 7 (domain reference §10): where the money comes from. */
export const FUNDING_SOURCES = ['impulse', 'spuk_gala', 'spuk_iza', 'municipal_budget', 'funds', 'other'] as const;
export const fundingSourceSchema = z.enum(FUNDING_SOURCES, { message: 'Kies een geldige bron.' });
export type FundingSource = z.infer<typeof fundingSourceSchema>;

export const COORDINATOR_ROLES = ['coordinator', 'deputy'] as const;
export const coordinatorRoleSchema = z.enum(COORDINATOR_ROLES, { message: 'Kies coördinator of plaatsvervanger.' });

export const coalitionCodeSchema = z.string().regex(/^KS\d{4}$/, 'Verwacht: KS gevolgd door vier cijfers.');
export const coalitionCodeParamSchema = z.object({ code: coalitionCodeSchema });

/** A calendar date (jjjj-mm-dd) in the years a register can hold. */
export const registerDateSchema = z
  .iso.date({ message: 'Vul een geldige datum in (jjjj-mm-dd).' })
  .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', 'Kies een datum tussen 2000 en 2100.');

export const yearSchema = z.coerce
  .number({ message: 'Vul een jaartal in.' })
  .int('Vul een jaartal in.')
  .min(2018, 'Kies een jaar vanaf 2018.')
  .max(2100, 'Kies een jaar tot en met 2100.');

const shortText = (max: number) => z.string().trim().min(1, 'Dit veld is verplicht.').max(max, 'Dit is te lang.');

/**
 * Most euro cents one funding row holds: the platform refuses larger integers in any request
 * (storable-input), so about 21 million euro per row — a large amount is entered as rows per year.
 */
export const MAX_AMOUNT_CENTS = INT32_MAX;

// ---------------------------------------------------------------------------------------------- list

/** The fields the register sorts on (`sorteer`); by default the code. */
export const COALITION_SORT_FIELDS = ['code', 'name', 'kind', 'startDate', 'impulseTranche'] as const;

export const coalitionQuerySchema = pagingQuerySchema.extend({
  kind: coalitionKindSchema.optional(),
  provinceCode: z.string().regex(/^PV\d{2}$/, 'Verwacht: PV gevolgd door twee cijfers.').optional(),
  /** active (default), inactive or all. */
  status: z.enum(['active', 'inactive', 'all'], { message: 'Kies actief, inactief of alle.' }).default('active'),
  q: z.string().trim().max(100, 'Dit is te lang.').optional(),
  sorteer: sortParameter(COALITION_SORT_FIELDS),
});
export type CoalitionQuery = z.input<typeof coalitionQuerySchema>;

export const coalitionListItemSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: coalitionKindSchema,
    startDate: dateStringSchema.nullable(),
    impulseTranche: z.number().int().nullable(),
    mandateHolderCode: z.string().nullable(),
    isActive: z.boolean(),
    /** Current members, sorted by code. */
    municipalityCodes: z.array(z.string()),
    municipalityNames: z.array(z.string()),
    provinceNames: z.array(z.string()),
  })
  .meta({ id: 'CoalitionListItem' });
export type CoalitionListItem = z.infer<typeof coalitionListItemSchema>;
export const coalitionPageSchema = pageOf(coalitionListItemSchema, 'CoalitionPage');

// -------------------------------------------------------------------------------------------- detail

export const coalitionMemberSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  since: dateStringSchema,
  until: dateStringSchema.nullable(),
  isCurrent: z.boolean(),
});
export type CoalitionMember = z.infer<typeof coalitionMemberSchema>;

export const coalitionCoordinatorSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  organisationNames: z.array(z.string()),
  role: coordinatorRoleSchema,
  since: dateStringSchema,
  until: dateStringSchema.nullable(),
  isCurrent: z.boolean(),
});
export type CoalitionCoordinator = z.infer<typeof coalitionCoordinatorSchema>;

export const steeringMemberSchema = z.object({ id: z.uuid(), name: z.string(), organisation: z.string(), function: z.string() });
export type SteeringMember = z.infer<typeof steeringMemberSchema>;

export const fundingSchema = z.object({
  id: z.uuid(),
  source: fundingSourceSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  amountCents: z.number().int(),
  mandateHolderCode: z.string().nullable(),
  mandateHolderName: z.string().nullable(),
});
export type Funding = z.infer<typeof fundingSchema>;

export const memberStatusSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  year: z.number().int(),
  status: municipalityStatusSchema,
  source: z.enum(STATUS_SOURCES).nullable(),
});
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const COALITION_ACTIONS = ['update', 'deactivate'] as const;

export const coalitionSchema = coalitionListItemSchema
  .extend({
    mandateHolderName: z.string().nullable(),
    members: z.array(coalitionMemberSchema),
    coordinators: z.array(coalitionCoordinatorSchema),
    steeringGroup: z.array(steeringMemberSchema),
    funding: z.array(fundingSchema),
    /** The current members' status for `statusYear` (not_answered where none is recorded). */
    statusYear: z.number().int(),
    statuses: z.array(memberStatusSchema),
    /** What the current person may do with it (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(COALITION_ACTIONS)),
  })
  .meta({ id: 'Coalition' });
export type Coalition = z.infer<typeof coalitionSchema>;

export const coalitionReadQuerySchema = z.object({ year: yearSchema.optional() });

// ----------------------------------------------------------------------------------------- changes

export const coalitionCreateSchema = z
  .object({
    name: nameSchema,
    kind: coalitionKindSchema,
    startDate: registerDateSchema,
    impulseTranche: z.number().int().min(1, 'Kies tranche 1 tot en met 4.').max(4, 'Kies tranche 1 tot en met 4.').nullable().optional(),
    mandateHolderCode: municipalityCodeSchema.nullable().optional(),
    /** The first members, from the start date on. */
    municipalityCodes: z.array(municipalityCodeSchema).max(342).default([]),
  })
  .meta({ id: 'CoalitionCreate' });
export type CoalitionCreate = z.input<typeof coalitionCreateSchema>;

export const coalitionUpdateSchema = z
  .object({
    name: nameSchema.optional(),
    startDate: registerDateSchema.nullable().optional(),
    impulseTranche: z.number().int().min(1, 'Kies tranche 1 tot en met 4.').max(4, 'Kies tranche 1 tot en met 4.').nullable().optional(),
    mandateHolderCode: municipalityCodeSchema.nullable().optional(),
    /** false deactivates (platform admin only); true reactivates. */
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'CoalitionUpdate' });
export type CoalitionUpdate = z.input<typeof coalitionUpdateSchema>;

const periodRefinement = <T extends { since: string; until?: string | null | undefined }>(value: T) =>
  value.until == null || value.until >= value.since;
const END_BEFORE_START = { message: 'De einddatum ligt vóór de begindatum.', path: ['until'] };

export const membershipCreateSchema = z
  .object({ municipalityCode: municipalityCodeSchema, since: registerDateSchema, until: registerDateSchema.nullable().optional() })
  .refine(periodRefinement, END_BEFORE_START)
  .meta({ id: 'CoalitionMembershipCreate' });
export type MembershipCreate = z.input<typeof membershipCreateSchema>;

export const membershipEndSchema = z.object({ until: registerDateSchema }).meta({ id: 'CoalitionMembershipEnd' });
export const memberParamSchema = z.object({ code: coalitionCodeSchema, municipalityCode: municipalityCodeSchema });

export const coordinatorCreateSchema = z
  .object({
    /** The person's account, found by e-mail address: only people with an account can coordinate. */
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'Vul een geldig e-mailadres in.' })),
    role: coordinatorRoleSchema,
    since: registerDateSchema,
    until: registerDateSchema.nullable().optional(),
  })
  .refine(periodRefinement, END_BEFORE_START)
  .meta({ id: 'CoalitionCoordinatorCreate' });
export type CoordinatorCreate = z.input<typeof coordinatorCreateSchema>;
export const coordinatorEndSchema = z.object({ until: registerDateSchema }).meta({ id: 'CoalitionCoordinatorEnd' });
export const coordinatorParamSchema = z.object({ code: coalitionCodeSchema, personId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

export const steeringMemberCreateSchema = z
  .object({ name: shortText(200), organisation: shortText(200), function: shortText(200) })
  .meta({ id: 'SteeringMemberCreate' });
export type SteeringMemberCreate = z.input<typeof steeringMemberCreateSchema>;
export const coalitionItemParamSchema = z.object({ code: coalitionCodeSchema, id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

export const fundingCreateSchema = z
  .object({
    source: fundingSourceSchema,
    periodStart: registerDateSchema,
    periodEnd: registerDateSchema,
    amountCents: z
      .number({ message: 'Vul een bedrag in.' })
      .int('Vul het bedrag in hele centen in.')
      .min(0, 'Een bedrag is niet negatief.')
      .max(MAX_AMOUNT_CENTS, 'Dit bedrag is te groot.'),
    mandateHolderCode: municipalityCodeSchema.nullable().optional(),
  })
  .refine((value) => value.periodEnd >= value.periodStart, { message: 'Het einde van de periode ligt vóór het begin.', path: ['periodEnd'] })
  .meta({ id: 'FundingCreate' });
export type FundingCreate = z.input<typeof fundingCreateSchema>;

export const statusSetSchema = z
  .object({
    status: municipalityStatusSchema,
    /** A subset of the current members; all current members when absent. */
    municipalityCodes: z.array(municipalityCodeSchema).min(1).max(342).optional(),
  })
  .meta({ id: 'CoalitionStatusSet' });
export type StatusSet = z.input<typeof statusSetSchema>;
export const statusParamSchema = z.object({ code: coalitionCodeSchema, year: yearSchema });

// ---------------------------------------------------------------------------------------- overview

export const overviewQuerySchema = z.object({ year: yearSchema.optional() });

export const overviewMunicipalitySchema = z.object({
  code: z.string(),
  name: z.string(),
  provinceName: z.string(),
  status: municipalityStatusSchema,
  source: z.enum(STATUS_SOURCES).nullable(),
  localCoalition: z.object({ code: z.string(), name: z.string() }).nullable(),
  regionalCoalition: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type OverviewMunicipality = z.infer<typeof overviewMunicipalitySchema>;

export const coalitionOverviewSchema = z
  .object({
    year: z.number().int(),
    /** Every municipality counted once, in the status recorded for the year (not_answered where none). */
    statusCounts: z.object({ formed: z.number().int(), in_development: z.number().int(), none: z.number().int(), not_answered: z.number().int() }),
    /** Active coalitions per level and the municipalities in them now (a municipality counts once per level). */
    levels: z.object({
      local: z.object({ coalitions: z.number().int(), municipalities: z.number().int() }),
      regional: z.object({ coalitions: z.number().int(), municipalities: z.number().int() }),
    }),
    municipalities: z.array(overviewMunicipalitySchema),
    /** 'create' when the current person may found a coalition. */
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'CoalitionOverview' });
export type CoalitionOverview = z.infer<typeof coalitionOverviewSchema>;
