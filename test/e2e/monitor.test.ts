// SPDX-License-Identifier: EUPL-1.2
// The monitor in real Chromium, as an analyst: the national overview, the Big2 map of 342
// municipalities (by mouse, keyboard and table), trends with intervals and significance, suppression
// of a small municipality on every page and in the CSV, an import with a bad line that stores
// nothing, SVG/PNG downloads, and axe on every page and state.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { generateSyntheticBirths } from '../../src/server/features/monitor/register/generate-synthetic-births.js';
import { recomputeIndicatorCounts } from '../../src/server/features/monitor/register/recompute-indicator-counts.js';
import { indicatorByKey } from '../../src/server/features/monitor/definitions/indicators.js';
import type { Figure, Overview } from '../../src/contracts/monitor.js';
import { municipalities } from '../../src/server/features/reference/schema.js';
import { municipalQuestionnaireAnswers } from '../../src/server/features/monitor/questionnaire/schema.js';
import { syntheticAnswers } from '../../src/server/features/monitor/questionnaire/synthetic-answers.js';
import { addRegionalCollaboration } from '../../src/server/features/monitor/test-support.js';

const t = nl.monitorPages;
/** Two whole GGD regions: Zuid-Holland Zuid (with Dordrecht) and Fryslân (with Vlieland and Schiermonnikoog). */
const MUNICIPALITIES = [
  'GM0482', 'GM0505', 'GM0512', 'GM0523', 'GM0531', 'GM0590', 'GM0610', 'GM0642', 'GM1963', 'GM1978',
  'GM0059', 'GM0060', 'GM0072', 'GM0074', 'GM0080', 'GM0085', 'GM0086', 'GM0088', 'GM0090', 'GM0093',
  'GM0096', 'GM0098', 'GM0737', 'GM1891', 'GM1900', 'GM1940', 'GM1949', 'GM1970',
];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const BIG2 = indicatorByKey('big2')!;
const REGIONAL = { code: 'KS0201', name: 'Regionale samenwerking Zuid-Holland Zuid' };
const levels = nl.monitorLevels;
const SCREENSHOTS = process.env.MONITOR_SCREENSHOTS;

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.t.database.db;
  await generateSyntheticBirths(db, { years: YEARS, municipalityCodes: MUNICIPALITIES });
  // The municipal questionnaire for the same municipalities (full counts: ja/nee per municipality).
  const places = await db.select({ code: municipalities.code, population: municipalities.population }).from(municipalities);
  const answers = syntheticAnswers(places.filter((place) => MUNICIPALITIES.includes(place.code)), YEARS);
  await db.insert(municipalQuestionnaireAnswers).values(answers.map((answer) => ({ ...answer, source: 'synthetic' as const })));
  // A regional collaboration over Zuid-Holland Zuid, holding the local coalition Drechtsteden (issue 10 item 8).
  await addRegionalCollaboration(db, REGIONAL.code, REGIONAL.name, MUNICIPALITIES.slice(0, 10));
  await recomputeIndicatorCounts(db);
}, 180_000);
afterAll(async () => {
  await app?.close();
});

async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.kr-loading') && !document.querySelector('.kr-map [role=status]'));
}

async function screenshot(page: Page, name: string, fullPage = true) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/monitor-${name}.png`, fullPage });
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = await readFile((await download.path())!);
  return { download, bytes, text: bytes.toString('utf8') };
}

/** A semicolon CSV with a BOM and quoted cells, as the server writes it. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...data] = rows;
  return data.filter((line) => line.some((value) => value !== '')).map((line) => Object.fromEntries(header!.map((name, index) => [name, line[index] ?? ''])));
}

/** "14,8" / "1.234" (Dutch) → number; empty → null. */
function dutchNumber(text: string): number | null {
  const clean = text.trim();
  if (clean === '') return null;
  return Number(clean.replaceAll('.', '').replace(',', '.'));
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { accept: 'application/json' } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/**
 * Elements and text that stick out to the right of a narrow viewport, except inside a box that clips
 * or scrolls them and itself fits (a table's scroll region, a visually hidden span): for a failure
 * that says where.
 */
async function overflowing(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (rect: DOMRect) => rect.right > width + 0.5;
    const isContained = (start: Element | null) => {
      for (let element = start; element && element !== document.body; element = element.parentElement) {
        if (getComputedStyle(element).overflowX !== 'visible' && !sticksOut(element.getBoundingClientRect())) return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element.getBoundingClientRect()) && !isContained(element.parentElement))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} → ${Math.round(element.getBoundingClientRect().right)}`);
    // Text that runs out of its box (a word longer than the line) does not widen the box itself.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && culprits.length < 8; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (sticksOut(rect) && !isContained(node.parentElement)) culprits.push(`text "${(node.textContent ?? '').slice(0, 40)}" → ${Math.round(rect.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

describe('the monitor, as an analyst', () => {
  let page: Page;
  beforeAll(async () => {
    page = await app.newPage();
    await loginAs(app, page, 'analyst');
  });

  it('the home page leads to the monitor, and the overview shows values, years and symbols', async () => {
    await page.getByRole('link', { name: nl.home.cardMonitor }).first().waitFor();
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.navMonitor }).click();
    await page.getByRole('heading', { level: 1, name: t.overviewTitle }).waitFor();
    await settled(page);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.getByText(t.syntheticTitle).first().waitFor();
    // Phases as row groups, and the Big2 line: value with unit and decimal comma, year, symbol with words.
    for (const phase of [t.phaseAfterBirth, t.phaseDuringPregnancy]) {
      await page.getByRole('rowheader', { name: phase }).waitFor();
    }
    const big2Row = page.getByRole('row').filter({ has: page.getByRole('link', { name: BIG2.name }) });
    const text = (await big2Row.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/\d+,\d%/);
    expect(text).toContain('2024');
    expect(text).toMatch(/[↑↓…×]/);
    expect(text).toMatch(/significant|geen vergelijking mogelijk/);
    // The symbol is hidden from screen readers; its meaning is there in words.
    expect(await big2Row.locator('.kr-change__symbol').first().getAttribute('aria-hidden')).toBe('true');
    expect(await big2Row.locator('.kr-visually-hidden').first().innerText()).toMatch(/Gestegen|Gedaald|Nagenoeg|Geen vergelijking/);
    // Several indicators have a value.
    expect(await page.locator('.kr-overview .kr-figure-value').count()).toBeGreaterThanOrEqual(8);
    await expectNoAxeViolations(page);
    await page.locator('summary', { hasText: t.legendTitle }).click();
    await expectNoAxeViolations(page);
    await screenshot(page, 'overview');
    // The overview's CSV carries the same national values.
    const { text: csv } = await downloadText(page, () => page.getByRole('button', { name: new RegExp(`^${t.exportCsvComma.replace(/[()]/g, '\\$&')}`) }).click());
    expect(csv.length).toBeGreaterThan(100);
  });

  it('Big2: a map of 342 municipalities, chosen by keyboard and by the table, with its trend and significance', async () => {
    await page.goto('/monitor');
    await page.getByRole('link', { name: BIG2.name }).click();
    await page.getByRole('heading', { level: 1, name: BIG2.name }).waitFor();
    const started = Date.now();
    await page.locator('.kr-map__area').first().waitFor();
    const renderMs = Date.now() - started;
    expect(renderMs).toBeLessThan(5000);
    await settled(page);
    expect(await page.locator('.kr-map__area').count()).toBe(342);
    expect(await page.getByRole('listbox', { name: t.mapAreasLabel }).getByRole('option').count()).toBe(342);
    expect(await page.getByRole('listbox', { name: t.mapAreasLabel }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'indicator', false);

    // Keyboard: one tab stop in the map; arrows move to a neighbour, a letter jumps by name, Enter chooses.
    expect(await page.locator('.kr-map__area[tabindex="0"]').count()).toBe(1);
    await page.locator('.kr-map__area[tabindex="0"]').focus();
    const focusedCode = () => page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);
    const first = await focusedCode();
    await page.keyboard.press('ArrowRight');
    const second = await focusedCode();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedCode()).not.toBe(second);
    for (let tries = 0; tries < 60 && (await focusedCode()) !== 'GM0505'; tries += 1) await page.keyboard.press('d');
    expect(await focusedCode()).toBe('GM0505');
    // Focus shows the details beside the map.
    await page.locator('.kr-map__details-name', { hasText: 'Dordrecht' }).waitFor();
    expect(await page.locator('.kr-map .kr-map__details').innerText()).toMatch(/95%-betrouwbaarheidsinterval/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/gebied=GM0505/);
    const trendHeading = page.getByRole('heading', { level: 2, name: `Trend: ${BIG2.shortName}, Dordrecht` });
    await trendHeading.waitFor();
    const trend = page.locator('section.kr-chart', { has: trendHeading });
    await trend.locator('.kr-series-table').waitFor();
    const trendText = await trend.innerText();
    expect(trendText).toMatch(/Trendtoets over \d+ perioden: (stijgend|dalend|geen duidelijke trend), (niet )?significant, p\s[=<]\s\d,\d{3}/);
    expect(trendText).toMatch(/95%-BI \d+,\d–\d+,\d/);
    // Intervals drawn as error bars: three lines (bar and two caps) per published period.
    expect(await trend.locator('svg.kr-series line').count()).toBeGreaterThan(6 * 3);
    // Focus stayed on the map: Tab leaves it in one step.
    expect(await focusedCode()).toBe('GM0505');
    await page.keyboard.press('Tab');
    expect(await focusedCode()).toBeNull();
    await expectNoAxeViolations(page);
    await screenshot(page, 'indicator-dordrecht');
    if (SCREENSHOTS) await page.locator('.kr-map').screenshot({ path: `${SCREENSHOTS}/monitor-map.png` });

    // The table alternative: choose another municipality there.
    await page.getByRole('button', { name: 'Trend tonen van Gorinchem' }).click();
    await page.getByRole('heading', { level: 2, name: `Trend: ${BIG2.shortName}, Gorinchem` }).waitFor();
    expect(await page.locator('.kr-map__area[aria-selected="true"]').getAttribute('data-code')).toBe('GM0512');
    await expectNoAxeViolations(page);
  });

  it('a small municipality is suppressed in the map, the table and the CSV, which equals the table', async () => {
    await page.goto(`/monitor/indicatoren/big2?jaar=2024`);
    await page.locator('.kr-figure-table tbody tr').first().waitFor();
    await settled(page);
    const vlieland = page.locator('.kr-figure-table tr[data-code="GM0096"]');
    expect(await vlieland.locator('[data-column="value"]').innerText()).toBe(t.suppressed);
    for (const column of ['lower', 'upper', 'numerator', 'denominator']) {
      expect(await vlieland.locator(`[data-column="${column}"]`).innerText()).toBe('');
    }
    expect(await page.locator('.kr-map__area[data-code="GM0096"]').getAttribute('aria-label')).toBe('Vlieland: onderdrukt');
    expect(await page.locator('.kr-map__area[data-code="GM0096"]').getAttribute('fill')).toMatch(/^url\(#.+-hatch\)$/);

    // The table on screen, parsed.
    const onScreen = await page.locator('.kr-figure-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cell = (name: string) => row.querySelector(`[data-column="${name}"]`)?.textContent?.trim() ?? '';
        return { code: row.getAttribute('data-code')!, value: cell('value'), lower: cell('lower'), upper: cell('upper'), numerator: cell('numerator'), denominator: cell('denominator') };
      }),
    );
    expect(onScreen.length).toBeGreaterThanOrEqual(MUNICIPALITIES.length);
    const { text } = await downloadText(page, () =>
      page.getByRole('button', { name: new RegExp(`^${t.exportCsvComma.replace(/[()]/g, '\\$&')} downloaden: Big2 per gemeente`) }).click(),
    );
    const csv = parseCsv(text);
    expect(csv.length).toBe(onScreen.length);
    const header = Object.keys(csv[0]!);
    const column = (name: string) => {
      const found = header.find((candidate) => candidate === name);
      expect(found, `CSV column ${name} in ${header.join(', ')}`).toBeDefined();
      return found!;
    };
    const codeColumn = column(nl.monitor.columnAreaCode);
    const byCode = new Map(csv.map((row) => [row[codeColumn]!, row]));
    const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
    for (const row of onScreen) {
      const line = byCode.get(row.code);
      expect(line, row.code).toBeDefined();
      if (row.value === t.suppressed) {
        for (const name of [nl.monitor.columnValue, nl.monitor.columnLower, nl.monitor.columnUpper, nl.monitor.columnNumerator, nl.monitor.columnDenominator]) {
          expect(['', 'onderdrukt']).toContain(line![column(name)]);
        }
        continue;
      }
      expect(round(dutchNumber(line![column(nl.monitor.columnValue)]!))).toBe(dutchNumber(row.value));
      expect(round(dutchNumber(line![column(nl.monitor.columnLower)]!))).toBe(dutchNumber(row.lower));
      expect(round(dutchNumber(line![column(nl.monitor.columnUpper)]!))).toBe(dutchNumber(row.upper));
      expect(dutchNumber(line![column(nl.monitor.columnNumerator)]!)).toBe(dutchNumber(row.numerator));
      expect(dutchNumber(line![column(nl.monitor.columnDenominator)]!)).toBe(dutchNumber(row.denominator));
    }
    // The suppressed line has no number at all except its year.
    const hidden = byCode.get('GM0096')!;
    const numbers = Object.entries(hidden).filter(([name, value]) => /\d/.test(value) && !/jaar|periode|code|indicator|bron|eenheid/i.test(name));
    expect(numbers).toEqual([]);
  });

  it('no published number lets one compute a suppressed one (splits and area hierarchy)', async () => {
    for (const split of ['all', 'vulnerable', 'not_vulnerable'] as const) {
      const levels = await Promise.all(
        (['municipality', 'ggd_region', 'province', 'nation'] as const).map((level) =>
          apiJson<Figure[]>(page, `/api/v1/monitor/indicators/big2/figures?areaLevel=${level}&year=2024&split=${split}`),
        ),
      );
      const [municipalities, regions, provinces, nation] = levels;
      const areaOf = (figure: Figure) => figure.areaCode;
      // Children per parent, from the shipped boundaries (what the page uses too).
      const topology = await apiJson<{ objects: Record<string, { geometries: { properties: Record<string, string> }[] }> }>(page, '/data/nl_2025.topojson');
      const parents = new Map(topology.objects.gemeenten!.geometries.map((g) => [g.properties.code!, g.properties]));
      const groups: [Figure | undefined, Figure[]][] = [
        ...regions!.map((region): [Figure | undefined, Figure[]] => [region, municipalities!.filter((m) => parents.get(areaOf(m))?.ggd_region_code === region.areaCode)]),
        ...provinces!.map((province): [Figure | undefined, Figure[]] => [province, municipalities!.filter((m) => parents.get(areaOf(m))?.province_code === province.areaCode)]),
        [nation![0], municipalities!],
      ];
      for (const [parent, children] of groups) {
        if (!parent || parent.isSuppressed) continue;
        const hidden = children.filter((child) => child.isSuppressed);
        // Exactly one hidden child under a published total would be recoverable by subtraction.
        expect(hidden.length === 1, `${split}: ${parent.areaCode} has exactly one suppressed child ${hidden.map(areaOf).join()}`).toBe(false);
      }
      for (const figure of municipalities!) {
        if (figure.isSuppressed) expect([figure.numerator, figure.denominator, figure.value, figure.lower, figure.upper]).toEqual([null, null, null, null, null]);
      }
    }
    // A suppressed vulnerable figure cannot be had as the total minus the not-vulnerable figure.
    const bySplit = async (split: string) =>
      new Map((await apiJson<Figure[]>(page, `/api/v1/monitor/indicators/big2/figures?areaLevel=municipality&year=2024&split=${split}`)).map((figure) => [figure.areaCode, figure]));
    const [all, vulnerable, notVulnerable] = await Promise.all(['all', 'vulnerable', 'not_vulnerable'].map(bySplit));
    for (const [code, figure] of vulnerable!) {
      if (figure.isSuppressed) expect(all!.get(code)!.isSuppressed || notVulnerable!.get(code)!.isSuppressed, code).toBe(true);
    }

    // The area page of Vlieland says "onderdrukt" and why, and shows no count for Big2.
    await page.goto('/monitor/gebieden/GM0096');
    await page.getByRole('heading', { level: 1, name: 'Gemeente Vlieland' }).waitFor();
    await settled(page);
    const card = page.locator('.kr-area-card', { has: page.getByRole('heading', { level: 3, name: BIG2.name }) });
    await card.getByText(t.suppressed).first().waitFor();
    expect(await card.innerText()).toMatch(/Onderdrukt: /);
    await expectNoAxeViolations(page);
    await screenshot(page, 'area-vlieland');
  });

  it('the area page of Dordrecht with comparisons and trends, reached through the picker', async () => {
    await page.goto('/monitor/gebieden/GM0096');
    await page.getByRole('heading', { level: 1, name: 'Gemeente Vlieland' }).waitFor();
    await page.getByLabel(levels.areaPickerLabel).fill('dord');
    await page.getByRole('link', { name: 'Dordrecht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeente Dordrecht' }).waitFor();
    await settled(page);
    const card = page.locator('.kr-area-card', { has: page.getByRole('heading', { level: 3, name: BIG2.name }) });
    const text = await card.innerText();
    expect(text).toMatch(/\d+,\d%/);
    expect(text).toMatch(/95%-BI/);
    expect(text).toContain('Nederland');
    // Dordrecht is in the demo coalition Drechtsteden and in the regional collaboration: compared with both.
    expect(text).toContain('Coalitie Kansrijke Start Drechtsteden');
    expect(text).toContain(REGIONAL.name);
    await card.locator('svg.kr-series').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'area-dordrecht', false);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'area-dordrecht-big2', false);
  });

  it('coalitions: the level switch shows Drechtsteden with figures, the map colours its municipalities, and its area page works', async () => {
    await page.goto('/monitor/indicatoren/big2');
    await page.locator('.kr-map__area').first().waitFor();
    await settled(page);
    // The radios follow the URL, so the state changes after the navigation (click, not check).
    await page.getByRole('radio', { name: levels.levelsLocal }).click();
    await page.waitForURL(/niveau=coalitie/);
    await page.locator('input[name="level"][value="coalition"]:checked').waitFor();
    await page.getByText(levels.localMapNote).waitFor();
    await settled(page);
    // No boundaries of their own: all municipalities drawn, members in their coalition's colour.
    expect(await page.locator('.kr-map__area').count()).toBe(342);
    const legend = await page.locator('.kr-map svg').first().textContent();
    expect(legend).toContain(levels.legendNoLocal);
    const dordrecht = await page.locator('.kr-map__area[data-code="GM0505"]').getAttribute('aria-label');
    expect(dordrecht).toMatch(/^Dordrecht, lokale coalitie Coalitie Kansrijke Start Drechtsteden: \d+,\d%/);
    const vlieland = await page.locator('.kr-map__area[data-code="GM0096"]').getAttribute('aria-label');
    expect(vlieland).not.toContain('coalitie');
    // The table lists coalitions, with figures.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Coalitie Kansrijke Start Drechtsteden' }) });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/KS0001 2024 \d+,\d \d+,\d \d+,\d [\d.]+ [\d.]+/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'indicator-coalitions', false);
    // Choosing a member municipality on the map chooses its coalition.
    await page.locator('.kr-map__area[data-code="GM0642"]').click();
    await page.waitForURL(/gebied=KS0001/);
    await page.getByRole('heading', { level: 2, name: `Trend: ${BIG2.shortName}, Coalitie Kansrijke Start Drechtsteden` }).waitFor();
    await expectNoAxeViolations(page);

    await row.getByRole('link', { name: 'Coalitie Kansrijke Start Drechtsteden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coalitie Kansrijke Start Drechtsteden' }).waitFor();
    await settled(page);
    const card = page.locator('.kr-area-card', { has: page.getByRole('heading', { level: 3, name: BIG2.name }) });
    const text = await card.innerText();
    expect(text).toMatch(/\d+,\d%/);
    expect(text).toContain('Nederland');
    await card.locator('svg.kr-series').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'area-coalition', false);
  });

  it('regional collaborations: their own level beside the local coalitions, Dordrecht counted once at each level', async () => {
    await page.goto('/monitor/indicatoren/big2?niveau=coalitie');
    await page.locator('.kr-map__area').first().waitFor();
    await settled(page);
    await page.getByRole('radio', { name: levels.levelsRegional }).click();
    await page.waitForURL(/niveau=regio/);
    await page.locator('input[name="level"][value="regional"]:checked').waitFor();
    await page.getByText(levels.regionalMapNote).waitFor();
    await settled(page);
    expect(await page.locator('.kr-map__area').count()).toBe(342);
    expect(await page.locator('.kr-map svg').first().textContent()).toContain(levels.legendNoRegional);
    // Dordrecht takes the regional collaboration's colour here (and Drechtsteden's on the local level).
    const dordrecht = await page.locator('.kr-map__area[data-code="GM0505"]').getAttribute('aria-label');
    expect(dordrecht).toMatch(new RegExp(`^Dordrecht, regionale samenwerking ${REGIONAL.name}: \\d+,\\d%`));
    // The table lists the regional collaboration only, not the local coalitions.
    const table = page.locator('table', { has: page.getByRole('link', { name: REGIONAL.name }) });
    expect(await table.getByRole('link', { name: 'Coalitie Kansrijke Start Drechtsteden' }).count()).toBe(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: REGIONAL.name }) });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/KS0201 2024 \d+,\d/);
    await expectNoAxeViolations(page);
    await screenshot(page, 'indicator-regional', false);
    await row.getByRole('link', { name: REGIONAL.name }).click();
    await page.getByRole('heading', { level: 1, name: REGIONAL.name }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page);
  });

  it('an indicator page shows where its definition differs from RIVM, in the catalogue words; Big2 shows no such box', async () => {
    await page.goto('/monitor/indicatoren/out_of_home_placement');
    await settled(page);
    const notes = page.getByRole('region', { name: nl.monitorNoteLabels.heading });
    await notes.waitFor();
    await notes.getByText(nl.monitorNotes.byBirthCohort).waitFor();
    await notes.getByText(nl.monitorNotes.outOfHomeCohort).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/monitor/indicatoren/big2');
    await settled(page);
    expect(await page.getByRole('region', { name: nl.monitorNoteLabels.heading }).count()).toBe(0);
  });

  it('the map and charts download as SVG and PNG', async () => {
    await page.goto('/monitor/indicatoren/big2?niveau=ggd-regio');
    await page.locator('.kr-map__area').first().waitFor();
    await settled(page);
    expect(await page.locator('.kr-map__area').count()).toBe(25);
    await expectNoAxeViolations(page);
    const mapTitle = await page.locator('.kr-map svg title').first().textContent();
    const svg = await downloadText(page, () => page.getByRole('button', { name: `${t.exportSvg} downloaden: ${mapTitle}` }).click());
    expect(svg.download.suggestedFilename()).toMatch(/\.svg$/);
    expect(svg.text).toMatch(/^<\?xml/);
    expect(svg.text).toContain('<svg');
    expect((svg.text.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(25);
    expect(svg.text).not.toContain('tabindex');
    const png = await downloadText(page, () => page.getByRole('button', { name: `${t.exportPng} downloaden: ${mapTitle}` }).click());
    expect(png.download.suggestedFilename()).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.length).toBeGreaterThan(10_000);
  });

  it('an import with one bad line lists that line and stores nothing', async () => {
    const before = await apiJson<Overview>(page, '/api/v1/monitor/overview');
    const beforeFigures = await apiJson<Figure[]>(page, '/api/v1/monitor/indicators/big2/figures?areaLevel=municipality&year=2024');
    await page.goto('/monitor/import');
    await page.getByRole('heading', { level: 1, name: t.importTitle }).waitFor();
    await expectNoAxeViolations(page);
    const file = ['indicator;gebied;jaar;uitsplitsing;teller;noemer', 'big2;GM0505;2024;all;100;1000', 'big2;GM0512;2024;all;500;400', 'big2;GM0482;2024;all;20;200'].join('\n');
    await page.getByLabel(t.importPasteLabel).fill(file);
    await page.getByRole('button', { name: t.importCheck }).click();
    await page.getByText('Er is niets opgeslagen', { exact: false }).first().waitFor();
    const errors = page.locator('table', { has: page.locator('caption', { hasText: t.importErrorsCaption }) });
    await errors.waitFor();
    const lines = await errors.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim()));
    expect(lines).toEqual(['3']);
    expect(await errors.innerText()).toMatch(/teller/i);
    expect(await page.getByRole('button', { name: t.importSubmit }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'import-errors');
    // Nothing changed.
    expect(await apiJson<Overview>(page, '/api/v1/monitor/overview')).toEqual(before);
    expect(await apiJson<Figure[]>(page, '/api/v1/monitor/indicators/big2/figures?areaLevel=municipality&year=2024')).toEqual(beforeFigures);

    // The same file read from disk goes through the chunked reader and the progress bar.
    await page.getByRole('button', { name: t.importAnother }).click();
    await page.locator('#import-file').setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});

describe('questionnaire indicators, symbols and reflow (issue 8 item 17, issue 9 item 6)', () => {
  let page: Page;
  // A yes/no questionnaire indicator (indicator 1 is a breakdown by coalition status since issue 10: test/e2e/municipal-questionnaire.test.ts).
  const COALITION = indicatorByKey('plan_of_approach')!;
  const SPEECH = indicatorByKey('speech_language')!;
  beforeAll(async () => {
    page = await app.newPage();
    await loginAs(app, page, 'analyst');
  });

  it('the overview: × for an indicator without a new figure, a count of municipalities without interval or test, and the seed\'s legend', async () => {
    await page.goto('/monitor');
    await page.getByRole('heading', { level: 1, name: t.overviewTitle }).waitFor();
    await settled(page);
    // Speech-language development at two: its latest figure (2022) is older than the edition (2024).
    const speech = page.getByRole('row').filter({ has: page.getByRole('link', { name: SPEECH.name }) });
    const speechText = (await speech.innerText()).replace(/\s+/g, ' ');
    expect(speechText).toContain('2022');
    expect(await speech.locator('.kr-change__symbol').first().innerText()).toBe('×');
    expect(speechText).not.toMatch(/significant, p/);
    // Big2 has a new figure: an arrow or "…", with Kansrijk's test beside it.
    const big2 = page.getByRole('row').filter({ has: page.getByRole('link', { name: BIG2.name }) });
    expect(await big2.locator('.kr-change__symbol').first().innerText()).toMatch(/^[↑↓…]$/);
    expect((await big2.innerText()).replace(/\s+/g, ' ')).toMatch(/significant, p\s[=<]\s\d,\d{3}/);
    // The plan of approach: how many of the 28 municipalities, no interval, no test.
    const coalition = page.getByRole('row').filter({ has: page.getByRole('link', { name: COALITION.name }) });
    const coalitionText = (await coalition.innerText()).replace(/\s+/g, ' ');
    expect(coalitionText).toMatch(/\d+ van 28 gemeenten/);
    expect(coalitionText).not.toContain('95%-BI');
    expect(coalitionText).toContain(t.notTested);
    expect(coalitionText).not.toMatch(/significant, p/);
    // The legend in seed 003's words: four symbols, three colours.
    await page.locator('summary', { hasText: t.legendTitle }).click();
    const legend = page.locator('.kr-legend-box');
    for (const sentence of [t.legendUp, t.legendDown, t.legendStable, t.legendNotComparable, t.legendDesired, t.legendUndesired, t.legendUnclear]) {
      await legend.getByText(sentence, { exact: true }).waitFor();
    }
    expect(await legend.locator('.kr-symbol-legend dt [aria-hidden="true"]').allInnerTexts()).toEqual(['↑', '↓', '…', '×']);
    await expectNoAxeViolations(page);
  });

  it('a municipality answers ja or nee, and the map shows ja/nee classes', async () => {
    await page.goto('/monitor/gebieden/GM0505');
    await page.getByRole('heading', { level: 1, name: 'Gemeente Dordrecht' }).waitFor();
    await settled(page);
    const card = page.locator('.kr-area-card', { has: page.getByRole('heading', { level: 3, name: COALITION.name }) });
    expect(await card.locator('.kr-area-card__number').innerText()).toMatch(/^(ja|nee)$/);
    const cardText = await card.innerText();
    expect(cardText).not.toContain('95%-BI');
    expect(cardText).not.toMatch(/0,0\s?%|100,0\s?%/);
    // The GGD region and the Netherlands as counts of municipalities; no trend test on full counts.
    expect(cardText).toMatch(/\d+ van \d+ gemeenten/);
    await card.getByText(t.trendNotTested).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/monitor/indicatoren/plan_of_approach');
    await page.locator('.kr-map__area').first().waitFor();
    await settled(page);
    const svgText = await page.locator('.kr-map svg').first().textContent();
    expect(svgText).toContain(t.legendYes);
    expect(svgText).toContain(t.legendNo);
    // Two classes among the answering municipalities (not the whole country in one class).
    const fills = await page.evaluate((codes) => {
      const fillOf = (code: string) => document.querySelector(`.kr-map__area[data-code="${code}"]`)?.getAttribute('fill');
      return [...new Set(codes.map(fillOf))];
    }, MUNICIPALITIES);
    expect(fills).toHaveLength(2);
    const labels = await Promise.all(MUNICIPALITIES.map((code) => page.locator(`.kr-map__area[data-code="${code}"]`).getAttribute('aria-label')));
    expect(labels.every((label) => /: (ja|nee)$/.test(label ?? ''))).toBe(true);
    expect(labels.some((label) => label!.endsWith(': ja'))).toBe(true);
    expect(labels.some((label) => label!.endsWith(': nee'))).toBe(true);
    // The table says ja/nee too, without interval columns.
    expect(await page.locator('.kr-figure-table tr[data-code="GM0505"] [data-column="value"]').innerText()).toMatch(/^(ja|nee)$/);
    expect(await page.locator('.kr-figure-table [data-column="lower"]').count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('every monitor page reflows at 320 px without scrolling the page sideways', async () => {
    const narrow = await app.newPage();
    await narrow.setViewportSize({ width: 320, height: 800 });
    await loginAs(app, narrow, 'analyst');
    for (const url of ['/monitor', '/monitor/indicatoren/big2?gebied=GM0505', '/monitor/indicatoren/coalition', '/monitor/gebieden/GM0505', '/monitor/gebieden/NL01', '/monitor/import']) {
      await narrow.goto(url);
      await narrow.getByRole('heading', { level: 1 }).waitFor();
      await settled(narrow);
      if (url === '/monitor') await narrow.locator('summary', { hasText: t.legendTitle }).click();
      const { scrollWidth, culprits } = await overflowing(narrow);
      expect({ url, scrollWidth, culprits }).toEqual({ url, scrollWidth: expect.any(Number), culprits: [] });
      expect(scrollWidth, url).toBeLessThanOrEqual(320);
    }
    await expectNoAxeViolations(narrow);
    await narrow.close();
  });
});
