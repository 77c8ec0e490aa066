// SPDX-License-Identifier: EUPL-1.2
// Outcomes through the API: the birth (physiological ranges in Dutch, preterm/SGA/Big2, the child,
// the pregnancy born, the pseudonymised monitor register row, all or nothing) and around age two
// (BMI and overweight by IOTF, child protection dates), access and audit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { familyMembers, pregnancies } from '../families/schema.js';
import { birthRegister } from '../monitor/schema.js';
import { careCallers, dayFromToday, expectNoServerErrors, familyForJgz, oddBody, type CareSetting } from '../jgz/test-support.js';
import { birthOutcomes, twoYearOutcomes } from './schema.js';
import type { BirthOutcome } from '../../../contracts/care.js';

let t: TestApp;
let s: CareSetting;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
});
afterAll(() => t.close());

const birth = (overrides: Record<string, unknown> = {}) => ({
  birthDate: dayFromToday(t, -1),
  gestationalWeeks: 36,
  gestationalDays: 2,
  birthWeightGrams: 2000,
  sex: 'female',
  multipleBirth: false,
  liveBorn: true,
  maternityCareReceived: true,
  maternityCareHours: 49,
  childGivenName: 'Lina',
  ...overrides,
});

async function chainRegisterRows(): Promise<number> {
  return (await t.database.db.select().from(birthRegister).where(like(birthRegister.sourceKey, 'chain:%'))).length;
}

describe('birth outcome', () => {
  it('refuses a birth weight of 100 g and 50 weeks in Dutch, and saves nothing at all', async () => {
    const { familyId, pregnancyId } = await familyForJgz(t, s);
    const registerBefore = await chainRegisterRows();
    const light = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ birthWeightGrams: 100 }));
    expect(light.statusCode).toBe(400);
    expect(light.json()).toMatchObject({
      code: 'validation_failed',
      detail: 'Het geboortegewicht moet tussen 300 en 6500 gram liggen (hele grammen).',
      errors: [{ path: 'birthWeightGrams', message: 'Het geboortegewicht moet tussen 300 en 6500 gram liggen (hele grammen).' }],
    });
    const long = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ gestationalWeeks: 50, gestationalDays: 0 }));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ detail: 'De zwangerschapsduur moet tussen 22+0 en 44+0 weken liggen.', errors: [{ path: 'gestationalWeeks' }] });
    const implausible = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ gestationalWeeks: 26, gestationalDays: 0, birthWeightGrams: 3000 }));
    expect(implausible.json().detail).toBe('Een geboortegewicht van 3000 gram past niet bij een zwangerschapsduur van 26+0 weken. Controleer gewicht en zwangerschapsduur.');
    const future = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ birthDate: dayFromToday(t, 1) }));
    expect(future.json().detail).toBe('De geboortedatum kan niet in de toekomst liggen.');
    const hours = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ maternityCareReceived: false, maternityCareHours: 20 }));
    expect(hours.statusCode).toBe(400);
    // Wrong types: every field says in Dutch what it needs.
    const empty = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, { liveBorn: 'ja' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((error: { message: string }) => error.message)).toEqual(
      expect.arrayContaining(['Vul het geboortegewicht in hele grammen in.', 'Kies het geslacht van het kind.', 'Kies of het kind levend is geboren (ja of nee).']),
    );

    expect(await t.database.db.select().from(birthOutcomes).where(eq(birthOutcomes.familyId, familyId))).toEqual([]);
    expect(await t.database.db.select().from(familyMembers).where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.role, 'child')))).toEqual([]);
    expect((await t.database.db.select().from(pregnancies).where(eq(pregnancies.id, pregnancyId)))[0]!.status).toBe('ongoing');
    expect(await chainRegisterRows()).toBe(registerBefore);
  });

  it('records a preterm, small birth: Big2, the child, the pregnancy born and a pseudonymised register row, audited', async () => {
    const { familyId, pregnancyId } = await familyForJgz(t, s);
    const registerBefore = await chainRegisterRows();
    const { response, rows } = await s.nurse.audited('POST', `/api/v1/families/${familyId}/birth`, birth());
    expect(response.statusCode, response.body).toBe(201);
    const outcome = response.json() as BirthOutcome;
    // By default Hoftiezer 2019, per day: girls at 36+2 have p10 2308 g, so 2000 g is small.
    expect(outcome).toMatchObject({
      gestationalAge: '36+2',
      gestationalAgeDays: 254,
      preterm: true,
      smallForGestationalAge: true,
      big2: true,
      referenceKey: 'hoftiezer-2019',
      referenceName: expect.stringContaining('Hoftiezer 2019'),
      p10Grams: 2308,
      maternityCareHours: 49,
    });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'birth_outcome', clientId: familyId })]);
    const [child] = await t.database.db.select().from(familyMembers).where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.role, 'child')));
    expect(child).toMatchObject({ givenName: 'Lina', familyName: 'Testcliënt', birthDate: dayFromToday(t, -1), sex: 'female' });
    expect(outcome.childId).toBe(child!.id);
    expect((await t.database.db.select().from(pregnancies).where(eq(pregnancies.id, pregnancyId)))[0]!.status).toBe('born');
    expect(await chainRegisterRows()).toBe(registerBefore + 1);
    const [registerRow] = await t.database.db.select().from(birthRegister).where(like(birthRegister.sourceKey, 'chain:%')).orderBy(sql`${birthRegister.id} DESC`).limit(1);
    expect(registerRow).toMatchObject({
      isSynthetic: false,
      municipalityCode: 'GM0505',
      gestationalAgeDays: 254,
      birthWeightGrams: 2000,
      isPreterm: true,
      isSmallForGestationalAge: true,
      hadKraamzorg: true,
      parentCount: 1,
    });
    // A random pseudonym: neither the family nor the birth can be found from the register.
    expect(registerRow!.sourceKey).toMatch(/^chain:[0-9a-f-]{36}$/);
    expect(registerRow!.sourceKey).not.toContain(familyId);
    expect(registerRow!.sourceKey).not.toContain(outcome.id);

    // The same pregnancy a second time (no multiple birth): refused.
    const again = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth());
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('De geboorte bij deze zwangerschap is al vastgelegd. Bij een meerling: kies "meerling".');
    const twin = await s.nurse.request('POST', `/api/v1/families/${familyId}/birth`, birth({ multipleBirth: true, childGivenName: 'Noa' }));
    expect(twin.statusCode).toBe(201);
    // In the register the twin is the second child of the pregnancy (per-pregnancy indicators count order 1).
    const orders = await t.database.db
      .select({ birthOrder: birthRegister.birthOrder })
      .from(birthRegister)
      .where(like(birthRegister.sourceKey, 'chain:%'))
      .orderBy(sql`${birthRegister.id} DESC`)
      .limit(2);
    expect(orders.map((row) => row.birthOrder)).toEqual([2, 1]);
  });

  it('a term birth of normal weight is not Big2; before 24 weeks Big2 is not defined', async () => {
    const term = await familyForJgz(t, s);
    const response = await s.nurse.request('POST', `/api/v1/families/${term.familyId}/birth`, birth({ gestationalWeeks: 40, gestationalDays: 0, birthWeightGrams: 3500, sex: 'male' }));
    expect(response.json()).toMatchObject({ preterm: false, smallForGestationalAge: false, big2: false });
    // Per day, not per completed week: a boy of 3150 g at 40+6 is below Hoftiezer's p10 of that day
    // (3203 g; at 40+0 it is 3086 g), in the chain and in the register row the monitor counts.
    const late = await familyForJgz(t, s);
    const registerBefore = await chainRegisterRows();
    const small = await s.nurse.request('POST', `/api/v1/families/${late.familyId}/birth`, birth({ gestationalWeeks: 40, gestationalDays: 6, birthWeightGrams: 3150, sex: 'male' }));
    expect(small.json()).toMatchObject({ preterm: false, smallForGestationalAge: true, big2: true, referenceKey: 'hoftiezer-2019', p10Grams: 3203 });
    expect(await chainRegisterRows()).toBe(registerBefore + 1);
    const [registerRow] = await t.database.db.select().from(birthRegister).where(like(birthRegister.sourceKey, 'chain:%')).orderBy(sql`${birthRegister.id} DESC`).limit(1);
    expect(registerRow).toMatchObject({ gestationalAgeDays: 286, birthWeightGrams: 3150, isPreterm: false, isSmallForGestationalAge: true });
    const early = await familyForJgz(t, s);
    const stillborn = await s.nurse.request(
      'POST',
      `/api/v1/families/${early.familyId}/birth`,
      birth({ gestationalWeeks: 23, gestationalDays: 2, birthWeightGrams: 520, liveBorn: false, maternityCareReceived: null, maternityCareHours: null }),
    );
    expect(stillborn.json()).toMatchObject({ preterm: true, big2: null, liveBorn: false, p10Grams: null });
  });

  it('an unrelated organisation gets 403 and nothing is saved', async () => {
    const { familyId } = await familyForJgz(t, s);
    const { response, rows } = await s.socialWorker.audited('POST', `/api/v1/families/${familyId}/birth`, birth());
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied' })]);
    expect(await t.database.db.select().from(birthOutcomes).where(eq(birthOutcomes.familyId, familyId))).toEqual([]);
    expect((await s.socialWorker.request('GET', `/api/v1/families/${familyId}/outcomes`)).statusCode).toBe(403);
    expect((await s.socialWorker.request('POST', `/api/v1/families/${familyId}/two-year-outcome`, { measuredOn: dayFromToday(t, 0) })).statusCode).toBe(403);
  });
});

describe('outcomes around age two', () => {
  async function bornTwoYearsAgo(sex: 'male' | 'female' = 'male') {
    const family = await familyForJgz(t, s);
    const response = await s.nurse.request(
      'POST',
      `/api/v1/families/${family.familyId}/birth`,
      birth({ birthDate: dayFromToday(t, -(2 * 365 + 10)), gestationalWeeks: 40, gestationalDays: 0, birthWeightGrams: 3500, sex }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return family.familyId;
  }

  it('derives BMI and overweight with the IOTF cut-offs; records child protection with its dates', async () => {
    const familyId = await bornTwoYearsAgo('male');
    const { response, rows } = await s.nurse.audited('POST', `/api/v1/families/${familyId}/two-year-outcome`, {
      measuredOn: dayFromToday(t, 0),
      speechLanguageResult: 'concern',
      weightKg: 15,
      lengthCm: 86,
      childProtectionMeasure: 'Ondertoezichtstelling',
      childProtectionFrom: dayFromToday(t, -100),
      childProtectionUntil: dayFromToday(t, 265),
    });
    expect(response.statusCode, response.body).toBe(201);
    // 15 / 0.86² = 20.28 ≥ boys' 24-month cut-offs 18.41 (overweight) and 20.09 (obesity).
    expect(response.json()).toMatchObject({ ageMonths: 24, bmi: 20.28, overweight: true, obesity: true, speechLanguageResult: 'concern', childProtectionMeasure: 'Ondertoezichtstelling' });
    expect(response.json().bmiReference).toContain('Cole');
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'two_year_outcome', clientId: familyId })]);
    const normal = await s.nurse.request('POST', `/api/v1/families/${familyId}/two-year-outcome`, { measuredOn: dayFromToday(t, 0), weightKg: 12.5, lengthCm: 88 });
    expect(normal.json()).toMatchObject({ bmi: 16.14, overweight: false, obesity: false });
    const outcomes = await s.nurse.request('GET', `/api/v1/families/${familyId}/outcomes`);
    expect(outcomes.json().births).toHaveLength(1);
    expect(outcomes.json().twoYears).toHaveLength(2);
  });

  it('refuses bad input in Dutch and saves nothing', async () => {
    const familyId = await bornTwoYearsAgo();
    const cases: [Record<string, unknown>, string][] = [
      [{ measuredOn: dayFromToday(t, 0), weightKg: 12 }, 'Vul gewicht én lengte in, of geen van beide.'],
      [{ measuredOn: dayFromToday(t, 0), weightKg: 70, lengthCm: 88 }, 'Het gewicht moet tussen 7 en 25 kilogram liggen.'],
      [{ measuredOn: dayFromToday(t, 0), weightKg: 12, lengthCm: 300 }, 'De lengte moet tussen 70 en 110 centimeter liggen.'],
      [{ measuredOn: dayFromToday(t, -60), weightKg: 12, lengthCm: 88 }, 'Overgewicht rond 2 jaar wordt bepaald bij een leeftijd van 24 tot en met 30 maanden.'],
      [{ measuredOn: dayFromToday(t, -200) }, 'Het kind is op die datum 17 maanden oud. Uitkomsten rond 2 jaar horen bij een leeftijd van 18 tot 36 maanden.'],
      [{ measuredOn: dayFromToday(t, 3) }, 'De datum van meten kan niet in de toekomst liggen.'],
      [{ measuredOn: dayFromToday(t, 0), outOfHomePlacementFrom: dayFromToday(t, -5), outOfHomePlacementUntil: dayFromToday(t, -9) }, 'De einddatum van de uithuisplaatsing ligt vóór de begindatum.'],
      [{ measuredOn: dayFromToday(t, 0), childProtectionFrom: dayFromToday(t, -5) }, 'Vul de kinderbeschermingsmaatregel in.'],
    ];
    for (const [body, message] of cases) {
      const response = await s.nurse.request('POST', `/api/v1/families/${familyId}/two-year-outcome`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().detail).toBe(message);
    }
    const noChild = await familyForJgz(t, s);
    const unborn = await s.nurse.request('POST', `/api/v1/families/${noChild.familyId}/two-year-outcome`, { measuredOn: dayFromToday(t, 0) });
    expect(unborn.json().detail).toBe('Leg eerst de geboorte vast: de leeftijd van het kind is nodig.');
    expect(await t.database.db.select().from(twoYearOutcomes).where(eq(twoYearOutcomes.familyId, familyId))).toEqual([]);
  });

  it('no input gives a server error (fuzz)', async () => {
    const { familyId } = await familyForJgz(t, s);
    const born = await bornTwoYearsAgo();
    await expectNoServerErrors(
      s.nurse,
      fc.oneof(
        oddBody(['birthDate', 'gestationalWeeks', 'gestationalDays', 'birthWeightGrams', 'sex', 'multipleBirth', 'liveBorn', 'maternityCareReceived', 'maternityCareHours', 'childGivenName']).map(
          (payload) => ({ method: 'POST' as const, url: `/api/v1/families/${familyId}/birth`, payload }),
        ),
        fc
          .record({
            gestationalWeeks: fc.integer({ min: 15, max: 50 }),
            gestationalDays: fc.integer({ min: -1, max: 7 }),
            birthWeightGrams: fc.integer({ min: 0, max: 8000 }),
            sex: fc.constantFrom('female', 'male'),
            multipleBirth: fc.constant(true),
          })
          .map((fields) => ({ method: 'POST' as const, url: `/api/v1/families/${familyId}/birth`, payload: birth(fields) })),
        oddBody(['measuredOn', 'speechLanguageResult', 'weightKg', 'lengthCm', 'childProtectionMeasure', 'childProtectionFrom', 'childProtectionUntil', 'outOfHomePlacementFrom', 'outOfHomePlacementUntil']).map(
          (payload) => ({ method: 'POST' as const, url: `/api/v1/families/${born}/two-year-outcome`, payload }),
        ),
        fc
          .record({ weightKg: fc.double({ min: -5, max: 40, noNaN: true }), lengthCm: fc.double({ min: 0, max: 200, noNaN: true }) })
          .map((fields) => ({ method: 'POST' as const, url: `/api/v1/families/${born}/two-year-outcome`, payload: { measuredOn: dayFromToday(t, 0), ...fields } })),
        fc.constant({ method: 'GET' as const, url: `/api/v1/families/${familyId}/outcomes` }),
      ),
    );
  });
});
