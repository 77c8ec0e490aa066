// SPDX-License-Identifier: EUPL-1.2
// A parent's children in Chromium at 360 px (issue 15 item 5), on the demo families: after the birth,
// Daan — Noor's partner, holding authority with her — logs in with DigiD, sees baby Sam (the birth and
// the JGZ appointments) but nothing of Noor's own file; a child he has no authority over is refused
// with a clear message. In another demo family, Lotte's Mila is closed: the neutral message only.
// Keyboard only to the child; axe finds nothing on any page; 320 px reflow.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nl } from '../../src/contracts/i18n/nl.js';
import { seedChildrenDemo } from '../../src/server/demo/seed-children-demo.js';
import { familyMembers } from '../../src/server/features/families/schema.js';
import { DEMO_AUTHORITY_BSNS } from '../../src/server/features/parental-authority/fixture-authority.js';
import { startParentBroker } from '../../src/server/features/my-start/test-support.js';
import { expectNoAxeViolations, expectReflowAt320, freePort, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import type { TestIdentityProvider } from '../helpers/test-identity-provider.js';

const t = nl.myStart;
let app: BrowserApp;
let idp: TestIdentityProvider;
let page: Page;
const ids: Record<'noorFamily' | 'sam' | 'mila', string> = { noorFamily: '', sam: '', mila: '' };

beforeAll(async () => {
  const port = await freePort();
  const broker = await startParentBroker(`http://127.0.0.1:${port}/api/v1/my/auth/callback`);
  idp = broker.idp;
  app = await startBrowserApp({ port, env: broker.env });
  await seedChildrenDemo(app.t.database.db, app.t.demo, app.t.clock.now());
  const member = async (bsn: string) => (await app.t.database.db.select().from(familyMembers).where(eq(familyMembers.bsn, bsn)))[0]!;
  ids.noorFamily = (await member(DEMO_AUTHORITY_BSNS.noor)).familyId;
  ids.sam = (await member(DEMO_AUTHORITY_BSNS.sam)).id;
  ids.mila = (await member(DEMO_AUTHORITY_BSNS.mila)).id;
  page = await app.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
});
afterAll(async () => {
  await app?.close();
  await idp?.close();
});

async function loginWithDigiD(sub: string, bsn: string) {
  idp.loginNextAs({ sub, bsn, acr: 'substantieel' });
  await page.goto('/mijn/inloggen');
  await page.getByRole('link', { name: t.loginButton }).click();
  await page.waitForURL(/\/mijn$/);
  await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
}

/** Tabs from the top of the page until the element with this accessible name has the focus. */
async function tabTo(name: string) {
  await page.locator('body').focus();
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`${name} not reached with Tab`);
}

describe('a parent’s children on a 360 px screen', () => {
  it('after the birth, the partner with authority sees the baby but not her file', async () => {
    await loginWithDigiD('digid-daan', DEMO_AUTHORITY_BSNS.daan);
    await page.getByText(t.introNoOwnFile, { exact: false }).waitFor();
    const children = page.locator('section[aria-labelledby="children-title"]');
    const tile = children.getByRole('link', { name: t.childOpen.replace('{name}', 'Sam') });
    await tile.waitFor();
    // Nothing of Noor's own file: no helpers, referrals, consents, log or copy.
    for (const title of [t.helpersTitle, t.referralsTitle, t.consentsTitle, t.accessLogTitle, t.copyTitle]) {
      expect(await page.getByRole('heading', { name: title }).count(), title).toBe(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);

    await tabTo(t.childOpen.replace('{name}', 'Sam'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t.childTitle.replace('{name}', 'Sam') }).waitFor();
    await page.getByText(t.childBirthWeightValue.replace('{grams}', '3.420')).waitFor();
    await page.getByText(t.childGestationalAgeValue.replace('{weeks}', '39').replace('{days}', '2')).waitFor();
    const contacts = page.getByRole('table', { name: t.childContactsTitle });
    await contacts.getByRole('row').filter({ hasText: nl.careContactKinds.home_visit! }).filter({ hasText: 'JGZ Zuid-Holland Zuid' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await expectReflowAt320(app, page, `/mijn/kinderen/${ids.sam}`);

    // Her file stays closed to him, whatever he asks for.
    const statuses = await page.evaluate(async (familyId) => {
      const urls = [`/api/v1/my/families/${familyId}`, `/api/v1/my/families/${familyId}/access-log`, `/api/v1/my/families/${familyId}/copy`];
      return Promise.all(urls.map(async (url) => (await fetch(url)).status));
    }, ids.noorFamily);
    expect(statuses).toEqual([404, 404, 404]);
  });

  it('a child he has no authority over is refused with a clear message', async () => {
    await page.goto(`/mijn/kinderen/${ids.mila}`);
    await page.getByRole('alert').getByText(t.childRefused).waitFor();
    expect(await page.getByText('Mila').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: t.back }).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByRole('button', { name: t.logout, exact: true }).click();
    await page.waitForURL(/\/mijn\/inloggen/);
  });

  it('in another demo family a closure flag shows the neutral message', async () => {
    await loginWithDigiD('digid-lotte', DEMO_AUTHORITY_BSNS.lotte);
    const tile = page.getByRole('link', { name: t.childOpenClosed.replace('{name}', 'Mila') });
    await tile.waitFor();
    await expectNoAxeViolations(page);
    await tile.click();
    await page.getByRole('heading', { level: 1, name: t.childTitleNeutral }).waitFor();
    await page.getByText(t.childClosed).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('Mila');
    expect(main).not.toContain(t.childBirthTitle);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    expect(pageErrors).toEqual([]);
  });
});
