// SPDX-License-Identifier: EUPL-1.2
// The monitor's read API on a real database: shapes, suppression as an attacker sees it, exports
// that equal the JSON, pooling, series, the area profile, and parameters that must never give a 5xx.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AreaProfile, Figure, Indicator, MonitorCoalition, Overview, Series } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { SYMBOLS } from '../../../contracts/monitor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { municipalities } from '../reference/schema.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor, type TestSession } from '../../../../test/helpers/sessions.js';
import { INDICATORS } from './definitions/indicators.js';
import { sizeClassOf } from './domain/size-class.js';
import { XLSX_MEDIA_TYPE } from './export-figures.js';
import { addRegionalCollaboration, seedIndicatorCounts, type SeededCount } from './test-support.js';
import { indicatorCounts } from './schema.js';

/** Zuid-Holland Zuid without Hoeksche Waard: Drechtsteden's five municipalities and four more. */
const REGIONAL = {
  code: 'KS0201',
  name: 'Regionale samenwerking Zuid-Holland Zuid',
  members: ['GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM0531', 'GM0590', 'GM0610', 'GM0642', 'GM1978'],
};
let t: TestApp;
let analyst: TestSession;
let policyOfficer: TestSession;
let seeded: SeededCount[];
/** The smallest municipality: its counts are below the threshold every year. */
let smallest: { code: string; ggdRegionCode: string };

beforeAll(async () => {
  // The fuzz sends more requests in a minute than the production rate limit allows.
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  analyst = await sessionFor(t, 'analyst');
  policyOfficer = await sessionFor(t, 'policyOfficer');
  // A regional collaboration overlapping the local coalition Drechtsteden (KS0001), before the counts.
  await addRegionalCollaboration(t.database.db, REGIONAL.code, REGIONAL.name, REGIONAL.members);
  seeded = await seedIndicatorCounts(t.database.db);
  const places = await t.database.db
    .select({ code: municipalities.code, population: municipalities.population, ggdRegionCode: municipalities.ggdRegionCode })
    .from(municipalities);
  smallest = places.sort((a, b) => a.population - b.population)[0]!;
}, 180_000);
afterAll(() => t?.close());

const get = (url: string, session: TestSession = analyst, accept?: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...session.headers, ...(accept ? { accept } : {}) } });

async function figures(query: string): Promise<Figure[]> {
  const response = await get(`/api/v1/monitor/indicators/big2/figures?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('indicators and the national overview', () => {
  it('lists the indicator definitions without how they are computed', async () => {
    const response = await get('/api/v1/monitor/indicators', policyOfficer);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.map((indicator: { key: string }) => indicator.key)).toEqual(INDICATORS.map((indicator) => indicator.key));
    expect(body[0]).not.toHaveProperty('records');
    expect(body[0]).not.toHaveProperty('seedValue');
  });

  it('gives per indicator the latest national figure by split, with the change and its significance', async () => {
    const response = await get('/api/v1/monitor/overview', policyOfficer);
    expect(response.statusCode, response.body).toBe(200);
    const overview: Overview = response.json();
    expect(overview.year).toBe(2023);
    expect(overview.items).toHaveLength(INDICATORS.length);
    const big2 = overview.items.find((row) => row.indicator.key === 'big2')!;
    expect(big2.year).toBe(2023);
    for (const figure of [big2.all!, big2.vulnerable!, big2.notVulnerable!]) {
      expect(figure).toMatchObject({ areaCode: 'NL01', areaLevel: 'nation', year: 2023, isSuppressed: false, isSynthetic: true });
      expect(figure.sourceLabel).toBe('Kansrijk-registratie (synthetische gegevens)');
      expect(figure.lower!).toBeLessThan(figure.value!);
      expect(figure.upper!).toBeGreaterThan(figure.value!);
      expect(SYMBOLS).toContain(figure.change!.symbol);
    }
    // Two points more Big2 than the year before: a significant rise, in the undesired direction.
    expect(big2.all!.change).toMatchObject({ symbol: 'up', assessment: 'undesired', isSignificant: true });
    expect(big2.all!.change!.pValue!).toBeLessThan(0.05);
    const national = seeded.find((row) => row.areaCode === 'NL01' && row.year === 2023 && row.split === 'all')!;
    expect(big2.all!.numerator).toBe(national.numerator);
    expect(big2.all!.value).toBeCloseTo((100 * national.numerator) / national.denominator, 2);
    // Indicators without counts stay in the table, empty.
    const empty = overview.items.find((row) => row.indicator.key === 'coalition')!;
    expect(empty).toMatchObject({ year: null, all: null });
    // Persons, from the register: a share with its interval.
    expect(big2.all!.kind).toBe('share');
  });
});

describe('figures per area, after suppression', () => {
  it('shows a small municipality as suppressed, without any number', async () => {
    const rows = await figures('areaLevel=municipality&year=2023');
    expect(rows.length).toBe(342);
    const small = rows.find((row) => row.areaCode === smallest.code)!;
    expect(small).toMatchObject({ isSuppressed: true, numerator: null, denominator: null, value: null, lower: null, upper: null, change: null });
    expect(small).not.toHaveProperty("suppression");
    const published = rows.filter((row) => !row.isSuppressed);
    expect(published.length).toBeGreaterThan(300);
    for (const row of published) expect(row.numerator!).toBeGreaterThanOrEqual(10);
  });

  it('lets no suppressed count be recomputed from published ones (parent minus children, all minus split)', async () => {
    // Everything an attacker can read for one period: every level and split.
    const known = new Map<string, number>();
    const suppressed = new Set<string>();
    const parentOf = new Map<string, string>();
    for (const level of ['municipality', 'ggd_region', 'province', 'coalition', 'regional', 'nation']) {
      for (const split of ['all', 'vulnerable', 'not_vulnerable']) {
        for (const row of await figures(`areaLevel=${level}&year=2023&split=${split}`)) {
          const key = `${row.areaCode}|${split}`;
          if (row.isSuppressed) suppressed.add(key);
          else known.set(key, row.numerator!);
        }
      }
    }
    expect(suppressed.size).toBeGreaterThan(0);
    const places = await t.database.db
      .select({ code: municipalities.code, ggd: municipalities.ggdRegionCode, province: municipalities.provinceCode })
      .from(municipalities);
    for (const place of places) {
      parentOf.set(place.code, place.ggd);
      parentOf.set(place.ggd, place.province);
      parentOf.set(place.province, 'NL01');
    }
    const relations: { total: string; parts: string[] }[] = [];
    const childrenOf = new Map<string, string[]>();
    for (const [child, parent] of parentOf) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
    for (const [parent, children] of childrenOf) {
      for (const split of ['all', 'vulnerable', 'not_vulnerable']) {
        relations.push({ total: `${parent}|${split}`, parts: children.map((child) => `${child}|${split}`) });
      }
    }
    // The local coalitions and the regional collaborations: two more sums over (some) municipalities,
    // overlapping the GGD regions and each other.
    const coalitionList: MonitorCoalition[] = (await get('/api/v1/monitor/coalitions')).json();
    expect(new Set(coalitionList.map((coalition) => coalition.kind))).toEqual(new Set(['local', 'regional']));
    for (const coalition of coalitionList) {
      for (const split of ['all', 'vulnerable', 'not_vulnerable']) {
        relations.push({ total: `${coalition.code}|${split}`, parts: coalition.municipalityCodes.map((code) => `${code}|${split}`) });
      }
      relations.push({ total: `${coalition.code}|all`, parts: [`${coalition.code}|vulnerable`, `${coalition.code}|not_vulnerable`] });
    }
    for (const area of parentOf.keys()) relations.push({ total: `${area}|all`, parts: [`${area}|vulnerable`, `${area}|not_vulnerable`] });
    // The attacker: solve every relation with one unknown, and keep going with what was learnt.
    for (let learnt = true; learnt; ) {
      learnt = false;
      for (const relation of relations) {
        const unknown = [relation.total, ...relation.parts].filter((key) => !known.has(key));
        if (unknown.length !== 1) continue;
        const partsSum = relation.parts.reduce((sum, part) => sum + (known.get(part) ?? 0), 0);
        known.set(unknown[0]!, unknown[0] === relation.total ? partsSum : known.get(relation.total)! - partsSum);
        learnt = true;
      }
    }
    const recovered = [...suppressed].filter((key) => known.has(key));
    expect(recovered, 'suppressed cells an attacker can recompute').toEqual([]);
  });

  it('pools years before suppression and labels the period', async () => {
    const rows = await figures('areaLevel=ggd_region&year=2023&poolYears=5');
    const region = rows.find((row) => row.areaCode === smallest.ggdRegionCode)!;
    expect(region).toMatchObject({ period: '2019–2023', firstYear: 2019, year: 2023, isPooled: true });
    const expected = seeded
      .filter((row) => row.areaCode === smallest.ggdRegionCode && row.split === 'all')
      .reduce((sum, row) => sum + row.numerator, 0);
    expect(region.numerator).toBe(expected);
    // No earlier five-year period in the data: nothing to compare with (×).
    expect(region.change?.symbol).toBe('not_comparable');
  });

  it('gives the time series of one area with intervals, change per year and a trend test', async () => {
    const response = await get('/api/v1/monitor/indicators/big2/areas/NL01/series');
    expect(response.statusCode, response.body).toBe(200);
    const series: Series = response.json();
    expect(series.items.map((figure) => figure.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(series.items[0]!.change!.symbol).toBe('not_comparable');
    expect(series.items[4]!.change!.symbol).toBe('up');
    expect(series.trend).toMatchObject({ direction: 'up', isSignificant: true });
    const small = await get(`/api/v1/monitor/indicators/big2/areas/${smallest.code}/series?split=vulnerable`);
    expect(small.statusCode).toBe(200);
    expect((small.json() as Series).items.every((figure) => figure.isSuppressed && figure.numerator === null)).toBe(true);
    expect((small.json() as Series).trend).toBeNull();
  });

  it('compares an area with similar municipalities from published cells only, its region, province and the Netherlands', async () => {
    const response = await get('/api/v1/monitor/areas/GM0505', policyOfficer);
    expect(response.statusCode, response.body).toBe(200);
    const profile: AreaProfile = response.json();
    expect(profile).toMatchObject({ areaCode: 'GM0505', areaLevel: 'municipality', year: 2023 });
    const big2 = profile.items.find((row) => row.indicator.key === 'big2')!;
    expect(big2.figure).toMatchObject({ areaCode: 'GM0505', isSuppressed: false });
    // Dordrecht is in the demo coalition Drechtsteden and in the regional collaboration: compared with both.
    expect(big2.comparisons.map((comparison) => comparison.kind)).toEqual(['similar_municipalities', 'ggd_region', 'coalition', 'regional', 'province', 'nation']);
    expect(big2.comparisons[2]).toMatchObject({ areaCode: 'KS0001', label: 'Coalitie Kansrijke Start Drechtsteden', isPublished: true });
    expect(big2.comparisons[3]).toMatchObject({ areaCode: REGIONAL.code, label: REGIONAL.name, isPublished: true });
    const similar = big2.comparisons[0]!;
    const places = await t.database.db.select({ code: municipalities.code, population: municipalities.population }).from(municipalities);
    const ownClass = sizeClassOf(places.find((place) => place.code === 'GM0505')!.population).key;
    const peers = new Set(places.filter((place) => place.code !== 'GM0505' && sizeClassOf(place.population).key === ownClass).map((place) => place.code));
    const published = (await figures('areaLevel=municipality&year=2023')).filter((row) => peers.has(row.areaCode) && !row.isSuppressed);
    expect(similar.municipalityCount).toBe(published.length);
    const mean = (100 * published.reduce((sum, row) => sum + row.numerator!, 0)) / published.reduce((sum, row) => sum + row.denominator!, 0);
    expect(similar.value).toBeCloseTo(mean, 2);
  });
});

describe('coalitions', () => {
  const DRECHTSTEDEN = ['GM0482', 'GM0505', 'GM0590', 'GM0610', 'GM0642'];
  const sumOf = (codes: readonly string[], year: number, split: string) =>
    seeded
      .filter((row) => row.areaLevel === 'municipality' && codes.includes(row.areaCode) && row.year === year && row.split === split)
      .reduce((sum, row) => ({ numerator: sum.numerator + row.numerator, denominator: sum.denominator + row.denominator }), { numerator: 0, denominator: 0 });

  it('lists the active coalitions with their municipalities', async () => {
    const response = await get('/api/v1/monitor/coalitions', policyOfficer);
    expect(response.statusCode, response.body).toBe(200);
    const list: MonitorCoalition[] = response.json();
    expect(list.find((coalition) => coalition.code === 'KS0001')).toEqual({
      code: 'KS0001',
      name: 'Coalitie Kansrijke Start Drechtsteden',
      kind: 'local',
      municipalityCodes: DRECHTSTEDEN,
    });
    expect(list.find((coalition) => coalition.code === REGIONAL.code)).toEqual({ code: REGIONAL.code, name: REGIONAL.name, kind: 'regional', municipalityCodes: REGIONAL.members });
    // Each level is disjoint: a municipality in at most one local and at most one regional.
    for (const kind of ['local', 'regional']) {
      const members = list.filter((coalition) => coalition.kind === kind).flatMap((coalition) => coalition.municipalityCodes);
      expect(new Set(members).size).toBe(members.length);
    }
  });

  it('gives figures per coalition: the sum over its member municipalities, per split', async () => {
    for (const split of ['all', 'vulnerable', 'not_vulnerable']) {
      const rows = await figures(`areaLevel=coalition&year=2023&split=${split}`);
      expect(rows.every((row) => row.areaLevel === 'coalition' && /^KS\d{4}$/.test(row.areaCode))).toBe(true);
      const drechtsteden = rows.find((row) => row.areaCode === 'KS0001')!;
      expect(drechtsteden).toMatchObject({ areaName: 'Coalitie Kansrijke Start Drechtsteden', isSynthetic: true });
      if (!drechtsteden.isSuppressed) expect({ numerator: drechtsteden.numerator, denominator: drechtsteden.denominator }).toEqual(sumOf(DRECHTSTEDEN, 2023, split));
    }
    const all = (await figures('areaLevel=coalition&year=2023')).find((row) => row.areaCode === 'KS0001')!;
    expect(all.isSuppressed).toBe(false);
    expect(all.value).toBeCloseTo((100 * all.numerator!) / all.denominator!, 2);
  });

  it('gives figures per regional collaboration at its own level: the sum over its members, also those in a local coalition', async () => {
    for (const split of ['all', 'vulnerable', 'not_vulnerable']) {
      const rows = await figures(`areaLevel=regional&year=2023&split=${split}`);
      expect(rows.map((row) => [row.areaLevel, row.areaCode])).toEqual([['regional', REGIONAL.code]]);
      const regional = rows[0]!;
      if (!regional.isSuppressed) expect({ numerator: regional.numerator, denominator: regional.denominator }).toEqual(sumOf(REGIONAL.members, 2023, split));
      // The local level does not list the regional collaboration.
      expect((await figures(`areaLevel=coalition&year=2023&split=${split}`)).some((row) => row.areaCode === REGIONAL.code)).toBe(false);
    }
    const profile: AreaProfile = (await get(`/api/v1/monitor/areas/${REGIONAL.code}`)).json();
    expect(profile).toMatchObject({ areaCode: REGIONAL.code, areaLevel: 'regional', areaName: REGIONAL.name });
    const big2 = profile.items.find((row) => row.indicator.key === 'big2')!;
    expect(big2.figure).toMatchObject({ isSuppressed: false, numerator: sumOf(REGIONAL.members, 2023, 'all').numerator });
    // Exports carry the level: the CSV of the regional level lists it under its Dutch name.
    const csv = await get(`/api/v1/monitor/indicators/big2/figures?areaLevel=regional&year=2023`, analyst, 'text/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(REGIONAL.name);
    expect(csv.body).toContain(nl.monitorLevels.levelRegional);
  });

  it('gives the series and the area profile of a coalition, compared with the Netherlands', async () => {
    const series = await get('/api/v1/monitor/indicators/big2/areas/KS0001/series');
    expect(series.statusCode, series.body).toBe(200);
    expect((series.json() as Series).items.map((figure) => [figure.year, figure.numerator])).toEqual(
      [2019, 2020, 2021, 2022, 2023].map((year) => [year, sumOf(DRECHTSTEDEN, year, 'all').numerator]),
    );
    const response = await get('/api/v1/monitor/areas/ks0001', policyOfficer);
    expect(response.statusCode, response.body).toBe(200);
    const profile: AreaProfile = response.json();
    expect(profile).toMatchObject({ areaCode: 'KS0001', areaLevel: 'coalition', areaName: 'Coalitie Kansrijke Start Drechtsteden', sizeClass: null });
    const big2 = profile.items.find((row) => row.indicator.key === 'big2')!;
    expect(big2.figure).toMatchObject({ areaCode: 'KS0001', isSuppressed: false, numerator: sumOf(DRECHTSTEDEN, 2023, 'all').numerator });
    expect(big2.comparisons.map((comparison) => comparison.kind)).toEqual(['nation']);
  });

  it('does not compare a municipality without a coalition with one', async () => {
    const profile: AreaProfile = (await get('/api/v1/monitor/areas/GM0014')).json();
    const big2 = profile.items.find((row) => row.indicator.key === 'big2')!;
    expect(big2.comparisons.map((comparison) => comparison.kind)).toEqual(['similar_municipalities', 'ggd_region', 'province', 'nation']);
  });

  it('answers an unknown coalition with a Dutch 404', async () => {
    for (const url of ['/api/v1/monitor/areas/KS9999', '/api/v1/monitor/indicators/big2/areas/KS9999/series']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors)).toMatch(/Onbekend gebied \W+KS9999\W+.*coalitie \(KS0000\)/);
    }
  });
});

describe('exports', () => {
  it('CSV has the same rows as the JSON, "onderdrukt" in suppressed cells, and is audited', async () => {
    const json = await figures('areaLevel=municipality&year=2023');
    const response = await get('/api/v1/monitor/indicators/big2/figures?areaLevel=municipality&year=2023&decimal=comma', policyOfficer, 'text/csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="kansrijk-big2-gemeente-totaal-2023-\d{4}-\d{2}-\d{2}\.csv"/);
    const parsed = Papa.parse<Record<string, string>>(response.body.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.data).toHaveLength(json.length);
    parsed.data.forEach((line, index) => {
      const row = json[index]!;
      expect(line.gebiedscode).toBe(row.areaCode);
      expect(line.teller).toBe(row.isSuppressed ? 'onderdrukt' : String(row.numerator));
      expect(line.waarde).toBe(row.isSuppressed ? 'onderdrukt' : String(row.value).replace('.', ','));
      expect(line.periode).toBe(row.period);
    });
    // This export's audit row (the regional level's export above wrote one too).
    const events = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'export'), eq(auditLog.objectType, 'indicator_figure')));
    expect(events.map((event) => event.details)).toContainEqual(expect.objectContaining({ format: 'csv', rowCount: json.length }));
  });

  it('XLSX opens with exceljs and has the same rows as the JSON', async () => {
    const json: Overview = (await get('/api/v1/monitor/overview')).json();
    const response = await get('/api/v1/monitor/overview', analyst, XLSX_MEDIA_TYPE);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX_MEDIA_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lines = [];
    for (let index = 2; index <= sheet.rowCount; index += 1) {
      const values = (sheet.getRow(index).values as unknown[]).slice(1);
      lines.push(Object.fromEntries(header.map((name, column) => [name, values[column] ?? null])));
    }
    const expected = json.items.flatMap((row): { key: string; figure: Figure | null }[] => {
      const present = [row.all, row.vulnerable, row.notVulnerable].filter((figure): figure is Figure => figure !== null);
      return present.length === 0 ? [{ key: row.indicator.key, figure: null }] : present.map((figure) => ({ key: row.indicator.key, figure }));
    });
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, index) => {
      expect(line.indicator).toBe(expected[index]!.key);
      expect(line.waarde).toBe(expected[index]!.figure?.value ?? null);
      expect(line.teller).toBe(expected[index]!.figure?.numerator ?? null);
    });
  });

  it('exports the time series and the area profile as CSV too', async () => {
    for (const url of ['/api/v1/monitor/indicators/big2/areas/GM0505/series', '/api/v1/monitor/areas/GM0505', '/api/v1/monitor/indicators']) {
      const response = await get(url, policyOfficer, 'text/csv');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
    }
  });
});

describe('definition notes: in the indicator API and in every export', () => {
  const NOTES = nl.monitorNoteLabels.columnNotes;
  const YEAR_IS = nl.monitorNoteLabels.columnYearBasis;
  const csvLines = (body: string) => Papa.parse<Record<string, string>>(body.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true }).data;

  it('the indicator list carries each note as key and catalogue text, and what the year means', async () => {
    const body: Indicator[] = (await get('/api/v1/monitor/indicators', policyOfficer)).json();
    const byKey = new Map(body.map((indicator) => [indicator.key, indicator]));
    expect(byKey.get('problematic_debts')!.notes).toEqual([{ key: 'debtsAllParents', text: nl.monitorNotes.debtsAllParents }]);
    expect(byKey.get('problematic_debts')!.name).toContain('definitie monitor 2024');
    expect(byKey.get('out_of_home_placement')!.notes.map((note) => note.key)).toEqual(['byBirthCohort', 'outOfHomeCohort']);
    for (const key of ['speech_language', 'overweight_at_two', 'out_of_home_placement']) {
      expect(byKey.get(key)!.yearBasis, key).toBe('birth_cohort');
      expect(byKey.get(key)!.notes.map((note) => note.text)).toContain(nl.monitorNotes.byBirthCohort);
    }
    expect(byKey.get('big2')).toMatchObject({ notes: [], yearBasis: 'calendar_year' });
    // The list as CSV: the same notes, one column.
    const lines = csvLines((await get('/api/v1/monitor/indicators', policyOfficer, 'text/csv')).body);
    const line = (key: string) => lines.find((candidate) => candidate.indicator === key)!;
    expect(line('problematic_debts')[NOTES]).toBe(nl.monitorNotes.debtsAllParents);
    expect(line('speech_language')[YEAR_IS]).toBe(nl.monitorNoteLabels.yearBasisBirthCohort);
    expect(line('big2')[NOTES]).toBe('');
    expect(line('big2')[YEAR_IS]).toBe(nl.monitorNoteLabels.yearBasisCalendarYear);
  });

  it('the overview as XLSX and the figures and series of a birth-cohort indicator as CSV carry the notes on every row', async () => {
    // One more indicator with figures (the publication then recomputes its disclosure control: slow).
    await seedIndicatorCounts(t.database.db, 'overweight_at_two');
    const expectedNotes = nl.monitorNotes.byBirthCohort;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('/api/v1/monitor/overview', analyst, XLSX_MEDIA_TYPE)).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = [];
    for (let index = 2; index <= sheet.rowCount; index += 1) {
      const values = (sheet.getRow(index).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((name, column) => [name, values[column] ?? null])));
    }
    const placements = rows.filter((row) => row.indicator === 'overweight_at_two' && row.waarde !== null);
    expect(placements.length).toBeGreaterThan(0);
    for (const row of placements) expect(row).toMatchObject({ [NOTES]: expectedNotes, [YEAR_IS]: nl.monitorNoteLabels.yearBasisBirthCohort });
    for (const row of rows.filter((candidate) => candidate.indicator === 'problematic_debts')) expect(row[NOTES]).toBe(nl.monitorNotes.debtsAllParents);
    for (const row of rows.filter((candidate) => candidate.indicator === 'big2')) expect(row[NOTES]).toBeNull();
    for (const url of [
      '/api/v1/monitor/indicators/overweight_at_two/figures?areaLevel=province&year=2023',
      '/api/v1/monitor/indicators/overweight_at_two/areas/NL01/series',
    ]) {
      const response = await get(url, policyOfficer, 'text/csv');
      expect(response.statusCode, url).toBe(200);
      const lines = csvLines(response.body);
      expect(lines.length, url).toBeGreaterThan(0);
      for (const line of lines) expect(line, url).toMatchObject({ [NOTES]: expectedNotes, [YEAR_IS]: nl.monitorNoteLabels.yearBasisBirthCohort });
    }
    // The area profile: every indicator's row with its own notes.
    const profile = csvLines((await get('/api/v1/monitor/areas/GM0505', policyOfficer, 'text/csv')).body);
    expect(profile.filter((line) => line.indicator === 'overweight_at_two').every((line) => line[NOTES] === expectedNotes)).toBe(true);
    expect(profile.filter((line) => line.indicator === 'out_of_home_placement').every((line) => line[NOTES] === `${nl.monitorNotes.byBirthCohort} ${nl.monitorNotes.outOfHomeCohort}`)).toBe(true);
    expect(profile.filter((line) => line.indicator === 'big2').every((line) => line[NOTES] === '')).toBe(true);
  }, 300_000);
});

describe('parameters out of range', () => {
  it('answers unknown indicators, areas and years with a clear 400 or 404', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/v1/monitor/indicators/bestaat_niet/figures', 404, /Onbekende indicator/],
      ['/api/v1/monitor/indicators/big2/areas/GM9999/series', 404, /Onbekend gebied/],
      ['/api/v1/monitor/areas/PV99', 404, /Onbekend gebied/],
      ['/api/v1/monitor/indicators/big2/figures?year=2015', 400, /geen cijfers/],
      ['/api/v1/monitor/indicators/big2/figures?year=2022&poolYears=5', 400, /ontbreken jaren/],
      ['/api/v1/monitor/indicators/big2/figures?year=2023&poolYears=3', 400, /per 5 jaar/],
      ['/api/v1/monitor/overview?year=2000', 400, /geen cijfers/],
      ['/api/v1/monitor/indicators/coalition/figures?split=vulnerable', 400, /geen uitsplitsing/],
      ['/api/v1/monitor/indicators/big2/figures?areaLevel=wijk', 400, /./],
      ['/api/v1/monitor/areas/Dordrecht', 400, /gebiedscode/],
      ['/api/v1/monitor/indicators/big2/figures?poolYears=0', 400, /./],
    ];
    for (const [url, status, message] of cases) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors ?? response.json().detail), url).toMatch(message);
    }
  });

  it('never answers a 5xx to any combination of query parameters', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('big2', 'GM0505', 'NL01', 'GG3316', 'KS0001', 'KS9999', '2023', 'all', 'vulnerable', 'municipality', 'coalition', '-1', '1e9', '%00'),
    );
    await fc.assert(
      fc.asyncProperty(text, text, text, text, text, text, async (key, area, year, split, pool, level) => {
        const query = new URLSearchParams({ year, split, poolYears: pool, areaLevel: level }).toString();
        const urls = [
          `/api/v1/monitor/indicators/${encodeURIComponent(key)}/figures?${query}`,
          `/api/v1/monitor/indicators/${encodeURIComponent(key)}/areas/${encodeURIComponent(area)}/series?${query}`,
          `/api/v1/monitor/areas/${encodeURIComponent(area)}?${query}`,
          `/api/v1/monitor/overview?${query}`,
        ];
        for (const url of urls) {
          const response = await get(url);
          expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the symbols in an edition (seed 003, Table 1)', () => {
  it('gives "×" to an indicator without a new figure since the previous edition, and an arrow with the test beside it otherwise', async () => {
    // Overweight at two has figures up to 2022 only (children born later are not yet two): in the
    // edition of 2023 it has no new figure.
    // Its own figures, whatever an earlier test in this file seeded for the indicator.
    await t.database.db.delete(indicatorCounts).where(eq(indicatorCounts.indicatorKey, 'overweight_at_two'));
    await seedIndicatorCounts(t.database.db, 'overweight_at_two', { rates: { vulnerable: 0.12, notVulnerable: 0.08 } });
    await t.database.db.delete(indicatorCounts).where(and(eq(indicatorCounts.indicatorKey, 'overweight_at_two'), eq(indicatorCounts.year, 2023)));
    const overview: Overview = (await get('/api/v1/monitor/overview')).json();
    expect(overview.year).toBe(2023);
    const overweight = overview.items.find((row) => row.indicator.key === 'overweight_at_two')!;
    expect(overweight.year).toBe(2022);
    for (const figure of [overweight.all!, overweight.vulnerable!, overweight.notVulnerable!]) {
      expect(figure.change).toEqual({ symbol: 'not_comparable', assessment: 'unclear', pValue: null, isSignificant: null });
    }
    // The edition of 2022 (asked for by year) has it new, compared with 2021.
    const edition2022: Overview = (await get('/api/v1/monitor/overview?year=2022')).json();
    expect(edition2022.items.find((row) => row.indicator.key === 'overweight_at_two')!.all!.change!.symbol).not.toBe('not_comparable');
    // So does the area profile of the Netherlands in 2023.
    const profile: AreaProfile = (await get('/api/v1/monitor/areas/NL01')).json();
    expect(profile.items.find((row) => row.indicator.key === 'overweight_at_two')!.figure!.change!.symbol).toBe('not_comparable');
    // Big2 rose by two points: an arrow in the undesired direction, with the (significant) test beside it.
    const big2 = overview.items.find((row) => row.indicator.key === 'big2')!.all!;
    expect(big2.change).toMatchObject({ symbol: 'up', assessment: 'undesired', isSignificant: true });
    // The series keeps comparing year with year: 2022 against 2021, with the test (persons are a sample).
    const series: Series = (await get('/api/v1/monitor/indicators/overweight_at_two/areas/NL01/series')).json();
    const last = series.items.at(-1)!;
    expect(last.year).toBe(2022);
    expect(last.change!.symbol).not.toBe('not_comparable');
    expect(last.change!.pValue).not.toBeNull();
  });
});
