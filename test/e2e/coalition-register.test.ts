// SPDX-License-Identifier: EUPL-1.2
// The coalition register in the browser (issue 10 acceptance, register part): the demo coordinator
// founds the regional collaboration "Zuid-Holland Zuid" of ten municipalities by keyboard only, while
// Dordrecht stays in its local coalition Drechtsteden; both coalition pages list Dordrecht; the national
// overview counts it once at each level; the confirmation takes focus after saving; CSV exports work;
// axe finds nothing on any page; every page reflows at 320 px. A policy officer reads without edit actions.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { ZUID_HOLLAND_ZUID } from '../helpers/coalition-browser.js';

const t = nl.coalitions;

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tab (or Shift+Tab) until the element with this id has focus. */
async function tabTo(page: Page, id: string, backwards = false) {
  for (let step = 0; step < 40 && (await focusedId(page)) !== id; step += 1) await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  expect(await focusedId(page)).toBe(id);
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return (await readFile((await download.path())!)).toString('utf8');
}

/** Nothing sticks out to the right of a 320 px viewport (WCAG 1.4.10), except inside scroll boxes. */
async function expectReflow(page: Page) {
  const culprits = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (rect: DOMRect) => rect.right > width + 0.5;
    const isContained = (start: Element | null) => {
      for (let element = start; element && element !== document.body; element = element.parentElement) {
        if (getComputedStyle(element).overflowX !== 'visible' && !sticksOut(element.getBoundingClientRect())) return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element.getBoundingClientRect()) && !isContained(element.parentElement))
      .slice(0, 8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
  });
  expect(culprits, page.url()).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

describe('the coalition register in the browser', () => {
  it('the coordinator founds Zuid-Holland Zuid by keyboard; Dordrecht is in both; the overview counts it once per level', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'coordinator');
    await page.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: t.navLabel }).click();
    await page.getByRole('heading', { level: 1, name: t.overviewTitle }).waitFor();
    await page.getByRole('table', { name: t.levelsCaption }).waitFor();
    await page.getByRole('link', { name: 'Coalitie Kansrijke Start Drechtsteden' }).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: t.newCoalition }).click();
    await page.getByRole('heading', { level: 1, name: t.newTitle }).waitFor();
    await page.getByRole('checkbox', { name: 'Dordrecht (GM0505)' }).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only from here: start at the page heading, Tab through the form.
    await page.locator('#page-title').focus();
    await tabTo(page, 'coalition-name');
    await page.keyboard.type('Zuid-Holland Zuid');
    await tabTo(page, 'coalition-kind');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#coalition-kind').inputValue()).toBe('regional');
    await tabTo(page, 'coalition-start');
    await page.keyboard.type('2025-01-01');
    await tabTo(page, 'coalition-tranche');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#coalition-tranche').inputValue()).toBe('2');
    await tabTo(page, 'coalition-mandate-holder');
    // Type-ahead to the D's, then the arrow keys (type-ahead alone depends on typing speed).
    await page.keyboard.type('D');
    for (let step = 0; step < 60 && (await page.locator('#coalition-mandate-holder').inputValue()) !== 'GM0505'; step += 1) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#coalition-mandate-holder').inputValue()).toBe('GM0505');
    for (const [index, [name, code]] of ZUID_HOLLAND_ZUID.entries()) {
      // The filter box comes after the mandate holder; after ticking a box it is back up (Shift+Tab).
      await tabTo(page, 'coalition-members-filter', index > 0);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(name);
      await tabTo(page, `coalition-members-${code}`);
      await page.keyboard.press('Space');
      expect(await page.locator(`#coalition-members-${code}`).isChecked()).toBe(true);
    }
    await page.getByText('10 gemeenten', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Tab');
    for (let step = 0; step < 40; step += 1) {
      const isSave = await page.evaluate((label) => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent?.trim() === label, nl.app.save);
      if (isSave) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');

    // The coalition page, with the confirmation focused.
    await page.getByRole('heading', { level: 1, name: 'Zuid-Holland Zuid (KS0007)' }).waitFor();
    const confirmation = t.created.replace('{name}', 'Zuid-Holland Zuid').replace('{code}', 'KS0007');
    await page.getByText(confirmation).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(confirmation);
    const members = page.getByRole('table', { name: t.membersCaption });
    await members.getByRole('cell', { name: 'Dordrecht (GM0505)' }).waitFor();
    expect(await members.getByRole('row').count()).toBe(11);
    await expectNoAxeViolations(page);
    for (const href of ['/coalities/KS0007/partners', '/coalities/KS0007/afspraken', '/coalities/KS0007/plan', '/coalities/KS0007/zelfanalyse']) {
      expect(await page.locator(`a[href="${href}"]`).count(), href).toBe(1);
    }

    // She coordinates it: adding a steering group member, the confirmation takes focus again.
    await page.getByRole('button', { name: t.addSteering }).click();
    await page.locator('#steering-name').fill('Wethouder A. Bakker');
    await page.locator('#steering-organisation').fill('Gemeente Gorinchem');
    await page.locator('#steering-function').fill('Voorzitter');
    await expectNoAxeViolations(page);
    await page.locator('#steering-editor').getByRole('button', { name: nl.app.save }).click();
    const steeringAdded = t.steeringAdded.replace('{name}', 'Wethouder A. Bakker');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(steeringAdded);

    // Dordrecht stays in its local coalition Drechtsteden.
    await page.goto('/coalities/KS0001');
    await page.getByRole('heading', { level: 1, name: 'Coalitie Kansrijke Start Drechtsteden (KS0001)' }).waitFor();
    await page.getByRole('table', { name: t.membersCaption }).getByRole('cell', { name: 'Dordrecht (GM0505)' }).waitFor();
    await page.getByRole('table', { name: t.fundingCaption }).getByRole('cell', { name: nl.fundingSources.spuk_gala, exact: true }).waitFor();
    await expectNoAxeViolations(page);

    // The overview counts it once at each level: 6 local coalitions with 17 municipalities, 1 regional with 10.
    await page.goto('/coalities');
    const levels = page.getByRole('table', { name: t.levelsCaption });
    await levels.waitFor();
    const levelText = async (level: string) => (await levels.getByRole('row', { name: new RegExp(`^${level}`) }).innerText()).replace(/\s+/g, ' ').trim();
    expect(await levelText(nl.coalitionLevels.local)).toBe('Lokaal 6 17');
    expect(await levelText(nl.coalitionLevels.regional)).toBe('Regionaal 1 10');
    await expectNoAxeViolations(page);

    // CSV: every municipality with both its coalitions; and the register's export from the server.
    const municipalities = page.getByRole('region', { name: t.municipalitiesCaption.replace('{year}', String(new Date().getFullYear())) }).locator('..');
    const csv = await downloadText(page, () => municipalities.getByRole('button', { name: nl.app.exportCsv }).click());
    const dordrecht = csv.split('\r\n').filter((line) => line.startsWith('Dordrecht (GM0505)'));
    expect(dordrecht).toHaveLength(1);
    expect(dordrecht[0]).toContain('Coalitie Kansrijke Start Drechtsteden (KS0001)');
    expect(dordrecht[0]).toContain('Zuid-Holland Zuid (KS0007)');
    expect(csv.split('\r\n').filter((line) => line.trim() !== '')).toHaveLength(343);
    const register = page.locator('section[aria-labelledby="coalition-register-heading"]');
    await register.getByLabel(t.kind).selectOption('regional');
    await register.getByRole('button', { name: nl.app.search }).click();
    await register.getByRole('link', { name: 'Zuid-Holland Zuid' }).waitFor();
    const registerCsv = await downloadText(page, () => register.getByRole('button', { name: nl.app.exportCsv }).click());
    expect(registerCsv).toContain('KS0007;Zuid-Holland Zuid;Regionale samenwerking;2025-01-01;2;GM0505');
    expect(registerCsv).not.toContain('KS0001');
    await expectNoAxeViolations(page);
    // Ten municipalities picked one by one by keyboard, with axe on five pages: longer than the default.
  }, 300_000);

  it('the map is reachable by keyboard and names each municipality with its status', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'analyst');
    await page.goto('/coalities');
    const area = page.locator('[data-code="GM0505"]');
    await area.waitFor();
    expect(await area.getAttribute('aria-label')).toBe(`Dordrecht: ${nl.municipalityStatuses.formed}`);
    const first = page.locator('.kr-map__area[tabindex="0"]');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
    await expectNoAxeViolations(page);
  });

  it('a policy officer reads a coalition without edit actions', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'policyOfficer');
    await page.goto('/coalities/KS0001');
    await page.getByRole('heading', { level: 1, name: 'Coalitie Kansrijke Start Drechtsteden (KS0001)' }).waitFor();
    await page.getByRole('table', { name: t.steeringCaption }).waitFor();
    for (const label of [t.edit, t.addMember, t.addCoordinator, t.addSteering, t.addFunding, t.setStatus, t.endMember, t.removeFunding]) {
      expect(await page.getByRole('button', { name: label }).count(), label).toBe(0);
    }
    await expectNoAxeViolations(page);
    await page.goto('/coalities/KS9999');
    await page.getByText(t.notFoundCode.replace('{code}', 'KS9999')).waitFor();
    await expectNoAxeViolations(page);
  });

  it('every register page reflows at 320 px', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'coordinator');
    await page.setViewportSize({ width: 320, height: 800 });
    for (const [url, heading] of [
      ['/coalities', t.overviewTitle],
      ['/coalities/nieuw', t.newTitle],
      ['/coalities/KS0001', 'Coalitie Kansrijke Start Drechtsteden (KS0001)'],
    ]) {
      await page.goto(url!);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('table').first().or(page.locator('form')).first().waitFor();
      await expectReflow(page);
    }
  });
});
