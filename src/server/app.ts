// SPDX-License-Identifier: EUPL-1.2
// Assembles the Fastify application: platform plugins first, then each feature's routes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './platform/db/connection.js';
import type { Clock } from './platform/clock.js';
import { systemClock } from './platform/clock.js';
import { loggableError, registerErrorHandling } from './platform/errors.js';
import { registerInFlightTracking } from './platform/http/in-flight.js';
import { registerRequestIdHeader, requestIdFor } from './platform/http/request-id.js';
import { databaseRateLimitStore, rateLimitKeyOf } from './platform/http/rate-limit-store.js';
import { registerMetrics } from './platform/http/metrics.js';
import { loggerOptions } from './platform/http/logger.js';
import { registerPathNormalisation, rewriteUrl } from './platform/http/normalise-path.js';
import { registerStorableInputGuard } from './platform/http/storable-input.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { OPENAPI_PATH, openApiSwaggerOptions } from './platform/http/openapi.js';
import { registerRestRules } from './platform/http/rest-rules.js';
import { PROBE_ROUTE, registerRequestContext, type ContextDependencies } from './platform/http/request-context.js';
import { useDutchValidationMessages } from './platform/http/validation-messages.js';
import { FEATURE_ROUTES } from './features/index.js';
import { API_TAGS } from './features/api-tags.js';
import { fhirApi } from './features/fhir/plugin.js';
import { resolveAccessToken } from './features/api-clients/resolve-access-token.js';
import { resolveParentSession } from './features/my-start/parent-session.js';
import { mailWorker, type MailWorker } from './platform/mail/deliver-mail.js';
import { folderTransport, smtpTransport, type MailTransport } from './platform/mail/mail-transport.js';
import { periodicWorker, type PeriodicWorker } from './platform/jobs/periodic-worker.js';
import { auditSealer, type SealResult } from './platform/audit/sealer.js';
import { notifyReferralDeadlines } from './features/referrals/notify-referral-deadlines.js';
import { sendDigests } from './features/notifications/send-digests.js';
import { notificationWorker, type NotificationWorker } from './features/subscriptions/deliver-notifications.js';
import { remindRespondents } from './features/coalition-analysis/remind-respondents.js';
import { remindAgreementReviews } from './features/coalition-agreements/remind-review.js';
import { remindPathwayReviews } from './features/pathways/remind-review.js';
import { remindServiceVerification } from './features/services/remind-verification.js';
import { remindPolicyOfficers } from './features/municipal-questionnaire/remind-policy-officers.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The FHIR Subscription delivery worker: runs on a timer; tests call runOnce() after moving the clock. */
    notifications: NotificationWorker;
    /** The mail worker (issue 16): sends the outbox on a timer; tests call runOnce(). */
    mail: MailWorker;
    /** The notice jobs (issue 16): referral deadlines and the daily digest, on a timer; tests call runOnce(). */
    noticeJobs: NoticeJobs;
    /** Queues reminder mails (issue 16): self-analysis rounds closing soon, agreements and pathways due for review, services due for confirmation, the yearly questionnaire; on a timer; tests call runOnce(). */
    reminders: PeriodicWorker<ReminderRuns>;
    /** The audit sealer (ADR 0019): integrates committed audit rows into batches on a timer; tests call runOnce(). */
    auditSealer: PeriodicWorker<SealResult>;
  }
}

/** How often the outbox of Subscription notifications is looked at (a due notification waits at most this long). */
const NOTIFICATION_INTERVAL_MS = 15_000;
/** How often the mail outbox is looked at. */
const MAIL_INTERVAL_MS = 30_000;
/** How often referral deadlines and digests are looked at (a stage or a day changes at most this much later). */
const NOTICE_JOBS_INTERVAL_MS = 5 * 60_000;

type NoticeJobs = PeriodicWorker<{ due: number; overdue: number; digests: number }>;
/** How often reminders are looked for (they are due by the day). */
const REMINDER_INTERVAL_MS = 60 * 60_000;

/** How many reminder mails one pass queued, per kind. */
export interface ReminderRuns {
  analysisRespondents: number;
  agreementReviews: number;
  pathwayReviews: number;
  serviceVerifications: number;
  questionnaireMails: number;
}

function configuredMailTransport(mail: Config['mail']): MailTransport | null {
  if (mail.kind === 'smtp') return smtpTransport(mail);
  if (mail.kind === 'folder') return folderTransport(mail.folder, mail.from);
  return null;
}

export interface AppDependencies {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Where the built web app is; defaults to dist/web. */
  webRoot?: string;
  /** Where JSON logs go; defaults to stdout (tests capture them to check for personal data). */
  logStream?: { write(line: string): void };
  /** Called for every route as it is registered (the route × role matrix test uses it). */
  onRoute?: (route: RouteOptions) => void;
  /** Interval of the Subscription delivery timer; null: no timer (only runOnce). Default 15 s. */
  notificationIntervalMs?: number | null;
  /** Interval of the mail timer; null: no timer (only runOnce). Default 30 s. */
  mailIntervalMs?: number | null;
  /** Where mail goes instead of the configured transport (tests). */
  mailTransport?: MailTransport;
  /** Interval of the notice jobs (deadlines, digests); null: no timer (only runOnce). Default 5 min. */
  noticeJobsIntervalMs?: number | null;
  /** Interval of the audit sealer; null: no timer (only runOnce). Default AUDIT_SEAL_INTERVAL_MS. */
  auditSealerIntervalMs?: number | null;
}

export type App = FastifyInstance;
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
export interface FeatureDependencies extends ContextDependencies {
  database: Database;
}


/** Where the REST API lives; the major version is in the URI (NL API Design Rules). */
export const API_PREFIX = '/api/v1';
export const DATA_FOLDER = fileURLToPath(new URL('../../data', import.meta.url));
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(dependencies: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, dependencies.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Every wait is bounded (issue 12 item 4): a request that takes longer answers 503 (Retry-After);
    // receiving a request, and a connection without traffic, end too (slow clients hold no sockets).
    handlerTimeout: config.requestTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 10_000,
    routerOptions: { ignoreTrailingSlash: false },
    // One spelling per path before routing, so the rate limit and API headers see what the router sees.
    rewriteUrl,
    // X-Request-Id from the load balancer when it is a plain token, else our own (never unchecked input).
    requestIdHeader: false,
    genReqId: requestIdFor,
  });
  if (dependencies.onRoute) app.addHook('onRoute', dependencies.onRoute);
  useDutchValidationMessages();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerRequestIdHeader(app);
  registerErrorHandling(app);
  registerInFlightTracking(app);
  registerStorableInputGuard(app);

  await registerSecurityHeaders(app, config);
  registerPathNormalisation(app);
  registerRestRules(app, API_PREFIX);
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimit.perMinute,
    timeWindow: '1 minute',
    // Counted in the database, so every instance shares one limit (ADR 0015).
    store: databaseRateLimitStore(database.db),
    keyGenerator: rateLimitKeyOf,
    // Fail open when counting fails: a request that needs the database fails on its own (as does
    // every password check), and one that does not (the OpenAPI document) keeps working.
    skipOnError: true,
    // Static files and health checks do not count.
    allowList: (request) => !request.url.startsWith('/api/') && !request.url.startsWith('/fhir/'),
  });
  await app.register(swagger, openApiSwaggerOptions({ publicUrl: config.publicUrl, prefix: API_PREFIX, tags: API_TAGS }));

  const deps: FeatureDependencies = { config, db: database.db, database, clock };
  // Bearer tokens of API clients (machine access, ADR 0017) are resolved by that feature.
  registerRequestContext(app, deps, { bearer: resolveAccessToken, parent: resolveParentSession });

  // GET /metrics for Prometheus, only with METRICS_TOKEN; counts the requests of every route below.
  registerMetrics(app, { config, database });
  // Probes run every few seconds per instance: no log lines and no cookies (PROBE_ROUTE).
  app.get('/health', { ...PROBE_ROUTE, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { ...PROBE_ROUTE, schema: { hide: true } }, async (_request, reply) => {
    // Answers within READY_TIMEOUT_MS, over a connection of its own: a full or stuck pool does not hold it up.
    const isReady = await database.isReady(config.readyTimeoutMs);
    return reply.status(isReady ? 200 : 503).send({ status: isReady ? 'ready' : 'unavailable' });
  });

  await app.register(
    async (api) => {
      const zodApi = api.withTypeProvider<ZodTypeProvider>();
      for (const register of FEATURE_ROUTES) register(zodApi, deps);
      api.get(OPENAPI_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
        reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'no-cache');
        return app.swagger();
      });
    },
    { prefix: API_PREFIX },
  );
  // FHIR R4 API at /fhir/R4 (OperationOutcome errors, application/fhir+json).
  await app.register(fhirApi(deps), { prefix: '/fhir' });
  // Delivers Subscription notifications from the outbox; started when the app is ready, stopped on close.
  const notifications = notificationWorker(
    {
      db: database.db,
      clock,
      fhirBaseUrl: `${config.publicUrl.replace(/\/$/, '')}/fhir/R4`,
      onError: (error) => app.log.warn({ err: loggableError(error) }, 'notification delivery pass failed'),
    },
    dependencies.notificationIntervalMs === undefined ? NOTIFICATION_INTERVAL_MS : dependencies.notificationIntervalMs,
  );
  app.decorate('notifications', notifications);
  app.addHook('onReady', async () => notifications.start());
  app.addHook('onClose', async () => notifications.stop());
  // Sends the mail outbox; without a configured transport (production without SMTP) mails wait in it.
  const transport = dependencies.mailTransport ?? configuredMailTransport(config.mail);
  const mail = mailWorker(
    {
      db: database.db,
      clock,
      transport: transport ?? { send: async () => Promise.reject(Object.assign(new Error('no mail transport'), { code: 'NOT_CONFIGURED' })), close: () => undefined },
      publicUrl: config.publicUrl,
      onError: (error) => app.log.warn({ err: loggableError(error) }, 'mail pass failed'),
    },
    transport === null ? null : dependencies.mailIntervalMs === undefined ? MAIL_INTERVAL_MS : dependencies.mailIntervalMs,
  );
  app.decorate('mail', mail);
  app.addHook('onReady', async () => mail.start());
  // Tells people of referrals reaching or passing their deadline, and sends the daily digests.
  const noticeJobs: NoticeJobs = periodicWorker(
    async () => {
      const deadlines = await notifyReferralDeadlines(database.db, clock.now());
      const digests = await sendDigests(database.db, clock.now());
      return { ...deadlines, digests: digests.mailed };
    },
    dependencies.noticeJobsIntervalMs === undefined ? NOTICE_JOBS_INTERVAL_MS : dependencies.noticeJobsIntervalMs,
    (error) => app.log.warn({ err: loggableError(error) }, 'notice jobs pass failed'),
  );
  app.decorate('noticeJobs', noticeJobs);
  app.addHook('onReady', async () => noticeJobs.start());
  app.addHook('onClose', async () => noticeJobs.stop());
  app.addHook('onClose', async () => {
    await mail.stop();
    transport?.close();
  });
  // Seals committed audit rows into batches (ADR 0019); a last pass at close, before the checkpoint at shutdown.
  const sealer = auditSealer(
    database.db,
    dependencies.auditSealerIntervalMs === undefined ? config.auditCheckpoints.sealIntervalMs : dependencies.auditSealerIntervalMs,
    () => clock.now(),
    (error) => app.log.error({ err: loggableError(error) }, 'audit sealer pass failed'),
  );
  app.decorate('auditSealer', sealer);
  app.addHook('onReady', async () => sealer.start());
  app.addHook('onClose', async () => {
    await sealer.stop();
    await sealer.runOnce().catch((error: unknown) => app.log.error({ err: loggableError(error) }, 'audit sealer pass failed'));
  });
  // Queues the reminders that are due (the mails go through the outbox): each feature's pass in turn.
  const reminderOptions = { db: database.db, clock };
  const reminders = periodicWorker<ReminderRuns>(
    async () => ({
      analysisRespondents: (await remindRespondents(reminderOptions)).queued,
      agreementReviews: (await remindAgreementReviews(reminderOptions)).queued,
      pathwayReviews: (await remindPathwayReviews(reminderOptions)).queued,
      serviceVerifications: (await remindServiceVerification(reminderOptions)).queued,
      questionnaireMails: (await remindPolicyOfficers(reminderOptions)).queued,
    }),
    REMINDER_INTERVAL_MS,
    (error) => app.log.warn({ err: loggableError(error) }, 'reminder pass failed'),
  );
  app.decorate('reminders', reminders);
  app.addHook('onReady', async () => reminders.start());
  app.addHook('onClose', async () => reminders.stop());

  // Reference boundaries: public, cacheable static asset.
  await app.register(fastifyStatic, {
    root: DATA_FOLDER,
    prefix: '/data/',
    allowedPath: (pathName) => pathName.endsWith('.topojson'),
    maxAge: '1d',
    decorateReply: false,
  });

  const webRoot = dependencies.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      // Vite puts a content hash in every asset name, so assets may be cached for good.
      setHeaders: (response, filePath) => {
        response.header('Cache-Control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes: every other GET that is not an API call gets the app shell.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const isApiOrAsset = ['/api/', '/fhir/', '/assets/', '/data/'].some((prefix) => request.url.startsWith(prefix));
      if (isApiOrAsset) return reply.callNotFound();
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', webRoot);
    });
  }
  return app;
}
