// SPDX-License-Identifier: EUPL-1.2
// Outgoing mail against a real SMTP server in this process (smtp-server) and a real database: a queued
// mail goes out with the catalogue's subject and the link; a server that refuses, and one that never
// answers, only delay it — retried with back-off, then on the dead-letter list after the last attempt;
// when the server is back the mail goes out; every attempt is audited without the content or the
// address; the same event twice queues one mail; the development folder gets an .eml file.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database.js';
import { startSmtp, type TestSmtpServer } from '../../../../test/helpers/smtp-server.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AdjustableClock } from '../clock.js';
import type { Database } from '../db/connection.js';
import { auditLog } from '../audit/schema.js';
import { deliverDueMail, MAIL_RETRY_DELAYS_MS, MAX_MAIL_ATTEMPTS } from './deliver-mail.js';
import { enqueueMail } from './enqueue-mail.js';
import { folderTransport, smtpTransport, type MailTransport } from './mail-transport.js';
import { mailOutbox } from './schema.js';

const PUBLIC_URL = 'https://kansrijk.example.nl';
let database: Database;
let clock: AdjustableClock;
let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtp();
  transport = smtpTransport({ host: '127.0.0.1', port: smtp.port, tls: 'none', from: 'Kansrijk <noreply@kansrijk.example.nl>', timeoutMs: 2_000 });
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await database?.close();
});
beforeEach(async () => {
  clock = new AdjustableClock();
  smtp.received.length = 0;
  smtp.setRefusing(false);
  await database.db.delete(mailOutbox);
});

const deliver = (via: MailTransport = transport) => deliverDueMail({ db: database.db, clock, transport: via, publicUrl: PUBLIC_URL });
const queue = (overrides: Partial<Parameters<typeof enqueueMail>[1]> = {}) =>
  enqueueMail(database.db, { template: 'newReferral', toAddress: 'intake@jgz.example.nl', linkPath: '/verwijzingen/7d3c', ...overrides }, clock.now());
const onlyMail = async () => (await database.db.select().from(mailOutbox))[0]!;
const mailAudit = async () =>
  database.db.select().from(auditLog).where(eq(auditLog.objectType, 'mail')).orderBy(desc(auditLog.sequence)).limit(1);

describe('sending from the outbox', () => {
  it('sends a queued mail with the catalogue’s subject and the link behind login, and audits it without content or address', async () => {
    await queue({ toPersonId: '0b7c1e4a-3f1d-4c2a-9f51-2d5c7e8a9b10' });
    expect(await deliver()).toEqual({ attempted: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['intake@jgz.example.nl']);
    expect(mail!.raw).toContain(`Subject: ${nl.mail.newReferralSubject}`);
    expect(mail!.raw).toContain(`${PUBLIC_URL}/verwijzingen/7d3c`);
    expect(await onlyMail()).toMatchObject({ status: 'sent', attempts: 1, lastError: null, linkPath: null });
    const [row] = await mailAudit();
    expect(row).toMatchObject({ action: 'notify', outcome: 'success', actorId: null, role: 'system' });
    expect(row!.details).toEqual({ template: 'newReferral', recipient: 'person', personId: '0b7c1e4a-3f1d-4c2a-9f51-2d5c7e8a9b10', attempt: 1 });
    expect(JSON.stringify(row)).not.toContain('intake@jgz.example.nl');
    // Sent once: another pass sends nothing.
    expect(await deliver()).toEqual({ attempted: 0, sent: 0 });
  });

  it('queues one mail for the same event twice', async () => {
    await queue({ dedupeKey: 'referral-created:7d3c' });
    await queue({ dedupeKey: 'referral-created:7d3c' });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(1);
  });

  it('retries a refused mail with back-off, puts it on the dead-letter list after the last attempt, and audits each attempt', async () => {
    smtp.setRefusing(true);
    await queue();
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt += 1) {
      expect(await deliver(), `attempt ${attempt}`).toEqual({ attempted: 1, sent: 0 });
      const mail = await onlyMail();
      expect(mail.lastError).toBe('EENVELOPE 550');
      expect(mail.attempts).toBe(attempt);
      const [row] = await mailAudit();
      expect(row).toMatchObject({ outcome: 'failure', details: { template: 'newReferral', recipient: 'functional_address', attempt, error: 'EENVELOPE 550' } });
      if (attempt < MAX_MAIL_ATTEMPTS) {
        expect(mail.status).toBe('pending');
        // Not before its time …
        expect(await deliver()).toEqual({ attempted: 0, sent: 0 });
        clock.advance(MAIL_RETRY_DELAYS_MS[attempt - 1]!);
      } else {
        expect(mail.status).toBe('dead');
        expect(row!.details).toMatchObject({ final: true });
      }
    }
    clock.advance(24 * 60 * 60_000);
    expect(await deliver()).toEqual({ attempted: 0, sent: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('sends the mail once the server is back after an outage', async () => {
    smtp.setRefusing(true);
    await queue();
    await deliver();
    expect((await onlyMail()).status).toBe('pending');
    smtp.setRefusing(false);
    clock.advance(MAIL_RETRY_DELAYS_MS[0]);
    expect(await deliver()).toEqual({ attempted: 1, sent: 1 });
    expect(await onlyMail()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('a server that never answers', () => {
  let silent: net.Server;
  let sockets: net.Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    await new Promise((resolve) => silent?.close(resolve));
  });

  it('gives up on it with a time-out (not a hang) and leaves the mail for a later attempt', async () => {
    // Accepts the connection and says nothing: no greeting ever comes.
    silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const slow = smtpTransport({ host: '127.0.0.1', port, tls: 'none', from: 'noreply@kansrijk.example.nl', timeoutMs: 300 });
    await queue();
    expect(await deliver(slow)).toEqual({ attempted: 1, sent: 0 });
    const mail = await onlyMail();
    expect(mail.status).toBe('pending');
    expect(mail.lastError).toBe('ETIMEDOUT');
    slow.close();
  });
});

describe('the development folder', () => {
  it('writes each mail as an .eml file instead of sending it', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-mail-'));
    try {
      await queue({ template: 'serviceVerification', linkPath: '/sociale-kaart/te-bevestigen' });
      expect(await deliver(folderTransport(folder, 'noreply@kansrijk.example.nl'))).toEqual({ attempted: 1, sent: 1 });
      const files = readdirSync(folder);
      expect(files).toHaveLength(1);
      const content = readFileSync(path.join(folder, files[0]!), 'utf8');
      expect(content).toContain(`Subject: ${nl.mail.serviceVerificationSubject}`);
      expect(content).toContain(`${PUBLIC_URL}/sociale-kaart/te-bevestigen`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
