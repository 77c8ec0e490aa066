// SPDX-License-Identifier: EUPL-1.2
// The plan of approach in real Chromium, as the demo coordinator of KS0001 Drechtsteden: she starts
// the plan, sees step 1 with Drechtsteden's Big2 and its interval from the monitor, writes the steps
// and a goal tied to Big2 with a target (a target year of 2050 is refused in Dutch at the field),
// approves it, starts version 2 and edits it, compares the versions, opens the print view and prints
// it to PDF. A coordinator of another coalition sees the approved plan only and is refused (audited).
// Forms by keyboard only; focus on the confirmation after each save; axe on every page; 320 px.
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import type { PlanOverview } from '../../src/contracts/coalition-plans.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { generateSyntheticBirths } from '../../src/server/features/monitor/register/generate-synthetic-births.js';
import { recomputeIndicatorCounts } from '../../src/server/features/monitor/register/recompute-indicator-counts.js';
import { indicatorByKey } from '../../src/server/features/monitor/definitions/indicators.js';
import { insertCoordinator, sessionForPerson } from '../../src/server/features/coalition-plans/test-support.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/auth/session.js';

const t = nl.coalitionPlan;
const DRECHTSTEDEN = ['GM0505', 'GM0482', 'GM0590', 'GM0610', 'GM0642'];
const BIG2 = indicatorByKey('big2')!;
const PLAN = '/coalities/KS0001/plan';
const NAME = 'Coalitie Kansrijke Start Drechtsteden';

let app: BrowserApp;
let page: Page;
beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.t.database.db;
  await generateSyntheticBirths(db, { years: [2023, 2024], municipalityCodes: DRECHTSTEDEN });
  await recomputeIndicatorCounts(db);
  page = await app.newPage();
  await loginAs(app, page, 'coordinator');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const dutch = (value: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const activeElement = (target: Page) => target.evaluate(() => ({ id: document.activeElement?.id ?? '', className: document.activeElement?.className ?? '', text: document.activeElement?.textContent ?? '' }));

/** The confirmation shows this text and has focus (never <body>). */
async function expectConfirmationFocused(target: Page, text: string) {
  await target.locator('.kr-confirmation', { hasText: text }).waitFor();
  await expect.poll(async () => (await activeElement(target)).className).toMatch(/kr-confirmation/);
  expect((await activeElement(target)).text).toContain(text);
}

/** Types into a field reached by keyboard focus (the field is focused as Tab would, then typed into). */
async function typeInto(target: Page, id: string, text: string, { replace = false } = {}) {
  await target.locator(`#${id}`).focus();
  if (replace) {
    await target.keyboard.press('Control+A');
    await target.keyboard.press('Delete');
  }
  await target.keyboard.type(text);
}

async function pressButton(target: Page, name: string) {
  await target.getByRole('button', { name, exact: true }).first().focus();
  await target.keyboard.press('Enter');
}

async function expectReflow(target: Page, url: string) {
  await target.setViewportSize({ width: 320, height: 800 });
  await target.goto(url);
  await target.getByRole('heading', { level: 1 }).waitFor();
  await target.waitForFunction(() => !document.querySelector('.kr-loading'));
  const scrollWidth = await target.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, url).toBeLessThanOrEqual(320);
  await target.setViewportSize({ width: 1280, height: 900 });
}

describe('plan van aanpak, Drechtsteden', () => {
  it('starts the plan; step 1 shows Drechtsteden\'s Big2 with its interval from the monitor', async () => {
    await page.goto(PLAN);
    await page.getByRole('heading', { level: 1, name: `Plan van aanpak ${NAME}` }).waitFor();
    await page.getByText(t.noPlan).waitFor();
    await expectNoAxeViolations(page);
    await pressButton(page, t.startPlan);
    await expectConfirmationFocused(page, 'Versie 1 is begonnen als concept.');

    const overview = (await (await page.request.get('/api/v1/coalitions/KS0001/plan')).json()) as PlanOverview;
    const big2 = overview.facts!.items.find((item) => item.indicator.key === 'big2')!.figure!;
    expect(big2.isSuppressed).toBe(false);
    const facts = page.getByRole('table', { name: `Cijfers van ${NAME}` });
    const row = facts.getByRole('row').filter({ hasText: BIG2.name });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(`95%-BI ${dutch(big2.lower!)}–${dutch(big2.upper!)}`);
    expect(await row.textContent()).toContain(`${dutch(big2.value!)}%`);
    // The members' monitor pages compare each with similar municipalities.
    expect(await page.getByRole('link', { name: 'Dordrecht', exact: true }).getAttribute('href')).toBe('/monitor/gebieden/GM0505');
    await expectNoAxeViolations(page);
  });

  it('writes the steps and a goal tied to Big2 by keyboard; 2050 is refused at the field, 2027 is saved', async () => {
    await typeInto(page, 'plan-text-facts', 'Big2 ligt in de Drechtsteden boven het landelijk gemiddelde.');
    await typeInto(page, 'plan-text-coalition', 'Verloskundigen, JGZ, sociaal team en ervaringsdeskundigen.');
    await typeInto(page, 'plan-text-ambition', 'Ieder kind in de Drechtsteden een kansrijke start.');
    await typeInto(page, 'plan-text-interventions', 'Prenataal huisbezoek en Stevig Ouderschap.');
    await pressButton(page, t.addGoal);
    // During pregnancy (the second period): programme goal 3 follows by itself.
    await page.locator('#goal-0-phase').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#goal-0-programmeGoal').inputValue()).toBe('3');
    await typeInto(page, 'goal-0-description', 'Minder kinderen met een valse start.');
    await page.locator('#goal-0-indicatorKey').focus();
    await page.keyboard.type('Vroeggeboorte en/of laag');
    await expect.poll(() => page.locator('#goal-0-indicatorKey').inputValue()).toBe('big2');
    await typeInto(page, 'goal-0-targetValue', '12');
    await typeInto(page, 'goal-0-targetYear', '2050');
    await page.keyboard.press('Enter');
    const summary = page.locator('.kr-error-summary');
    await summary.getByText('Kies een streefjaar van 2018 tot en met 2040.').waitFor();
    await expect.poll(async () => (await activeElement(page)).className).toMatch(/kr-error-summary/);
    await page.locator('#goal-0-targetYear-error').getByText('Kies een streefjaar van 2018 tot en met 2040.').waitFor();
    await expectNoAxeViolations(page);
    await typeInto(page, 'goal-0-targetYear', '2027', { replace: true });
    await page.keyboard.press('Enter');
    await expectConfirmationFocused(page, 'Versie 1 is opgeslagen.');
    await expect.poll(() => page.locator('#plan-text-ambition').inputValue()).toBe('Ieder kind in de Drechtsteden een kansrijke start.');
  });

  it('approves version 1 (date and body) by keyboard; it is then read-only with its progress against the target', async () => {
    await pressButton(page, t.approve);
    await page.locator('#approve-plan').waitFor();
    await expectNoAxeViolations(page);
    await typeInto(page, 'approve-by', 'Stuurgroep Kansrijke Start Drechtsteden');
    await page.keyboard.press('Enter');
    await expectConfirmationFocused(page, 'Versie 1 is vastgesteld.');
    await page.getByRole('heading', { level: 2, name: `Versie 1: ${t.statusApproved}` }).waitFor();
    expect(await page.locator('#plan-text-facts').count()).toBe(0);
    const goals = page.getByRole('table', { name: t.goalsCaption });
    await goals.getByRole('cell', { name: /streefwaarde 12,0%/ }).waitFor();
    // Issue 10 item 7: step 2 shows the coalition's funding, read from the coalition register.
    const funding = page.getByRole('region', { name: t.step_coalition }).getByRole('table', { name: nl.coalitions.fundingCaption });
    await funding.getByRole('cell', { name: nl.fundingSources.spuk_gala, exact: true }).waitFor();
    await funding.getByRole('cell', { name: /310\.000,00/ }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('"nieuwe versie" starts draft 2 copied from 1; she edits the ambition and saves', async () => {
    await pressButton(page, t.newVersion);
    await expectConfirmationFocused(page, 'Versie 2 is begonnen als concept.');
    await expect.poll(() => page.locator('#plan-text-ambition').inputValue()).toBe('Ieder kind in de Drechtsteden een kansrijke start.');
    await typeInto(page, 'plan-text-ambition', 'In 2030 de helft minder valse starts in de Drechtsteden.', { replace: true });
    await pressButton(page, t.save);
    await expectConfirmationFocused(page, 'Versie 2 is opgeslagen.');
    const versions = page.getByRole('table', { name: t.versionsCaption });
    await versions.getByRole('cell', { name: 'Stuurgroep Kansrijke Start Drechtsteden' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('compares the versions side by side: only the ambition changed', async () => {
    await page.getByRole('link', { name: t.compare }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/plan/vergelijken?van=1&naar=2');
    await page.getByRole('heading', { level: 2, name: `${t.step_ambition} (${t.changed})` }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${t.step_facts} (${t.unchanged})` }).waitFor();
    await page.getByText('In 2030 de helft minder valse starts in de Drechtsteden.').waitFor();
    await page.getByText('Ieder kind in de Drechtsteden een kansrijke start.').first().waitFor();
    await expectNoAxeViolations(page);
  });

  it('the print view prints cleanly to PDF (no navigation or buttons in print)', async () => {
    await page.goto('/coalities/KS0001/plan/versies/2/afdrukken');
    await page.getByRole('heading', { level: 1, name: `Plan van aanpak ${NAME}, versie 2` }).waitFor();
    await page.getByText('In 2030 de helft minder valse starts in de Drechtsteden.').waitFor();
    await page.getByRole('table', { name: nl.coalitions.fundingCaption }).getByRole('cell', { name: nl.fundingSources.impulse, exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: t.printNow }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: t.step_ambition }).isVisible()).toBe(true);
    // The funding (from the register) prints with step 2.
    const funding = page.getByRole('region', { name: t.step_coalition }).getByRole('table', { name: nl.coalitions.fundingCaption });
    expect(await funding.getByRole('cell', { name: nl.fundingSources.impulse, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('nav').evaluateAll((navs) => navs.filter((nav) => getComputedStyle(nav).display !== 'none').length)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
  });

  it('improvement actions: she adds one by keyboard and moves it to "in uitvoering"', async () => {
    await page.goto(PLAN);
    await page.getByRole('heading', { level: 2, name: t.actionsTitle }).waitFor();
    await typeInto(page, 'action-title', 'Huisartsen aan tafel bij de stuurgroep');
    await page.keyboard.press('Enter');
    await expectConfirmationFocused(page, 'Verbeteractie "Huisartsen aan tafel bij de stuurgroep" is toegevoegd.');
    const select = page.getByLabel('Status van "Huisartsen aan tafel bij de stuurgroep"', { exact: true }).locator('select').or(page.locator('select[id^="action-status-"]')).first();
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectConfirmationFocused(page, 'Status van "Huisartsen aan tafel bij de stuurgroep" is nu: In uitvoering.');
    await expectNoAxeViolations(page);
  });

  it('every plan page reflows at 320 px', async () => {
    for (const url of [PLAN, `${PLAN}/vergelijken?van=1&naar=2`, `${PLAN}/versies/1/afdrukken`]) await expectReflow(page, url);
  });

  it('a coordinator of another coalition reads the approved plan only, and is refused a change (audited)', async () => {
    const { personId, organisationId } = await insertCoordinator(app.t, 'KS0002');
    const { token } = await sessionForPerson(app.t, personId, organisationId);
    const other = await app.newPage();
    await other.context().addCookies([{ name: SESSION_COOKIE, value: token, url: app.baseUrl }]);
    await other.goto(PLAN);
    await other.getByRole('heading', { level: 2, name: `Versie 1: ${t.statusApproved}` }).waitFor();
    expect(await other.getByRole('button', { name: t.newVersion }).count()).toBe(0);
    expect(await other.getByRole('button', { name: t.approve }).count()).toBe(0);
    expect(await other.locator('#plan-text-ambition').count()).toBe(0);
    expect(await other.getByRole('heading', { level: 2, name: t.actionsTitle }).count()).toBe(0);
    await expectNoAxeViolations(other);
    const csrf = (await other.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)!.value;
    const refused = await other.request.put('/api/v1/coalitions/KS0001/plan/versions/2', {
      headers: { [CSRF_HEADER]: csrf },
      data: { revision: 2, content: { texts: { facts: '', coalition: '', ambition: 'Overgenomen', goals: '', results: '', interventions: '', review: '' }, goals: [] } },
    });
    expect(refused.status()).toBe(403);
    const denials = await app.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, personId), eq(auditLog.action, 'access_denied'), eq(auditLog.objectType, 'coalition_plan')));
    expect(denials.length).toBeGreaterThanOrEqual(1);
    expect(pageErrors).toEqual([]);
  });
});
