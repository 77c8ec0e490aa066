// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the finder for professionals (issue 13 item 5: the published pathway of a
// municipality — else its coalition's — and the directory services for one risk factor) and of the
// coverage and funding overview (item 7: factors × municipalities, interventions per phase, recognised
// interventions compared with municipalities of the same size band).
import { z } from 'zod';
import { municipalityCodeSchema } from './reference.js';
import { carePathwaySchema } from './pathways.js';
import { serviceSchema, VERIFICATION_STATUSES } from './services.js';
import { isKnownFactorKey } from './screening/factor-catalogue.js';
import { FUNDING_ROUTES, INTERVENTION_PHASES } from './intervention-menu.js';

export const factorKeySchema = z.string().max(100).refine(isKnownFactorKey, { message: 'Onbekende risicofactor: kies een factor uit de factorcatalogus.' });
export const coalitionCodeQuerySchema = z.string().regex(/^KS\d{4}$/, 'Verwacht: KS gevolgd door vier cijfers.');

export const offerFinderQuerySchema = z.object({ municipality: municipalityCodeSchema, factor: factorKeySchema });

export const offerFinderResultSchema = z
  .object({
    municipalityCode: z.string(),
    municipalityName: z.string(),
    coalitionCode: z.string().nullable(),
    coalitionName: z.string().nullable(),
    factorKey: z.string(),
    factorLabel: z.string(),
    /** Whose pathway applies: the municipality's own, its coalition's, or none (null). */
    level: z.enum(['municipality', 'coalition']).nullable(),
    pathway: carePathwaySchema.nullable(),
    /** How current each directory service a pathway step names is (by service id). */
    pathwayServiceVerification: z.record(z.string(), z.enum(VERIFICATION_STATUSES)),
    /** Active directory services for this factor in this municipality. */
    services: z.array(serviceSchema),
  })
  .meta({ id: 'OfferFinderResult' });
export type OfferFinderResult = z.infer<typeof offerFinderResultSchema>;

export const coverageQuerySchema = z.object({
  /** A coalition (KS code); without it every municipality of the country (analysts and the platform admin). */
  coalition: coalitionCodeQuerySchema.optional(),
});

export const COVERAGE_STATUSES = ['present', 'outdated', 'missing'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

const coverageScopeSchema = z.object({ kind: z.enum(['coalition', 'national']), code: z.string().nullable(), name: z.string().nullable() });

export const coverageMatrixSchema = z
  .object({
    scope: coverageScopeSchema,
    /** The day the review dates and confirmations were judged on. */
    date: z.string(),
    factors: z.array(z.object({ key: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        municipalityCode: z.string(),
        municipalityName: z.string(),
        /** One per factor, in the order of `factors`. */
        cells: z.array(
          z.object({
            factorKey: z.string(),
            status: z.enum(COVERAGE_STATUSES),
            /** Whose pathway counts: the municipality's own or its coalition's. */
            level: z.enum(['municipality', 'coalition']).nullable(),
            /** Why outdated: the review date passed, and/or a service on it is not recently checked (or inactive). */
            reasons: z.array(z.enum(['review_due_passed', 'service_overdue'])),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CoverageMatrix' });
export type CoverageMatrix = z.infer<typeof coverageMatrixSchema>;

export const phaseOfferSchema = z
  .object({
    scope: coverageScopeSchema,
    items: z.array(
      z.object({
        phase: z.enum(INTERVENTION_PHASES),
        interventionKey: z.string(),
        interventionName: z.string(),
        isRecognised: z.boolean(),
        coalitionCode: z.string(),
        /** Null: the whole coalition. */
        municipalityCode: z.string().nullable(),
        municipalityName: z.string().nullable(),
        serviceName: z.string(),
        fundingRoute: z.enum(FUNDING_ROUTES),
        capacityPerYear: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'PhaseOffer' });
export type PhaseOffer = z.infer<typeof phaseOfferSchema>;

/** CBS-style size bands by number of inhabitants (lower bounds). */
export const SIZE_BANDS = ['lt20k', '20k-50k', '50k-100k', 'gte100k'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export const recognisedComparisonSchema = z
  .object({
    scope: coverageScopeSchema,
    items: z.array(
      z.object({
        municipalityCode: z.string(),
        municipalityName: z.string(),
        population: z.number().int(),
        sizeBand: z.enum(SIZE_BANDS),
        /** Distinct recognised menu interventions offered now (the municipality's own offer and its coalitions' whole-coalition offer). */
        recognisedCount: z.number().int(),
        /** Over every municipality of the country in the same size band. */
        bandAverage: z.number(),
        bandMunicipalities: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RecognisedComparison' });
export type RecognisedComparison = z.infer<typeof recognisedComparisonSchema>;
