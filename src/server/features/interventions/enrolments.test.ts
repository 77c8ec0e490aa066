// SPDX-License-Identifier: EUPL-1.2
// Interventions through the API: the menukaart, enrolling a family, ending and dropping out (with a
// reason), optimistic locking, access and audit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor } from '../organisations/test-support.js';
import { careCallers, dayFromToday, expectNoServerErrors, familyForJgz, oddBody, type CareSetting } from '../jgz/test-support.js';
import { enrolments } from './schema.js';
import type { Enrolment, InterventionItem } from '../../../contracts/care.js';

let t: TestApp;
let s: CareSetting;
let familyId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await careCallers(t);
  familyId = (await familyForJgz(t, s)).familyId;
});
afterAll(() => t.close());

async function enrol(key = 'stevig-ouderschap'): Promise<Enrolment> {
  const response = await s.nurse.request('POST', `/api/v1/families/${familyId}/enrolments`, {
    interventionKey: key,
    organisationId: t.demo.organisationIds.jgz,
    startedOn: dayFromToday(t, -10),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('interventions', () => {
  it('the menukaart holds the interventions of the domain reference, with phase, target group and recognition, for everyone logged in', async () => {
    const analyst = await callerFor(t, 'analyst');
    const response = await analyst.request('GET', '/api/v1/interventions');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as InterventionItem[];
    expect(items.map((item) => item.name)).toEqual(
      expect.arrayContaining([
        'VoorZorg', 'Stevig Ouderschap', 'SamenStarten', 'CenteringZwangerschap', 'CenteringOuderschap',
        'Nu Niet Zwanger', 'Home-Start', 'Moeders Informeren Moeders', 'Samen Oplopen', 'V-MIS',
      ]),
    );
    expect(items.find((item) => item.key === 'stevig-ouderschap')).toMatchObject({ phases: ['T', 'N'], recognition: 'effectief_eerste_aanwijzingen' });
    expect(items.every((item) => item.targetGroup !== null && item.targetGroup.length > 10)).toBe(true);
  });

  it('enrols a family: intervention, offering organisation, start date; audited with the client', async () => {
    const { response, rows } = await s.nurse.audited('POST', `/api/v1/families/${familyId}/enrolments`, {
      interventionKey: 'stevig-ouderschap',
      organisationId: t.demo.organisationIds.jgz,
      startedOn: dayFromToday(t, 0),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ interventionName: 'Stevig Ouderschap', organisationName: 'JGZ Zuid-Holland Zuid', status: 'active', version: 1 });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'enrolment', clientId: familyId })]);
    const list = await s.nurse.request('GET', `/api/v1/families/${familyId}/enrolments`);
    expect(list.json().items.some((item: Enrolment) => item.id === response.json().id)).toBe(true);
  });

  it('refuses an intervention not on the menukaart and an unknown provider, in Dutch', async () => {
    const before = (await t.database.db.select().from(enrolments).where(eq(enrolments.familyId, familyId))).length;
    const unknown = await s.nurse.request('POST', `/api/v1/families/${familyId}/enrolments`, {
      interventionKey: 'yoga-voor-baby',
      organisationId: t.demo.organisationIds.jgz,
      startedOn: dayFromToday(t, 0),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toBe('Kies een interventie uit de menukaart.');
    const provider = await s.nurse.request('POST', `/api/v1/families/${familyId}/enrolments`, {
      interventionKey: 'home-start',
      organisationId: crypto.randomUUID(),
      startedOn: dayFromToday(t, 0),
    });
    expect(provider.json().detail).toBe('Kies een bestaande, actieve organisatie als aanbieder.');
    expect((await t.database.db.select().from(enrolments).where(eq(enrolments.familyId, familyId))).length).toBe(before);
  });

  it('a drop-out needs a reason (and an explanation for "other"); nothing changes until it has one', async () => {
    const enrolment = await enrol();
    const noReason = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'drop_out', on: dayFromToday(t, 0) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toBe('Kies een reden voor de uitval.');
    const other = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'drop_out', on: dayFromToday(t, 0), reason: 'other' });
    expect(other.json().detail).toBe('Licht de reden voor de uitval toe.');
    const [unchanged] = await t.database.db.select().from(enrolments).where(eq(enrolments.id, enrolment.id));
    expect(unchanged).toMatchObject({ status: 'active', version: 1, dropOutReason: null });

    const { response, rows } = await s.nurse.audited('PATCH', `/api/v1/enrolments/${enrolment.id}`, {
      version: 1,
      action: 'drop_out',
      on: dayFromToday(t, 0),
      reason: 'other',
      explanation: 'Gezin wil eerst rust na de verhuizing',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'dropped_out', dropOutReason: 'other', dropOutExplanation: 'Gezin wil eerst rust na de verhuizing', endedOn: dayFromToday(t, 0), version: 2 });
    expect(rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'enrolment', clientId: familyId })]);
    const again = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 2, action: 'end', on: dayFromToday(t, 0) });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Deze deelname is al beëindigd.');
  });

  it('ends an enrolment; a stale version or a date before the start is refused', async () => {
    const enrolment = await enrol('home-start');
    const early = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'end', on: dayFromToday(t, -20) });
    expect(early.json().detail).toBe('De datum kan niet vóór de vorige stap van de deelname liggen.');
    const ended = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'end', on: dayFromToday(t, -1) });
    expect(ended.json()).toMatchObject({ status: 'completed', endedOn: dayFromToday(t, -1), version: 2 });
    const stale = await s.nurse.request('PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'drop_out', on: dayFromToday(t, 0), reason: 'no_contact' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });

  it('an unrelated organisation gets 403, audited', async () => {
    const enrolment = await enrol();
    for (const [method, url, body] of [
      ['GET', `/api/v1/families/${familyId}/enrolments`, undefined],
      ['POST', `/api/v1/families/${familyId}/enrolments`, { interventionKey: 'home-start', organisationId: t.demo.organisationIds.wijkteam, startedOn: dayFromToday(t, 0) }],
      ['PATCH', `/api/v1/enrolments/${enrolment.id}`, { version: 1, action: 'end', on: dayFromToday(t, 0) }],
    ] as const) {
      const { response, rows } = await s.socialWorker.audited(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(rows).toEqual([expect.objectContaining({ action: 'access_denied' })]);
    }
  });

  it('no input gives a server error (fuzz)', async () => {
    const enrolment = await enrol();
    await expectNoServerErrors(
      s.nurse,
      fc.oneof(
        oddBody(['interventionKey', 'organisationId', 'startedOn']).map((payload) => ({ method: 'POST' as const, url: `/api/v1/families/${familyId}/enrolments`, payload })),
        oddBody(['version', 'action', 'on', 'reason', 'explanation']).map((payload) => ({ method: 'PATCH' as const, url: `/api/v1/enrolments/${enrolment.id}`, payload })),
        fc.constant({ method: 'GET' as const, url: '/api/v1/interventions' }),
        fc.constant({ method: 'GET' as const, url: `/api/v1/families/${familyId}/enrolments` }),
      ),
    );
  });
});
