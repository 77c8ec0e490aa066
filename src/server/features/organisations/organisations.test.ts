// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleAuditWatermark } from '../../../../test/helpers/audit-sealing.js';
import { verifyAuditChain } from '../../platform/audit/audit-log.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, lastAuditSequence, auditRowsAfter, type Caller } from './test-support.js';

let t: TestApp;
let platformAdmin: Caller;
let practiceAdmin: Caller;
let midwife: Caller;
let analyst: Caller;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ids = t.demo.organisationIds;
  platformAdmin = await callerFor(t, 'platformAdmin');
  practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
  midwife = await callerFor(t, 'midwife', 'wieg');
  analyst = await callerFor(t, 'analyst');
});
afterAll(() => t.close());

describe('organisations: platform admin', () => {
  it('creates an organisation with its service area, leaving exactly one audit row', async () => {
    const { response, rows } = await platformAdmin.audited('POST', '/api/v1/organisations', {
      name: '  Kraamzorg Drechtsteden  ',
      type: 'kraamzorg',
      identifier: '12345678',
      municipalityCodes: ['GM0505', 'GM0482', 'GM0505'],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: 'Kraamzorg Drechtsteden',
      type: 'kraamzorg',
      identifier: '12345678',
      isActive: true,
      municipalityCodes: ['GM0482', 'GM0505'],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: platformAdmin.session.personId,
      organisationId: ids.platform,
      role: 'platform_admin',
      action: 'create',
      outcome: 'success',
      objectType: 'organisation',
      objectId: created.id,
      sourceIp: '127.0.0.1',
    });
    const fetched = await platformAdmin.request('GET', `/api/v1/organisations/${created.id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(created);
  });

  it('lists, searches and filters organisations, paged', async () => {
    const all = (await platformAdmin.request('GET', '/api/v1/organisations?pageSize=3')).json();
    expect(all.items).toHaveLength(3);
    expect(all).toMatchObject({ page: 1, pageSize: 3 });
    expect(all.total).toBeGreaterThanOrEqual(8);
    const second = (await platformAdmin.request('GET', '/api/v1/organisations?pageSize=3&page=2')).json();
    expect(second.items.map((o: { id: string }) => o.id)).not.toContain(all.items[0].id);

    const byName = (await platformAdmin.request('GET', '/api/v1/organisations?q=wieg')).json();
    expect(byName.items.map((o: { id: string }) => o.id)).toEqual([ids.wieg]);
    const byType = (await platformAdmin.request('GET', '/api/v1/organisations?type=verloskundigenpraktijk')).json();
    expect(byType.items.map((o: { id: string }) => o.id).sort()).toEqual([ids.wieg, ids.domstad].sort());
    const utrecht = (await platformAdmin.request('GET', '/api/v1/organisations?municipalityCode=GM0344')).json();
    expect(utrecht.items.map((o: { id: string }) => o.id)).toEqual([ids.domstad]);
    const literal = (await platformAdmin.request('GET', '/api/v1/organisations?q=%25')).json();
    expect(literal.total).toBe(0);
  });

  it('renames, reclassifies, deactivates and reactivates; a repeated PATCH is harmless', async () => {
    const created = (
      await platformAdmin.request('POST', '/api/v1/organisations', { name: 'Welzijn Zwijndrecht', type: 'welzijn' })
    ).json();
    const url = `/api/v1/organisations/${created.id}`;
    const patch = { name: 'Welzijn Zwijndrecht e.o.', type: 'schuldhulpverlening', municipalityCodes: ['GM0642'] };
    const first = await platformAdmin.audited('PATCH', url, patch);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json()).toMatchObject({ ...patch, identifier: null });
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({ action: 'update', objectId: created.id, role: 'platform_admin' });
    expect(first.rows[0]!.details).toEqual({ changes: ['type', 'name', 'municipalityCodes'] });

    const again = await platformAdmin.audited('PATCH', url, patch);
    expect(again.response.statusCode).toBe(200);
    expect(again.response.json()).toEqual(first.response.json());
    expect(again.rows[0]!.details).toEqual({ changes: [] });

    const deactivated = await platformAdmin.audited('PATCH', url, { isActive: false });
    expect(deactivated.response.json().isActive).toBe(false);
    expect(deactivated.rows).toHaveLength(1);
    const listed = (await platformAdmin.request('GET', '/api/v1/organisations?q=Zwijndrecht')).json();
    expect(listed.total).toBe(0);
    const withInactive = (await platformAdmin.request('GET', '/api/v1/organisations?q=Zwijndrecht&includeInactive=true')).json();
    expect(withInactive.total).toBe(1);
    const reactivated = await platformAdmin.request('PATCH', url, { isActive: true });
    expect(reactivated.json().isActive).toBe(true);
  });
});

describe('organisations: bad input', () => {
  it('refuses an unknown municipality code with a Dutch message and changes nothing', async () => {
    const before = (await platformAdmin.request('GET', '/api/v1/organisations?includeInactive=true')).json().total;
    const response = await platformAdmin.request('POST', '/api/v1/organisations', {
      name: 'Nergenshuizen',
      type: 'ggd',
      municipalityCodes: ['GM0505', 'GM9999'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'body.municipalityCodes.1', message: 'Onbekende gemeentecode: GM9999.' }],
    });
    const after = (await platformAdmin.request('GET', '/api/v1/organisations?includeInactive=true')).json().total;
    expect(after).toBe(before);

    const patch = await practiceAdmin.request('PATCH', `/api/v1/organisations/${ids.wieg}`, {
      name: 'Moet niet blijven',
      municipalityCodes: ['GM0001'],
    });
    expect(patch.statusCode).toBe(400);
    const wieg = (await practiceAdmin.request('GET', `/api/v1/organisations/${ids.wieg}`)).json();
    expect(wieg.name).toBe('Verloskundigenpraktijk De Wieg');
    expect(wieg.municipalityCodes).toEqual(['GM0505', 'GM0642']);
  });

  it('answers 400 on malformed ids, codes, types and bodies, 404 on unknown ids — never a 500', async () => {
    const invalid = await platformAdmin.request('GET', '/api/v1/organisations/not-a-uuid');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('validation_failed');
    expect((await platformAdmin.request('PATCH', '/api/v1/organisations/123', { name: 'x' })).statusCode).toBe(400);
    const unknown = await platformAdmin.request('GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((await platformAdmin.request('POST', '/api/v1/organisations', { name: 'X', type: 'bakkerij' })).statusCode).toBe(400);
    expect((await platformAdmin.request('POST', '/api/v1/organisations', { name: '', type: 'ggd' })).statusCode).toBe(400);
    const badCode = await platformAdmin.request('POST', '/api/v1/organisations', { name: 'X', type: 'ggd', municipalityCodes: ['Dordrecht'] });
    expect(badCode.statusCode).toBe(400);
    const brokenJson = await platformAdmin.request('POST', '/api/v1/organisations', '{"name":', { 'content-type': 'application/json' });
    expect(brokenJson.statusCode).toBe(400);
    const wrongType = await platformAdmin.request('POST', '/api/v1/organisations', '<name>X</name>', { 'content-type': 'application/xml' });
    expect(wrongType.statusCode).toBe(415);
    expect((await platformAdmin.request('GET', '/api/v1/organisations?type=bakkerij')).statusCode).toBe(400);
  });
});

describe('organisations: access', () => {
  it('lets an organisation admin edit the own organisation, but not its type or status', async () => {
    const url = `/api/v1/organisations/${ids.wieg}`;
    const edit = await practiceAdmin.audited('PATCH', url, { identifier: '01234567', agbCode: '11223344', uraCode: '55667788', municipalityCodes: ['GM0505', 'GM0590'] });
    expect(edit.response.statusCode).toBe(200);
    expect(edit.response.json()).toMatchObject({ identifier: '01234567', agbCode: '11223344', uraCode: '55667788', municipalityCodes: ['GM0505', 'GM0590'] });
    expect(edit.rows).toHaveLength(1);
    expect(edit.rows[0]).toMatchObject({ role: 'organisation_admin', organisationId: ids.wieg, action: 'update', objectId: ids.wieg });

    for (const forbidden of [{ type: 'ziekenhuis' }, { isActive: false }]) {
      const { response, rows } = await practiceAdmin.audited('PATCH', url, { name: 'Niet doen', ...forbidden });
      expect(response.statusCode).toBe(403);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'access_denied', outcome: 'denied', objectType: 'organisation', objectId: ids.wieg });
    }
    const wieg = (await practiceAdmin.request('GET', url)).json();
    expect(wieg).toMatchObject({ name: 'Verloskundigenpraktijk De Wieg', type: 'verloskundigenpraktijk', isActive: true });
  });

  it('refuses an organisation admin another organisation, with an access_denied audit row', async () => {
    const { response, rows } = await practiceAdmin.audited('PATCH', `/api/v1/organisations/${ids.domstad}`, { name: 'Overgenomen' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: practiceAdmin.session.personId,
      organisationId: ids.wieg,
      action: 'access_denied',
      outcome: 'denied',
      objectType: 'organisation',
      objectId: ids.domstad,
      sourceIp: '127.0.0.1',
    });
    expect(rows[0]!.details).toEqual({ attempted: 'update', reason: 'other_organisation' });
    const create = await practiceAdmin.audited('POST', '/api/v1/organisations', { name: 'Eigen clubje', type: 'welzijn' });
    expect(create.response.statusCode).toBe(403);
    expect(create.rows[0]).toMatchObject({ action: 'access_denied' });
  });

  it('lets every logged-in role look organisations up, but only admins change them', async () => {
    expect((await midwife.request('GET', '/api/v1/organisations')).statusCode).toBe(200);
    expect((await analyst.request('GET', `/api/v1/organisations/${ids.jgz}`)).statusCode).toBe(200);
    expect((await midwife.request('PATCH', `/api/v1/organisations/${ids.wieg}`, { name: 'X' })).statusCode).toBe(403);
    expect((await analyst.request('POST', '/api/v1/organisations', { name: 'X', type: 'ggd' })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/organisations' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('organisations: CSV export', () => {
  it('exports every matching organisation as a Dutch CSV, audited as an export', async () => {
    const before = await lastAuditSequence(t);
    const response = await midwife.request('GET', '/api/v1/organisations?type=verloskundigenpraktijk&pageSize=1', undefined, {
      accept: 'text/csv',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="organisaties-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id;Naam;Soort;AGB-code;URA;Ander kenmerk;Actief;Gemeenten;Aangemaakt op;Gewijzigd op');
    // Both practices, not just one page.
    expect(lines).toHaveLength(3);
    const line = (id: string) => lines.find((candidate) => candidate.startsWith(`${id};`));
    expect(line(ids.domstad!)).toMatch(/;Verloskundigenpraktijk Domstad;Verloskundigenpraktijk;;;;ja;GM0344;\d{4}-\d{2}-\d{2}T/);
    expect(line(ids.wieg!)).toContain(';Verloskundigenpraktijk De Wieg;Verloskundigenpraktijk;11223344;55667788;01234567;ja;GM0505, GM0590;');
    const rows = await auditRowsAfter(t, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'export', objectType: 'organisation', role: 'professional', actorId: midwife.session.personId });
    expect(rows[0]!.details).toEqual({ rowCount: 2, total: 2 });
  });

  it('keeps the audit chain valid after all of the above', async () => {
    // The app's sealer runs on a timer (off in tests): seal what is committed, then verify it all.
    await settleAuditWatermark(t.database.db);
    await t.app.auditSealer.runOnce();
    const verification = await verifyAuditChain(t.database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.isValid).toBe(true);
  });
});
