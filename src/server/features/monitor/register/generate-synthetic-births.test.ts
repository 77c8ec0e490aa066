// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../test/helpers/test-database.js';
import { queryRows, type Database } from '../../../platform/db/connection.js';
import { INDICATORS } from '../definitions/indicators.js';
import { seedNationalRegister } from './seed-national-register.js';
import {
  FENTON_2013_DERIVED_REFERENCE,
  HOFTIEZER_2019_REFERENCE,
  isPreterm,
  isSmallForGestationalAge,
  tableReference,
} from './birth-weight-reference.js';
import { generateMunicipalityYear, generateSyntheticBirths, loadMunicipalityInputs, type SyntheticBirth } from './generate-synthetic-births.js';
import { BIG2, OUTCOMES, VULNERABLE_SHARE, planSyntheticBirths, splitByGroup, type MunicipalityInput } from './synthetic-model.js';

describe('preterm and small for gestational age', () => {
  it('classifies hand-checked births against the Fenton-derived weekly table when it is chosen', () => {
    const fenton = FENTON_2013_DERIVED_REFERENCE;
    expect(isPreterm(258)).toBe(true); // 36+6
    expect(isPreterm(259)).toBe(false); // 37+0
    // Boy at 37+0: p10 of week 37 is 2,390 g.
    expect(isSmallForGestationalAge(2389, 259, 'male', fenton)).toBe(true);
    expect(isSmallForGestationalAge(2390, 259, 'male', fenton)).toBe(false);
    // Girl at 40+6 still counts as completed week 40 (p10 2,870 g).
    expect(isSmallForGestationalAge(2869, 286, 'female', fenton)).toBe(true);
    expect(isSmallForGestationalAge(2870, 286, 'female', fenton)).toBe(false);
    // 43 weeks uses the last week of the table (42: boys 3,190 g).
    expect(isSmallForGestationalAge(3189, 301, 'male', fenton)).toBe(true);
    // Before 24 weeks SGA is not defined (Big2 starts at 24 weeks).
    expect(isSmallForGestationalAge(300, 167, 'male', fenton)).toBe(false);
  });

  it('takes another reference when one is plugged in', () => {
    const flat = tableReference('flat', 'test', 24, { male: { p50: [3000], p10: [2500] }, female: { p50: [3000], p10: [2400] } });
    expect(isSmallForGestationalAge(2450, 280, 'male', flat)).toBe(true);
    expect(isSmallForGestationalAge(2450, 280, 'female', flat)).toBe(false);
  });

  it('has a p10 below the p50 that rises with every week', () => {
    for (const sex of ['male', 'female'] as const) {
      for (let week = 24; week <= 42; week++) {
        expect(FENTON_2013_DERIVED_REFERENCE.p10Grams(7 * week, sex)).toBeLessThan(FENTON_2013_DERIVED_REFERENCE.p50Grams(7 * week, sex));
        if (week > 24) expect(FENTON_2013_DERIVED_REFERENCE.p10Grams(7 * week, sex)).toBeGreaterThan(FENTON_2013_DERIVED_REFERENCE.p10Grams(7 * (week - 1), sex));
      }
    }
  });
});

describe('the synthetic national register', () => {
  let database: Database;
  let municipalities: MunicipalityInput[];
  beforeAll(async () => {
    database = await createTestDatabase();
    municipalities = await loadMunicipalityInputs(database.db);
  });
  afterAll(() => database?.close());

  it('is calibrated: over all 342 municipalities the expected national rates equal the seed figures', () => {
    expect(municipalities).toHaveLength(342);
    const plans = planSyntheticBirths(municipalities, [2021, 2022]);
    const births = plans.filter((plan) => plan.year === 2021).reduce((sum, plan) => sum + plan.births, 0);
    expect(births).toBeGreaterThan(165_000);
    expect(births).toBeLessThan(190_000);
    const expectedRate = (year: number, rate: (plan: (typeof plans)[number], group: 'vulnerable' | 'notVulnerable') => number) => {
      const own = plans.filter((plan) => plan.year === year);
      const total = own.reduce((sum, plan) => sum + plan.births, 0);
      return own.reduce((sum, plan) => sum + plan.births * (plan.vulnerableShare * rate(plan, 'vulnerable') + (1 - plan.vulnerableShare) * rate(plan, 'notVulnerable')), 0) / total;
    };
    // Population weights and births weights differ a little (births noise): allow 2% relative.
    const near = (actual: number, target: number) => expect(Math.abs(actual / target - 1)).toBeLessThan(0.02);
    near(expectedRate(2021, (plan, group) => (group === 'vulnerable' ? 1 : 0)), VULNERABLE_SHARE.national);
    near(expectedRate(2021, (plan, group) => 1 - (1 - plan[group].preterm) * (1 - plan[group].smallForGestationalAge)), BIG2.national);
    near(expectedRate(2022, (plan, group) => plan[group].noKraamzorg), OUTCOMES.noKraamzorg.national);
    near(expectedRate(2022, (plan, group) => plan[group].negativeSpeechLanguage), OUTCOMES.negativeSpeechLanguage.national);
    near(expectedRate(2022, (plan, group) => plan[group].overweightAtTwo), OUTCOMES.overweightAtTwo.national);
    near(expectedRate(2022, (plan, group) => plan[group].outOfHomePlacement), OUTCOMES.outOfHomePlacement.national);
    near(expectedRate(2021, (plan, group) => plan[group].lateAntenatalCare), OUTCOMES.lateAntenatalCare.national);
    // Cities and known deprived areas have more vulnerable families than the countryside.
    const share = (code: string) => plans.find((plan) => plan.year === 2021 && plan.municipalityCode === code)!.vulnerableShare;
    for (const city of ['GM0599', 'GM0518', 'GM0363', 'GM0917', 'GM0765']) expect(share(city)).toBeGreaterThan(VULNERABLE_SHARE.national);
  });

  it("Big2 of the whole 2021 register, classified with Hoftiezer 2019 per day, is within 0.5 percentage point of seed 003's 14.8%", () => {
    // All 342 municipalities, in memory (no database): ≈ 180,000 births. Sampling error ≈ 0.08 point.
    const plans = planSyntheticBirths(municipalities, [2021]);
    let births = 0;
    let big2 = 0;
    let small = 0;
    let smallWithFenton = 0;
    let misclassified = 0;
    for (const plan of plans) {
      for (const row of generateMunicipalityYear(plan)) {
        if (row.gestationalAgeDays < 168) continue;
        // Every row is classified with Hoftiezer 2019 on its exact day.
        if (row.isSmallForGestationalAge !== row.birthWeightGrams < HOFTIEZER_2019_REFERENCE.p10Grams(row.gestationalAgeDays, row.sex)) misclassified += 1;
        births += 1;
        big2 += row.isPreterm || row.isSmallForGestationalAge ? 1 : 0;
        small += row.isSmallForGestationalAge ? 1 : 0;
        smallWithFenton += isSmallForGestationalAge(row.birthWeightGrams, row.gestationalAgeDays, row.sex, FENTON_2013_DERIVED_REFERENCE) ? 1 : 0;
      }
    }
    expect(misclassified).toBe(0);
    const seed = INDICATORS.find((definition) => definition.key === 'big2')!.seedValue!;
    expect(seed).toEqual({ value: 14.8, year: 2021 });
    expect(Math.abs((100 * big2) / births - seed.value)).toBeLessThan(0.5);
    // SGA ≈ 8.4% with the reference the weights were drawn around; the old weekly table would now see far fewer.
    expect((100 * small) / births).toBeGreaterThan(7.5);
    expect((100 * small) / births).toBeLessThan(9.5);
    expect(smallWithFenton).toBeLessThan(small / 2);
  });

  it('generates rows whose rates match the plan within sampling error (40 municipalities × 2 years)', () => {
    const sample = new Set(municipalities.filter((_, index) => index % 8 === 0).slice(0, 40).map((municipality) => municipality.code));
    const plans = planSyntheticBirths(municipalities, [2021, 2022], { only: sample });
    expect(new Set(plans.map((plan) => plan.municipalityCode)).size).toBe(40);
    const checks: { name: string; expected: number; observed: number; n: number }[] = [];
    const tally = (name: string, pick: (birth: SyntheticBirth, plan: (typeof plans)[number]) => { p: number; hit: boolean } | null) => {
      let expected = 0;
      let observed = 0;
      let n = 0;
      for (const plan of plans) {
        for (const birth of generateMunicipalityYear(plan)) {
          const outcome = pick(birth, plan);
          if (!outcome) continue;
          expected += outcome.p;
          observed += outcome.hit ? 1 : 0;
          n += 1;
        }
      }
      checks.push({ name, expected: expected / n, observed: observed / n, n });
    };
    const group = (birth: SyntheticBirth, plan: (typeof plans)[number]) => (birth.isVulnerable ? plan.vulnerable : plan.notVulnerable);
    tally('vulnerable', (birth, plan) => ({ p: plan.vulnerableShare, hit: birth.isVulnerable }));
    tally('big2', (birth, plan) => {
      const rates = group(birth, plan);
      return { p: 1 - (1 - rates.preterm) * (1 - rates.smallForGestationalAge), hit: birth.isPreterm || birth.isSmallForGestationalAge };
    });
    tally('no kraamzorg', (birth, plan) => (birth.hadKraamzorg === null ? null : { p: group(birth, plan).noKraamzorg, hit: !birth.hadKraamzorg }));
    tally('speech-language', (birth, plan) =>
      birth.hasNegativeSpeechLanguageScore === null ? null : { p: group(birth, plan).negativeSpeechLanguage, hit: birth.hasNegativeSpeechLanguageScore },
    );
    tally('overweight', (birth, plan) => (birth.isOverweightAtTwo === null ? null : { p: group(birth, plan).overweightAtTwo, hit: birth.isOverweightAtTwo }));
    for (const check of checks) {
      // Four standard errors of a proportion over n births: a false alarm about once in 16,000 runs
      // (and the data are deterministic, so it either always passes or never).
      const standardError = Math.sqrt((check.expected * (1 - check.expected)) / check.n);
      expect(Math.abs(check.observed - check.expected), `${check.name}: ${check.observed} vs ${check.expected} (n=${check.n})`).toBeLessThan(4 * standardError);
    }
  });

  it('derives preterm and SGA from the generated age and weight, and leaves unknowns null', () => {
    const [plan] = planSyntheticBirths(municipalities, [2023], { only: new Set(['GM0505']) });
    const rows = generateMunicipalityYear(plan!);
    expect(rows.length).toBe(plan!.births);
    for (const row of rows) {
      expect(row.isPreterm).toBe(isPreterm(row.gestationalAgeDays));
      expect(row.isSmallForGestationalAge).toBe(isSmallForGestationalAge(row.birthWeightGrams, row.gestationalAgeDays, row.sex));
      expect(row.gestationalAgeDays).toBeGreaterThanOrEqual(168);
      if (!row.isLiveBorn) expect(row.hadKraamzorg).toBeNull();
      // Children born in 2023 are not two yet at the end of 2024: no outcomes at two.
      expect(row.hasNegativeSpeechLanguageScore).toBeNull();
      expect(row.parentsWithProblematicDebt).toBeLessThanOrEqual(row.parentCount);
    }
  });

  it('makes multiple births as twins: two rows of one pregnancy, the second with birth order 2, ≈ 1.7% of children', () => {
    const plans = planSyntheticBirths(municipalities, [2021], { only: new Set(['GM0363', 'GM0599']) });
    let children = 0;
    let inMultiples = 0;
    for (const plan of plans) {
      const rows = generateMunicipalityYear(plan);
      rows.forEach((row, index) => {
        children += 1;
        if (row.isMultiple) inMultiples += 1;
        if (!row.isMultiple) expect(row.birthOrder).toBe(1);
        if (row.birthOrder === 2) {
          // The first-born of the same pregnancy is the row before: same mother, age, visit and parents.
          const first = rows[index - 1]!;
          expect(first).toMatchObject({
            isMultiple: true,
            birthOrder: 1,
            isVulnerable: row.isVulnerable,
            gestationalAgeDays: row.gestationalAgeDays,
            firstAntenatalVisitDay: row.firstAntenatalVisitDay,
            parentCount: row.parentCount,
            parentsWithProblematicDebt: row.parentsWithProblematicDebt,
          });
        }
        if (row.isMultiple && row.birthOrder === 1 && index + 1 < rows.length) expect(rows[index + 1]!.birthOrder).toBe(2);
      });
    }
    expect(children).toBeGreaterThan(15_000);
    expect(inMultiples / children).toBeGreaterThan(0.012);
    expect(inMultiples / children).toBeLessThan(0.022);
  });

  it('is deterministic: the same seed gives the same rows, whatever else is generated or at what scale', () => {
    const [alone] = planSyntheticBirths(municipalities, [2021], { only: new Set(['GM0642']) });
    const together = planSyntheticBirths(municipalities, [2021], { only: new Set(['GM0642', 'GM0505']) }).find((plan) => plan.municipalityCode === 'GM0642');
    const [doubled] = planSyntheticBirths(municipalities, [2021], { only: new Set(['GM0642']), scale: 2 });
    const rows = generateMunicipalityYear(alone!);
    expect(generateMunicipalityYear(alone!)).toEqual(rows);
    expect(generateMunicipalityYear(together!)).toEqual(rows);
    expect(doubled!.births).toBe(2 * alone!.births);
    expect(generateMunicipalityYear(doubled!).slice(0, rows.length)).toEqual(rows);
    expect(rows[0]!.sourceKey).toBe('synthetic:2021:GM0642:1');
  });

  it('stores the rows once: a second run inserts nothing, a larger scale only adds the new children', async () => {
    const options = { years: [2022], municipalityCodes: ['GM0642', 'GM0482'] };
    const first = await generateSyntheticBirths(database.db, options);
    expect(first.inserted).toBe(first.generated);
    const again = await generateSyntheticBirths(database.db, options);
    expect(again).toEqual({ generated: first.generated, inserted: 0 });
    const doubled = await generateSyntheticBirths(database.db, { ...options, scale: 2 });
    expect(doubled.inserted).toBe(first.generated);
    const [stored] = await queryRows<{ count: number; synthetic: number }>(
      database.db,
      sql`SELECT count(*)::int AS count, count(*) FILTER (WHERE is_synthetic)::int AS synthetic FROM birth_register`,
    );
    expect(stored).toEqual({ count: 2 * first.generated, synthetic: 2 * first.generated });
    // What is stored is exactly what the generator makes.
    const [plan] = planSyntheticBirths(municipalities, [2022], { only: new Set(['GM0482']) });
    const expected = generateMunicipalityYear(plan!);
    const storedRows = await queryRows<{ source_key: string; birth_weight_grams: number; is_small_for_gestational_age: boolean; had_kraamzorg: boolean | null }>(
      database.db,
      sql`SELECT source_key, birth_weight_grams, is_small_for_gestational_age, had_kraamzorg FROM birth_register
          WHERE municipality_code = 'GM0482' ORDER BY id LIMIT ${expected.length}`,
    );
    expect(storedRows).toEqual(
      expected.map((row) => ({
        source_key: row.sourceKey,
        birth_weight_grams: row.birthWeightGrams,
        is_small_for_gestational_age: row.isSmallForGestationalAge,
        had_kraamzorg: row.hadKraamzorg,
      })),
    );
  });

  it('seed:national --replace makes the synthetic rows anew (after a generator change) and keeps rows from the chain', async () => {
    const options = { years: [2021], municipalityCodes: ['GM0482'] };
    await generateSyntheticBirths(database.db, options);
    // A row as an older generator left it, and a row recorded through the chain.
    const key = 'synthetic:2021:GM0482:1';
    await database.db.execute(sql`UPDATE birth_register SET birth_weight_grams = 999, is_small_for_gestational_age = true WHERE source_key = ${key}`);
    const [chainRow] = generateMunicipalityYear(planSyntheticBirths(municipalities, [2021], { only: new Set(['GM0482']) })[0]!);
    await database.db.execute(sql`INSERT INTO birth_register (source_key, is_synthetic, municipality_code, birth_year, is_vulnerable, gestational_age_days,
      birth_weight_grams, sex, is_live_born, is_multiple, is_preterm, is_small_for_gestational_age, parent_count, parents_with_problematic_debt)
      VALUES ('chain:test', false, 'GM0482', 2021, false, ${chainRow!.gestationalAgeDays}, 3000, 'male', true, false, false, false, 2, 0)`);
    const weightOf = async (sourceKey: string) =>
      (await queryRows<{ birth_weight_grams: number }>(database.db, sql`SELECT birth_weight_grams FROM birth_register WHERE source_key = ${sourceKey}`))[0]?.birth_weight_grams;
    await seedNationalRegister(database.db, options);
    expect(await weightOf(key)).toBe(999); // without --replace the old row stays
    await seedNationalRegister(database.db, { ...options, replace: true });
    expect(await weightOf(key)).toBe(chainRow!.birthWeightGrams);
    expect(await weightOf('chain:test')).toBe(3000);
  });

  it('splits a national rate over the groups so that the weighted mean is the target', () => {
    const { vulnerable, notVulnerable } = splitByGroup(0.048, 2.5, 0.068);
    expect(vulnerable / notVulnerable).toBeCloseTo(2.5, 10);
    expect(0.068 * vulnerable + 0.932 * notVulnerable).toBeCloseTo(0.048, 12);
  });
});
