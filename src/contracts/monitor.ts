// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the monitor and atlas (/api/v1/monitor/*). Every figure here is published
// AFTER small-number suppression; suppressed cells carry no numerator, denominator or value.
import { z } from 'zod';

export const SPLITS = ['all', 'vulnerable', 'not_vulnerable'] as const;
export const splitSchema = z.enum(SPLITS);
export type Split = z.infer<typeof splitSchema>;

export const AREA_LEVELS = ['municipality', 'ggd_region', 'province', 'nation'] as const;
export const areaLevelSchema = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof areaLevelSchema>;
/** The code of the Netherlands as a whole (as RIVM codes it). */
export const NATION_CODE = 'NL01';

export const PHASES = ['programme', 'before_pregnancy', 'during_pregnancy', 'after_birth'] as const;
export const INDICATOR_TYPES = ['process', 'outcome'] as const;
export const UNITS = ['percentage', 'per_1000'] as const;
export const SOURCE_KINDS = ['records', 'import', 'questionnaire'] as const;
export const DIRECTIONS = ['lower', 'higher'] as const;

export const indicatorSchema = z
  .object({
    /** Stable key, never the edition's number. */
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    name: z.string(),
    shortName: z.string(),
    phase: z.enum(PHASES),
    type: z.enum(INDICATOR_TYPES),
    numerator: z.string(),
    denominator: z.string(),
    unit: z.enum(UNITS),
    source: z.string(),
    sourceKind: z.enum(SOURCE_KINDS),
    desiredDirection: z.enum(DIRECTIONS),
    /** Counts of persons are suppressed below the threshold; counts of municipalities or organisations are not. */
    countsPersons: z.boolean(),
    /** Whether the vulnerable / not-vulnerable split exists for this indicator. */
    hasVulnerabilitySplit: z.boolean(),
    editions: z.array(z.object({ edition: z.string(), number: z.number().int() })),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof indicatorSchema>;

export const SYMBOLS = ['up', 'down', 'stable', 'not_comparable'] as const;
export const ASSESSMENTS = ['desired', 'undesired', 'unclear'] as const;

export const figureSchema = z
  .object({
    indicatorKey: z.string(),
    areaLevel: areaLevelSchema,
    areaCode: z.string(),
    areaName: z.string(),
    /** Last year of the period; equal to firstYear unless pooled. */
    year: z.number().int(),
    firstYear: z.number().int(),
    isPooled: z.boolean(),
    split: splitSchema,
    isSuppressed: z.boolean(),
    suppression: z.enum(['small_count', 'pair', 'complementary']).nullable(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    /** In the indicator's unit (percentage 0–100 or per 1,000). */
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    source: z.enum(SOURCE_KINDS),
    /** E.g. "Kansrijk-registratie (synthetisch)" or the name of an imported file. */
    sourceLabel: z.string(),
    isSynthetic: z.boolean(),
    /** Change against the previous period, when both are published. */
    change: z
      .object({
        symbol: z.enum(SYMBOLS),
        assessment: z.enum(ASSESSMENTS),
        pValue: z.number().nullable(),
        isSignificant: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'IndicatorFigure' });
export type Figure = z.infer<typeof figureSchema>;

export const trendSchema = z
  .object({ pValue: z.number().nullable(), isSignificant: z.boolean(), direction: z.enum(['up', 'down', 'none']) })
  .meta({ id: 'TrendTest' });

export const figureQuerySchema = z.object({
  areaLevel: areaLevelSchema.default('municipality'),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  split: splitSchema.default('all'),
  /** Pool this many years (ending at `year`), as RIVM does for small areas. */
  poolYears: z.coerce.number().int().min(1).max(10).default(1),
});

export const importRowSchema = z.object({
  indicatorKey: z.string(),
  areaCode: z.string(),
  year: z.number().int(),
  split: splitSchema,
  numerator: z.number().int(),
  denominator: z.number().int(),
});
/** The columns an aggregate import file must have, in this order. */
export const IMPORT_COLUMNS = ['indicator', 'gebied', 'jaar', 'uitsplitsing', 'teller', 'noemer'] as const;
