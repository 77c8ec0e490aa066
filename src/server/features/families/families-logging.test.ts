// SPDX-License-Identifier: EUPL-1.2
// Client names, BSNs, dates of birth, search terms, family ids and emergency reasons never reach the
// application logs (the audit log is where accesses are recorded).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor } from '../organisations/test-support.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logStream: { write: (line) => void lines.push(line) } });
});
afterAll(() => t.close());

it('logs no personal data while registering, searching, failing, exporting and breaking the glass', async () => {
  const midwife = await callerFor(t, 'midwife', 'wieg');
  const registered = await midwife.request('POST', '/api/v1/families', {
    client: { givenName: 'Geheimvoornaam', familyName: 'Verborgenachternaam', birthDate: '1994-08-17', bsn: '123456782' },
    postcode: '3311 AB',
    municipalityCode: 'GM0505',
    contact: { channel: 'email', email: 'client.geheim@example.org' },
  });
  expect(registered.statusCode).toBe(201);
  const id = registered.json().id as string;
  const search = await midwife.request('POST', '/api/v1/families/search', { q: 'Verborgenachternaam', bsn: '123456782', birthDate: '1994-08-17' });
  expect(search.json().items).toHaveLength(1);
  // The refused GET form: the BSN was in its URL, and is still in no log line.
  expect((await midwife.request('GET', '/api/v1/families?q=Verborgenachternaam&bsn=123456782&birthDate=1994-08-17')).json().code).toBe('bsn_in_url');
  await midwife.request('GET', '/api/v1/families?q=Verborgenachternaam', undefined, { accept: 'text/csv' });
  await midwife.request('GET', `/api/v1/families/${id}`);
  await midwife.request('POST', '/api/v1/families', { client: { givenName: 'Geheimvoornaam', familyName: 'X', birthDate: '1994-08-17', bsn: '999999999' } });
  const worker = await callerFor(t, 'socialWorker');
  await worker.request('GET', `/api/v1/families/${id}`);
  await worker.request('POST', '/api/v1/emergency-access', { bsn: '123456782', reason: 'Geheimereden: cliënte in acute nood bij het wijkteam.' });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  for (const secret of ['Geheimvoornaam', 'Verborgenachternaam', '123456782', '999999999', '1994-08-17', 'client.geheim', 'Geheimereden', id]) {
    expect(log).not.toContain(secret);
  }
});

it('logs no personal data when the database refuses a write (driver errors carry the bound values)', async () => {
  // Force failures the way a broken migration or an unforeseen constraint would: PostgreSQL then
  // reports the failing row (detail), the driver the query parameters, Drizzle both in its message.
  await t.database.db.execute(sql.raw(`alter table families add constraint test_refuse_contact check (coalesce(email, '') <> 'faal.contact@example.org')`));
  await t.database.db.execute(sql.raw(`alter table family_members add constraint test_refuse_member check (given_name <> 'Faalvoornaam')`));
  const midwife = await callerFor(t, 'midwife', 'wieg');
  const before = lines.length;
  const refusedFamily = await midwife.request('POST', '/api/v1/families', {
    client: { givenName: 'Anderevoornaam', familyName: 'Faalfamilienaam', birthDate: '1991-03-09', bsn: '111222333' },
    postcode: '3312 CD',
    municipalityCode: 'GM0505',
    contact: { channel: 'phone', phone: '0612345678', email: 'faal.contact@example.org' },
  });
  const refusedMember = await midwife.request('POST', '/api/v1/families', {
    client: { givenName: 'Faalvoornaam', familyName: 'Faalachternaam', birthDate: '1990-11-23', bsn: '234567806' },
    postcode: '3313 EF',
    municipalityCode: 'GM0505',
    contact: { channel: 'email', email: 'faal.lid@example.org' },
  });
  expect(refusedFamily.statusCode).toBe(500);
  expect(refusedMember.statusCode).toBe(500);

  const failures = lines.slice(before).filter((line) => line.includes('unexpected error'));
  expect(failures).toHaveLength(2);
  const log = lines.slice(before).join('');
  for (const secret of [
    'Anderevoornaam', 'Faalfamilienaam', '1991-03-09', '111222333', '3312 CD', '3312CD', '0612345678', 'faal.contact',
    'Faalvoornaam', 'Faalachternaam', '1990-11-23', '234567806', '3313 EF', '3313EF', 'faal.lid',
  ]) {
    expect(log).not.toContain(secret);
  }
  // What remains is enough to find the cause: the SQLSTATE and the constraint.
  expect(failures[0]).toContain('"code":"23514"');
  expect(failures[0]).toContain('test_refuse_contact');
  expect(failures[1]).toContain('test_refuse_member');
});
