// SPDX-License-Identifier: EUPL-1.2
// The prefill from the coalition workspace: the local coalition's plan status, agreements per topic and
// partners as they stood on the peildatum — each with its source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { coalitions } from '../../coalitions/schema.js';
import { coalitionPlanVersions } from '../../coalition-plans/schema.js';
import { emptyContent } from '../../coalition-plans/domain/plan-rules.js';
import { coalitionAgreements } from '../../coalition-agreements/schema.js';
import { coalitionPartners } from '../../coalition-partners/schema.js';
import { people } from '../../organisations/schema.js';
import { planStatusSource } from './plan-status.js';
import { agreementsSource } from './agreements.js';
import { partnersSource } from './partners.js';
import { prefill } from './index.js';

let t: TestApp;
let coalitionId: string;
let personId: string;
const dordrecht = (referenceDate: string) => ({ municipalityCode: 'GM0505', year: Number(referenceDate.slice(0, 4)), referenceDate });

beforeAll(async () => {
  t = await createTestApp();
  [{ id: coalitionId }] = (await t.database.db.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, 'KS0001'))) as [{ id: string }];
  [{ id: personId }] = (await t.database.db.select({ id: people.id }).from(people).where(eq(people.email, 'coordinator@kansrijk.demo'))) as [{ id: string }];
});
afterAll(() => t?.close());

describe('prefill from the coalition workspace', () => {
  it('says nothing where the workspace has nothing, and nothing for a municipality without a local coalition', async () => {
    expect(await planStatusSource.load(t.database.db, dordrecht('2024-06-01'))).toEqual([]);
    expect(await agreementsSource.load(t.database.db, dordrecht('2024-06-01'))).toEqual([]);
    expect(await partnersSource.load(t.database.db, dordrecht('2024-06-01'))).toEqual([]);
    // Groningen (GM0014) is in no demo coalition.
    expect(await planStatusSource.load(t.database.db, { municipalityCode: 'GM0014', year: 2024, referenceDate: '2024-06-01' })).toEqual([]);
  });

  it('plan status: approved on or before the peildatum, else in development when a version existed then', async () => {
    await t.database.db.insert(coalitionPlanVersions).values({
      coalitionId,
      version: 1,
      status: 'approved',
      content: emptyContent(),
      approvedOn: '2024-03-01',
      approvedBy: 'Stuurgroep',
      createdBy: personId,
      updatedBy: personId,
      createdAt: new Date('2024-01-15T10:00:00Z'),
    });
    expect(await planStatusSource.load(t.database.db, dordrecht('2024-06-01'))).toEqual([
      { questionKey: 'plan_status', value: 'approved', sourceLabel: 'Plan van aanpak van Coalitie Kansrijke Start Drechtsteden (KS0001): versie 1 vastgesteld op 2024-03-01', sourceDate: '2024-03-01' },
    ]);
    expect(await planStatusSource.load(t.database.db, dordrecht('2024-02-01'))).toMatchObject([{ value: 'in_development', sourceDate: '2024-01-15' }]);
    expect(await planStatusSource.load(t.database.db, dordrecht('2024-01-01'))).toEqual([]);
  });

  it('agreements: agreed (or under review) by the peildatum counts; a recorded reason says why there is none', async () => {
    await t.database.db.insert(coalitionAgreements).values([
      { coalitionId, topic: 'prenatal_home_visit', level: 'uitvoering', status: 'agreed', title: 'Prenataal huisbezoek', agreedOn: '2024-02-01' },
      { coalitionId, topic: 'warm_handover', level: 'uitvoering', status: 'in_development', title: 'Warme overdracht' },
      { coalitionId, topic: 'regional', noAgreementReason: 'Geregeld in de regio' },
    ]);
    const [answer] = await agreementsSource.load(t.database.db, dordrecht('2024-06-01'));
    expect(answer).toEqual({
      questionKey: 'agreements',
      value: [
        { topic: 'prenatal_home_visit', hasAgreement: true, reason: null },
        { topic: 'regional', hasAgreement: false, reason: 'Geregeld in de regio' },
      ],
      sourceLabel: 'Samenwerkingsafspraken van Coalitie Kansrijke Start Drechtsteden (KS0001)',
      sourceDate: null,
    });
    // Before the agreement was made only the reason is known.
    expect((await agreementsSource.load(t.database.db, dordrecht('2024-01-01')))[0]!.value).toEqual([{ topic: 'regional', hasAgreement: false, reason: 'Geregeld in de regio' }]);
  });

  it('partners: the domains on board on the peildatum, the wanted ones, and whether experts by experience take part', async () => {
    await t.database.db.insert(coalitionPartners).values([
      { coalitionId, externalName: 'Verloskundigen Dordrecht', domain: 'medical', level: 'uitvoerend', since: '2021-01-01' },
      { coalitionId, externalName: 'Ervaringsdeskundigen Drechtsteden', domain: 'experts_by_experience', level: 'uitvoerend', since: '2024-05-01' },
      { coalitionId, externalName: 'Welzijn oud', domain: 'social', level: 'uitvoerend', since: '2020-01-01', until: '2022-12-31' },
      { coalitionId, externalName: 'Huisartsen', domain: 'medical', level: 'uitvoerend', isWanted: true },
      { coalitionId, externalName: 'Zorgverzekeraar', domain: 'insurer', level: 'bestuurlijk', isWanted: true },
    ]);
    const label = 'Partners van Coalitie Kansrijke Start Drechtsteden (KS0001)';
    expect(await partnersSource.load(t.database.db, dordrecht('2024-06-01'))).toEqual([
      { questionKey: 'partners_consulted', value: ['medical', 'experts_by_experience'], sourceLabel: label, sourceDate: null },
      { questionKey: 'partners_wanted', value: ['medical', 'insurer'], sourceLabel: label, sourceDate: null },
      { questionKey: 'experts_by_experience_involved', value: true, sourceLabel: label, sourceDate: null },
    ]);
    const earlier = await partnersSource.load(t.database.db, dordrecht('2022-06-01'));
    expect(earlier.find((answer) => answer.questionKey === 'partners_consulted')!.value).toEqual(['medical', 'social']);
    expect(earlier.find((answer) => answer.questionKey === 'experts_by_experience_involved')!.value).toBe(false);
  });

  it('the response is prefilled from all of them', async () => {
    const answers = await prefill(t.database.db, dordrecht('2024-06-01'));
    expect([...answers.keys()]).toEqual(expect.arrayContaining(['plan_status', 'agreements', 'partners_consulted', 'partners_wanted', 'experts_by_experience_involved', 'local_coalition']));
  });
});
