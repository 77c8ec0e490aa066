// SPDX-License-Identifier: EUPL-1.2
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleAuditWatermark } from '../../../../test/helpers/audit-sealing.js';
import { appendAuditEventAlone, verifyAuditChain } from '../../platform/audit/audit-log.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { auditRowsAfter, callerFor, lastAuditSequence, type Caller } from '../organisations/test-support.js';

let t: TestApp;
let platformAdmin: Caller;
let practiceAdmin: Caller;
let ids: Record<string, string>;

interface EventView {
  sequence: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
}

beforeAll(async () => {
  t = await createTestApp();
  ids = t.demo.organisationIds;
  platformAdmin = await callerFor(t, 'platformAdmin');
  practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
  // Some history: an edit by the practice admin, one by the platform admin, a refused attempt.
  await practiceAdmin.request('PATCH', `/api/v1/organisations/${ids.wieg}`, { identifier: '01230123' });
  await platformAdmin.request('PATCH', `/api/v1/organisations/${ids.jgz}`, { identifier: '04560456' });
  await practiceAdmin.request('PATCH', `/api/v1/organisations/${ids.jgz}`, { identifier: 'X' });
});
afterAll(() => t.close());

const search = async (caller: Caller, query = '') => {
  const response = await caller.request('GET', `/api/v1/audit-events${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: EventView[]; total: number; page: number; pageSize: number };
};

describe('audit log search', () => {
  it('shows the platform admin every event, newest first, with actor and organisation names', async () => {
    const page = await search(platformAdmin, '?pageSize=50');
    expect(page.total).toBeGreaterThanOrEqual(4);
    const sequences = page.items.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    const edit = page.items.find((event) => event.action === 'update' && event.objectId === ids.wieg);
    expect(edit).toMatchObject({
      actorId: practiceAdmin.session.personId,
      actorName: 'Ayşe Yılmaz',
      organisationId: ids.wieg,
      organisationName: 'Verloskundigenpraktijk De Wieg',
      role: 'organisation_admin',
      objectType: 'organisation',
      outcome: 'success',
      sourceIp: '127.0.0.1',
    });
    // The demo seed event has no actor.
    expect(page.items.find((event) => event.objectType === 'demo_seed')).toMatchObject({ actorId: null, actorName: null });
  });

  it('filters on action, object, actor, outcome and period', async () => {
    const denied = await search(platformAdmin, '?outcome=denied');
    expect(denied.items.length).toBeGreaterThanOrEqual(1);
    expect(denied.items.every((event) => event.outcome === 'denied' && event.action === 'access_denied')).toBe(true);
    const onJgz = await search(platformAdmin, `?objectId=${ids.jgz}&action=update`);
    expect(onJgz.items.map((event) => event.actorId)).toEqual([platformAdmin.session.personId]);
    const byActor = await search(platformAdmin, `?actorId=${practiceAdmin.session.personId}&objectType=organisation`);
    expect(byActor.items.length).toBe(2);
    expect(byActor.items.every((event) => event.actorId === practiceAdmin.session.personId)).toBe(true);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    const todayOnly = await search(platformAdmin, `?from=${today}&to=${today}`);
    expect(todayOnly.total).toBeGreaterThanOrEqual(4);
    const future = await search(platformAdmin, '?from=2999-01-01');
    expect(future.total).toBe(0);
    const past = await search(platformAdmin, '?to=2000-01-01');
    expect(past.total).toBe(0);
    const paged = await search(platformAdmin, '?pageSize=2&page=2');
    expect(paged).toMatchObject({ page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
  });

  it('rejects malformed filters with a Dutch 400', async () => {
    const reversed = await platformAdmin.request('GET', '/api/v1/audit-events?from=2026-02-01&to=2026-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([{ path: 'querystring.from', code: 'invalid', message: 'De begindatum ligt na de einddatum.' }]);
    for (const query of ['?from=gisteren', '?actorId=niet-een-uuid', '?outcome=misschien', '?pageSize=1000', '?page=0']) {
      const response = await platformAdmin.request('GET', `/api/v1/audit-events${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
  });

  it('shows an organisation admin only events recorded for the own organisation', async () => {
    // An event of another organisation that must stay out of sight.
    await appendAuditEventAlone(
      t.database.db,
      { organisationId: ids.jgz, action: 'read', outcome: 'success', objectType: 'person', objectId: 'elders' },
      t.clock.now(),
    );
    const page = await search(practiceAdmin, '?pageSize=200');
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items.every((event) => event.organisationId === ids.wieg)).toBe(true);
    expect(page.items.map((event) => event.objectId)).not.toContain('elders');
    // Filtering on something of another organisation finds nothing.
    const elsewhere = await search(practiceAdmin, `?objectId=${ids.jgz}&outcome=success`);
    expect(elsewhere.total).toBe(0);
  });

  it('refuses everyone else (403, with an access_denied audit row)', async () => {
    for (const [key, organisation] of [
      ['midwife', 'wieg'],
      ['coordinator', 'gemeente'],
      ['policyOfficer', 'gemeente'],
      ['analyst', 'kennis'],
    ] as const) {
      const caller = await callerFor(t, key, organisation);
      const { response, rows } = await caller.audited('GET', '/api/v1/audit-events');
      expect(response.statusCode, key).toBe(403);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: 'access_denied',
        objectType: 'audit_event',
        actorId: caller.session.personId,
        details: { attempted: 'list', reason: 'no_grant' },
      });
      const csv = await caller.audited('GET', '/api/v1/audit-events', undefined, { accept: 'text/csv' });
      expect(csv.response.statusCode).toBe(403);
      expect(csv.rows[0]).toMatchObject({ action: 'access_denied', details: { attempted: 'export', reason: 'no_grant' } });
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit-events' })).statusCode).toBe(401);
  });

  it('records every search of the audit log in the audit log itself', async () => {
    const { rows } = await practiceAdmin.audited('GET', '/api/v1/audit-events?action=update');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'search',
      objectType: 'audit_event',
      actorId: practiceAdmin.session.personId,
      organisationId: ids.wieg,
      role: 'organisation_admin',
      outcome: 'success',
      sourceIp: '127.0.0.1',
    });
    // Counts only, never the search terms.
    expect(Object.keys(rows[0]!.details ?? {}).sort()).toEqual(['resultCount', 'total']);
    const next = await search(practiceAdmin, '?objectType=audit_event&action=search&pageSize=1');
    expect(next.items[0]!.sequence).toBe(rows[0]!.sequence);
  });

  it('exports the matching events as a Dutch CSV, audited as an export', async () => {
    const before = await lastAuditSequence(t);
    const response = await platformAdmin.request('GET', `/api/v1/audit-events?objectId=${ids.wieg}&pageSize=1`, undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/filename="auditlog-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Volgnummer;Tijdstip;Medewerker-id;Medewerker;Namens (id);Organisatie-id;Organisatie;Rol;Handeling;Soort gegeven;Gegeven-id;Cliënt-id;Uitkomst;IP-adres;Browser;Reden',
    );
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.slice(1).every((line) => line.includes(`;${ids.wieg};`))).toBe(true);
    expect(lines.some((line) => line.includes(';Ayşe Yılmaz;'))).toBe(true);
    const rows = await auditRowsAfter(t, before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'export', objectType: 'audit_event', role: 'platform_admin' });
    expect(rows[0]!.details).toEqual({ rowCount: lines.length - 1, total: lines.length - 1 });
  });

  it('keeps the audit chain valid', async () => {
    // The app's sealer runs on a timer (off in tests): seal what is committed, then verify it all.
    await settleAuditWatermark(t.database.db);
    await t.app.auditSealer.runOnce();
    const verification = await verifyAuditChain(t.database.db);
    expect(verification.problems).toEqual([]);
    expect(verification.isValid).toBe(true);
  });
});
