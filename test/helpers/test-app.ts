// SPDX-License-Identifier: EUPL-1.2
// A real app on a fresh real database, for HTTP-level tests (fastify.inject) and browser tests.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/platform/db/connection.js';
import type { MailTransport } from '../../src/server/platform/mail/mail-transport.js';
import { AdjustableClock } from '../../src/server/platform/clock.js';
import { seedDemo, type DemoSeed } from '../../src/server/demo/seed-demo.js';
import { createTestDatabase } from './test-database.js';
import { enforceResponseContract } from './openapi-responses.js';
import { sharedContract } from './shared-contract.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: AdjustableClock;
  demo: DemoSeed;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  webRoot?: string;
  logStream?: { write(line: string): void };
  /** Sees every route as it is registered (the route matrix test lists them). */
  onRoute?: (route: RouteOptions) => void;
  /** Check every `app.inject` response against the OpenAPI document (default true). */
  checkResponses?: boolean;
  /** Where mail goes (default: the configured development folder). */
  mailTransport?: MailTransport;
  /** Interval of the mail timer; null: none, the test calls app.mail.runOnce() (default: the app's). */
  mailIntervalMs?: number | null;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: options.logStream ? 'info' : 'silent', ...options.env });
  const database = await createTestDatabase();
  const clock = new AdjustableClock();
  const demo = await seedDemo(database.db, clock.now());
  const app = await buildApp({
    config,
    database,
    clock,
    webRoot: options.webRoot ?? '/nonexistent',
    logStream: options.logStream,
    onRoute: options.onRoute,
    mailTransport: options.mailTransport,
    // Deadlines and digests run when a test calls app.noticeJobs.runOnce() after moving the clock.
    noticeJobsIntervalMs: null,
    auditSealerIntervalMs: null,
    ...(options.mailIntervalMs === undefined ? {} : { mailIntervalMs: options.mailIntervalMs }),
  });
  await app.ready();
  if (options.checkResponses !== false) enforceResponseContract(app, sharedContract);
  return {
    app,
    database,
    config,
    clock,
    demo,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
