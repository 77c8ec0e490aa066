// SPDX-License-Identifier: EUPL-1.2
// The synthetic national birth register for the demo and the benchmark: deterministic record-level
// births for every municipality and year, calibrated by synthetic-model.ts. Rows are marked
// is_synthetic and keyed "synthetic:<year>:<code>:<n>", so running it again adds nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../platform/db/connection.js';
import {
  DEFAULT_BIRTH_WEIGHT_REFERENCE,
  isPreterm,
  isSmallForGestationalAge,
  type BirthWeightReference,
  type Sex,
} from './birth-weight-reference.js';
import { inverseStandardNormal, mulberry32, seedFromKey, standardNormal } from './random.js';
import {
  SHARES,
  planSyntheticBirths,
  zShiftForSgaProbability,
  type GroupProbabilities,
  type MunicipalityInput,
  type MunicipalityYearPlan,
} from './synthetic-model.js';
import type { BirthRegisterRow } from '../schema.js';

export const DEFAULT_DATA_FOLDER = fileURLToPath(new URL('../../../../../data', import.meta.url));

/** One row of birth_register, as the generator makes it (always synthetic, so without that flag). */
export type SyntheticBirth = Omit<BirthRegisterRow, 'isSynthetic'>;

/** Every child consumes exactly this many draws, so child n is the same whatever the scale. */
const DRAWS_PER_CHILD = 19;
const Z_AT_P10 = inverseStandardNormal(0.1);
/**
 * A child that does not complete a twin pair starts a twin pregnancy with this probability, so that
 * the children in twin pairs make up SHARES.multiple of all children: 2p / (1 + p) = multiple.
 */
const TWIN_PREGNANCY = SHARES.multiple / (2 - SHARES.multiple);
const LOWEST_WEIGHT_GRAMS = 250;
const HIGHEST_WEIGHT_GRAMS = 6500;

export function syntheticSourceKey(year: number, municipalityCode: string, childNumber: number): string {
  return `synthetic:${year}:${municipalityCode}:${childNumber}`;
}

interface PreparedGroup extends GroupProbabilities {
  pretermAmongSingletons: number;
  weightZShift: number;
}

function prepareGroup(group: GroupProbabilities): PreparedGroup {
  // Multiples are far more often preterm; singletons get the remainder so the group's rate holds.
  const pretermAmongSingletons = Math.max(0, (group.preterm - SHARES.multiple * SHARES.pretermAmongMultiples) / (1 - SHARES.multiple));
  return { ...group, pretermAmongSingletons, weightZShift: zShiftForSgaProbability(group.smallForGestationalAge) };
}

/**
 * The births of one municipality in one year (plan.births children, numbered from 1). Weights are
 * drawn log-normally around the reference's median ON THE DAY of gestation, with the spread that
 * puts its p10 at the 10th percentile, then shifted so that P(weight < p10) is the group's SGA
 * probability — so the register is calibrated to the very reference that classifies it (ADR 0012).
 */
export function generateMunicipalityYear(plan: MunicipalityYearPlan, reference: BirthWeightReference = DEFAULT_BIRTH_WEIGHT_REFERENCE): SyntheticBirth[] {
  const random = mulberry32(seedFromKey(`${plan.municipalityCode}:${plan.year}`));
  const groups = { vulnerable: prepareGroup(plan.vulnerable), notVulnerable: prepareGroup(plan.notVulnerable) };
  const isOutcomeAtTwoObservable = plan.year <= plan.outcomesKnownThroughYear;
  const draws = new Float64Array(DRAWS_PER_CHILD);
  const rows: SyntheticBirth[] = [];
  // The first-born of a twin pregnancy, while its sibling (the next child) is still to come.
  let firstTwin: SyntheticBirth | null = null;
  for (let childNumber = 1; childNumber <= plan.births; childNumber++) {
    for (let index = 0; index < DRAWS_PER_CHILD; index++) draws[index] = random();
    // A second twin shares the pregnancy: mother, gestational age, first visit, parents, kraamzorg.
    const twin = firstTwin;
    firstTwin = null;
    const isVulnerable = twin ? twin.isVulnerable : draws[0]! < plan.vulnerableShare;
    const group = isVulnerable ? groups.vulnerable : groups.notVulnerable;
    const sex: Sex = draws[1]! < SHARES.male ? 'male' : 'female';
    const isMultiple = twin !== null || draws[2]! < TWIN_PREGNANCY;
    const isBornPreterm = twin ? twin.isPreterm : draws[3]! < (isMultiple ? SHARES.pretermAmongMultiples : group.pretermAmongSingletons);
    // Preterm: 24+0 … 36+6 weeks, most of them late preterm. Term: 37+0 … 42+6, peaking at 40 weeks.
    const gestationalAgeDays = twin
      ? twin.gestationalAgeDays
      : isBornPreterm
        ? 258 - Math.floor(91 * draws[4]! ** 3)
        : 259 + Math.floor(21 * (draws[4]! + draws[5]!));
    const median = reference.p50Grams(gestationalAgeDays, sex);
    const sigma = Math.log(median / reference.p10Grams(gestationalAgeDays, sex)) / -Z_AT_P10;
    const z = standardNormal(draws[6]!, draws[7]!) + group.weightZShift;
    const birthWeightGrams = Math.min(HIGHEST_WEIGHT_GRAMS, Math.max(LOWEST_WEIGHT_GRAMS, Math.round(median * Math.exp(sigma * z))));
    const isLiveBorn = draws[8]! >= (isBornPreterm ? SHARES.stillbirthPreterm : SHARES.stillbirthTerm);
    const firstAntenatalVisitDay = twin
      ? twin.firstAntenatalVisitDay
      : draws[9]! < SHARES.firstVisitUnknown
        ? null
        : draws[9]! < SHARES.firstVisitUnknown + (1 - SHARES.firstVisitUnknown) * group.lateAntenatalCare
          ? 71 + Math.floor(draws[10]! * 110)
          : 42 + Math.floor(draws[10]! * 29);
    const parentCount = twin ? twin.parentCount : draws[12]! < group.singleParent ? 1 : 2;
    const parentsWithProblematicDebt = twin
      ? twin.parentsWithProblematicDebt
      : (draws[13]! < group.problematicDebt ? 1 : 0) + (parentCount === 2 && draws[14]! < group.problematicDebt ? 1 : 0);
    const motherHadKraamzorg = twin?.hadKraamzorg ?? draws[11]! >= group.noKraamzorg;
    const isSeenAtTwo = isLiveBorn && isOutcomeAtTwoObservable && draws[15]! < SHARES.outcomeAtTwoKnown;
    const row: SyntheticBirth = {
      sourceKey: syntheticSourceKey(plan.year, plan.municipalityCode, childNumber),
      municipalityCode: plan.municipalityCode,
      birthYear: plan.year,
      isVulnerable,
      gestationalAgeDays,
      birthWeightGrams,
      sex,
      isLiveBorn,
      isMultiple,
      birthOrder: twin ? 2 : 1,
      isPreterm: isPreterm(gestationalAgeDays),
      isSmallForGestationalAge: isSmallForGestationalAge(birthWeightGrams, gestationalAgeDays, sex, reference),
      firstAntenatalVisitDay,
      hadKraamzorg: isLiveBorn ? motherHadKraamzorg : null,
      parentCount,
      parentsWithProblematicDebt,
      hasNegativeSpeechLanguageScore: isSeenAtTwo ? draws[16]! < group.negativeSpeechLanguage : null,
      isOverweightAtTwo: isSeenAtTwo ? draws[17]! < group.overweightAtTwo : null,
      wasPlacedOutOfHomeBeforeTwo: isLiveBorn && isOutcomeAtTwoObservable ? draws[18]! < group.outOfHomePlacement : null,
    };
    rows.push(row);
    if (isMultiple && !twin) firstTwin = row;
  }
  return rows;
}

/** Population from the reference tables, density from the CBS key figures the reference data ship with. */
export async function loadMunicipalityInputs(db: Executor, dataFolder = DEFAULT_DATA_FOLDER): Promise<MunicipalityInput[]> {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(dataFolder, 'gemeenten_kerncijfers_2024.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const density = new Map(parsed.data.map((row) => [row.code!, Number(row.population_density_per_km2_land)]));
  const rows = await queryRows<{ code: string; population: number }>(db, sql`SELECT code, population FROM municipalities ORDER BY code`);
  if (rows.length === 0) throw new Error('no municipalities: load the reference data first');
  return rows.map((row) => {
    const populationDensityPerKm2 = density.get(row.code);
    if (!populationDensityPerKm2 || !Number.isFinite(populationDensityPerKm2)) throw new Error(`no population density for ${row.code}`);
    return { code: row.code, population: row.population, populationDensityPerKm2 };
  });
}

export interface SyntheticBirthOptions {
  years: number[];
  /** Multiplies every municipality's births (the benchmark uses 1, 2 and 4). */
  scale?: number;
  /** Only these municipalities (tests); the calibration still uses the whole country. */
  municipalityCodes?: readonly string[];
  reference?: BirthWeightReference;
  dataFolder?: string;
  /** Rows per INSERT statement. */
  chunkSize?: number;
  onProgress?: (progress: { generated: number; inserted: number; expected: number }) => void;
}

/** The plans a run would generate, without touching the register. */
export async function planFor(db: Executor, options: SyntheticBirthOptions): Promise<MunicipalityYearPlan[]> {
  const municipalities = await loadMunicipalityInputs(db, options.dataFolder);
  const only = options.municipalityCodes ? new Set(options.municipalityCodes) : undefined;
  return planSyntheticBirths(municipalities, options.years, { scale: options.scale, only });
}

/** Every row of a run, plan by plan (the benchmark loads the same rows into DuckDB). */
export function* syntheticBirths(plans: MunicipalityYearPlan[], reference?: BirthWeightReference): Generator<SyntheticBirth[]> {
  for (const plan of plans) yield generateMunicipalityYear(plan, reference);
}

/**
 * Generates and stores the synthetic births in one transaction (one commit, and on PGlite far fewer
 * round trips). Existing rows are left alone (ON CONFLICT DO NOTHING on source_key).
 */
export async function generateSyntheticBirths(db: Executor, options: SyntheticBirthOptions): Promise<{ generated: number; inserted: number }> {
  const plans = await planFor(db, options);
  const expected = plans.reduce((sum, plan) => sum + plan.births, 0);
  const chunkSize = options.chunkSize ?? 20_000;
  let generated = 0;
  let inserted = 0;
  const run = async (insertChunk: (rows: SyntheticBirth[]) => Promise<number>) => {
    let chunk: SyntheticBirth[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      inserted += await insertChunk(chunk);
      generated += chunk.length;
      chunk = [];
      options.onProgress?.({ generated, inserted, expected });
    };
    for (const rows of syntheticBirths(plans, options.reference)) {
      for (const row of rows) chunk.push(row);
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
  };
  const pglite = pgliteOf(db);
  if (pglite) {
    await pglite.transaction(async (tx) => {
      // PGlite runs in WebAssembly: COPY of a CSV blob into a staging table, then one INSERT, is about
      // twice as fast as INSERT … unnest. The codes were just read from municipalities and PGlite has a
      // single connection, so the per-row foreign-key trigger can be skipped for this transaction
      // (PGlite's user is a superuser); the server path keeps every check.
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.exec(`CREATE TEMP TABLE synthetic_births_staging (${COLUMNS.map((column) => `${column.name} ${column.type}`).join(', ')}) ON COMMIT DROP`);
      await run(async (rows) => {
        await tx.query(`COPY synthetic_births_staging FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csvOf(rows)]) });
        const result = await tx.query(
          `INSERT INTO birth_register (is_synthetic, ${SYNTHETIC_BIRTH_COLUMNS.join(', ')})
           SELECT true, * FROM synthetic_births_staging ON CONFLICT (source_key) DO NOTHING`,
        );
        await tx.exec('TRUNCATE synthetic_births_staging');
        return result.affectedRows ?? 0;
      });
    });
  } else {
    await db.transaction(async (transaction) => run((rows) => insertBirths(transaction as unknown as Executor, rows)));
  }
  // Fresh statistics and hint bits: the first aggregation over a million new rows is otherwise
  // several times slower (the planner still thinks the table is empty).
  if (inserted > 0) await db.execute(sql`VACUUM (ANALYZE) birth_register`);
  return { generated, inserted };
}

/** The PGlite instance behind a drizzle database, or undefined on the server. */
function pgliteOf(db: Executor): PGlite | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof PGlite ? client : undefined;
}

const COLUMNS: { name: string; type: string; value: (row: SyntheticBirth) => string | number | boolean | null }[] = [
  { name: 'source_key', type: 'text', value: (row) => row.sourceKey },
  { name: 'municipality_code', type: 'text', value: (row) => row.municipalityCode },
  { name: 'birth_year', type: 'smallint', value: (row) => row.birthYear },
  { name: 'is_vulnerable', type: 'boolean', value: (row) => row.isVulnerable },
  { name: 'gestational_age_days', type: 'smallint', value: (row) => row.gestationalAgeDays },
  { name: 'birth_weight_grams', type: 'smallint', value: (row) => row.birthWeightGrams },
  { name: 'sex', type: 'text', value: (row) => row.sex },
  { name: 'is_live_born', type: 'boolean', value: (row) => row.isLiveBorn },
  { name: 'is_multiple', type: 'boolean', value: (row) => row.isMultiple },
  { name: 'birth_order', type: 'smallint', value: (row) => row.birthOrder },
  { name: 'is_preterm', type: 'boolean', value: (row) => row.isPreterm },
  { name: 'is_small_for_gestational_age', type: 'boolean', value: (row) => row.isSmallForGestationalAge },
  { name: 'first_antenatal_visit_day', type: 'smallint', value: (row) => row.firstAntenatalVisitDay },
  { name: 'had_kraamzorg', type: 'boolean', value: (row) => row.hadKraamzorg },
  { name: 'parent_count', type: 'smallint', value: (row) => row.parentCount },
  { name: 'parents_with_problematic_debt', type: 'smallint', value: (row) => row.parentsWithProblematicDebt },
  { name: 'has_negative_speech_language_score', type: 'boolean', value: (row) => row.hasNegativeSpeechLanguageScore },
  { name: 'is_overweight_at_two', type: 'boolean', value: (row) => row.isOverweightAtTwo },
  { name: 'was_placed_out_of_home_before_two', type: 'boolean', value: (row) => row.wasPlacedOutOfHomeBeforeTwo },
];
export const SYNTHETIC_BIRTH_COLUMNS = COLUMNS.map((column) => column.name);
/** Each column's SQL type (text, smallint, boolean), in the order of SYNTHETIC_BIRTH_COLUMNS (for copies elsewhere, e.g. the DuckDB benchmark). */
export const SYNTHETIC_BIRTH_COLUMN_TYPES: Readonly<Record<string, string>> = Object.fromEntries(COLUMNS.map((column) => [column.name, column.type]));

/** Rows as CSV for COPY (empty = NULL). */
export function csvOf(rows: SyntheticBirth[]): string {
  return rows.map((row) => COLUMNS.map((column) => plainText(column.value(row), '')).join(',')).join('\n');
}

function plainText(value: string | number | boolean | null, nullText: string): string {
  return value === null ? nullText : value === true ? 't' : value === false ? 'f' : String(value);
}

/** A PostgreSQL array literal; our values are numbers, booleans and codes without quotes or commas. */
function arrayLiteral(values: (string | number | boolean | null)[]): string {
  return `{${values.map((value) => plainText(value, 'NULL')).join(',')}}`;
}

/**
 * One INSERT … SELECT FROM unnest(…) per chunk: one parameter per column instead of one per value,
 * which both drivers pass as plain text. Returns how many rows were new.
 */
async function insertBirths(db: Executor, rows: SyntheticBirth[]): Promise<number> {
  const columnList = sql.raw(COLUMNS.map((column) => column.name).join(', '));
  const arrays = sql.join(
    COLUMNS.map((column) => sql`${arrayLiteral(rows.map(column.value))}::${sql.raw(column.type)}[]`),
    sql`, `,
  );
  const inserted = await queryRows<{ count: number }>(
    db,
    sql`WITH inserted AS (
          INSERT INTO birth_register (is_synthetic, ${columnList})
          SELECT true, * FROM unnest(${arrays})
          ON CONFLICT (source_key) DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int AS count FROM inserted`,
  );
  return inserted[0]?.count ?? 0;
}
