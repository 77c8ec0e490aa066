// SPDX-License-Identifier: EUPL-1.2
// The parents' public pages over HTTP against a real database, without login: the municipalities that
// have them; per phase the coalition's texts, links and the current local offer with who pays; in
// English and Arabic with Dutch (marked as Dutch) where a translation is missing; a municipality outside
// the platform and a bad phase or language refused in Dutch. The coalition's coordinator writes the
// content (versioned, audited, never checked in the future); others read it but may not write it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { FUNDING_ROUTES } from '../../../contracts/intervention-menu.js';
import { COST_OF_FUNDING_ROUTE, type ParentContentRecord, type ParentMunicipality, type ParentPage } from '../../../contracts/parents-public.js';
import { PHASE_OF_MENU } from './domain/parent-rules.js';
import { DEMO_PARENT_PAGES_REVIEWED_ON } from '../../demo/seed-demo-parent-pages.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const page = async (query: string) => {
  const response = await get(`/api/v1/public/parent-pages/GM0505?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ParentPage>();
};

describe('the rules from the local offer to what a parent reads', () => {
  // funding route        who pays
  const COSTS: [string, string][] = [
    ['zvw', 'basic_insurance'],
    ['wpg_jgz', 'free_municipality'],
    ['jeugdwet', 'free_municipality'],
    ['wmo', 'free_municipality'],
    ['spuk_gala', 'free_municipality'],
    ['spuk_iza', 'free_municipality'],
    ['municipal_subsidy', 'free_municipality'],
    ['funds', 'free_fund'],
  ];
  it('says for every funding route who pays', () => {
    expect(FUNDING_ROUTES.map((route) => [route, COST_OF_FUNDING_ROUTE[route]])).toEqual(COSTS);
  });
  it('maps the menu phases V, T, N to wish for a child, pregnant, baby', () => {
    expect(PHASE_OF_MENU).toEqual({ V: 'kinderwens', T: 'zwanger', N: 'baby' });
  });
});

describe('the public parent pages', () => {
  it('lists the municipalities of the coalition that wrote them, without login', async () => {
    const response = await get('/api/v1/public/parent-pages');
    expect(response.statusCode).toBe(200);
    const list = response.json<ParentMunicipality[]>();
    expect(list.map((item) => item.code)).toEqual(expect.arrayContaining(['GM0505', 'GM0642']));
    expect(list.find((item) => item.code === 'GM0505')).toMatchObject({ name: 'Dordrecht' });
    expect(list.map((item) => item.name)).toEqual([...list.map((item) => item.name)].sort((a, b) => a.localeCompare(b, 'nl')));
  });

  it('shows a pregnant woman in Dordrecht the prenatal home visit (free, the municipality pays), maternity care and national links', async () => {
    const pregnant = await page('phase=zwanger&lang=nl');
    expect(pregnant).toMatchObject({ municipality: { code: 'GM0505', name: 'Dordrecht' }, coalition: { code: 'KS0001' }, phase: 'zwanger', lang: 'nl', reviewedOn: DEMO_PARENT_PAGES_REVIEWED_ON, canSelfRegister: true });
    const visit = pregnant.offers.find((offer) => offer.name === 'Prenataal huisbezoek');
    expect(visit).toMatchObject({ providerName: 'JGZ Zuid-Holland Zuid', cost: 'free_municipality', waitingWeeks: 2, description: { lang: 'nl' } });
    // Stevig Ouderschap is for pregnancy and after birth (menu T,N); the money walk-in the coalition put in both.
    expect(pregnant.offers.map((offer) => offer.name)).toEqual(expect.arrayContaining(['Inloopspreekuur geldzaken voor (aanstaande) ouders']));
    expect(pregnant.blocks.map((block) => block.key)).toEqual(['verloskundige', 'kraamzorg']);
    expect(pregnant.blocks[1]!.body.text).toContain('vóór week 20');
    expect(pregnant.links.every((link) => link.url.startsWith('https://'))).toBe(true);
  });

  it('shows per phase only what belongs to it', async () => {
    const wish = await page('phase=kinderwens&lang=nl');
    expect(wish.blocks.map((block) => block.key)).toEqual(['gezond-zwanger-worden']);
    expect(wish.offers.map((offer) => offer.name)).not.toContain('Prenataal huisbezoek');
    const baby = await page('phase=baby&lang=nl');
    expect(baby.blocks.map((block) => block.key)).toEqual(['consultatiebureau']);
    expect(baby.offers.map((offer) => offer.name)).not.toContain('Prenataal huisbezoek');
  });

  it('speaks English and Arabic, and marks a text without translation as Dutch', async () => {
    const english = await page('phase=zwanger&lang=en');
    expect(english.blocks.every((block) => block.heading.lang === 'en' && block.body.lang === 'en')).toBe(true);
    const arabic = await page('phase=zwanger&lang=ar');
    expect(arabic.blocks[0]!.heading).toEqual({ text: 'ابحثي عن قابلة', lang: 'ar' });
    const walkIn = arabic.offers.find((offer) => offer.name.startsWith('Inloopspreekuur'))!;
    expect(walkIn.description).toEqual({ text: expect.stringContaining('Zorgen over geld'), lang: 'nl' });
  });

  it('refuses a municipality outside the platform (404) and a bad phase or language (400), in Dutch', async () => {
    const utrecht = await get('/api/v1/public/parent-pages/GM0344?phase=zwanger');
    expect(utrecht.statusCode).toBe(404);
    expect(utrecht.json().detail).toBe(nl.parentsPublic.errorMunicipality);
    const phase = await get('/api/v1/public/parent-pages/GM0505?phase=peuter');
    expect(phase.statusCode).toBe(400);
    expect(JSON.stringify(phase.json())).toContain(nl.parentsPublic.errorPhase);
    const lang = await get('/api/v1/public/parent-pages/GM0505?lang=fr');
    expect(lang.statusCode).toBe(400);
    expect(JSON.stringify(lang.json())).toContain(nl.parentsPublic.errorLanguage);
    expect((await get('/api/v1/public/parent-pages/Dordrecht')).statusCode).toBe(400);
  });
});

describe('the coalition writes its parent pages', () => {
  it('lets its coordinator change the content and the review date, versioned and audited; refuses others, stale versions and a future date', async () => {
    const coordinator = await callerFor(t, 'coordinator');
    const midwife = await callerFor(t, 'midwife');
    const read = await midwife.request('GET', '/api/v1/coalitions/KS0001/parent-content');
    expect(read.statusCode).toBe(200);
    const current = read.json<ParentContentRecord>();
    expect(current).toMatchObject({ coalitionCode: 'KS0001', version: 1, reviewedOn: DEMO_PARENT_PAGES_REVIEWED_ON });
    expect((await midwife.request('GET', '/api/v1/coalitions/KS0002/parent-content')).statusCode).toBe(404);

    const changed = { ...current.content, costs: { 'stevig-ouderschap': 'own_contribution' } };
    const body = { content: changed, reviewedOn: '2026-12-01', version: 1 };
    expect((await midwife.request('PUT', '/api/v1/coalitions/KS0001/parent-content', body)).statusCode).toBe(403);
    const future = await coordinator.request('PUT', '/api/v1/coalitions/KS0001/parent-content', { ...body, reviewedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toContainEqual(expect.objectContaining({ path: 'body.reviewedOn', message: nl.parentsPublic.errorReviewedInFuture }));
    const badLink = await coordinator.request('PUT', '/api/v1/coalitions/KS0001/parent-content', { ...body, content: { ...changed, links: [{ url: 'http://onveilig.example', title: { nl: 'x' }, phases: ['baby'] }] } });
    expect(badLink.statusCode).toBe(400);

    const saved = await coordinator.audited('PUT', '/api/v1/coalitions/KS0001/parent-content', body);
    expect(saved.response.statusCode, saved.response.body).toBe(200);
    expect(saved.response.json<ParentContentRecord>()).toMatchObject({ version: 2, reviewedOn: '2026-12-01' });
    expect(saved.rows).toContainEqual(expect.objectContaining({ action: 'update', outcome: 'success', objectType: 'parent_content', objectId: 'KS0001' }));
    expect((await coordinator.request('PUT', '/api/v1/coalitions/KS0001/parent-content', body)).json().code).toBe('stale_version');

    const baby = await page('phase=baby&lang=nl');
    expect(baby.reviewedOn).toBe('2026-12-01');
    expect(baby.offers.find((offer) => offer.name.startsWith('Jeugdgezondheidszorg'))?.cost).toBe('own_contribution');
  });
});
