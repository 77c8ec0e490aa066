// SPDX-License-Identifier: EUPL-1.2
// Source (c), the municipal questionnaire: counts derived from hand-made answers and statuses (every number worked
// out by hand), shown by the API at once after a recompute, and the synthetic demo answers —
// deterministic and on Table 1's national values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { AreaProfile, Figure, Overview, Series } from '../../../../contracts/monitor.js';
import { createTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { sessionFor, type TestSession } from '../../../../../test/helpers/sessions.js';
import { queryRows } from '../../../platform/db/connection.js';
import { municipalities } from '../../reference/schema.js';
import { INDICATORS } from '../definitions/indicators.js';
import { recomputeIndicatorCounts } from '../register/recompute-indicator-counts.js';
import { indicatorCounts } from '../schema.js';
import { municipalQuestionnaireAnswers } from './schema.js';
import { SYNTHETIC_SHARES, seedSyntheticAnswers, seedSyntheticStatuses, syntheticAnswers, syntheticStatuses } from './synthetic-answers.js';
import { MUNICIPALITY_COALITION_STATUSES, municipalityCoalitionStatuses } from '../../coalitions/schema.js';

let t: TestApp;
let analyst: TestSession;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  analyst = await sessionFor(t, 'analyst');
  // Every number below is worked out by hand from the statuses these tests write: start without the
  // register statuses the demo records for its coalitions' members.
  await t.database.db.delete(municipalityCoalitionStatuses);
});
afterAll(() => t?.close());

type CountLine = { area_level: string; area_code: string; year: number; split: string; numerator: number; denominator: number; is_synthetic: boolean };
const countsOf = (indicatorKey: string) =>
  queryRows<CountLine>(
    t.database.db,
    sql`SELECT area_level, area_code, year, split, numerator, denominator, is_synthetic FROM indicator_counts
        WHERE indicator_key = ${indicatorKey} AND source = 'questionnaire' ORDER BY area_level, area_code, year`,
  );
const get = <T>(url: string) => t.app.inject({ method: 'GET', url, headers: analyst.headers }).then((response) => {
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
});

// Dordrecht (GM0505) and Alblasserdam (GM0482): GGD GG4816, province PV28, demo coalition KS0001
// (Drechtsteden). Groningen (GM0014): GG0111, PV20, no coalition.
describe('deriving the questionnaire indicators', () => {
  it('counts yes/no answers per municipality 0 or 1 of 1 and sums the answering municipalities per region, province and nation', async () => {
    await t.database.db.insert(municipalQuestionnaireAnswers).values([
      { municipalityCode: 'GM0505', year: 2023, questionKey: 'has_plan_of_approach', answer: true, source: 'synthetic' },
      { municipalityCode: 'GM0482', year: 2023, questionKey: 'has_plan_of_approach', answer: false, source: 'synthetic' },
      { municipalityCode: 'GM0014', year: 2023, questionKey: 'has_plan_of_approach', answer: true, source: 'synthetic' },
      { municipalityCode: 'GM0505', year: 2022, questionKey: 'has_plan_of_approach', answer: false, source: 'synthetic' },
      // A real answer: its figures are not synthetic.
      { municipalityCode: 'GM0505', year: 2023, questionKey: 'offers_voorzorg', answer: true, source: 'questionnaire' },
      // A question no indicator asks (any more: indicator 1 counts the statuses): ignored.
      { municipalityCode: 'GM0505', year: 2023, questionKey: 'has_coalition', answer: true, source: 'questionnaire' },
    ]);
    await recomputeIndicatorCounts(t.database.db);
    const line = (area_level: string, area_code: string, year: number, numerator: number, denominator: number, is_synthetic = true): CountLine => ({
      area_level,
      area_code,
      year,
      split: 'all',
      numerator,
      denominator,
      is_synthetic,
    });
    expect(await countsOf('plan_of_approach')).toEqual([
      line('coalition', 'KS0001', 2022, 0, 1),
      line('coalition', 'KS0001', 2023, 1, 2),
      line('ggd_region', 'GG0111', 2023, 1, 1),
      line('ggd_region', 'GG4816', 2022, 0, 1),
      line('ggd_region', 'GG4816', 2023, 1, 2),
      line('municipality', 'GM0014', 2023, 1, 1),
      line('municipality', 'GM0482', 2023, 0, 1),
      line('municipality', 'GM0505', 2022, 0, 1),
      line('municipality', 'GM0505', 2023, 1, 1),
      line('nation', 'NL01', 2022, 0, 1),
      line('nation', 'NL01', 2023, 2, 3),
      line('province', 'PV20', 2023, 1, 1),
      line('province', 'PV28', 2022, 0, 1),
      line('province', 'PV28', 2023, 1, 2),
    ]);
    expect(await countsOf('voorzorg')).toEqual([
      line('coalition', 'KS0001', 2023, 1, 1, false),
      line('ggd_region', 'GG4816', 2023, 1, 1, false),
      line('municipality', 'GM0505', 2023, 1, 1, false),
      line('nation', 'NL01', 2023, 1, 1, false),
      line('province', 'PV28', 2023, 1, 1, false),
    ]);
    expect(await countsOf('coalition')).toEqual([]);
  });

  it('counts indicator 1 from the statuses: every municipality of the area, in development its own category, no answer as not answered', async () => {
    await t.database.db.insert(municipalityCoalitionStatuses).values([
      { municipalityCode: 'GM0505', year: 2023, status: 'formed', source: 'questionnaire' },
      { municipalityCode: 'GM0482', year: 2023, status: 'none', source: 'synthetic' },
      { municipalityCode: 'GM0590', year: 2023, status: 'in_development', source: 'synthetic' },
      { municipalityCode: 'GM0014', year: 2023, status: 'formed', source: 'synthetic' },
      { municipalityCode: 'GM0505', year: 2022, status: 'in_development', source: 'register' },
      { municipalityCode: 'GM0482', year: 2022, status: 'formed', source: 'questionnaire' },
      // A year only the register speaks of (a coordinator's own members) is not published.
      { municipalityCode: 'GM0505', year: 2021, status: 'formed', source: 'register' },
    ]);
    await recomputeIndicatorCounts(t.database.db);
    const lines = await countsOf('coalition');
    const of = (area_level: string, area_code: string, year: number) =>
      Object.fromEntries(lines.filter((row) => row.area_level === area_level && row.area_code === area_code && row.year === year).map((row) => [row.split, [row.numerator, row.denominator]]));
    const places = (await t.database.db.select({ code: municipalities.code }).from(municipalities)).length;
    // Seed 003: a share of all municipalities (212 of 342), so the denominator counts those without an answer too.
    expect(of('nation', 'NL01', 2023)).toEqual({
      all: [2, places],
      status_formed: [2, places],
      status_in_development: [1, places],
      status_none: [1, places],
      status_not_answered: [places - 4, places],
    });
    // Drechtsteden (KS0001): five members.
    expect(of('coalition', 'KS0001', 2023)).toEqual({ all: [1, 5], status_formed: [1, 5], status_in_development: [1, 5], status_none: [1, 5], status_not_answered: [2, 5] });
    expect(of('municipality', 'GM0505', 2022)).toEqual({ all: [0, 1], status_formed: [0, 1], status_in_development: [1, 1], status_none: [0, 1], status_not_answered: [0, 1] });
    expect(of('nation', 'NL01', 2022)).toMatchObject({ all: [1, places], status_in_development: [1, places] });
    expect(lines.filter((row) => row.year === 2021)).toEqual([]);
    expect(lines.find((row) => row.area_code === 'GM0505' && row.year === 2022)!.is_synthetic).toBe(false);
    expect(lines.find((row) => row.area_code === 'NL01' && row.year === 2023)!.is_synthetic).toBe(true);
  });

  it('publishes indicator 1 as a breakdown (kind categories), unsuppressed, without an interval', async () => {
    const places = (await t.database.db.select({ code: municipalities.code }).from(municipalities)).length;
    const overview = await get<Overview>('/api/v1/monitor/overview');
    const coalition = overview.items.find((row) => row.indicator.key === 'coalition')!;
    expect(coalition.year).toBe(2023);
    expect(coalition.all).toMatchObject({ kind: 'categories', numerator: 2, denominator: places, isSuppressed: false, source: 'questionnaire', isSynthetic: true, lower: null, upper: null });
    expect(coalition.all!.categories!.map((item) => [item.category, item.count])).toEqual([
      ['formed', 2],
      ['in_development', 1],
      ['none', 1],
      ['not_answered', places - 4],
    ]);
    const municipal = await get<Figure[]>('/api/v1/monitor/indicators/coalition/figures?areaLevel=municipality&year=2023');
    expect(municipal.find((figure) => figure.areaCode === 'GM0590')!.categories!.find((item) => item.count === 1)!.category).toBe('in_development');
    const plan = overview.items.find((row) => row.indicator.key === 'plan_of_approach')!;
    expect(plan.all).toMatchObject({ kind: 'count', numerator: 2, denominator: 3, isSynthetic: true });
    const profile = await get<AreaProfile>('/api/v1/monitor/areas/GM0482');
    expect(profile.items.find((row) => row.indicator.key === 'plan_of_approach')!.figure).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });

  it('reads as ja/nee for one municipality and as a count for larger areas: full counts, without an interval or a test', async () => {
    // A third year, so that a series could be tested for trend.
    await t.database.db.insert(municipalQuestionnaireAnswers).values({ municipalityCode: 'GM0505', year: 2021, questionKey: 'has_plan_of_approach', answer: false, source: 'synthetic' });
    await recomputeIndicatorCounts(t.database.db);
    const municipal = await get<Figure[]>('/api/v1/monitor/indicators/plan_of_approach/figures?areaLevel=municipality&year=2023');
    const answerOf = (code: string) => municipal.find((figure) => figure.areaCode === code)!;
    // Dordrecht: nee in 2022, ja in 2023 — a rise in the desired direction, not tested (nothing was sampled).
    expect(answerOf('GM0505')).toMatchObject({
      kind: 'yes_no',
      numerator: 1,
      denominator: 1,
      value: 100,
      lower: null,
      upper: null,
      change: { symbol: 'up', assessment: 'desired', pValue: null, isSignificant: null },
    });
    expect(answerOf('GM0482')).toMatchObject({ kind: 'yes_no', numerator: 0, value: 0, lower: null, upper: null, change: { symbol: 'not_comparable', pValue: null, isSignificant: null } });
    expect(answerOf('GM0014')).toMatchObject({ kind: 'yes_no', numerator: 1, lower: null, upper: null });
    const regions = await get<Figure[]>('/api/v1/monitor/indicators/plan_of_approach/figures?areaLevel=ggd_region&year=2023');
    expect(regions.find((figure) => figure.areaCode === 'GG4816')).toMatchObject({
      kind: 'count',
      numerator: 1,
      denominator: 2,
      lower: null,
      upper: null,
      change: { symbol: 'up', assessment: 'desired', pValue: null, isSignificant: null },
    });
    const series = await get<Series>('/api/v1/monitor/indicators/plan_of_approach/areas/NL01/series');
    expect(series.items.map((figure) => [figure.year, figure.kind, figure.lower, figure.upper, figure.change?.isSignificant])).toEqual([
      [2021, 'count', null, null, null],
      [2022, 'count', null, null, null],
      [2023, 'count', null, null, null],
    ]);
    expect(series.trend).toBeNull();
    const profile = await get<AreaProfile>('/api/v1/monitor/areas/GM0505');
    const row = profile.items.find((item) => item.indicator.key === 'plan_of_approach')!;
    expect(row.figure).toMatchObject({ kind: 'yes_no', numerator: 1, lower: null, upper: null });
    const nation = row.comparisons.find((comparison) => comparison.kind === 'nation')!;
    expect(nation).toMatchObject({ valueKind: 'count', numerator: 2, denominator: 3, lower: null, upper: null, isPublished: true });
  });

  it('shows a recompute at once, and any other write to the counts too (the data version)', async () => {
    const planOf = async () => (await get<Overview>('/api/v1/monitor/overview')).items.find((row) => row.indicator.key === 'plan_of_approach')!.all!;
    expect((await planOf()).numerator).toBe(2);
    await t.database.db
      .update(municipalQuestionnaireAnswers)
      .set({ answer: true })
      .where(and(eq(municipalQuestionnaireAnswers.municipalityCode, 'GM0482'), eq(municipalQuestionnaireAnswers.year, 2023)));
    // The answer alone changes nothing published: the counts come from the recompute.
    expect((await planOf()).numerator).toBe(2);
    await recomputeIndicatorCounts(t.database.db);
    expect(await planOf()).toMatchObject({ numerator: 3, denominator: 3, value: 100 });
    await t.database.db
      .update(indicatorCounts)
      .set({ numerator: 1 })
      .where(and(eq(indicatorCounts.indicatorKey, 'plan_of_approach'), eq(indicatorCounts.areaCode, 'NL01'), eq(indicatorCounts.year, 2023)));
    expect((await planOf()).numerator).toBe(1);
  });
});

describe('the synthetic demo answers', () => {
  const TABLE_1: [string, string, number, number][] = [
    ['plan_of_approach', 'has_plan_of_approach', 2023, 57],
    ['nu_niet_zwanger', 'offers_nu_niet_zwanger', 2024, 82],
    ['prenatal_home_visit', 'offers_prenatal_home_visit', 2023, 77],
    ['voorzorg', 'offers_voorzorg', 2023, 49],
  ];

  it('asks every yes/no questionnaire indicator’s question, and is the same on every run', async () => {
    const questions = INDICATORS.flatMap((definition) => (definition.questionnaire && definition.questionnaire.answerKind !== 'status' ? [definition.questionnaire.questionKey] : []));
    expect(Object.keys(SYNTHETIC_SHARES).sort()).toEqual([...questions].sort());
    const places = await t.database.db.select({ code: municipalities.code, population: municipalities.population }).from(municipalities);
    const first = syntheticAnswers(places);
    expect(syntheticAnswers([...places].reverse())).toEqual(first);
    expect(first).toHaveLength(places.length * 6 * questions.length);
    // Growth: a municipality that said yes keeps saying yes.
    const yes = new Set(first.filter((answer) => answer.answer).map((answer) => `${answer.municipalityCode}|${answer.questionKey}|${answer.year}`));
    for (const answer of first) if (answer.answer && answer.year < 2024) expect(yes.has(`${answer.municipalityCode}|${answer.questionKey}|${answer.year + 1}`)).toBe(true);
  });

  it('hits Table 1 nationally within ±2 points, from lower values in 2019, after seeding and a recompute', async () => {
    await t.database.db.delete(municipalQuestionnaireAnswers);
    const places = await t.database.db.select({ code: municipalities.code }).from(municipalities);
    expect(await seedSyntheticAnswers(t.database.db)).toBe(places.length * 6 * TABLE_1.length);
    expect(await seedSyntheticAnswers(t.database.db)).toBe(0); // idempotent
    await recomputeIndicatorCounts(t.database.db);
    for (const [indicatorKey, , year, target] of TABLE_1) {
      const national = (await countsOf(indicatorKey)).filter((row) => row.area_level === 'nation');
      const at = (wanted: number) => national.find((row) => row.year === wanted)!;
      expect(at(year).denominator).toBe(places.length);
      expect(at(year).is_synthetic).toBe(true);
      expect(Math.abs((100 * at(year).numerator) / at(year).denominator - target), indicatorKey).toBeLessThanOrEqual(2);
      expect(at(2019).numerator, indicatorKey).toBeLessThan(at(year).numerator);
    }
  });
});

describe('the synthetic coalition statuses', () => {
  it('give every municipality a status each year, 2023 exactly seed 003 (212 / 66 / 31 of 342), formed only growing', async () => {
    const places = await t.database.db.select({ code: municipalities.code }).from(municipalities);
    const rows = syntheticStatuses(places);
    expect(syntheticStatuses([...places].reverse())).toEqual(rows);
    expect(rows).toHaveLength(places.length * 6);
    const tally = (year: number) => Object.fromEntries(MUNICIPALITY_COALITION_STATUSES.map((status) => [status, rows.filter((row) => row.year === year && row.status === status).length]));
    expect(tally(2023)).toEqual({ formed: 212, in_development: 66, none: 31, not_answered: 33 });
    expect(tally(2022).formed).toBe(212 - 46);
    const formed = new Set(rows.filter((row) => row.status === 'formed').map((row) => `${row.municipalityCode}|${row.year}`));
    for (const row of rows) if (row.status === 'formed' && row.year < 2024) expect(formed.has(`${row.municipalityCode}|${row.year + 1}`)).toBe(true);
    await t.database.db.delete(municipalityCoalitionStatuses);
    expect(await seedSyntheticStatuses(t.database.db)).toBe(places.length * 6);
    expect(await seedSyntheticStatuses(t.database.db)).toBe(0); // idempotent
    await recomputeIndicatorCounts(t.database.db);
    const national = (await countsOf('coalition')).filter((row) => row.area_level === 'nation' && row.year === 2023);
    expect(Object.fromEntries(national.map((row) => [row.split, row.numerator]))).toEqual({ all: 212, status_formed: 212, status_in_development: 66, status_none: 31, status_not_answered: 33 });
  });
});
