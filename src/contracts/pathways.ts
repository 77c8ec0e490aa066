// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of care pathways (zorgpaden): the public agreements per municipality or coalition
// (/api/v1/pathways) and the suggestions for a family's factor profile (/api/v1/families/{familyId}/pathways).
import { z } from 'zod';
import { dateStringSchema, dateTimeStringSchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';
import { calendarDateSchema } from './coalition-partners.js';
import { isKnownFactorKey } from './screening/factor-catalogue.js';
import { VERIFICATION_STATUSES } from './services.js';
import { nl } from './i18n/nl.js';

const contactSchema = z.object({ phone: z.string().optional(), email: z.string().optional(), website: z.string().optional() });
const serviceSchema = z.object({
  /** The service chosen from the service directory; absent only in old versions whose services were typed by hand. */
  serviceId: z.uuid().optional(),
  /** From the directory at read time (a hand-typed service: as typed). */
  name: z.string(),
  organisationName: z.string(),
  contact: contactSchema,
  conditions: z.string().optional(),
  /**
   * Read from the directory (absent for a hand-typed service): whether it is active, how current it is,
   * and who receives a referral — the platform organisation, or null for an external provider (then a
   * contact card instead of a referral).
   */
  directory: z
    .object({
      isActive: z.boolean(),
      verification: z.enum(VERIFICATION_STATUSES),
      /** True when overdue: shown as "niet recent gecontroleerd". */
      notRecentlyChecked: z.boolean(),
      referralOrganisationId: z.uuid().nullable(),
      externalProviderName: z.string().nullable(),
      openingHours: z.string().nullable(),
    })
    .optional(),
});
const stepSchema = z.object({ title: z.string(), description: z.string(), services: z.array(serviceSchema) });

export const carePathwaySchema = z
  .object({
    id: z.uuid(),
    factorKey: z.string(),
    factorLabel: z.string(),
    /** Whose agreement this is: the municipality's own, or the coalition's. */
    level: z.enum(['municipality', 'coalition']),
    scopeCode: z.string(),
    title: z.string(),
    localAgreements: z.string(),
    steps: z.array(stepSchema),
    version: z.number().int(),
    updatedAt: dateTimeStringSchema,
  })
  .meta({ id: 'CarePathway' });
export type CarePathway = z.infer<typeof carePathwaySchema>;

export const pathwayQuerySchema = z.object({ municipality: municipalityCodeSchema.optional() });

export const carePathwayListSchema = z
  .object({
    municipalityCode: z.string().nullable(),
    coalitionCode: z.string().nullable(),
    items: z.array(carePathwaySchema),
  })
  .meta({ id: 'CarePathwayList' });

export const familyPathwayQuerySchema = z.object({ screeningId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }).optional() });

export const pathwaySuggestionSchema = z
  .object({
    factorKey: z.string(),
    factorLabel: z.string(),
    /** Null: no pathway for this factor yet — the gap is shown, not hidden. */
    level: z.enum(['municipality', 'coalition']).nullable(),
    pathway: carePathwaySchema.nullable(),
  })
  .meta({ id: 'PathwaySuggestion' });
export type PathwaySuggestion = z.infer<typeof pathwaySuggestionSchema>;

export const familyPathwaysSchema = z
  .object({
    familyId: z.uuid(),
    /** The completed screening whose risk factors were looked up; null when the family has none. */
    screeningId: z.uuid().nullable(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    coalitionCode: z.string().nullable(),
    coalitionName: z.string().nullable(),
    suggestions: z.array(pathwaySuggestionSchema),
  })
  .meta({ id: 'FamilyPathways' });
export type FamilyPathways = z.infer<typeof familyPathwaysSchema>;

// ---------------------------------------------------------------------------------------------
// The pathway editor (issue 13 item 4): versions of a pathway per scope (municipality or coalition)
// × risk factor. Published versions are read by everyone logged in; drafts by the pathway's editors.

export const PATHWAY_STATUSES = ['draft', 'published', 'archived', 'withdrawn'] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

/** A municipality (GM) or coalition (KS) code: whose pathway it is. */
export const pathwayScopeCodeSchema = z.string().regex(/^(GM|KS)\d{4}$/, 'Verwacht: een gemeentecode (GM en vier cijfers) of coalitiecode (KS en vier cijfers).');
export const pathwayFactorKeySchema = z
  .string()
  .max(60, 'Onbekende factor; kies een factor uit het factormodel.')
  .refine(isKnownFactorKey, 'Onbekende factor; kies een factor uit het factormodel.');
export const pathwayParamSchema = z.object({ scopeCode: pathwayScopeCodeSchema, factorKey: pathwayFactorKeySchema });
export const pathwayVersionParamSchema = pathwayParamSchema.extend({
  version: z.coerce.number({ message: 'Geen geldig versienummer.' }).int('Geen geldig versienummer.').min(1, 'Geen geldig versienummer.').max(100_000, 'Geen geldig versienummer.'),
});

const text = (max: number, required: string | null) => {
  const base = z.string({ message: required ?? 'Vul dit veld in.' }).trim().max(max, `Dit is te lang (hoogstens ${max} tekens).`);
  return required ? base.min(1, required) : base;
};

/**
 * A step's service in a draft: chosen from the service directory (its name and contact are read from
 * there). Hand-typed fields (name, organisation, contact) are no longer saved: a service without
 * `serviceId` is refused with a Dutch message; other keys are ignored.
 */
export const pathwayServiceInputSchema = z.object({
  serviceId: z.uuid({ message: nl.pathwayServices.errorHandTyped }),
  conditions: text(1000, null).optional(),
});

export const pathwayStepInputSchema = z
  .object({
    title: text(200, 'Vul de titel van de stap in.'),
    description: text(2000, null),
    services: z.array(pathwayServiceInputSchema).max(20, 'Hoogstens 20 aanbieders per stap.'),
  })
  .strict();

/** What the editor saves in a draft. A draft may be incomplete; publishing checks the rest. */
export const pathwayDraftInputSchema = z
  .object({
    title: text(200, 'Vul een titel in.'),
    localAgreements: text(5000, null),
    agreementIds: z.array(z.uuid({ message: 'Geen geldige verwijzing (UUID).' })).max(30, 'Hoogstens 30 samenwerkingsafspraken.').default([]),
    steps: z.array(pathwayStepInputSchema).max(30, 'Hoogstens 30 stappen.'),
    reviewDue: calendarDateSchema.nullable().default(null),
  })
  .strict()
  .meta({ id: 'PathwayDraftInput' });
export type PathwayDraftInput = z.input<typeof pathwayDraftInputSchema>;

/** Starting a draft: from the latest version, or (for a pathway that has none yet) with a title. */
export const pathwayDraftStartSchema = z.object({ title: text(200, 'Vul een titel in.').optional() }).strict();

export const pathwayVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(PATHWAY_STATUSES),
    title: z.string(),
    localAgreements: z.string(),
    agreementIds: z.array(z.uuid()),
    steps: z.array(stepSchema),
    reviewDue: dateStringSchema.nullable(),
    ownerCode: z.string(),
    updatedByName: z.string().nullable(),
    updatedAt: dateTimeStringSchema,
    publishedAt: dateTimeStringSchema.nullable(),
    /** Archived: the version that replaced it. */
    replacedByVersion: z.number().int().nullable(),
  })
  .meta({ id: 'PathwayVersion' });
export type PathwayVersion = z.infer<typeof pathwayVersionSchema>;

export const PATHWAY_ACTIONS = ['start_draft', 'edit', 'publish', 'withdraw', 'add_improvement_action'] as const;
export type PathwayAction = (typeof PATHWAY_ACTIONS)[number];

export const pathwayDetailSchema = z
  .object({
    scopeKind: z.enum(['municipality', 'coalition']),
    scopeCode: z.string(),
    scopeName: z.string(),
    /** The coalition whose coordinators edit this pathway (and whose plan gets improvement actions). */
    coalitionCode: z.string().nullable(),
    factorKey: z.string(),
    factorLabel: z.string(),
    /** The municipalities whose directory services a step may name: the municipality, or the coalition's municipalities. */
    serviceMunicipalityCodes: z.array(z.string()),
    /** Newest first; drafts only for the pathway's editors. */
    versions: z.array(pathwayVersionSchema),
    allowedActions: z.array(z.enum(PATHWAY_ACTIONS)),
  })
  .meta({ id: 'PathwayDetail' });
export type PathwayDetail = z.infer<typeof pathwayDetailSchema>;

export const pathwayRegisterQuerySchema = z.object({ scope: pathwayScopeCodeSchema });

export const pathwayRegisterItemSchema = z
  .object({
    scopeKind: z.enum(['municipality', 'coalition']),
    scopeCode: z.string(),
    scopeName: z.string(),
    factorKey: z.string(),
    factorLabel: z.string(),
    title: z.string(),
    /** The status the list shows: published, else draft (editors only), else withdrawn. */
    status: z.enum(PATHWAY_STATUSES),
    publishedVersion: z.number().int().nullable(),
    draftVersion: z.number().int().nullable(),
    reviewDue: dateStringSchema.nullable(),
    updatedAt: dateTimeStringSchema,
  })
  .meta({ id: 'PathwayRegisterItem' });
export type PathwayRegisterItem = z.infer<typeof pathwayRegisterItemSchema>;

export const pathwayRegisterSchema = z
  .object({
    scopeKind: z.enum(['municipality', 'coalition']),
    scopeCode: z.string(),
    scopeName: z.string(),
    items: z.array(pathwayRegisterItemSchema),
    /** 'create': may start a pathway for a factor that has none yet here. */
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'PathwayRegister' });
export type PathwayRegister = z.infer<typeof pathwayRegisterSchema>;

export const pathwayImprovementActionSchema = z.object({
  title: z.string({ message: 'Vul een titel in.' }).trim().min(1, 'Vul een titel in.').max(300, 'Dit is te lang (hoogstens 300 tekens).'),
}).strict();
export const pathwayImprovementActionResultSchema = z.object({ id: z.uuid(), coalitionCode: z.string() }).meta({ id: 'PathwayImprovementActionResult' });
