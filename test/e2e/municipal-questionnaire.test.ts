// SPDX-License-Identifier: EUPL-1.2
// The yearly municipal questionnaire in real Chromium (issue 10 acceptance): the policy officer of
// Dordrecht opens the questionnaire, sees prefilled answers with their source, sets the status "in
// development" for another member municipality of Drechtsteden by keyboard only, submits (focus on the
// confirmation); after the (test-clock) deadline the form is locked; indicator 1 in the monitor shows
// "in development" as its own category and the national share changes. Dordrecht's own form shows the
// agreements per topic, the partners consulted and wanted and the experts by experience prefilled from
// the workspace (demo seed) with their source, and the officer corrects them by keyboard. axe on every page, 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import type { Overview } from '../../src/contracts/monitor.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { sessionFor } from '../helpers/sessions.js';
import { seedSyntheticStatuses, syntheticStatuses } from '../../src/server/features/monitor/questionnaire/synthetic-answers.js';
import { recomputeQuestionnaireCounts } from '../../src/server/features/monitor/questionnaire/derive-questionnaire-counts.js';
import { municipalQuestionnaireEditions } from '../../src/server/features/municipal-questionnaire/schema.js';
import { municipalities } from '../../src/server/features/reference/schema.js';
import type { Executor } from '../../src/server/platform/db/connection.js';
import { addDays, amsterdamDate } from '../../src/contracts/calendar.js';

const t = nl.mq;
const DAY = 86_400_000;
let app: BrowserApp;
/** A member of Drechtsteden other than Dordrecht whose synthetic 2024 status is not yet "in development". */
let member: { code: string; name: string };

const day = (offset: number) => addDays(amsterdamDate(app.t.clock.now()), offset);

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.t.database.db;
  await seedSyntheticStatuses(db, [2023, 2024]);
  await db.transaction(async (tx) => recomputeQuestionnaireCounts(tx as unknown as Executor));
  await db.insert(municipalQuestionnaireEditions).values({ year: 2024, referenceDate: day(-10), opensOn: day(-10), deadline: day(3) });
  const places = await db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
  const statuses = syntheticStatuses(places, [2024]);
  const code = ['GM0482', 'GM0590', 'GM0610', 'GM0642'].find((candidate) => statuses.find((row) => row.municipalityCode === candidate)!.status === 'formed')
    ?? ['GM0482', 'GM0590', 'GM0610', 'GM0642'].find((candidate) => statuses.find((row) => row.municipalityCode === candidate)!.status !== 'in_development')!;
  member = places.find((place) => place.code === code)!;
}, 180_000);
afterAll(async () => {
  await app?.close();
});

async function nationalCoalition() {
  const analyst = await sessionFor(app.t, 'analyst');
  const response = await app.t.app.inject({ method: 'GET', url: '/api/v1/monitor/overview', headers: analyst.headers });
  return (response.json() as Overview).items.find((row) => row.indicator.key === 'coalition')!.all!;
}

async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.kr-loading'));
}

async function expectReflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, page.url()).toBeLessThanOrEqual(320);
}

const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '', className: (document.activeElement as HTMLElement | null)?.className ?? '' }));

describe('the yearly municipal questionnaire', () => {
  it('the policy officer of Dordrecht sets "in development" for another member municipality and submits; the monitor shows it as its own category', async () => {
    const before = await nationalCoalition();
    const countOf = (figure: typeof before, category: string) => figure.categories!.find((item) => item.category === category)!.count;

    const page = await app.newPage();
    await loginAs(app, page, 'policyOfficer');
    await page.goto('/vragenlijst');
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await settled(page);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '2024' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst 2024' }).waitFor();
    const table = page.getByRole('table', { name: t.responsesCaption });
    await table.getByRole('link', { name: 'Dordrecht' }).waitFor();
    await table.getByRole('link', { name: member.name }).waitFor();
    await expectNoAxeViolations(page);

    await table.getByRole('link', { name: member.name }).click();
    await page.getByRole('heading', { level: 1, name: `Vragenlijst 2024: ${member.name}` }).waitFor();
    // Prefilled, with the source: the register's status and the local coalition.
    await page.getByText('Vooraf ingevuld uit: Coalitieregister: status 2024 (synthetische demogegevens)', { exact: false }).first().waitFor();
    await page.locator('.kr-mq-facts dd', { hasText: 'Coalitie Kansrijke Start Drechtsteden (KS0001)' }).first().waitFor();
    await page.getByText(/Coalitieregister: lokale coalitie, lid sinds/).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: Tab to the status, choose "In ontwikkeling", Tab to "Indienen", Enter.
    await page.locator('body').focus();
    for (let step = 0; step < 40 && (await focused(page)).id !== 'mq-coalition-status'; step += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('mq-coalition-status');
    await page.keyboard.type('In');
    await expect.poll(() => page.locator('#mq-coalition-status').inputValue()).toBe('in_development');
    for (let step = 0; step < 80 && (await focused(page)).text !== t.submit; step += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(t.submit);
    await page.keyboard.press('Enter');
    const confirmation = `De vragenlijst is ingediend. De status van ${member.name} voor 2024 is bijgewerkt in het register en de monitor.`;
    await page.getByText(confirmation).waitFor();
    // Focus is on the confirmation, not lost to <body>.
    await expect.poll(async () => (await focused(page)).className).toContain('kr-confirmation');
    await page.getByText(t.answeredByYou).first().waitFor();
    await expectNoAxeViolations(page);

    // The monitor: "in development" is its own category, and the national share of formed coalitions changed.
    const after = await nationalCoalition();
    expect(countOf(after, 'in_development')).toBe(countOf(before, 'in_development') + 1);
    expect(after.value).toBeLessThan(before.value!);
    await page.goto('/monitor');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await settled(page);
    await page.getByText(`In ontwikkeling: ${countOf(after, 'in_development')} van 342`, { exact: false }).first().waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('Dordrecht\'s form shows agreements per topic, partners and experts by experience prefilled with their source; the officer corrects by keyboard', async () => {
    const page = await app.newPage();
    await loginAs(app, page, 'policyOfficer');
    await page.goto('/vragenlijst/2024/GM0505');
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst 2024: Dordrecht' }).waitFor();
    await settled(page);
    const coalition = 'Coalitie Kansrijke Start Drechtsteden (KS0001)';
    // From the agreements register (demo seed: warm hand-over agreed in 2025), with the source under the legend.
    const agreements = page.getByRole('group', { name: t.agreementsLegend });
    await agreements.getByText(`Vooraf ingevuld uit: Samenwerkingsafspraken van ${coalition}`).waitFor();
    expect(await page.locator('#mq-agreement-warm_handover').inputValue()).toBe('yes');
    expect(await page.locator('#mq-agreement-prenatal_education').inputValue()).toBe('');
    // From the partners register: consulted and wanted domains, experts by experience involved.
    const partnersSource = `Vooraf ingevuld uit: Partners van ${coalition}`;
    await page.getByRole('group', { name: t.partnersConsulted }).getByText(partnersSource).waitFor();
    await page.getByRole('group', { name: t.partnersWanted }).getByText(partnersSource).waitFor();
    expect(await page.locator('#mq-partners-consulted-experts_by_experience').isChecked()).toBe(true);
    expect(await page.locator('#mq-partners-consulted-medical').isChecked()).toBe(true);
    expect(await page.locator('#mq-partners-wanted-insurer').isChecked()).toBe(true);
    expect(await page.locator('#mq-experts').inputValue()).toBe('yes');
    await expectNoAxeViolations(page);

    // Keyboard only: no agreement on prenatal education, with the reason; a wanted GP-side partner (medical); save the draft.
    await page.locator('body').focus();
    for (let step = 0; step < 60 && (await focused(page)).id !== 'mq-agreement-prenatal_education'; step += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('mq-agreement-prenatal_education');
    await page.keyboard.type('Nee');
    await expect.poll(() => page.locator('#mq-agreement-prenatal_education').inputValue()).toBe('no');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('mq-agreement-prenatal_education-reason');
    await page.keyboard.type('Loopt via de GGD-regio');
    for (let step = 0; step < 80 && (await focused(page)).id !== 'mq-partners-wanted-medical'; step += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator('#mq-partners-wanted-medical').isChecked()).toBe(true);
    for (let step = 0; step < 40 && (await focused(page)).text !== t.save; step += 1) await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(t.save);
    await page.keyboard.press('Enter');
    await page.getByText(t.saved).waitFor();
    await expect.poll(async () => (await focused(page)).className).toContain('kr-confirmation');

    // Stored: the corrected answers are the municipality's own; the untouched ones keep their source.
    await page.reload();
    await settled(page);
    expect(await page.locator('#mq-agreement-prenatal_education').inputValue()).toBe('no');
    expect(await page.locator('#mq-agreement-prenatal_education-reason').inputValue()).toBe('Loopt via de GGD-regio');
    expect(await page.locator('#mq-agreement-warm_handover').inputValue()).toBe('yes');
    await agreements.getByText(t.answeredByYou).waitFor();
    await page.getByRole('group', { name: t.partnersWanted }).getByText(t.answeredByYou).waitFor();
    await page.getByRole('group', { name: t.partnersConsulted }).getByText(partnersSource).waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('after the deadline (test clock) the form is locked', async () => {
    app.t.clock.advance(5 * DAY);
    const page = await app.newPage();
    await loginAs(app, page, 'policyOfficer');
    await page.goto(`/vragenlijst/2024/${member.code}`);
    await page.getByRole('heading', { level: 1, name: `Vragenlijst 2024: ${member.name}` }).waitFor();
    await page.getByText(t.lockedNotice).waitFor();
    expect(await page.getByRole('button', { name: t.submit }).count()).toBe(0);
    expect(await page.locator('#mq-coalition-status').count()).toBe(0);
    await page.getByText(t.status_in_development).first().waitFor();
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('every questionnaire page reflows at 320 px', async () => {
    const narrow = await app.newPage();
    await narrow.setViewportSize({ width: 320, height: 800 });
    await loginAs(app, narrow, 'policyOfficer');
    for (const url of ['/vragenlijst', '/vragenlijst/2024', `/vragenlijst/2024/${member.code}`, '/vragenlijst/2024/GM0505']) {
      await narrow.goto(url);
      await narrow.getByRole('heading', { level: 1 }).waitFor();
      await settled(narrow);
      await expectReflow(narrow);
    }
    await expectNoAxeViolations(narrow);
    await narrow.close();
  });
});
