// SPDX-License-Identifier: EUPL-1.2
// The monitor attacked as issue 9 attacked it: with everything the API publishes — every indicator,
// level, split, year and pooled period — and public facts only (test/helpers/monitor-attacker.ts).
// The data is built to be attackable: small municipalities, areas without vulnerable births (no row
// in the register), two indicators counted over the same live births, and a regional collaboration
// that holds a local coalition's municipalities plus the smallest municipality of another GGD region
// (issue 10 item 8): regional total − local coalition total = that small municipality, unless the
// whole-publication protection holds the regional relation too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_LEVELS, COALITION_LEVEL_OF_KIND, NATION_CODE, SPLITS, type Figure, type MonitorCoalition } from '../../../contracts/monitor.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor, type TestSession } from '../../../../test/helpers/sessions.js';
import { attackPublishedFigures, type PublicFacts, type SeenFigure } from '../../../../test/helpers/monitor-attacker.js';
import { municipalities } from '../reference/schema.js';
import { addRegionalCollaboration, seedIndicatorCounts, TEST_YEARS } from './test-support.js';
import { warmPublication } from './published-tables.js';
import { asc, sql } from 'drizzle-orm';

const INDICATOR_KEYS = ['big2', 'no_kraamzorg'];
let t: TestApp;
let analyst: TestSession;
let figures: SeenFigure[];
let facts: PublicFacts;
/** Suppressed figures as the API gives them. */
const suppressedRows: Figure[] = [];

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: analyst.headers });

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  analyst = await sessionFor(t, 'analyst');
  const [smallest] = await t.database.db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(sql`${municipalities.ggdRegionCode} <> 'GG4816'`)
    .orderBy(asc(municipalities.population))
    .limit(1);
  // Drechtsteden (the demo's local coalition KS0001) plus the smallest municipality elsewhere.
  await addRegionalCollaboration(t.database.db, 'KS0201', 'Regionale testsamenwerking', ['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642', smallest!.code]);
  await seedIndicatorCounts(t.database.db, 'big2', { omitEmpty: true });
  await seedIndicatorCounts(t.database.db, 'no_kraamzorg', { omitEmpty: true, rates: { vulnerable: 0.12, notVulnerable: 0.06 } });
  // As the server does at start: the publication is computed before the first request, not inside it
  // (on a busy machine the whole publication with its audit can outlast a request's timeout).
  await warmPublication(t.database.db);

  const places = await t.database.db
    .select({ code: municipalities.code, ggd: municipalities.ggdRegionCode, province: municipalities.provinceCode })
    .from(municipalities);
  const coalitions: MonitorCoalition[] = (await get('/api/v1/monitor/coalitions')).json();
  const links = new Map<string, string>();
  const parentLinks: [string, string][] = [];
  for (const place of places) {
    parentLinks.push([`municipality:${place.code}`, `ggd_region:${place.ggd}`]);
    links.set(`ggd_region:${place.ggd}`, `province:${place.province}`);
    links.set(`province:${place.province}`, `nation:${NATION_CODE}`);
  }
  parentLinks.push(...links);
  // Both coalition levels, as public facts: who is a member of which local coalition and regional collaboration.
  for (const coalition of coalitions) {
    for (const code of coalition.municipalityCodes) parentLinks.push([`municipality:${code}`, `${COALITION_LEVEL_OF_KIND[coalition.kind]}:${coalition.code}`]);
  }
  expect(coalitions.filter((coalition) => coalition.kind === 'regional').map((coalition) => coalition.code)).toEqual(['KS0201']);
  facts = { parentLinks, sharedDenominators: [INDICATOR_KEYS] };
  const areasOf = new Map<string, string[]>([
    ['municipality', places.map((place) => place.code)],
    ['ggd_region', [...new Set(places.map((place) => place.ggd))]],
    ['province', [...new Set(places.map((place) => place.province))]],
    ['coalition', coalitions.filter((coalition) => coalition.kind === 'local').map((coalition) => coalition.code)],
    ['regional', coalitions.filter((coalition) => coalition.kind === 'regional').map((coalition) => coalition.code)],
    ['nation', [NATION_CODE]],
  ]);

  // Everything published: every period the API answers (any pooling it accepts), level and split.
  figures = [];
  for (const indicatorKey of INDICATOR_KEYS) {
    for (const year of TEST_YEARS) {
      for (let poolYears = 1; poolYears <= 5; poolYears += 1) {
        for (const areaLevel of AREA_LEVELS) {
          for (const split of SPLITS) {
            const response = await get(`/api/v1/monitor/indicators/${indicatorKey}/figures?areaLevel=${areaLevel}&split=${split}&year=${year}&poolYears=${poolYears}`);
            if (response.statusCode === 400) continue;
            expect(response.statusCode, response.body).toBe(200);
            const rows: Figure[] = response.json();
            const listed = new Set(rows.map((row) => row.areaCode));
            for (const row of rows) {
              if (row.isSuppressed) suppressedRows.push(row);
              figures.push({ indicatorKey, area: `${areaLevel}:${row.areaCode}`, split, firstYear: row.firstYear, year: row.year, numerator: row.numerator, denominator: row.denominator });
            }
            // An area the register lists no row for had no births: the attacker reads it as zero.
            for (const code of areasOf.get(areaLevel)!) {
              if (!listed.has(code)) figures.push({ indicatorKey, area: `${areaLevel}:${code}`, split, firstYear: year - poolYears + 1, year, numerator: 0, denominator: 0 });
            }
          }
        }
      }
    }
  }
}, 600_000);
afterAll(() => t?.close());

const describeNarrow = (narrow: Awaited<ReturnType<typeof attackPublishedFigures>>['narrow']) =>
  narrow.slice(0, 10).map(({ figure, lower, upper }) => `${figure.indicatorKey} ${figure.area} ${figure.split} ${figure.firstYear}–${figure.year}: ${lower}–${upper}`);

// Each attack solves thousands of small linear programs: minutes on a busy two-core machine.
const ATTACK_TIMEOUT = 600_000;

describe('disclosure control over the whole publication (attacked with published figures only)', () => {
  it('lists every area of every level, and a suppressed figure carries no number and no reason', () => {
    const suppressed = figures.filter((figure) => figure.numerator === null);
    expect(suppressed.length).toBeGreaterThan(100);
    for (const figure of suppressed) expect(figure.denominator).toBeNull();
    // One reason for all: which suppressed cells are the small ones is not told.
    expect(suppressedRows.length).toBe(suppressed.length);
    for (const row of suppressedRows) {
      expect(row).not.toHaveProperty('suppression');
      expect(row).toMatchObject({ value: null, lower: null, upper: null, change: null });
    }
    // No area needed filling in as zero by the attacker: every area is listed by the API.
    const filledIn = figures.filter((figure) => figure.numerator === 0 && figure.denominator === 0);
    expect(filledIn).toEqual([]);
  });

  it('pooled periods minus single years recover no suppressed count', async () => {
    const { narrow } = await attackPublishedFigures(figures, { ...facts, sharedDenominators: [], use: { areas: false, splits: false, periods: true } });
    expect(describeNarrow(narrow)).toEqual([]);
  }, ATTACK_TIMEOUT);

  it('missing rows read as zero and the split sums recover no suppressed count', async () => {
    const { narrow } = await attackPublishedFigures(figures, { ...facts, sharedDenominators: [], use: { areas: true, splits: true, periods: false } });
    expect(describeNarrow(narrow)).toEqual([]);
  }, ATTACK_TIMEOUT);

  it('indicators over the same population (shared denominators) recover no suppressed count', async () => {
    const { narrow } = await attackPublishedFigures(figures, { ...facts, use: { areas: false, splits: true, periods: false } });
    expect(describeNarrow(narrow)).toEqual([]);
  }, ATTACK_TIMEOUT);

  it('linear programming over every relation at once bounds no suppressed numerator narrower than 10', async () => {
    const { suppressed, narrow } = await attackPublishedFigures(figures, facts);
    expect(suppressed).toBeGreaterThan(100);
    expect(describeNarrow(narrow), `${narrow.length} of ${suppressed} suppressed numerators bounded too narrowly`).toEqual([]);
  }, ATTACK_TIMEOUT);
});
