// SPDX-License-Identifier: EUPL-1.2
// The platform admin's mail page against a real SMTP server in this process: a mail the server keeps
// refusing ends on the dead-letter list, listed with its state and error code, the address masked and
// no content; "opnieuw versturen" makes it due again (asking twice changes nothing) and it goes out on
// the next pass; every look and every retry is audited. In the development mode (mails in a folder) a
// sent mail's subject and text can be shown; with SMTP there is nothing to show.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { smtpEnv, startSmtp, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { MailOutboxItem, MailOutboxPage } from '../../../contracts/mail-admin.js';
import { enqueueMail } from '../../platform/mail/enqueue-mail.js';
import { MAIL_RETRY_DELAYS_MS, MAX_MAIL_ATTEMPTS } from '../../platform/mail/deliver-mail.js';
import { callerFor, type Caller } from '../organisations/test-support.js';

const ADDRESS = 'jansen.intake@jgz.example.nl';

describe('the outbox with SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: Caller;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ env: smtpEnv(smtp), mailIntervalMs: null });
    admin = await callerFor(t, 'platformAdmin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const list = async (query = '') => {
    const response = await admin.request('GET', `/api/v1/mail-outbox${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<MailOutboxPage>();
  };

  it('lists a dead letter with its state and error, masked, and sends it after "opnieuw versturen" — once', async () => {
    smtp.setRefusing(true);
    await enqueueMail(t.database.db, { template: 'newReferral', toAddress: ADDRESS, linkPath: '/verwijzingen/7d3c', dedupeKey: 'admin-test:1' }, t.clock.now());
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
      await t.app.mail.runOnce();
      t.clock.advance(MAIL_RETRY_DELAYS_MS[attempt - 1] ?? 0);
    }
    // Hours went by: a new session.
    admin = await callerFor(t, 'platformAdmin');
    const { response, rows } = await admin.audited('GET', '/api/v1/mail-outbox?status=dead');
    expect(response.statusCode).toBe(200);
    const dead = response.json<MailOutboxPage>();
    expect(dead.total).toBe(1);
    expect(dead.canPreview).toBe(false);
    const [item] = dead.items;
    expect(item).toMatchObject({ template: 'newReferral', status: 'dead', recipient: 'j***@jgz.example.nl', attempts: MAX_MAIL_ATTEMPTS, lastError: 'EENVELOPE 550', nextAttemptAt: null, sentAt: null });
    // Never the address or the link in the list or its audit row.
    expect(response.body).not.toContain(ADDRESS);
    expect(response.body).not.toContain('/verwijzingen/7d3c');
    expect(rows).toEqual([expect.objectContaining({ action: 'search', outcome: 'success', objectType: 'mail', details: expect.objectContaining({ count: 1, status: 'dead' }) })]);
    expect(JSON.stringify(rows)).not.toContain(ADDRESS);
    expect((await list('?status=pending')).total).toBe(0);

    smtp.setRefusing(false);
    const retried = await admin.audited('POST', `/api/v1/mail-outbox/${item!.id}/retry`, {});
    expect(retried.response.statusCode, retried.response.body).toBe(200);
    const pending = retried.response.json<MailOutboxItem>();
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
    expect(Date.parse(pending.nextAttemptAt!)).toBeLessThanOrEqual(t.clock.now().getTime());
    expect(retried.rows).toEqual([expect.objectContaining({ action: 'update', objectType: 'mail', objectId: item!.id, details: expect.objectContaining({ change: 'retry', isRetried: true }) })]);
    // Asking again changes nothing (and says so in the audit row).
    const again = await admin.audited('POST', `/api/v1/mail-outbox/${item!.id}/retry`, {});
    expect(again.response.json<MailOutboxItem>()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(again.rows[0]!.details).toMatchObject({ isRetried: false });

    expect(await t.app.mail.runOnce()).toEqual({ attempted: 1, sent: 1 });
    expect(smtp.received.filter((mail) => mail.to.includes(ADDRESS))).toHaveLength(1);
    const sent = await list('?status=sent');
    expect(sent.items.find((mail) => mail.id === item!.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(sent.items.find((mail) => mail.id === item!.id)!.sentAt).not.toBeNull();
    // A sent mail is not sent again by a late retry.
    expect((await admin.request('POST', `/api/v1/mail-outbox/${item!.id}/retry`, {})).json<MailOutboxItem>().status).toBe('sent');
    expect(await t.app.mail.runOnce()).toEqual({ attempted: 0, sent: 0 });
  });

  it('has nothing to show of a mail with SMTP (404), and 404 for a mail that does not exist', async () => {
    const [mail] = (await list()).items;
    expect((await admin.request('GET', `/api/v1/mail-outbox/${mail!.id}/preview`)).statusCode).toBe(404);
    expect((await admin.request('POST', '/api/v1/mail-outbox/00000000-0000-4000-8000-000000000000/retry', {})).statusCode).toBe(404);
  });

  it('refuses everyone but the platform admin, audited', async () => {
    const organisationAdmin = await callerFor(t, 'practiceAdmin');
    const { response, rows } = await organisationAdmin.audited('GET', '/api/v1/mail-outbox');
    expect(response.statusCode).toBe(403);
    expect(rows).toEqual([expect.objectContaining({ action: 'access_denied', objectType: 'mail' })]);
  });

  it('pages and filters with clear Dutch errors for a wrong state', async () => {
    const response = await admin.request('GET', '/api/v1/mail-outbox?status=queued');
    expect(response.statusCode).toBe(400);
    expect(response.json<{ title: string }>().title).toBeTruthy();
    expect((await list('?page=2&pageSize=1')).items).toHaveLength(0);
  });
});

describe('the outbox in the development mode (a folder)', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-mail-admin-'));
    t = await createTestApp({ env: { MAIL_DEV_FOLDER: folder }, mailIntervalMs: null });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows a sent mail’s subject and text, audited as a read; nothing for a mail not yet sent', async () => {
    const admin = await callerFor(t, 'platformAdmin');
    await enqueueMail(t.database.db, { template: 'serviceVerification', toAddress: ADDRESS, linkPath: '/sociale-kaart/te-bevestigen' }, t.clock.now());
    const page = (await admin.request('GET', '/api/v1/mail-outbox')).json<MailOutboxPage>();
    expect(page.canPreview).toBe(true);
    const id = page.items[0]!.id;
    expect((await admin.request('GET', `/api/v1/mail-outbox/${id}/preview`)).statusCode).toBe(404);
    await t.app.mail.runOnce();
    const { response, rows } = await admin.audited('GET', `/api/v1/mail-outbox/${id}/preview`);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<{ subject: string; text: string }>();
    expect(preview.subject).toBe(nl.mail.serviceVerificationSubject);
    expect(preview.text).toContain(`${t.config.publicUrl.replace(/\/$/, '')}/sociale-kaart/te-bevestigen`);
    expect(response.body).not.toContain(ADDRESS);
    expect(rows).toEqual([expect.objectContaining({ action: 'read', objectType: 'mail', objectId: id })]);
  });
});
