// SPDX-License-Identifier: EUPL-1.2
// Staff names, e-mail addresses, search terms and invitation tokens never reach the logs.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor } from './test-support.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logStream: { write: (line) => void lines.push(line) } });
});
afterAll(() => t.close());

it('logs no personal data while inviting, searching, failing and exporting', async () => {
  const admin = await callerFor(t, 'platformAdmin');
  const created = await admin.request('POST', '/api/v1/people', {
    name: 'Geheime Naam',
    email: 'geheim.adres@example.org',
    memberships: [{ organisationId: t.demo.organisationIds.jgz, roles: ['professional'] }],
  });
  expect(created.statusCode).toBe(201);
  const token = created.json().invitation.invitationUrl.split('/uitnodiging/')[1];
  const id = created.json().person.id;
  await admin.request('GET', '/api/v1/people?q=Geheime');
  await admin.request('GET', '/api/v1/people?q=geheim.adres', undefined, { accept: 'text/csv' });
  await admin.request('PATCH', `/api/v1/people/${id}`, { email: 'verloskundige@kansrijk.demo' });
  await admin.request('POST', '/api/v1/people', { name: 'Geheime Naam', email: 'geheim.adres@example.org', memberships: [] });
  await admin.request('POST', `/api/v1/people/${id}/invitations`);
  const practiceAdmin = await callerFor(t, 'practiceAdmin', 'wieg');
  await practiceAdmin.request('GET', `/api/v1/people/${id}`);

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(5);
  for (const secret of ['Geheime', 'geheim.adres', 'verloskundige@', token, id]) expect(log).not.toContain(secret);
});
