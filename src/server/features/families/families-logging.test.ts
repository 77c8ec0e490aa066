// SPDX-License-Identifier: EUPL-1.2
// Client names, BSNs, dates of birth, search terms, family ids and emergency reasons never reach the
// application logs (the audit log is where accesses are recorded).
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
  await midwife.request('GET', '/api/v1/families?q=Verborgenachternaam&bsn=123456782&birthDate=1994-08-17');
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
