// SPDX-License-Identifier: EUPL-1.2
// Issue 10 acceptance for partners and agreements, in real Chromium, as the demo coordinator of KS0001
// Drechtsteden: she adds partners by keyboard only — the youth health care organisation, an expert by
// experience (ervaringsdeskundige) and a wanted GP partner —, records the agreement on the prenatal home
// visit with a review date in the past and a PDF attached; it appears on "te herzien". Focus lands on
// the confirmation after each save, CSV downloads work, axe finds nothing on any page, and every page
// reflows at 320 px.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { samplePdf } from '../../src/server/features/coalition-agreements/test-support.js';
import { choose as sharedChoose, tabTo as sharedTabTo, typeInto as sharedTypeInto } from '../helpers/coalition-browser.js';

const p = nl.coalitionPartners;
const a = nl.coalitionAgreements;
const COALITION = 'Coalitie Kansrijke Start Drechtsteden';
const SCREENSHOTS = process.env.COALITION_SCREENSHOTS;

async function screenshot(name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/coalition-${name}.png`, fullPage: true });
}

let app: BrowserApp;
let page: Page;
beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await loginAs(app, page, 'coordinator');
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

// The shared keyboard helpers, on this file's page.
const tabTo = (target: Locator) => sharedTabTo(page, target, { limit: 80 });
const typeInto = (id: string, text: string) => sharedTypeInto(page, id, text);
const choose = (id: string, label: string) => sharedChoose(page, id, label);

/**
 * Types a date into a date field by keyboard. Chromium orders the field's segments by its own UI
 * language, not the page's: try month-day-year, and if that is not what the field took, go back to the
 * first segment (arrow keys) and type day-month-year.
 */
let dateOrder: 'mdy' | 'dmy' | null = null;
async function typeDate(id: string, iso: string) {
  const [year, month, day] = iso.split('-');
  const field = page.locator(`[id="${id}"]`);
  const digits = (order: 'mdy' | 'dmy') => (order === 'mdy' ? `${month}${day}${year}` : `${day}${month}${year}`);
  await typeInto(id, digits(dateOrder ?? 'mdy'));
  if (dateOrder === null) {
    dateOrder = (await field.inputValue()) === iso ? 'mdy' : 'dmy';
    if (dateOrder === 'dmy') {
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.type(digits('dmy'));
    }
  }
  await expect.poll(() => field.inputValue()).toBe(iso);
}

async function press(name: string) {
  await tabTo(page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

async function expectConfirmation(text: string) {
  const confirmation = page.locator('.kr-confirmation');
  await expect.poll(() => confirmation.textContent()).toBe(text);
  await expect.poll(() => confirmation.evaluate((element) => element === document.activeElement)).toBe(true);
}

async function settled() {
  await page.waitForFunction(() => !document.querySelector('.kr-loading'));
}

async function download(click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download: file, text: (await readFile((await file.path())!)).toString('utf8') };
}

async function expectReflowAt320(url: string) {
  const narrow = await app.newPage();
  await narrow.context().addCookies(await page.context().cookies());
  await narrow.setViewportSize({ width: 320, height: 800 });
  await narrow.goto(url);
  await narrow.waitForFunction(() => Boolean(document.querySelector('h1')) && !document.querySelector('.kr-loading'));
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
  expect(width, url).toBeLessThanOrEqual(320);
  await narrow.close();
}

describe('partners and agreements of Drechtsteden, as the demo coordinator', () => {
  it('adds partners by keyboard: JGZ from the directory, an expert by experience, a wanted GP', async () => {
    await page.goto('/coalities/KS0001/partners');
    await page.getByRole('heading', { level: 1, name: `Partners van ${COALITION}` }).waitFor();
    await settled();
    await expectNoAxeViolations(page);

    await press(p.add);
    await expect.poll(activeId).toBe('partner-editor-title');
    await expectNoAxeViolations(page);
    await typeInto('partner-organisation-search', 'JGZ');
    await expect.poll(() => page.locator('select[id="partner-organisation"] option', { hasText: 'JGZ Zuid-Holland Zuid' }).count()).toBe(1);
    await choose('partner-organisation', 'JGZ Zuid-Holland Zuid');
    await choose('partner-domain', nl.coalitionPartnerDomains.medical);
    await choose('partner-level', nl.coalitionPartnerLevels.uitvoerend);
    await typeInto('partner-role', 'Voert het prenataal huisbezoek uit');
    await typeDate('partner-since', '2021-03-01');
    await typeInto('partner-contact-name', 'Joke Jansen');
    await typeInto('partner-contact-email', 'joke.jansen@jgz.example');
    await page.keyboard.press('Enter');
    await expectConfirmation('JGZ Zuid-Holland Zuid is toegevoegd als partner.');

    await press(p.add);
    await choose('partner-kind', p.kindExternal);
    await typeInto('partner-external-name', 'Ervaringsdeskundigen Drechtsteden');
    await choose('partner-domain', nl.coalitionPartnerDomains.experts_by_experience);
    await choose('partner-level', nl.coalitionPartnerLevels.uitvoerend);
    await typeInto('partner-role', 'Denkt mee vanuit eigen ervaring');
    await page.keyboard.press('Enter');
    await expectConfirmation('Ervaringsdeskundigen Drechtsteden is toegevoegd als partner.');

    await press(p.add);
    await choose('partner-kind', p.kindExternal);
    await typeInto('partner-external-name', 'Huisartsen Dordrecht');
    await choose('partner-domain', nl.coalitionPartnerDomains.medical);
    await choose('partner-level', nl.coalitionPartnerLevels.uitvoerend);
    await tabTo(page.locator('[id="partner-wanted"]'));
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[id="partner-wanted"]').isChecked()).toBe(true);
    await typeInto('partner-role', 'Signaleren in de spreekkamer');
    await page.keyboard.press('Enter');
    await expectConfirmation('Huisartsen Dordrecht staat op de lijst van gewenste partners.');

    // With the demo seed's partners of Drechtsteden (De Wieg, Moederpanel, the wanted insurer): one more each.
    await page.getByRole('heading', { level: 2, name: `${nl.coalitionPartnerDomains.medical} (2)` }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${nl.coalitionPartnerDomains.experts_by_experience} (2)` }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${p.wantedTitle} (2)` }).waitFor();
    expect(await page.getByRole('table', { name: p.wantedCaption }).textContent()).toContain('Huisartsen Dordrecht');
    await expectNoAxeViolations(page);

    const csv = await download(() => page.getByRole('button', { name: p.exportAll }).click());
    expect(csv.download.suggestedFilename()).toBe('partners-KS0001.csv');
    expect(csv.text).toContain('JGZ Zuid-Holland Zuid;Organisatie op het platform;Medisch domein;Uitvoerend;Voert het prenataal huisbezoek uit;2021-03-01;;nee;Joke Jansen;joke.jansen@jgz.example');
    expect(csv.text).toContain('Ervaringsdeskundigen Drechtsteden;Externe organisatie;Ervaringsdeskundigen;');
    expect(csv.text).toContain('Huisartsen Dordrecht;Externe organisatie;Medisch domein;Uitvoerend;Signaleren in de spreekkamer;;;ja');
    await screenshot('partners');
  });

  it('records the prenatal home visit agreement by keyboard, with parties, a past review date and a PDF', async () => {
    await page.goto('/coalities/KS0001/afspraken');
    await page.getByRole('heading', { level: 1, name: `Samenwerkingsafspraken van ${COALITION}` }).waitFor();
    await settled();
    await expectNoAxeViolations(page);

    await press(a.add);
    await expect.poll(activeId).toBe('agreement-editor-title');
    await choose('agreement-topic', nl.coalitionAgreementTopics.prenatal_home_visit);
    await typeInto('agreement-title', 'Prenataal huisbezoek bij kwetsbare zwangeren');
    await choose('agreement-level', nl.coalitionAgreementLevels.uitvoering);
    await choose('agreement-status', nl.coalitionAgreementStatuses.agreed);
    await typeDate('agreement-agreed-on', '2023-01-15');
    await typeDate('agreement-review-due', '2025-01-15');
    const jgz = page.getByRole('checkbox', { name: 'JGZ Zuid-Holland Zuid' });
    await tabTo(jgz);
    await page.keyboard.press('Space');
    const jgzRole = page.getByLabel('Rol van JGZ Zuid-Holland Zuid');
    await tabTo(jgzRole);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Voert het huisbezoek uit');
    const expert = page.getByRole('checkbox', { name: 'Ervaringsdeskundigen Drechtsteden' });
    await tabTo(expert);
    await page.keyboard.press('Space');
    await tabTo(page.getByLabel('Rol van Ervaringsdeskundigen Drechtsteden'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Toetst de aanpak');
    // The wanted GP is not on board, so it cannot be a party.
    expect(await page.getByRole('checkbox', { name: 'Huisartsen Dordrecht' }).count()).toBe(0);
    // Choosing a file opens the system's dialog: the test hands the file to the input directly.
    await page.locator('[id="agreement-document"]').setInputFiles({ name: 'Afspraak huisbezoek.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await expectNoAxeViolations(page);
    await press(nl.app.save);
    await expectConfirmation(a.createdWithDocument);

    const table = page.getByRole('table', { name: `Afspraken over ${nl.coalitionAgreementTopics.prenatal_home_visit}` });
    await expect.poll(() => table.textContent()).toContain(`(${a.overdue})`);
    expect(await table.textContent()).toContain('Ervaringsdeskundigen Drechtsteden (Toetst de aanpak); JGZ Zuid-Holland Zuid (Voert het huisbezoek uit)');
    const link = page.getByRole('link', { name: 'Download Afspraak huisbezoek.pdf' });
    const pdf = await download(() => link.click());
    expect(pdf.download.suggestedFilename()).toBe('Afspraak huisbezoek.pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    await screenshot('agreements');
    await expectNoAxeViolations(page);
  });

  it('a wrong document is refused with a Dutch message and focus on it', async () => {
    await press(`${a.edit}: Prenataal huisbezoek bij kwetsbare zwangeren`);
    await page.locator('[id="agreement-document"]').setInputFiles({ name: 'virus.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]) });
    await press(nl.app.save);
    await expectConfirmation(`De afspraak is opgeslagen, maar het document niet: ${nl.errors.document_type_not_allowed}`);
  });

  it('the agreement appears on "te herzien", with a CSV', async () => {
    await tabTo(page.getByRole('link', { name: a.toReviewTitle }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: a.toReviewTitle }).waitFor();
    await settled();
    const table = page.getByRole('table', { name: `${a.toReviewCaption} (${a.toReviewMine})` });
    expect(await table.textContent()).toContain(COALITION);
    expect(await table.textContent()).toContain(nl.coalitionAgreementTopics.prenatal_home_visit);
    expect(await table.textContent()).toContain('15 januari 2025');
    // The demo seed's agreement past its review date is there too.
    expect(await table.textContent()).toContain(nl.coalitionAgreementTopics.warm_handover);
    await expectNoAxeViolations(page);
    await screenshot('to-review');
    const csv = await download(() => page.getByRole('button', { name: nl.app.exportCsv }).click());
    expect(csv.text).toContain(`KS0001;${COALITION};Prenataal huisbezoek;Prenataal huisbezoek bij kwetsbare zwangeren;Uitvoering;Afgesproken;2025-01-15;`);
  });

  it('every page reflows at 320 px without horizontal scrolling, and no script errors', async () => {
    for (const url of ['/coalities/KS0001/partners', '/coalities/KS0001/afspraken', '/coalities/te-herzien']) await expectReflowAt320(url);
    expect(pageErrors).toEqual([]);
  });
});
