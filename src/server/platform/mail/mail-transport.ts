// SPDX-License-Identifier: EUPL-1.2
// Where mail goes: an SMTP server (host, port, TLS, credentials — the password from a file in
// production), or, in development, a folder: each mail an .eml file, shown on the admin page.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { RenderedMail } from './templates.js';

export interface OutgoingMail extends RenderedMail {
  id: string;
  to: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** 'implicit': TLS from the start (465); 'starttls': upgrade required; 'none': plain (local relays only). */
  tls: 'implicit' | 'starttls' | 'none';
  user?: string;
  password?: string;
  from: string;
  timeoutMs: number;
}

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const options: SMTPTransport.Options = {
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    logger: false,
    debug: false,
  };
  // Not pooled: every pass opens and closes its own connection.
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@kansrijk>` });
    },
    close: () => transporter.close(),
  };
}

const fileOf = (folder: string, id: string) => path.join(folder, `${id}.eml`);

/** Development: every mail a file in `folder` (the admin page shows them). */
export function folderTransport(folder: string, from: string): MailTransport {
  return {
    async send(mail) {
      await mkdir(folder, { recursive: true });
      const content = [`From: ${from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, `Message-ID: <${mail.id}@kansrijk>`, 'Content-Type: text/plain; charset=utf-8', '', mail.text].join('\r\n');
      await writeFile(fileOf(folder, mail.id), content, 'utf8');
    },
    close: () => undefined,
  };
}

/** A mail the folder transport wrote: its subject and text (not its headers, so not the address); null when there is none. */
export async function readFolderMail(folder: string, id: string): Promise<RenderedMail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const content = await readFile(fileOf(folder, id), 'utf8').catch(() => null);
  if (content === null) return null;
  const split = content.indexOf('\r\n\r\n');
  const headers = content.slice(0, split).split('\r\n');
  const subject = headers.find((line) => line.startsWith('Subject: '))?.slice('Subject: '.length) ?? '';
  return { subject, text: content.slice(split + 4) };
}
