// SPDX-License-Identifier: EUPL-1.2
// Issue 15 items 1 and 2 in real Chromium at 360 px, without login: a pregnant woman in Dordrecht
// finds her municipality by name, reads the help there with who pays and how to arrange maternity care
// (plain Dutch), switches to English and to Arabic (lang and dir on the page and on every text that
// stays Dutch), is refused in Arabic without consent, then registers by keyboard for a prenatal home
// visit — twice, which makes one registration. The JGZ nurse's inbox shows it with the consent given by
// the client. Axe finds nothing on any page in any language; no page scrolls sideways at 360 or 320 px.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { parentsPublicAr, parentsPublicEn, parentsPublicNl } from '../../src/contracts/i18n/sections/parents-public.js';
import { selfRegistrations } from '../../src/server/features/self-registration/schema.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { press, tabTo } from '../helpers/coalition-browser.js';

const NL = parentsPublicNl.parentsPublic;
const EN = parentsPublicEn.parentsPublic;
const AR = parentsPublicAr.parentsPublic;
const NAME = 'Samira Bakkali';

let app: BrowserApp;
let page: Page;
beforeAll(async () => {
  app = await startBrowserApp();
  page = await app.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
}, 180_000);
afterAll(async () => {
  await app?.close();
});

const settled = () => page.waitForFunction(() => !document.querySelector('.kr-loading'));
const documentLanguage = () => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr' }));
const scrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const registrationsOf = async (name: string) => app.t.database.db.select().from(selfRegistrations).where(eq(selfRegistrations.name, name));

async function expectPage(title: string, lang: string, dir: 'ltr' | 'rtl') {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await settled();
  expect(await documentLanguage()).toEqual({ lang, dir });
  expect(await scrollsSideways()).toBe(false);
  // Only their own frame: no professional header, navigation or login.
  expect(await page.locator('.kr-header, .kr-nav').count()).toBe(0);
  await expectNoAxeViolations(page);
}

async function switchLanguage(name: string) {
  await tabTo(page, page.getByRole('navigation', { name: /Taal|Language|اللغة/ }).getByRole('link', { name, exact: true }));
  await page.keyboard.press('Enter');
}

async function fillForm() {
  await tabTo(page, page.locator('[id="name"]'));
  await page.keyboard.type(NAME);
  await tabTo(page, page.locator('[id="phone"]'));
  await page.keyboard.type('06 98765432');
  await tabTo(page, page.locator('[id="contactMoments-morning"]'));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('[id="noMessages"]'));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('[id="consent"]'));
  await page.keyboard.press('Space');
}

describe('a pregnant woman in Dordrecht, on the public pages', () => {
  it('finds Dordrecht by name and reads, in plain Dutch, the help there with who pays and how to arrange maternity care', async () => {
    await page.goto('/ouders');
    await expectPage(NL.homeTitle, 'nl', 'ltr');
    // A municipality outside the platform is refused in Dutch, at the field.
    await tabTo(page, page.locator('[id="municipality"]'));
    await page.keyboard.type('Utrecht');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.kr-error-summary').textContent()).toContain(NL.municipalityNone);
    await expectNoAxeViolations(page);
    await tabTo(page, page.locator('[id="municipality"]'), { backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('dordrecht');
    await page.keyboard.press('Enter');

    await expectPage(`${NL.phase_zwanger}: hulp in Dordrecht`, 'nl', 'ltr');
    const visit = page.locator('.kr-parents__offer', { hasText: 'Prenataal huisbezoek' });
    expect(await visit.textContent()).toContain(NL.cost_free_municipality);
    expect(await page.getByRole('heading', { level: 2, name: 'Regel op tijd kraamzorg' }).count()).toBe(1);
    expect(await page.getByText('vóór week 20', { exact: false }).count()).toBe(1);
    expect(await page.getByText('Deze informatie is gecontroleerd op 20 november 2026.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Thuisarts.nl: zwangerschap' }).getAttribute('href')).toBe('https://www.thuisarts.nl/zwangerschap');
  });

  it('switches to English and to Arabic: lang and dir on the page, Dutch names and texts marked as Dutch', async () => {
    await switchLanguage('English');
    await expectPage(`${EN.phase_zwanger}: help in Dordrecht`, 'en', 'ltr');
    expect(await page.getByRole('heading', { level: 2, name: 'Arrange maternity care in time' }).count()).toBe(1);
    const englishVisit = page.locator('.kr-parents__offer', { hasText: 'Prenataal huisbezoek' });
    expect(await englishVisit.getByRole('heading', { level: 3 }).getAttribute('lang')).toBe('nl');
    expect(await englishVisit.textContent()).toContain(EN.cost_free_municipality);
    // The language switch names every language in that language.
    expect(await page.getByRole('link', { name: 'العربية' }).getAttribute('lang')).toBe('ar');

    await switchLanguage('العربية');
    await expectPage(`${AR.phase_zwanger}: المساعدة في Dordrecht`, 'ar', 'rtl');
    // The walk-in's description has no Arabic yet: shown in Dutch, marked Dutch and left to right.
    const walkIn = page.locator('.kr-parents__offer', { hasText: 'Inloopspreekuur' });
    const dutchText = walkIn.getByText('Zorgen over geld', { exact: false });
    expect(await dutchText.evaluate((element) => [element.getAttribute('lang'), element.getAttribute('dir')])).toEqual(['nl', 'ltr']);
    expect(await page.locator('.kr-parents').getAttribute('dir')).toBe('rtl');
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await scrollsSideways()).toBe(false);
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('is refused in Arabic without her consent, with nothing saved', async () => {
    await tabTo(page, page.getByRole('link', { name: AR.registerLink }));
    await page.keyboard.press('Enter');
    await expectPage(`${AR.formTitle.replace('{municipality}', 'Dordrecht')}`, 'ar', 'rtl');
    await tabTo(page, page.locator('[id="name"]'));
    await page.keyboard.type(NAME);
    await tabTo(page, page.locator('[id="phone"]'));
    await page.keyboard.type('06 98765432');
    await press(page, AR.submit);
    const summary = page.locator('.kr-error-summary');
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain(AR.errorConsent);
    await expectNoAxeViolations(page);
    expect(await registrationsOf(NAME)).toEqual([]);
  });

  it('registers in plain Dutch for a prenatal home visit by keyboard — twice, which makes one registration', async () => {
    await switchLanguage('Nederlands');
    await expectPage(NL.formTitle.replace('{municipality}', 'Dordrecht'), 'nl', 'ltr');
    expect(await page.locator('[id="kind-prenatal_home_visit"]').isChecked()).toBe(true);
    await fillForm();
    await press(page, NL.submit);
    const sent = page.getByRole('heading', { level: 2, name: NL.sentTitle });
    await sent.waitFor();
    expect(await page.locator('.utrecht-alert', { hasText: NL.sentTitle }).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByText('JGZ Zuid-Holland Zuid', { exact: false }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // She is not sure it went through: back to the page of Dordrecht, and sends the form once more.
    await tabTo(page, page.getByRole('link', { name: NL.otherMunicipality }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `${NL.phase_zwanger}: hulp in Dordrecht` }).waitFor();
    await settled();
    await tabTo(page, page.getByRole('link', { name: NL.registerLink }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: NL.formTitle.replace('{municipality}', 'Dordrecht') }).waitFor();
    await settled();
    await fillForm();
    await press(page, NL.submit);
    await sent.waitFor();

    const saved = await registrationsOf(NAME);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'prenatal_home_visit', municipalityCode: 'GM0505', phone: '06 98765432', contactMoments: ['morning'], noMessages: true, language: 'nl', consentGivenBy: 'client' });
  });
});

describe('every public page in every language', () => {
  //  address                                      language  direction  heading
  const PAGES: [string, string, 'ltr' | 'rtl', string][] = [
    ['/ouders?taal=en', 'en', 'ltr', EN.homeTitle],
    ['/ouders?taal=ar', 'ar', 'rtl', AR.homeTitle],
    ['/ouders/GM0505?fase=kinderwens', 'nl', 'ltr', `${NL.phase_kinderwens}: hulp in Dordrecht`],
    ['/ouders/GM0505?fase=baby&taal=ar', 'ar', 'rtl', `${AR.phase_baby}: المساعدة في Dordrecht`],
    ['/ouders/GM0505/aanmelden?soort=wish_for_child_talk&taal=en', 'en', 'ltr', EN.formTitle.replace('{municipality}', 'Dordrecht')],
  ];
  it.each(PAGES)('%s: lang %s, dir %s, no axe violations, no sideways scrolling', async (address, lang, dir, title) => {
    await page.goto(address);
    await expectPage(title, lang, dir);
  });
});

describe('the JGZ nurse', () => {
  it('finds the registration once in her inbox, with the consent given by the client', async () => {
    const nurse = await app.newPage();
    await nurse.setViewportSize({ width: 360, height: 740 });
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.goto('/verwijzingen');
    await nurse.getByRole('link', { name: nl.selfRegistrations.link }).click();
    await nurse.getByRole('heading', { level: 1, name: nl.selfRegistrations.title }).waitFor();
    await nurse.waitForFunction(() => !document.querySelector('.kr-loading'));
    const rows = nurse.getByRole('table', { name: nl.selfRegistrations.caption }).getByRole('row').filter({ hasText: NAME });
    expect(await rows.count()).toBe(1);
    const text = await rows.textContent();
    expect(text).toContain(nl.selfRegistrations.kind_prenatal_home_visit);
    expect(text).toContain('Bellen: 06 98765432');
    expect(text).toContain(nl.selfRegistrations.noMessages);
    expect(text).toContain('Gegeven door de cliënt zelf op');
    await expectNoAxeViolations(nurse);
    expect(pageErrors).toEqual([]);
  });
});
