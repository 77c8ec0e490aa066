// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the monitor and atlas (/api/v1/monitor/*). Every figure here is published
// AFTER small-number suppression; suppressed cells carry no numerator, denominator or value.
import { z } from 'zod';
import { STATUS_CATEGORIES } from './municipal-questionnaire.js';
import { MONITOR_NOTE_KEYS } from './i18n/sections/monitor-notes.js';

export const SPLITS = ['all', 'vulnerable', 'not_vulnerable'] as const;
export const splitSchema = z.enum(SPLITS);
export type Split = z.infer<typeof splitSchema>;

/**
 * Two coalition levels (issue 10 item 8; seed 003 "Lokale en regionale coalities"): 'coalition' is a
 * current LOCAL coalition, 'regional' a current REGIONAL collaboration. Each is a set of municipalities,
 * at most one of each kind per municipality (so each level sums disjoint sets), and a municipality
 * can be in one of each at the same time. Neither has boundaries of its own; both sit beside the GGD
 * region and beside each other, not above or below.
 */
export const AREA_LEVELS = ['municipality', 'ggd_region', 'province', 'coalition', 'regional', 'nation'] as const;
/** The coalition levels and the register's kind of coalition each counts. */
export const COALITION_LEVEL_OF_KIND = { local: 'coalition', regional: 'regional' } as const;
export type CoalitionLevel = (typeof COALITION_LEVEL_OF_KIND)[keyof typeof COALITION_LEVEL_OF_KIND];
export const areaLevelSchema = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof areaLevelSchema>;
/** The code of the Netherlands as a whole (as RIVM codes it). */
export const NATION_CODE = 'NL01';
/** Pooled periods are published for this many years (as RIVM pools for municipal maps), never another length. */
export const POOL_YEARS = 5;

export const PHASES = ['programme', 'before_pregnancy', 'during_pregnancy', 'after_birth'] as const;
export const INDICATOR_TYPES = ['process', 'outcome'] as const;
export const UNITS = ['percentage', 'per_1000'] as const;
export const SOURCE_KINDS = ['records', 'import', 'questionnaire'] as const;
export const DIRECTIONS = ['lower', 'higher'] as const;
export const YEAR_BASES = ['calendar_year', 'birth_cohort'] as const;

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
    /**
     * What "year" means for this indicator's figures: the calendar year of the event (birth, visit,
     * questionnaire), or the year of birth of a cohort whose outcome is measured around age two.
     */
    yearBasis: z.enum(YEAR_BASES),
    /** Where Kansrijk's definition differs from RIVM's: the key and the sentence from the catalogue. */
    notes: z.array(z.object({ key: z.enum(MONITOR_NOTE_KEYS), text: z.string() })),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof indicatorSchema>;

export const SYMBOLS = ['up', 'down', 'stable', 'not_comparable'] as const;
/**
 * How a figure reads: 'share' a percentage (or per 1,000) of persons with its 95% interval; the
 * questionnaire indicators count municipalities in full (no sample, so no interval and no test):
 * 'yes_no' for one municipality (its answer: numerator 1 of 1 is ja, 0 of 1 nee), 'count' for a
 * larger area (numerator of denominator municipalities said ja); 'categories' for indicator 1: the
 * coalition status of every municipality of the area, formed / in development / none / not answered
 * (seed 003: 212 / 66 / 31 of 342) — numerator 'formed', the breakdown in `categories`.
 */
export const FIGURE_KINDS = ['share', 'count', 'yes_no', 'categories'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];
export const ASSESSMENTS = ['desired', 'undesired', 'unclear'] as const;

export const figureSchema = z
  .object({
    indicatorKey: z.string(),
    kind: z.enum(FIGURE_KINDS),
    areaLevel: areaLevelSchema,
    areaCode: z.string(),
    areaName: z.string(),
    /** Last year of the period; equal to firstYear unless pooled. */
    year: z.number().int(),
    firstYear: z.number().int(),
    isPooled: z.boolean(),
    /** The period as shown: "2024", or "2020–2024" when pooled. */
    period: z.string(),
    split: splitSchema,
    isSuppressed: z.boolean(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    /** In the indicator's unit (percentage 0–100 or per 1,000); for 'count' the share of municipalities. */
    value: z.number().nullable(),
    /** The 95% interval; null when suppressed and for full counts ('count', 'yes_no'). */
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    source: z.enum(SOURCE_KINDS),
    /** E.g. "Kansrijk-registratie (synthetisch)" or the name of an imported file. */
    sourceLabel: z.string(),
    isSynthetic: z.boolean(),
    /** For kind 'categories': how many municipalities of the area are in each category, and their share (%). */
    categories: z
      .array(z.object({ category: z.enum(STATUS_CATEGORIES), count: z.number().int(), value: z.number() }))
      .nullable()
      .optional(),
    /**
     * Change against the previous period, with seed 003's symbol: ↑/↓ when the published figure rose
     * or fell (coloured by `assessment`), "…" when it is the same as published (one decimal), "×" when
     * there is nothing to compare (no earlier figure, or in an edition no new figure since the previous
     * one). Kansrijk's two-proportion test is beside it: null (not tested) without a comparison and
     * for full counts. Null for a suppressed figure.
     */
    change: z
      .object({
        symbol: z.enum(SYMBOLS),
        assessment: z.enum(ASSESSMENTS),
        pValue: z.number().nullable(),
        isSignificant: z.boolean().nullable(),
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

export const areaCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^(GM\d{4}|GG\d{4}|PV\d{2}|KS\d{4}|NL01)$/,
    'Verwacht een gebiedscode: GM0000 (gemeente), GG0000 (GGD-regio), PV00 (provincie), KS0000 (coalitie) of NL01.',
  );
export const indicatorKeySchema = z.string().trim().min(1).max(80).regex(/^[a-z][a-z0-9_]*$/, 'Geen geldige indicatorsleutel.');

/** `?decimal=comma` gives CSV numbers with a decimal comma (Dutch spreadsheets); JSON always uses a point. */
export const exportOptionsSchema = z.object({ decimal: z.enum(['point', 'comma']).default('point') });

export const overviewQuerySchema = exportOptionsSchema.extend({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export const seriesQuerySchema = exportOptionsSchema.extend({
  split: splitSchema.default('all'),
  poolYears: z.coerce.number().int().min(1).max(10).default(1),
});
export const figureListQuerySchema = figureQuerySchema.extend(exportOptionsSchema.shape);
export const areaProfileQuerySchema = overviewQuerySchema;

/** One line of the national overview (seed 003, Table 1): the latest national figure per split. */
export const overviewRowSchema = z
  .object({
    indicator: indicatorSchema,
    /** Latest year with a national figure (at most the requested year); null without data. */
    year: z.number().int().nullable(),
    all: figureSchema.nullable(),
    vulnerable: figureSchema.nullable(),
    notVulnerable: figureSchema.nullable(),
  })
  .meta({ id: 'MonitorOverviewRow' });
export const overviewSchema = z
  .object({ year: z.number().int().nullable(), items: z.array(overviewRowSchema) })
  .meta({ id: 'MonitorOverview' });
export type OverviewRow = z.infer<typeof overviewRowSchema>;
export type Overview = z.infer<typeof overviewSchema>;

export const seriesSchema = z
  .object({
    indicatorKey: z.string(),
    areaCode: z.string(),
    areaName: z.string(),
    areaLevel: areaLevelSchema,
    split: splitSchema,
    poolYears: z.number().int(),
    /** One figure per period, oldest first (suppressed periods included, without numbers). */
    items: z.array(figureSchema),
    /** Chi-square test for trend over the published, non-overlapping periods; null with fewer than 3. */
    trend: trendSchema.nullable(),
  })
  .meta({ id: 'IndicatorSeries' });
export type Series = z.infer<typeof seriesSchema>;

export const comparisonSchema = z
  .object({
    kind: z.enum(['similar_municipalities', 'ggd_region', 'coalition', 'regional', 'province', 'nation']),
    label: z.string(),
    areaCode: z.string().nullable(),
    /** For similar municipalities: how many published municipalities the mean is taken over. */
    municipalityCount: z.number().int().nullable(),
    isPublished: z.boolean(),
    /** 'count' for the questionnaire indicators (municipalities counted in full), else 'share'. */
    valueKind: z.enum(['share', 'count']),
    value: z.number().nullable(),
    /** The 95% interval of a share; null for a count (no sample). */
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    /** For a count: how many of how many municipalities said ja; null for a share. */
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
  })
  .meta({ id: 'AreaComparison' });
export type Comparison = z.infer<typeof comparisonSchema>;

/**
 * An active coalition and the municipalities it covers now (the map colours them by its figure);
 * kind 'local' is published at the level 'coalition', 'regional' at the level 'regional'.
 */
export const monitorCoalitionSchema = z
  .object({ code: z.string(), name: z.string(), kind: z.enum(['local', 'regional']), municipalityCodes: z.array(z.string()) })
  .meta({ id: 'MonitorCoalition' });
export type MonitorCoalition = z.infer<typeof monitorCoalitionSchema>;

export const areaProfileRowSchema = z
  .object({ indicator: indicatorSchema, figure: figureSchema.nullable(), comparisons: z.array(comparisonSchema) })
  .meta({ id: 'AreaProfileRow' });
export const areaProfileSchema = z
  .object({
    areaCode: z.string(),
    areaName: z.string(),
    areaLevel: areaLevelSchema,
    /** Population size class of a municipality (for the comparison with similar municipalities). */
    sizeClass: z.string().nullable(),
    sizeClassLabel: z.string().nullable(),
    year: z.number().int().nullable(),
    items: z.array(areaProfileRowSchema),
  })
  .meta({ id: 'AreaProfile' });
export type AreaProfileRow = z.infer<typeof areaProfileRowSchema>;
export type AreaProfile = z.infer<typeof areaProfileSchema>;

export const importErrorSchema = z
  .object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })
  .meta({ id: 'ImportError' });
export type ImportError = z.infer<typeof importErrorSchema>;
export const importPreviewSchema = z
  .object({
    isValid: z.boolean(),
    /** Data lines (without the header). */
    rowCount: z.number().int(),
    errorCount: z.number().int(),
    /** At most the first 1,000 line errors (plus any error about the whole file), in line order. */
    errors: z.array(importErrorSchema),
    sample: z.array(importRowSchema),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const monitorImportSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentHash: z.string(),
    rowCount: z.number().int(),
    importedAt: z.iso.datetime(),
    /** False when this exact file was imported before: nothing new was stored. */
    isNew: z.boolean(),
  })
  .meta({ id: 'MonitorImport' });
export type MonitorImport = z.infer<typeof monitorImportSchema>;
export const importQuerySchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\\/\u0000-\u001f]+$/, 'Geen geldige bestandsnaam.')
    .default('import.csv'),
});
