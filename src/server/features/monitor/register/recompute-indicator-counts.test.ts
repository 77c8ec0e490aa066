// SPDX-License-Identifier: EUPL-1.2
// The recompute against hand-made register rows: every expected count below is worked out by hand
// from the eight rows, so the same numbers must come out on PGlite and on the PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../test/helpers/test-database.js';
import { queryRows, type Database } from '../../../platform/db/connection.js';
import { birthRegister, indicatorCounts } from '../schema.js';
import { coalitionMunicipalities, coalitions } from '../../coalitions/schema.js';
import { INDICATORS } from '../definitions/indicators.js';
import { tallyRecords, type RegisterRow } from '../definitions/evaluate.js';
import type { IndicatorDefinition } from '../definitions/types.js';
import { recomputeIndicatorCounts } from './recompute-indicator-counts.js';
import { buildIndicatorCountsSql, conditionSql } from './compile-indicator-sql.js';
import { generateSyntheticBirths } from './generate-synthetic-births.js';

// Dordrecht and Alblasserdam: GGD Zuid-Holland Zuid (GG4816), Zuid-Holland (PV28). Groningen: GG0111, PV20.
const AREAS = {
  GM0505: { ggd: 'GG4816', province: 'PV28' },
  GM0482: { ggd: 'GG4816', province: 'PV28' },
  GM0014: { ggd: 'GG0111', province: 'PV20' },
} as const;

type Row = typeof birthRegister.$inferInsert;
let sequence = 0;
function birth(municipalityCode: keyof typeof AREAS, overrides: Partial<Row>): Row {
  sequence += 1;
  const gestationalAgeDays = overrides.gestationalAgeDays ?? 280;
  return {
    sourceKey: `test:${sequence}`,
    isSynthetic: true,
    municipalityCode,
    birthYear: 2022,
    isVulnerable: false,
    gestationalAgeDays,
    birthWeightGrams: 3400,
    sex: 'female',
    isLiveBorn: true,
    isMultiple: false,
    isPreterm: gestationalAgeDays < 259,
    isSmallForGestationalAge: false,
    parentCount: 2,
    parentsWithProblematicDebt: 0,
    hadKraamzorg: true,
    ...overrides,
  };
}

const HAND_MADE_ROWS: Row[] = [
  birth('GM0505', { isVulnerable: true, gestationalAgeDays: 260, parentsWithProblematicDebt: 1 }),
  birth('GM0505', { isVulnerable: true, gestationalAgeDays: 250, parentCount: 1, parentsWithProblematicDebt: 1, hadKraamzorg: null }),
  birth('GM0505', { gestationalAgeDays: 280, hadKraamzorg: false }),
  // Before 24 weeks and stillborn: outside the preterm and kraamzorg denominators, inside the parents one.
  birth('GM0505', { gestationalAgeDays: 160, parentsWithProblematicDebt: 2, isLiveBorn: false, hadKraamzorg: null }),
  birth('GM0482', { gestationalAgeDays: 230 }),
  birth('GM0482', { gestationalAgeDays: 275, parentCount: 1 }),
  // Groningen is not synthetic: its own figures and those of its region and province are real.
  birth('GM0014', { isSynthetic: false, isVulnerable: true, gestationalAgeDays: 240, parentsWithProblematicDebt: 2, hadKraamzorg: false }),
  birth('GM0014', { isSynthetic: false, birthYear: 2023, gestationalAgeDays: 285 }),
];

const rows = { kind: 'rows' } as const;
function testIndicator(key: string, hasVulnerabilitySplit: boolean, records: IndicatorDefinition['records']): IndicatorDefinition {
  return {
    key,
    name: key,
    shortName: key,
    phase: 'after_birth',
    type: 'outcome',
    numerator: '',
    denominator: '',
    unit: 'percentage',
    source: 'test',
    sourceKind: 'records',
    desiredDirection: 'lower',
    countsPersons: true,
    hasVulnerabilitySplit,
    editions: [],
    records,
  };
}

const TEST_INDICATORS: IndicatorDefinition[] = [
  testIndicator('test_preterm', true, {
    denominator: { where: { field: 'gestationalAgeDays', op: 'gte', value: 168 }, tally: rows },
    numerator: { where: { field: 'isPreterm', op: 'eq', value: true }, tally: rows },
  }),
  testIndicator('test_parents_debt', false, {
    denominator: { where: { all: [] }, tally: { kind: 'sum', field: 'parentCount' } },
    numerator: { where: { field: 'parentsWithProblematicDebt', op: 'gt', value: 0 }, tally: { kind: 'sum', field: 'parentsWithProblematicDebt' } },
  }),
  testIndicator('test_kraamzorg', true, {
    denominator: { where: { field: 'isLiveBorn', op: 'eq', value: true }, tally: rows },
    numerator: { where: { any: [{ field: 'hadKraamzorg', op: 'eq', value: false }, { field: 'hadKraamzorg', op: 'is_null' }] }, tally: rows },
  }),
  // Not a records indicator: ignored by the recompute.
  { ...testIndicator('test_questionnaire', false, undefined), sourceKind: 'questionnaire', countsPersons: false },
];

/** "indicator|level|area|year|split" → [numerator, denominator], worked out by hand from HAND_MADE_ROWS. */
const EXPECTED: Record<string, [number, number]> = {
  // Preterm among births ≥ 24 weeks. 2022: Dordrecht vulnerable 1/2 (250 days), others 0/1 (160 days excluded).
  'test_preterm|municipality|GM0505|2022|vulnerable': [1, 2],
  'test_preterm|municipality|GM0505|2022|not_vulnerable': [0, 1],
  'test_preterm|municipality|GM0505|2022|all': [1, 3],
  'test_preterm|municipality|GM0482|2022|not_vulnerable': [1, 2],
  'test_preterm|municipality|GM0482|2022|all': [1, 2],
  'test_preterm|municipality|GM0014|2022|vulnerable': [1, 1],
  'test_preterm|municipality|GM0014|2022|all': [1, 1],
  'test_preterm|ggd_region|GG4816|2022|vulnerable': [1, 2],
  'test_preterm|ggd_region|GG4816|2022|not_vulnerable': [1, 3],
  'test_preterm|ggd_region|GG4816|2022|all': [2, 5],
  'test_preterm|ggd_region|GG0111|2022|vulnerable': [1, 1],
  'test_preterm|ggd_region|GG0111|2022|all': [1, 1],
  'test_preterm|province|PV28|2022|vulnerable': [1, 2],
  'test_preterm|province|PV28|2022|not_vulnerable': [1, 3],
  'test_preterm|province|PV28|2022|all': [2, 5],
  'test_preterm|province|PV20|2022|vulnerable': [1, 1],
  'test_preterm|province|PV20|2022|all': [1, 1],
  'test_preterm|nation|NL01|2022|vulnerable': [2, 3],
  'test_preterm|nation|NL01|2022|not_vulnerable': [1, 3],
  'test_preterm|nation|NL01|2022|all': [3, 6],
  'test_preterm|municipality|GM0014|2023|not_vulnerable': [0, 1],
  'test_preterm|municipality|GM0014|2023|all': [0, 1],
  'test_preterm|ggd_region|GG0111|2023|not_vulnerable': [0, 1],
  'test_preterm|ggd_region|GG0111|2023|all': [0, 1],
  'test_preterm|province|PV20|2023|not_vulnerable': [0, 1],
  'test_preterm|province|PV20|2023|all': [0, 1],
  'test_preterm|nation|NL01|2023|not_vulnerable': [0, 1],
  'test_preterm|nation|NL01|2023|all': [0, 1],
  // Parents with debts over all parents (a sum, not a count), without split. Dordrecht: debts 1+1+0+2 of 2+1+2+2 parents.
  'test_parents_debt|municipality|GM0505|2022|all': [4, 7],
  'test_parents_debt|municipality|GM0482|2022|all': [0, 3],
  'test_parents_debt|municipality|GM0014|2022|all': [2, 2],
  'test_parents_debt|ggd_region|GG4816|2022|all': [4, 10],
  'test_parents_debt|ggd_region|GG0111|2022|all': [2, 2],
  'test_parents_debt|province|PV28|2022|all': [4, 10],
  'test_parents_debt|province|PV20|2022|all': [2, 2],
  'test_parents_debt|nation|NL01|2022|all': [6, 12],
  'test_parents_debt|municipality|GM0014|2023|all': [0, 2],
  'test_parents_debt|ggd_region|GG0111|2023|all': [0, 2],
  'test_parents_debt|province|PV20|2023|all': [0, 2],
  'test_parents_debt|nation|NL01|2023|all': [0, 2],
  // No (or unknown) kraamzorg among live births. Dordrecht: the null and the false of three live births.
  'test_kraamzorg|municipality|GM0505|2022|vulnerable': [1, 2],
  'test_kraamzorg|municipality|GM0505|2022|not_vulnerable': [1, 1],
  'test_kraamzorg|municipality|GM0505|2022|all': [2, 3],
  'test_kraamzorg|municipality|GM0482|2022|not_vulnerable': [0, 2],
  'test_kraamzorg|municipality|GM0482|2022|all': [0, 2],
  'test_kraamzorg|municipality|GM0014|2022|vulnerable': [1, 1],
  'test_kraamzorg|municipality|GM0014|2022|all': [1, 1],
  'test_kraamzorg|ggd_region|GG4816|2022|vulnerable': [1, 2],
  'test_kraamzorg|ggd_region|GG4816|2022|not_vulnerable': [1, 3],
  'test_kraamzorg|ggd_region|GG4816|2022|all': [2, 5],
  'test_kraamzorg|ggd_region|GG0111|2022|vulnerable': [1, 1],
  'test_kraamzorg|ggd_region|GG0111|2022|all': [1, 1],
  'test_kraamzorg|province|PV28|2022|vulnerable': [1, 2],
  'test_kraamzorg|province|PV28|2022|not_vulnerable': [1, 3],
  'test_kraamzorg|province|PV28|2022|all': [2, 5],
  'test_kraamzorg|province|PV20|2022|vulnerable': [1, 1],
  'test_kraamzorg|province|PV20|2022|all': [1, 1],
  'test_kraamzorg|nation|NL01|2022|vulnerable': [2, 3],
  'test_kraamzorg|nation|NL01|2022|not_vulnerable': [1, 3],
  'test_kraamzorg|nation|NL01|2022|all': [3, 6],
  'test_kraamzorg|municipality|GM0014|2023|not_vulnerable': [0, 1],
  'test_kraamzorg|municipality|GM0014|2023|all': [0, 1],
  'test_kraamzorg|ggd_region|GG0111|2023|not_vulnerable': [0, 1],
  'test_kraamzorg|ggd_region|GG0111|2023|all': [0, 1],
  'test_kraamzorg|province|PV20|2023|not_vulnerable': [0, 1],
  'test_kraamzorg|province|PV20|2023|all': [0, 1],
  'test_kraamzorg|nation|NL01|2023|not_vulnerable': [0, 1],
  'test_kraamzorg|nation|NL01|2023|all': [0, 1],
};

interface CountRow {
  indicator_key: string;
  area_level: string;
  area_code: string;
  year: number;
  split: string;
  source: string;
  numerator: number;
  denominator: number;
  is_synthetic: boolean;
}

async function recordsCounts(database: Database): Promise<CountRow[]> {
  return queryRows<CountRow>(
    database.db,
    sql`SELECT indicator_key, area_level, area_code, year, split, source, numerator, denominator, is_synthetic
        FROM indicator_counts WHERE source = 'records' ORDER BY 1, 2, 3, 4, 5`,
  );
}

const keyOf = (row: CountRow) => `${row.indicator_key}|${row.area_level}|${row.area_code}|${row.year}|${row.split}`;

describe('recomputeIndicatorCounts on hand-made rows', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(birthRegister).values(HAND_MADE_ROWS);
    // A stale records row that must disappear, one whose count must change (the recompute writes only
    // what changed), and an imported row that must stay.
    await database.db.insert(indicatorCounts).values([
      { indicatorKey: 'test_preterm', areaLevel: 'municipality', areaCode: 'GM0344', year: 2019, split: 'all', source: 'records', numerator: 5, denominator: 9 },
      { indicatorKey: 'test_kraamzorg', areaLevel: 'municipality', areaCode: 'GM0014', year: 2023, split: 'all', source: 'records', numerator: 4, denominator: 40, isSynthetic: true },
      { indicatorKey: 'test_preterm', areaLevel: 'municipality', areaCode: 'GM0505', year: 2022, split: 'all', source: 'import', numerator: 7, denominator: 70 },
    ]);
    await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
  });
  afterAll(() => database?.close());

  it('gives exactly the hand-computed counts for every area, year and split, and nothing else', async () => {
    const actual = Object.fromEntries((await recordsCounts(database)).map((row) => [keyOf(row), [row.numerator, row.denominator]]));
    expect(actual).toEqual(EXPECTED);
  });

  it('replaces the old records rows and leaves imported rows alone', async () => {
    const [stale] = await queryRows<{ count: number }>(database.db, sql`SELECT count(*)::int AS count FROM indicator_counts WHERE area_code = 'GM0344'`);
    expect(stale!.count).toBe(0);
    const imported = await queryRows<{ numerator: number }>(database.db, sql`SELECT numerator FROM indicator_counts WHERE source = 'import'`);
    expect(imported).toEqual([{ numerator: 7 }]);
    // Running again gives the same rows (no duplicates, no leftovers).
    const before = await recordsCounts(database);
    const result = await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
    expect(result.rowCount).toBe(Object.keys(EXPECTED).length);
    expect(await recordsCounts(database)).toEqual(before);
  });

  it('marks a figure synthetic when any contributing row is synthetic', async () => {
    const synthetic = Object.fromEntries((await recordsCounts(database)).map((row) => [keyOf(row), row.is_synthetic]));
    expect(synthetic['test_preterm|municipality|GM0505|2022|all']).toBe(true);
    expect(synthetic['test_preterm|municipality|GM0014|2022|all']).toBe(false);
    expect(synthetic['test_preterm|ggd_region|GG0111|2022|all']).toBe(false);
    expect(synthetic['test_preterm|nation|NL01|2022|all']).toBe(true);
    // 2023 only has Groningen's real row, so even the nation is real.
    expect(synthetic['test_preterm|nation|NL01|2023|all']).toBe(false);
    // The stale count of the same key was rewritten, its synthetic mark too.
    expect(synthetic['test_kraamzorg|municipality|GM0014|2023|all']).toBe(false);
  });

  it('writes a birth added or removed since the last recompute into exactly the counts it is in', async () => {
    const before = new Map((await recordsCounts(database)).map((row) => [keyOf(row), row]));
    const [removed] = await database.db.delete(birthRegister).where(sql`municipality_code = 'GM0014' AND birth_year = 2023`).returning();
    expect(removed).toBeDefined();
    await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
    const after = new Map((await recordsCounts(database)).map((row) => [keyOf(row), row]));
    // Groningen's only 2023 birth is gone: its 2023 counts and those of everything above it disappear, nothing else moves.
    const gone = [...before.keys()].filter((key) => !after.has(key));
    expect(gone.sort()).toEqual([...before.keys()].filter((key) => /\|(GM0014|GG0111|PV20|NL01)\|2023\|/.test(key)).sort());
    for (const [key, row] of after) expect(row).toEqual(before.get(key));
    await database.db.insert(birthRegister).values(removed!);
    await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
    expect(new Map((await recordsCounts(database)).map((row) => [keyOf(row), row]))).toEqual(before);
  });
});

/**
 * Coalition rows by hand: KS9001 = Dordrecht (GG4816, PV28) + Groningen (GG0111, PV20), across GGD
 * regions and provinces; KS9002 (Alblasserdam) is inactive, so it gets no rows.
 */
const EXPECTED_COALITIONS: Record<string, [number, number]> = {
  'test_preterm|coalition|KS9001|2022|vulnerable': [2, 3],
  'test_preterm|coalition|KS9001|2022|not_vulnerable': [0, 1],
  'test_preterm|coalition|KS9001|2022|all': [2, 4],
  'test_preterm|coalition|KS9001|2023|not_vulnerable': [0, 1],
  'test_preterm|coalition|KS9001|2023|all': [0, 1],
  'test_parents_debt|coalition|KS9001|2022|all': [6, 9],
  'test_parents_debt|coalition|KS9001|2023|all': [0, 2],
  'test_kraamzorg|coalition|KS9001|2022|vulnerable': [2, 3],
  'test_kraamzorg|coalition|KS9001|2022|not_vulnerable': [1, 1],
  'test_kraamzorg|coalition|KS9001|2022|all': [3, 4],
  'test_kraamzorg|coalition|KS9001|2023|not_vulnerable': [0, 1],
  'test_kraamzorg|coalition|KS9001|2023|all': [0, 1],
};

describe('recomputeIndicatorCounts with coalitions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(birthRegister).values(HAND_MADE_ROWS.map((row, index) => ({ ...row, sourceKey: `coalition-test:${index}` })));
    const [active, inactive] = await database.db
      .insert(coalitions)
      .values([
        { code: 'KS9001', name: 'Testcoalitie Dordrecht-Groningen' },
        { code: 'KS9002', name: 'Opgeheven testcoalitie', isActive: false },
      ])
      .returning({ id: coalitions.id });
    await database.db.insert(coalitionMunicipalities).values([
      { coalitionId: active!.id, municipalityCode: 'GM0505' },
      { coalitionId: active!.id, municipalityCode: 'GM0014' },
      { coalitionId: inactive!.id, municipalityCode: 'GM0482' },
    ]);
    await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
  });
  afterAll(() => database?.close());

  it('adds exactly the hand-computed coalition rows (sums over active members, per split) and changes nothing else', async () => {
    const actual = Object.fromEntries((await recordsCounts(database)).map((row) => [keyOf(row), [row.numerator, row.denominator]]));
    expect(actual).toEqual({ ...EXPECTED, ...EXPECTED_COALITIONS });
  });

  it('marks a coalition figure synthetic when any member row is', async () => {
    const synthetic = Object.fromEntries((await recordsCounts(database)).map((row) => [keyOf(row), row.is_synthetic]));
    expect(synthetic['test_preterm|coalition|KS9001|2022|all']).toBe(true);
    expect(synthetic['test_preterm|coalition|KS9001|2023|all']).toBe(false);
  });

  it('refuses a municipality in a second local coalition (at most one at a time)', async () => {
    const [other] = await database.db.insert(coalitions).values({ code: 'KS9003', name: 'Nog een testcoalitie' }).returning({ id: coalitions.id });
    await expect(database.db.insert(coalitionMunicipalities).values({ coalitionId: other!.id, municipalityCode: 'GM0505' })).rejects.toThrow();
  });

  it('counts the regional level apart (its own rows, issue 10 item 8) and no ended membership in the local coalition rows', async () => {
    const [regional] = await database.db
      .insert(coalitions)
      .values({ code: 'KS9004', name: 'Regionale testsamenwerking', kind: 'regional' })
      .returning({ id: coalitions.id });
    // Dordrecht is also in a regional collaboration, with Alblasserdam (whose local coalition is
    // inactive) and, formerly, Groningen (GM0014), who also left an earlier local coalition.
    const [earlier] = await database.db.insert(coalitions).values({ code: 'KS9005', name: 'Eerdere testcoalitie' }).returning({ id: coalitions.id });
    await database.db.insert(coalitionMunicipalities).values([
      { coalitionId: regional!.id, kind: 'regional', municipalityCode: 'GM0505', since: '2024-01-01' },
      { coalitionId: regional!.id, kind: 'regional', municipalityCode: 'GM0482', since: '2024-01-01' },
      { coalitionId: regional!.id, kind: 'regional', municipalityCode: 'GM0014', since: '2020-01-01', until: '2023-12-31' },
      { coalitionId: earlier!.id, municipalityCode: 'GM0014', since: '2018-01-01', until: '2019-12-31' },
    ]);
    // A member row cannot have another kind than its coalition.
    await expect(database.db.insert(coalitionMunicipalities).values({ coalitionId: regional!.id, kind: 'local', municipalityCode: 'GM0482' })).rejects.toThrow();
    await recomputeIndicatorCounts(database.db, { indicators: TEST_INDICATORS });
    const actual = Object.fromEntries((await recordsCounts(database)).map((row) => [keyOf(row), [row.numerator, row.denominator]]));
    // By hand: KS9004 = Dordrecht + Alblasserdam (Groningen's membership ended), per split.
    const EXPECTED_REGIONAL: Record<string, [number, number]> = {
      'test_preterm|regional|KS9004|2022|vulnerable': [1, 2],
      'test_preterm|regional|KS9004|2022|not_vulnerable': [1, 3],
      'test_preterm|regional|KS9004|2022|all': [2, 5],
      'test_parents_debt|regional|KS9004|2022|all': [4, 10],
      'test_kraamzorg|regional|KS9004|2022|vulnerable': [1, 2],
      'test_kraamzorg|regional|KS9004|2022|not_vulnerable': [1, 3],
      'test_kraamzorg|regional|KS9004|2022|all': [2, 5],
    };
    expect(actual).toEqual({ ...EXPECTED, ...EXPECTED_COALITIONS, ...EXPECTED_REGIONAL });
  });
});

describe('recomputeIndicatorCounts with the shipped indicator set', () => {
  let database: Database;
  let counts: CountRow[];
  let register: RegisterRow[];
  beforeAll(async () => {
    database = await createTestDatabase();
    // Two small municipalities in one GGD region, two years: enough rows for every indicator.
    await generateSyntheticBirths(database.db, { years: [2021, 2022], municipalityCodes: ['GM0482', 'GM0642'] });
    await recomputeIndicatorCounts(database.db);
    counts = await recordsCounts(database);
    register = (await database.db.select().from(birthRegister)) as unknown as RegisterRow[];
  });
  afterAll(() => database?.close());

  it('agrees with the in-memory reference semantics (definitions/evaluate.ts) per municipality, year and split', () => {
    const all = register as (RegisterRow & { municipalityCode: string; birthYear: number })[];
    let compared = 0;
    for (const definition of INDICATORS.filter((candidate) => candidate.records)) {
      for (const municipalityCode of ['GM0482', 'GM0642']) {
        for (const year of [2021, 2022]) {
          const splits = definition.hasVulnerabilitySplit ? (['all', 'vulnerable', 'not_vulnerable'] as const) : (['all'] as const);
          for (const split of splits) {
            const selected = all.filter(
              (row) =>
                row.municipalityCode === municipalityCode &&
                row.birthYear === year &&
                (split === 'all' || row.isVulnerable === (split === 'vulnerable')),
            );
            const expected = tallyRecords(definition.records!, selected);
            const actual = counts.find((row) => keyOf(row) === `${definition.key}|municipality|${municipalityCode}|${year}|${split}`);
            if (expected.denominator === 0) expect(actual).toBeUndefined();
            else expect([actual?.numerator, actual?.denominator], `${definition.key} ${municipalityCode} ${year} ${split}`).toEqual([expected.numerator, expected.denominator]);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('rolls up: municipalities sum to region, province and nation, and the split sums to all', () => {
    const byKey = new Map(counts.map((row) => [keyOf(row), row]));
    for (const row of counts.filter((candidate) => candidate.area_level === 'nation')) {
      const municipalities = counts.filter(
        (candidate) => candidate.area_level === 'municipality' && candidate.indicator_key === row.indicator_key && candidate.year === row.year && candidate.split === row.split,
      );
      const sum = (field: 'numerator' | 'denominator') => municipalities.reduce((total, candidate) => total + candidate[field], 0);
      expect([row.numerator, row.denominator]).toEqual([sum('numerator'), sum('denominator')]);
      // Both municipalities lie in GGD Zuid-Holland Zuid and Zuid-Holland.
      for (const level of ['ggd_region|GG4816', 'province|PV28']) {
        const regional = byKey.get(`${row.indicator_key}|${level}|${row.year}|${row.split}`);
        expect([regional?.numerator, regional?.denominator]).toEqual([row.numerator, row.denominator]);
      }
    }
    for (const row of counts.filter((candidate) => candidate.split === 'all')) {
      const vulnerable = byKey.get(keyOf({ ...row, split: 'vulnerable' }));
      const others = byKey.get(keyOf({ ...row, split: 'not_vulnerable' }));
      if (!vulnerable && !others) continue;
      expect(row.denominator).toBe((vulnerable?.denominator ?? 0) + (others?.denominator ?? 0));
      expect(row.numerator).toBe((vulnerable?.numerator ?? 0) + (others?.numerator ?? 0));
    }
    // Indicators without the split have only 'all'.
    const unsplit = new Set(INDICATORS.filter((definition) => !definition.hasVulnerabilitySplit).map((definition) => definition.key));
    expect(counts.filter((row) => unsplit.has(row.indicator_key) && row.split !== 'all')).toEqual([]);
    expect(counts.every((row) => row.is_synthetic)).toBe(true);
  });
});

describe('compiling conditions', () => {
  it('turns conditions into SQL with SQL null semantics and literal values only', () => {
    expect(conditionSql({ all: [{ field: 'gestationalAgeDays', op: 'gte', value: 168 }, { field: 'hadKraamzorg', op: 'is_null' }] })).toBe(
      '(gestational_age_days >= 168 AND had_kraamzorg IS NULL)',
    );
    expect(conditionSql({ any: [] })).toBe('FALSE');
    expect(conditionSql({ all: [] })).toBe('TRUE');
    expect(() => conditionSql({ field: 'isPreterm', op: 'eq', value: Number.NaN })).toThrow(/finite/);
    expect(() => conditionSql({ field: 'name; DROP TABLE x' as never, op: 'is_null' })).toThrow(/unknown register field/);
  });

  it('refuses an indicator set without records indicators', () => {
    expect(() => buildIndicatorCountsSql([])).toThrow(/no records indicators/);
  });
});
