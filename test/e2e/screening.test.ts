// SPDX-License-Identifier: EUPL-1.2
// A midwife in Dordrecht screens a pregnant client by keyboard: the form is built from the
// instrument, enableWhen shows follow-up questions, the draft is saved as she goes, required
// questions are listed when she submits too early, and right after submitting she sees the factor
// profile (debts and stress as risks, a supportive partner as protection) with Dordrecht's pathways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import { insertTestFamily } from '../../src/server/features/families/test-support.js';
import { PREGNANT_WITH_DEBTS_AND_STRESS } from '../../src/server/features/screening/test-support.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { SCREENING_ITEMS, answerByKeyboard, byId } from '../helpers/screening.js';
import { and, eq } from 'drizzle-orm';
import { callerFor } from '../../src/server/features/organisations/test-support.js';
import { carePathways } from '../../src/server/features/pathways/schema.js';
import type { Pathway } from '../../src/server/features/pathways/domain/pathway.js';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
});
afterAll(async () => {
  await app?.close();
});

describe('screening in the browser', () => {
  it('fills the screening by keyboard, keeps the draft, and shows the factor profile with the Dordrecht pathways', async () => {
    const family = await insertTestFamily(app.t, 'wieg', { givenName: 'Amira', familyName: 'Signaleringstest', municipalityCode: 'GM0505' });
    const page = await app.newPage();
    await loginAs(app, page, 'midwife');

    await page.goto(`/clienten/${family.familyId}`);
    await page.getByRole('navigation', { name: nl.families.sectionsLabel }).getByRole('link', { name: nl.screening.section }).click();
    await page.getByRole('heading', { level: 1, name: nl.screening.listTitle }).waitFor();
    await page.getByText(nl.screening.noScreenings).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: nl.screening.newScreening }).click();
    await page.getByRole('heading', { level: 1, name: nl.screening.formTitle }).waitFor();
    const form = page.getByRole('form', { name: nl.screening.formLabel });
    await form.getByRole('group', { name: 'Leefstijl: voor en tijdens de zwangerschap' }).waitFor();
    // Required questions are marked in their legend.
    expect(await form.getByRole('group', { name: 'Rookt u? (verplicht)' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    // Submitting too early: every open required question listed at the top, linked to its field.
    await form.getByRole('button', { name: nl.screening.complete }).click();
    const summary = page.locator('.kr-error-summary');
    await summary.getByText('In welke fase bent u nu?: Deze vraag is verplicht').waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: 'Rookt u?: Deze vraag is verplicht' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-leefstijl.roken-0');

    // enableWhen: the pregnancy questions appear only once 'zwanger' is chosen.
    expect(await byId(page, 'q-situatie.weken').count()).toBe(0);
    for (const [linkId, values] of Object.entries(PREGNANT_WITH_DEBTS_AND_STRESS)) {
      await answerByKeyboard(page, SCREENING_ITEMS.get(linkId)!, values[0]);
      if (linkId === 'situatie.fase') await byId(page, 'q-situatie.weken').waitFor();
      if (linkId === 'leefstijl.alcohol') {
        // Part way: the draft is saved as she goes, and survives a reload.
        await page.getByRole('status').filter({ hasText: /^Concept opgeslagen om \d{2}:\d{2}$/ }).waitFor();
        await page.reload();
        await page.getByRole('heading', { level: 1, name: nl.screening.formTitle }).waitFor();
        expect(await byId(page, 'q-leefstijl.roken-1').isChecked()).toBe(true);
        expect(await byId(page, 'q-situatie.weken').inputValue()).toBe('14');
      }
    }
    await page.getByRole('status').filter({ hasText: /^Concept opgeslagen om \d{2}:\d{2}$/ }).waitFor();
    // The child's questions stay hidden for a pregnant client.
    expect(await page.getByRole('group', { name: 'Uw kind (na de geboorte)' }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // Submit with the keyboard.
    await form.getByRole('button', { name: nl.screening.complete }).focus();
    await page.keyboard.press('Enter');

    // Right after submitting: the factor profile, no score.
    await page.getByRole('heading', { level: 1, name: nl.screening.resultTitle }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    const risksOf = (domain: string) => page.getByRole('list', { name: `${nl.screening.risks}: ${domain}` });
    expect(await risksOf('Leefstijl voor en tijdens de zwangerschap').getByRole('listitem').allTextContents()).toEqual(['Veel stress']);
    expect(await risksOf('Omgeving en gezin').getByRole('listitem').allTextContents()).toEqual(['Geldzorgen of schulden']);
    expect(await page.getByRole('list', { name: `${nl.screening.protectives}: Omgeving en gezin` }).getByRole('listitem').allTextContents()).toContain(
      'Steun van partner',
    );
    await page.getByText('Risico in 2 van de 4 levensdomeinen.').waitFor();
    await page.getByText(nl.screening.tier_extra).waitFor();
    await page.getByText('Schulden geven veel spanning; partner is betrokken.').waitFor();
    await page.getByText(nl.screening.concern_some).waitFor();

    // From factor to help: the Dordrecht pathways, with agreements and contacts.
    await page.getByRole('heading', { level: 2, name: 'Van factor naar hulp: zorgpaden in Dordrecht' }).waitFor();
    const debts = page.getByRole('article', { name: 'Geldzorgen of schulden' });
    await debts.getByText('Geldzorgen en schulden in Dordrecht').waitFor();
    await debts.getByText('Afspraak van de gemeente Dordrecht', { exact: false }).waitFor();
    await debts.getByText(/Geldloket; het Geldloket neemt binnen 3 werkdagen contact op/).waitFor();
    expect(await debts.getByRole('link', { name: '0800-0000001' }).getAttribute('href')).toBe('tel:08000000001');
    await page.getByRole('article', { name: 'Veel stress' }).getByRole('heading', { level: 3 }).waitFor();
    await expectNoAxeViolations(page);

    // Back in the list: one completed screening with its suggested level.
    await page.getByRole('link', { name: nl.screening.backToList }).click();
    const table = page.getByRole('table', { name: nl.screening.listCaption });
    await table.getByRole('cell', { name: nl.screening.statusCompleted }).waitFor();
    await table.getByRole('cell', { name: nl.screening.tier_extra }).waitFor();
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('the factor profile reflows at 320 px: long e-mail and web addresses of contacts wrap instead of widening the page', async () => {
    const family = await insertTestFamily(app.t, 'wieg', { givenName: 'Noor', familyName: 'Smalscherm', municipalityCode: 'GM0505' });
    const midwife = await callerFor(app.t, 'midwife', 'wieg');
    const started = await midwife.request('POST', `/api/v1/families/${family.familyId}/screenings`);
    const completed = await midwife.request('POST', `/api/v1/screenings/${started.json().id}/completion`, {
      answers: PREGNANT_WITH_DEBTS_AND_STRESS,
      version: 1,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    // Dordrecht's debt pathway gets a contact with an unbreakable e-mail and web address.
    const db = app.t.database.db;
    const where = and(eq(carePathways.scopeCode, 'GM0505'), eq(carePathways.factorKey, 'money-debts'));
    const [row] = await db.select({ content: carePathways.content }).from(carePathways).where(where);
    const content = structuredClone(row!.content) as Pathway;
    const EMAIL = 'aanmeldingen.schuldhulpverlening.en.budgetbeheer.voor.zwangeren@gemeentelijke-kredietbank-drechtsteden.example.nl';
    const WEBSITE = 'https://www.gemeentelijke-kredietbank-drechtsteden.example.nl/aanmelden/schuldhulpverlening/zwangeren-en-jonge-ouders/formulier';
    content.steps.find((step) => step.services.length > 0)!.services[0]!.contact = { phone: '0800-0000001', email: EMAIL, website: WEBSITE };
    await db.update(carePathways).set({ content }).where(where);

    const page = await app.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await loginAs(app, page, 'midwife');
    await page.goto(`/clienten/${family.familyId}/screening/${started.json().id}`);
    await page.getByRole('heading', { level: 1, name: nl.screening.resultTitle }).waitFor();
    const debts = page.getByRole('article', { name: 'Geldzorgen of schulden' });
    await debts.getByRole('link', { name: EMAIL }).waitFor();
    await debts.getByRole('link', { name: WEBSITE }).waitFor();
    const { scrollWidth, culprits } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return {
        scrollWidth: document.documentElement.scrollWidth,
        culprits: [...document.body.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > width + 0.5)
          .slice(0, 8)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').slice(0, 40)}" → ${Math.round(element.getBoundingClientRect().right)}`),
      };
    });
    expect(culprits).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(320);
    // The addresses are shown whole (wrapped, not cut off).
    expect(await debts.getByRole('link', { name: EMAIL }).innerText()).toBe(EMAIL);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
