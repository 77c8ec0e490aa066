// SPDX-License-Identifier: EUPL-1.2
// Where mail goes: an SMTP server (host, port, TLS, credentials — the password from a file in
// production), or, in development, a folder: each mail an .eml file, shown on the admin page.
import { mkdir, writeFile } from 'node:fs/promises';
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

/** Development: every mail a file in `folder` (the admin page lists them). */
export function folderTransport(folder: string, from: string): MailTransport {
  return {
    async send(mail) {
      await mkdir(folder, { recursive: true });
      const content = [`From: ${from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, `Message-ID: <${mail.id}@kansrijk>`, 'Content-Type: text/plain; charset=utf-8', '', mail.text].join('\r\n');
      await writeFile(path.join(folder, `${mail.id}.eml`), content, 'utf8');
    },
    close: () => undefined,
  };
}
