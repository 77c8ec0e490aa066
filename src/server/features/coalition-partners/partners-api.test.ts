// SPDX-License-Identifier: EUPL-1.2
// A coalition's partners over HTTP: the coordinator adds (platform, external, wanted), edits and ends
// them; a repeated submit makes no second; everyone logged in reads (and exports); a coordinator of
// another coalition, a policy officer and an analyst may not edit; bad input is refused in Dutch and
// nothing is saved; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import type { Partner, PartnerList } from '../../../contracts/coalition-partners.js';
import { eq } from 'drizzle-orm';
import { coalitionPartners } from './schema.js';
import { DEMO_PARTNERS } from '../../demo/seed-demo-workspace.js';

let t: TestApp;
let coordinator: Caller;
let policyOfficer: Caller;
let analyst: Caller;
let admin: Caller;
const url = (code = 'KS0001') => `/api/v1/coalitions/${code}/partners`;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator');
  policyOfficer = await callerFor(t, 'policyOfficer');
  analyst = await callerFor(t, 'analyst');
  admin = await callerFor(t, 'platformAdmin');
});
afterAll(() => t.close());

async function partnerCount(): Promise<number> {
  return (await t.database.db.select().from(coalitionPartners)).length;
}

describe('partners of a coalition', () => {
  let jgz: Partner;
  it('the coordinator adds a platform organisation, an expert by experience and a wanted GP; all audited', async () => {
    const added = await coordinator.audited('POST', url(), {
      organisationId: t.demo.organisationIds.jgz,
      domain: 'medical',
      level: 'uitvoerend',
      role: 'Prenataal huisbezoek',
      since: '2021-03-01',
      contactName: 'Joke Jansen',
      contactEmail: 'Joke@JGZ.example',
    });
    expect(added.response.statusCode, added.response.body).toBe(201);
    jgz = added.response.json<Partner>();
    expect(jgz).toMatchObject({ name: 'JGZ Zuid-Holland Zuid', domain: 'medical', isCurrent: true, contactEmail: 'joke@jgz.example', allowedActions: ['update'] });
    expect(added.rows).toHaveLength(1);
    expect(added.rows[0]).toMatchObject({ action: 'update', objectType: 'coalition_partner', objectId: jgz.id, outcome: 'success' });
    expect(added.rows[0]!.details).toMatchObject({ change: 'create', domain: 'medical' });

    const expert = await coordinator.request('POST', url(), { externalName: 'Ervaringsdeskundigen Drechtsteden', domain: 'experts_by_experience', level: 'uitvoerend' });
    expect(expert.statusCode, expert.body).toBe(201);
    const gp = await coordinator.request('POST', url(), { externalName: 'Huisartsen Dordrecht', domain: 'medical', level: 'uitvoerend', isWanted: true });
    expect(gp.statusCode, gp.body).toBe(201);
    expect(gp.json<Partner>()).toMatchObject({ isWanted: true, isCurrent: false });
  });

  it('a repeated submit returns the partner made before (200), not a second', async () => {
    const before = await partnerCount();
    const again = await coordinator.request('POST', url(), { externalName: 'ervaringsdeskundigen drechtsteden', domain: 'experts_by_experience', level: 'uitvoerend' });
    expect(again.statusCode).toBe(200);
    expect(await partnerCount()).toBe(before);
    // The same organisation at another level is a partner of its own (seed 001 stap 2).
    const governance = await coordinator.request('POST', url(), { externalName: 'Ervaringsdeskundigen Drechtsteden', domain: 'experts_by_experience', level: 'bestuurlijk' });
    expect(governance.statusCode).toBe(201);
    await t.database.db.delete(coalitionPartners).where(eq(coalitionPartners.id, governance.json<Partner>().id));
  });

  it('everyone logged in reads the list (with contacts) and exports it as CSV', async () => {
    for (const caller of [policyOfficer, analyst, await callerFor(t, 'midwife')]) {
      const response = await caller.request('GET', url());
      expect(response.statusCode).toBe(200);
      const list = response.json<PartnerList>();
      expect(list.coalition).toEqual({ code: 'KS0001', name: 'Coalitie Kansrijke Start Drechtsteden' });
      // The three added above, and the demo seed's partners of Drechtsteden.
      expect(list.items).toHaveLength(3 + DEMO_PARTNERS.length);
      expect(list.allowedActions).toEqual([]);
      expect(list.items.every((item) => item.allowedActions.length === 0)).toBe(true);
    }
    const csv = await analyst.audited('GET', url(), undefined, { accept: 'text/csv' });
    expect(csv.response.statusCode).toBe(200);
    expect(csv.response.headers['content-disposition']).toMatch(/attachment; filename="partners-KS0001-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.response.body).toContain('Organisatie;Soort;Domein;Niveau;Rol;Sinds;Tot;Gewenst;Contactpersoon;E-mail contactpersoon');
    expect(csv.response.body).toContain('Huisartsen Dordrecht;Externe organisatie;Medisch domein;Uitvoerend;;;;ja');
    expect(csv.rows[0]).toMatchObject({ action: 'export', objectType: 'coalition_partner' });
  });

  it('the coordinator edits and ends a partner; only changed fields are named in the audit row', async () => {
    const body = { organisationId: jgz.organisationId, domain: 'medical', level: 'beleidsmatig', role: 'Prenataal huisbezoek', since: '2021-03-01', until: '2024-12-31', contactName: 'Joke Jansen', contactEmail: 'joke@jgz.example' };
    const edited = await coordinator.audited('PUT', `${url()}/${jgz.id}`, body);
    expect(edited.response.statusCode, edited.response.body).toBe(200);
    expect(edited.response.json<Partner>()).toMatchObject({ level: 'beleidsmatig', until: '2024-12-31', isCurrent: false });
    expect(edited.rows[0]!.details).toEqual({ changes: ['level', 'until'] });
  });

  it('a coordinator of another coalition, a policy officer and an analyst may not add or edit (refusal audited)', async () => {
    const body = { externalName: 'Welzijn Dordrecht', domain: 'social', level: 'uitvoerend' };
    const other = await coordinator.audited('POST', url('KS0002'), body);
    expect(other.response.statusCode).toBe(403);
    expect(other.rows[0]).toMatchObject({ action: 'access_denied', outcome: 'denied', objectType: 'coalition' });
    for (const caller of [policyOfficer, analyst]) expect((await caller.request('POST', url(), body)).statusCode).toBe(403);
    expect((await policyOfficer.request('PUT', `${url()}/${jgz.id}`, { ...body })).statusCode).toBe(403);
    // The platform admin may.
    expect((await admin.request('POST', url('KS0002'), body)).statusCode).toBe(201);
  });

  it('an unknown coalition or partner is not found; a partner of another coalition is not found under this one', async () => {
    expect((await coordinator.request('GET', url('KS9999'))).statusCode).toBe(404);
    const [otherPartner] = (await admin.request('GET', url('KS0002'))).json<PartnerList>().items;
    expect((await coordinator.request('PUT', `${url()}/${otherPartner!.id}`, { externalName: 'X', domain: 'social', level: 'uitvoerend' })).statusCode).toBe(404);
  });

  it('bad input: a Dutch message at the field and nothing saved', async () => {
    const before = await partnerCount();
    const cases: [unknown, string, RegExp][] = [
      [{ organisationId: t.demo.organisationIds.jgz, externalName: 'Ook extern', domain: 'medical', level: 'uitvoerend' }, 'organisationId', /één van beide/],
      [{ domain: 'medical', level: 'uitvoerend' }, 'organisationId', /één van beide/],
      [{ externalName: 'X', domain: 'medisch', level: 'uitvoerend' }, 'domain', /Kies een domein/],
      [{ externalName: 'X', domain: 'medical', level: 'top' }, 'level', /Kies een niveau/],
      [{ externalName: 'X', domain: 'medical', level: 'uitvoerend', since: '2024-01-01', until: '2023-01-01' }, 'until', /vóór de begindatum/],
      [{ externalName: 'X', domain: 'medical', level: 'uitvoerend', since: '2024-02-30' }, 'since', /geldige datum/],
      [{ externalName: 'X', domain: 'medical', level: 'uitvoerend', contactEmail: 'geen-adres' }, 'contactEmail', /e-mailadres/],
      [{ externalName: 'X', domain: 'medical', level: 'uitvoerend', isWanted: true, until: '2030-01-01' }, 'until', /gewenste partner/],
      [{ organisationId: '00000000-0000-4000-8000-000000000000', domain: 'medical', level: 'uitvoerend' }, 'organisationId', /bestaat niet/],
    ];
    for (const [body, field, message] of cases) {
      const response = await coordinator.request('POST', url(), body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const problem = response.json<{ code: string; errors: { path: string; message: string }[] }>();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.find((error) => error.path.endsWith(field))?.message, JSON.stringify(problem)).toMatch(message);
    }
    expect(await partnerCount()).toBe(before);
  });
});
