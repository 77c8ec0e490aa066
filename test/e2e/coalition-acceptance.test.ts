// SPDX-License-Identifier: EUPL-1.2
// Issue 10, "Acceptance", every sentence in one walk through the browser (real Chromium, axe on every
// page, keyboard only where a form is filled):
//  1. The demo coordinator founds the regional collaboration "Zuid-Holland Zuid" of ten municipalities
//     while Dordrecht stays in its local coalition Drechtsteden; both lists show Dordrecht; the national
//     overview counts it once at each level.
//  2. She adds partners including an expert by experience, records the agreement on the prenatal home
//     visit with a review date in the past, and it appears on "te herzien".
//  3. She writes a plan whose step 1 shows Drechtsteden's Big2 with its interval, approves it, edits it
//     (version 2) and compares the versions.
//  4. She opens an analysis round; two respondents answer (one through a personal link, without an
//     account) and disagree on the collaboration part; the report flags it and "make improvement
//     action" adds it to the plan.
//  5. The policy officer of Dordrecht opens the questionnaire, sees prefilled answers with their source,
//     sets "in development" for another member municipality, submits; after the (test-clock) deadline
//     the form is locked; indicator 1 shows "in development" as its own category and the national share changes.
//  6. A coordinator of another coalition is refused (audited).
//  7. Centering shows a share of midwife practices.
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../../src/contracts/i18n/nl.js';
import type { Overview } from '../../src/contracts/monitor.js';
import type { PlanOverview } from '../../src/contracts/coalition-plans.js';
import { expectNoAxeViolations, loginAs, pageErrors, startBrowserApp, type BrowserApp } from '../helpers/browser.js';
import { ZUID_HOLLAND_ZUID, choose, expectConfirmation, press, settled, tabTo, typeDate, typeInto } from '../helpers/coalition-browser.js';
import { sessionFor } from '../helpers/sessions.js';
import { generateSyntheticBirths } from '../../src/server/features/monitor/register/generate-synthetic-births.js';
import { recomputeIndicatorCounts } from '../../src/server/features/monitor/register/recompute-indicator-counts.js';
import { seedSyntheticStatuses, syntheticStatuses } from '../../src/server/features/monitor/questionnaire/synthetic-answers.js';
import { recomputeQuestionnaireCounts } from '../../src/server/features/monitor/questionnaire/derive-questionnaire-counts.js';
import { indicatorByKey } from '../../src/server/features/monitor/definitions/indicators.js';
import { municipalQuestionnaireEditions } from '../../src/server/features/municipal-questionnaire/schema.js';
import { municipalities } from '../../src/server/features/reference/schema.js';
import { insertCoordinator, sessionForPerson } from '../../src/server/features/coalition-plans/test-support.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/server/platform/auth/session.js';
import type { Executor } from '../../src/server/platform/db/connection.js';
import { addDays, amsterdamDate } from '../../src/contracts/calendar.js';

const c = nl.coalitions;
const p = nl.coalitionPartners;
const a = nl.coalitionAgreements;
const plan = nl.coalitionPlan;
const analysis = nl.analysis;
const mq = nl.mq;
const DRECHTSTEDEN = ['GM0505', 'GM0482', 'GM0590', 'GM0610', 'GM0642'];
const DRECHTSTEDEN_NAME = 'Coalitie Kansrijke Start Drechtsteden';
const DAY = 86_400_000;

let app: BrowserApp;
let coordinator: Page;
let member: { code: string; name: string };
const day = (offset: number) => addDays(amsterdamDate(app.t.clock.now()), offset);

beforeAll(async () => {
  app = await startBrowserApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const db = app.t.database.db;
  await generateSyntheticBirths(db, { years: [2023, 2024], municipalityCodes: DRECHTSTEDEN });
  await recomputeIndicatorCounts(db);
  await seedSyntheticStatuses(db, [2023, 2024]);
  await db.transaction(async (tx) => recomputeQuestionnaireCounts(tx as unknown as Executor));
  await db.insert(municipalQuestionnaireEditions).values({ year: 2024, referenceDate: day(-10), opensOn: day(-10), deadline: day(3) });
  const places = await db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities);
  const statuses = syntheticStatuses(places, [2024]);
  const code = DRECHTSTEDEN.slice(1).find((candidate) => statuses.find((row) => row.municipalityCode === candidate)!.status !== 'in_development')!;
  member = places.find((place) => place.code === code)!;
  coordinator = await app.newPage();
  await loginAs(app, coordinator, 'coordinator');
}, 300_000);
afterAll(async () => {
  await app?.close();
});

const dutch = (value: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

async function visit(page: Page, url: string) {
  await page.goto(url);
  await settled(page);
  await expectNoAxeViolations(page);
}

async function nationalCoalitionFigure() {
  const analyst = await sessionFor(app.t, 'analyst');
  const response = await app.t.app.inject({ method: 'GET', url: '/api/v1/monitor/overview', headers: analyst.headers });
  return (response.json() as Overview).items.find((row) => row.indicator.key === 'coalition')!.all!;
}

describe('issue 10 acceptance: the coalition workspace, one walk', () => {
  it('1. she founds "Zuid-Holland Zuid" of ten by keyboard; Dordrecht is in both; the overview counts it once per level', async () => {
    const page = coordinator;
    await visit(page, '/coalities/nieuw');
    await page.locator('#page-title').focus();
    await typeInto(page, 'coalition-name', 'Zuid-Holland Zuid');
    await choose(page, 'coalition-kind', nl.coalitionKinds.regional);
    await typeInto(page, 'coalition-start', '2025-01-01');
    await tabTo(page, page.locator('#coalition-tranche'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, page.locator('#coalition-mandate-holder'));
    await page.keyboard.type('D');
    for (let step = 0; step < 60 && (await page.locator('#coalition-mandate-holder').inputValue()) !== 'GM0505'; step += 1) await page.keyboard.press('ArrowDown');
    for (const [index, [name, code]] of ZUID_HOLLAND_ZUID.entries()) {
      await tabTo(page, page.locator('#coalition-members-filter'), { backwards: index > 0 });
      await page.keyboard.press('Control+A');
      await page.keyboard.type(name);
      await tabTo(page, page.locator(`#coalition-members-${code}`));
      await page.keyboard.press('Space');
    }
    await page.getByText('10 gemeenten', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await press(page, nl.app.save);
    await page.getByRole('heading', { level: 1, name: 'Zuid-Holland Zuid (KS0007)' }).waitFor();
    await expectConfirmation(page, c.created.replace('{name}', 'Zuid-Holland Zuid').replace('{code}', 'KS0007'));
    await page.getByRole('table', { name: c.membersCaption }).getByRole('cell', { name: 'Dordrecht (GM0505)' }).waitFor();
    await expectNoAxeViolations(page);

    await visit(page, '/coalities/KS0001');
    await page.getByRole('table', { name: c.membersCaption }).getByRole('cell', { name: 'Dordrecht (GM0505)' }).waitFor();
    await visit(page, '/coalities');
    const levels = page.getByRole('table', { name: c.levelsCaption });
    const levelText = async (level: string) => (await levels.getByRole('row', { name: new RegExp(`^${level}`) }).innerText()).replace(/\s+/g, ' ').trim();
    expect(await levelText(nl.coalitionLevels.local)).toBe('Lokaal 6 17');
    expect(await levelText(nl.coalitionLevels.regional)).toBe('Regionaal 1 10');
  }, 300_000);

  it('2. she adds an expert by experience by keyboard and records the prenatal home visit agreement, past its review date: it is on "te herzien"', async () => {
    const page = coordinator;
    await visit(page, '/coalities/KS0001/partners');
    await press(page, p.add);
    await choose(page, 'partner-kind', p.kindExternal);
    await typeInto(page, 'partner-external-name', 'Ervaringsdeskundigen Drechtsteden');
    await choose(page, 'partner-domain', nl.coalitionPartnerDomains.experts_by_experience);
    await choose(page, 'partner-level', nl.coalitionPartnerLevels.uitvoerend);
    await typeInto(page, 'partner-role', 'Denkt mee vanuit eigen ervaring');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expectConfirmation(page, 'Ervaringsdeskundigen Drechtsteden is toegevoegd als partner.');

    await visit(page, '/coalities/KS0001/afspraken');
    await press(page, a.add);
    await choose(page, 'agreement-topic', nl.coalitionAgreementTopics.prenatal_home_visit);
    await typeInto(page, 'agreement-title', 'Prenataal huisbezoek bij kwetsbare zwangeren');
    await choose(page, 'agreement-level', nl.coalitionAgreementLevels.uitvoering);
    await choose(page, 'agreement-status', nl.coalitionAgreementStatuses.agreed);
    await typeDate(page, 'agreement-agreed-on', '2023-01-15');
    await typeDate(page, 'agreement-review-due', '2025-01-15');
    await tabTo(page, page.getByRole('checkbox', { name: 'Ervaringsdeskundigen Drechtsteden' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Rol van Ervaringsdeskundigen Drechtsteden'));
    await page.keyboard.type('Toetst de aanpak');
    await expectNoAxeViolations(page);
    await press(page, nl.app.save);
    await expectConfirmation(page, a.created);

    await visit(page, '/coalities/te-herzien');
    const table = page.getByRole('table', { name: `${a.toReviewCaption} (${a.toReviewMine})` });
    await expect.poll(() => table.textContent()).toContain('Prenataal huisbezoek bij kwetsbare zwangeren');
    expect(await table.textContent()).toContain('15 januari 2025');
  }, 300_000);

  it("3. she writes a plan whose step 1 shows Drechtsteden's Big2 with its interval, approves it, edits version 2 and compares", async () => {
    const page = coordinator;
    const BIG2 = indicatorByKey('big2')!;
    await visit(page, '/coalities/KS0001/plan');
    await press(page, plan.startPlan);
    await expectConfirmation(page, 'Versie 1 is begonnen als concept.');
    const overview = (await (await page.request.get('/api/v1/coalitions/KS0001/plan')).json()) as PlanOverview;
    const big2 = overview.facts!.items.find((item) => item.indicator.key === 'big2')!.figure!;
    const row = page.getByRole('table', { name: `Cijfers van ${DRECHTSTEDEN_NAME}` }).getByRole('row').filter({ hasText: BIG2.name });
    await expect.poll(() => row.textContent()).toContain(`95%-BI ${dutch(big2.lower!)}–${dutch(big2.upper!)}`);
    expect(await row.textContent()).toContain(`${dutch(big2.value!)}%`);
    await expectNoAxeViolations(page);
    await tabTo(page, page.locator('#plan-text-ambition'));
    await page.keyboard.type('Ieder kind in de Drechtsteden een kansrijke start.');
    await press(page, plan.save);
    await expectConfirmation(page, 'Versie 1 is opgeslagen.');
    await press(page, plan.approve);
    await typeInto(page, 'approve-by', 'Stuurgroep Kansrijke Start Drechtsteden');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expectConfirmation(page, 'Versie 1 is vastgesteld.');
    await press(page, plan.newVersion);
    await expectConfirmation(page, 'Versie 2 is begonnen als concept.');
    await tabTo(page, page.locator('#plan-text-ambition'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('In 2030 de helft minder valse starts in de Drechtsteden.');
    await press(page, plan.save);
    await expectConfirmation(page, 'Versie 2 is opgeslagen.');
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('link', { name: plan.compare }).first());
    await page.keyboard.press('Enter');
    await page.waitForURL('**/plan/vergelijken?van=1&naar=2');
    await page.getByRole('heading', { level: 2, name: `${plan.step_ambition} (${plan.changed})` }).waitFor();
    await expectNoAxeViolations(page);
  }, 300_000);

  it('4. an analysis round: two respondents (one by personal link) disagree on collaboration; the report flags it; the improvement action lands in the plan', async () => {
    const page = coordinator;
    await visit(page, '/coalities/KS0001/zelfanalyse');
    await press(page, analysis.newRound);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Zelfanalyse voorjaar');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expectNoAxeViolations(page);
    await press(page, analysis.openSubmit);
    await page.waitForURL(/\/coalities\/KS0001\/zelfanalyse\/[0-9a-f-]{36}$/);
    const roundUrl = new URL(page.url()).pathname;
    await expectConfirmation(page, 'De ronde "Zelfanalyse voorjaar" is geopend.');
    await tabTo(page, page.locator('#invite-person'));
    await page.keyboard.type('Joke');
    await press(page, analysis.inviteSubmit);
    await expectConfirmation(page, 'Joke Jansen is uitgenodigd.');
    await typeInto(page, 'invite-name', 'Fatima Ouali');
    await page.keyboard.press('Tab');
    await page.keyboard.type('fatima@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectConfirmation(page, 'De persoonlijke link voor Fatima Ouali is gemaakt.');
    const linkUrl = (await page.locator('#analysis-link-url').textContent())!;
    await expectNoAxeViolations(page);

    const answer = async (respondent: Page, score: number) => {
      for (let index = 1; index <= 18; index += 1) {
        await tabTo(respondent, respondent.locator(`#score-samenwerking\\.${String(index).padStart(2, '0')}-1`));
        await respondent.keyboard.press('Space');
        for (let step = 1; step < score; step += 1) await respondent.keyboard.press('ArrowRight');
      }
      await press(respondent, analysis.saveAnswers);
      await expectConfirmation(respondent, 'U hebt 18 van 56 stellingen ingevuld.');
    };
    const nurse = await app.newPage();
    await loginAs(app, nurse, 'jgzNurse');
    await nurse.goto('/');
    await settled(nurse);
    // Invited: "Mijn zelfanalyses" is in her menu.
    const menuItem = nurse.getByRole('navigation', { name: nl.app.mainNavigation }).getByRole('link', { name: analysis.myTitle });
    await menuItem.waitFor();
    await tabTo(nurse, menuItem);
    await nurse.keyboard.press('Enter');
    await settled(nurse);
    await expectNoAxeViolations(nurse);
    await tabTo(nurse, nurse.getByRole('link', { name: 'Invullen: Zelfanalyse voorjaar' }));
    await nurse.keyboard.press('Enter');
    await nurse.waitForURL(/\/zelfanalyse\/uitnodigingen\//);
    await settled(nurse);
    await expectNoAxeViolations(nurse);
    await answer(nurse, 5);
    await nurse.close();

    const partner = await app.newPage();
    await visit(partner, new URL(linkUrl).pathname);
    await answer(partner, 1);
    await partner.close();

    await visit(page, `${roundUrl}/rapport`);
    const collaboration = page.getByRole('table', { name: analysis.partsCaption }).locator('tbody tr', { hasText: 'Samenwerking in de coalitie' });
    await expect.poll(() => collaboration.locator('td').allTextContents()).toEqual(['Deel 2 — Samenwerking in de coalitie', '36', '3,00', '2,00', '18']);
    const statements = page.getByRole('table', { name: 'Per stelling: Deel 2 — Samenwerking in de coalitie' });
    expect(await statements.locator('tbody tr', { hasText: analysis.disagreementYes }).count()).toBe(18);
    await tabTo(page, page.getByRole('button', { name: 'Maak verbeteractie van stelling 2.1' }));
    await page.keyboard.press('Enter');
    await expectConfirmation(page, 'De verbeteractie voor stelling 2.1 staat in het plan van aanpak.');
    await visit(page, '/coalities/KS0001/plan');
    await page.getByText('Verbeteren: In de coalitie werken partners uit het medische en het sociale domein samen.').first().waitFor();
  }, 400_000);

  it('5. the policy officer sets "in development" for another member by keyboard and submits; after the deadline it is locked; the monitor shows the category and the share changes', async () => {
    const before = await nationalCoalitionFigure();
    const countOf = (figure: typeof before, category: string) => figure.categories!.find((item) => item.category === category)!.count;
    const officer = await app.newPage();
    await loginAs(app, officer, 'policyOfficer');
    await visit(officer, '/vragenlijst/2024');
    await tabTo(officer, officer.getByRole('table', { name: mq.responsesCaption }).getByRole('link', { name: member.name }));
    await officer.keyboard.press('Enter');
    await officer.getByRole('heading', { level: 1, name: `Vragenlijst 2024: ${member.name}` }).waitFor();
    await settled(officer);
    await officer.getByText('Vooraf ingevuld uit: Coalitieregister: status 2024', { exact: false }).first().waitFor();
    await officer.getByText(`Vooraf ingevuld uit: Samenwerkingsafspraken van ${DRECHTSTEDEN_NAME} (KS0001)`).waitFor();
    await expectNoAxeViolations(officer);
    await choose(officer, 'mq-coalition-status', mq.status_in_development);
    await press(officer, mq.submit);
    await expectConfirmation(officer, `De vragenlijst is ingediend. De status van ${member.name} voor 2024 is bijgewerkt in het register en de monitor.`);
    await expectNoAxeViolations(officer);

    const after = await nationalCoalitionFigure();
    expect(countOf(after, 'in_development')).toBe(countOf(before, 'in_development') + 1);
    expect(after.value).not.toBe(before.value);
    await visit(officer, '/monitor');
    await officer.getByText(`In ontwikkeling: ${countOf(after, 'in_development')} van 342`, { exact: false }).first().waitFor();

    await officer.close();
    // Five days on (test clock): the old session has idled out, so she logs in again, as on a later day.
    app.t.clock.advance(5 * DAY);
    const later = await app.newPage();
    await loginAs(app, later, 'policyOfficer');
    await visit(later, `/vragenlijst/2024/${member.code}`);
    await later.getByText(mq.lockedNotice).waitFor();
    expect(await later.locator('#mq-coalition-status').count()).toBe(0);
    await later.close();
  }, 300_000);

  it('6. a coordinator of another coalition is refused, and the refusal is audited', async () => {
    const { personId, organisationId } = await insertCoordinator(app.t, 'KS0002');
    const { token } = await sessionForPerson(app.t, personId, organisationId);
    const other = await app.newPage();
    await other.context().addCookies([{ name: SESSION_COOKIE, value: token, url: app.baseUrl }]);
    await visit(other, '/coalities/KS0001/afspraken');
    expect(await other.getByRole('button', { name: a.add }).count()).toBe(0);
    const csrf = (await other.context().cookies()).find((cookie) => cookie.name === CSRF_COOKIE)!.value;
    const refused = await other.request.post('/api/v1/coalitions/KS0001/partners', {
      headers: { [CSRF_HEADER]: csrf },
      data: { externalName: 'Overgenomen', domain: 'social', level: 'uitvoerend' },
    });
    expect(refused.status()).toBe(403);
    const denials = await app.t.database.db.select().from(auditLog).where(and(eq(auditLog.actorId, personId), eq(auditLog.action, 'access_denied')));
    expect(denials.length).toBeGreaterThanOrEqual(1);
    await other.close();
  });

  it('7. Centering shows a share of midwife practices', async () => {
    // The test clock passed the questionnaire's deadline in step 5: her session of this morning has
    // expired by now, so she logs in again.
    await loginAs(app, coordinator, 'coordinator');
    await visit(coordinator, '/monitor/indicatoren/centering_pregnancy');
    // The definition sits in the collapsed "about this indicator" box: open it, as a reader would.
    await coordinator.locator('.kr-facts summary').click();
    await coordinator.locator('.kr-facts').getByText(indicatorByKey('centering_pregnancy')!.denominator, { exact: true }).waitFor();
    expect(await coordinator.getByRole('heading', { level: 1 }).textContent()).toContain('Verloskundigenpraktijken');
    expect(pageErrors).toEqual([]);
  });
});
