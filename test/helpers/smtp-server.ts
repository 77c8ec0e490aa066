// SPDX-License-Identifier: EUPL-1.2
// A real SMTP server in the test process (smtp-server) on a free local port: it accepts every mail,
// or, while `refusing`, refuses every recipient with 550 — an outage of the mail server.
import type net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  setRefusing(value: boolean): void;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusing) return callback();
      const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received, setRefusing: (value) => (refusing = value), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The SMTP settings of a test app that sends to this server (no timer: tests call app.mail.runOnce()). */
export function smtpEnv(smtp: TestSmtpServer): Record<string, string> {
  return { MAIL_SMTP_HOST: '127.0.0.1', MAIL_SMTP_PORT: String(smtp.port), MAIL_SMTP_TLS: 'none', MAIL_TIMEOUT_MS: '2000' };
}

/** The text of a received mail, decoded from quoted-printable when it was sent so (long lines, non-ASCII). */
export function mailText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(headers)) return body;
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
