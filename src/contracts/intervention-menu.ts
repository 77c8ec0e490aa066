// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the national intervention menu (menukaart, issue 13 item 1): the menu entries with
// phases, pillars, recognition, cost model and default funding routes; the list with search, filters,
// paging and `sorteer`, and one entry in full.
import { z } from 'zod';
import { dateStringSchema, pagingQuerySchema } from './common.js';
import { sortParameter } from './sorting.js';

/** V: before pregnancy, T: during pregnancy, N: after birth. */
export const INTERVENTION_PHASES = ['V', 'T', 'N'] as const;
export type InterventionPhase = (typeof INTERVENTION_PHASES)[number];

/** The four pillars: information & education; signalling, advice & support; physical & social environment; rules. */
export const INTERVENTION_PILLARS = ['information_education', 'signalling_support', 'environment', 'rules'] as const;
export type InterventionPillar = (typeof INTERVENTION_PILLARS)[number];

/**
 * The recognition levels of the joint recognition system (domain reference §2.1), plus
 * 'niet_gevonden' (the sources hold no recognition record: unknown, not "none") and
 * 'niet_van_toepassing' (a legal task, not a menu intervention).
 */
export const RECOGNITION_LEVELS = [
  'goed_beschreven',
  'goed_onderbouwd',
  'effectief_eerste_aanwijzingen',
  'effectief_goede_aanwijzingen',
  'effectief_sterke_aanwijzingen',
  'niet_gevonden',
  'niet_van_toepassing',
] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
/** The levels a recognition committee (or its assessors) grants: these carry a date and a source. */
export const RECOGNISED_LEVELS: readonly RecognitionLevel[] = RECOGNITION_LEVELS.slice(0, 5);

/** Basic health insurance (Zvw), Wpg JGZ basic package, Youth Act, Wmo, SPUK GALA, SPUK IZA, municipal subsidy, funds. */
export const FUNDING_ROUTES = ['zvw', 'wpg_jgz', 'jeugdwet', 'wmo', 'spuk_gala', 'spuk_iza', 'municipal_subsidy', 'funds'] as const;
export type FundingRoute = (typeof FUNDING_ROUTES)[number];

/** What a published amount is per: family, birth, licence per birth or per client, or a regional programme. */
export const COST_MODELS = ['per_family', 'per_birth', 'licence_per_birth', 'licence_per_client', 'per_regional_programme'] as const;
export type CostModel = (typeof COST_MODELS)[number];

export const interventionRecognitionSchema = z
  .object({
    level: z.enum(RECOGNITION_LEVELS),
    date: dateStringSchema.nullable(),
    validUntil: dateStringSchema.nullable(),
    source: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'InterventionRecognition' });

export const interventionCostSchema = z
  .object({
    model: z.enum(COST_MODELS),
    amountEur: z.number(),
    year: z.number().int(),
    source: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'InterventionCost' });

/** One entry of the menu as a list shows it (also what enrolment and the municipal questionnaire read). */
export const interventionSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    phases: z.array(z.enum(INTERVENTION_PHASES)),
    pillars: z.array(z.enum(INTERVENTION_PILLARS)),
    targetGroup: z.string().nullable(),
    goal: z.string().nullable(),
    providerType: z.string().nullable(),
    /** The recognition level (see RECOGNITION_LEVELS). */
    recognition: z.enum(RECOGNITION_LEVELS),
    recognitionNote: z.string().nullable(),
    recognitionDate: dateStringSchema.nullable(),
    fundingRoutes: z.array(z.enum(FUNDING_ROUTES)),
    hasPublishedCost: z.boolean(),
    isLegalTask: z.boolean(),
  })
  .meta({ id: 'Intervention' });
export type InterventionItem = z.infer<typeof interventionSchema>;

export const interventionPageSchema = z
  .object({ items: z.array(interventionSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), menuVersion: z.string() })
  .meta({ id: 'InterventionPage' });
export type InterventionPage = z.infer<typeof interventionPageSchema>;

export const interventionDetailSchema = z
  .object({
    menuVersion: z.string(),
    key: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    phases: z.array(z.enum(INTERVENTION_PHASES)),
    pillars: z.array(z.enum(INTERVENTION_PILLARS)),
    targetGroup: z.string().nullable(),
    goal: z.string().nullable(),
    approach: z.string().nullable(),
    workingElements: z.array(z.string()),
    providerType: z.string().nullable(),
    licenceHolder: z.string().nullable(),
    website: z.string().nullable(),
    recognition: interventionRecognitionSchema,
    conditions: z.array(z.string()),
    costs: z.array(interventionCostSchema),
    costNote: z.string().nullable(),
    fundingRoutes: z.array(z.enum(FUNDING_ROUTES)),
    fundingNote: z.string().nullable(),
    isLegalTask: z.boolean(),
    sources: z.array(z.string()),
  })
  .meta({ id: 'InterventionDetail' });
export type InterventionDetail = z.infer<typeof interventionDetailSchema>;

/** The fields the menu sorts on (`sorteer`); by default the name. */
export const INTERVENTION_SORT_FIELDS = ['name', 'recognition', 'recognitionDate'] as const;

export const interventionQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(100).optional().meta({ description: 'Zoeken in naam, andere namen, doelgroep, doel en aanbieder.' }),
  phase: z.enum(INTERVENTION_PHASES).optional().meta({ description: 'Fase: V (voor de zwangerschap), T (tijdens), N (na de geboorte).' }),
  pillar: z.enum(INTERVENTION_PILLARS).optional(),
  recognition: z.enum(RECOGNITION_LEVELS).optional(),
  fundingRoute: z.enum(FUNDING_ROUTES).optional(),
  sorteer: sortParameter(INTERVENTION_SORT_FIELDS),
});
export type InterventionQuery = z.infer<typeof interventionQuerySchema>;

export const interventionKeyParamSchema = z.object({
  key: z.string().max(100).regex(/^[a-z0-9-]+$/, 'Geen geldige sleutel van een interventie.'),
});
