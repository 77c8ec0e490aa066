// SPDX-License-Identifier: EUPL-1.2
// Environment → typed configuration, validated once at start. Nothing else reads process.env.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A duration in milliseconds, as a whole number between min and max. */
const milliseconds = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./var'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PUBLIC_URL: z
      .string()
      .url({ error: 'moet een volledig adres zijn, bijvoorbeeld https://kansrijk.ggd.nl', abort: true })
      .refine((url) => /^https?:\/\//.test(url), 'moet beginnen met https:// (of http:// buiten productie)')
      .optional(),
    TRUST_PROXY: booleanFromEnv.default(false),
    SECURE_COOKIES: booleanFromEnv.optional(),
    /** Default: on outside production, off in production (demo data only when asked). */
    SEED_DEMO: booleanFromEnv.optional(),
    SEED_NATIONAL: booleanFromEnv.optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
    SESSION_IDLE_MINUTES_AGGREGATE: z.coerce.number().int().min(1).max(480).default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: z.string().url().optional(),
    OIDC_TRUST_MFA: booleanFromEnv.default(false),
    /** Signs the pending OIDC login, so a login begun on one instance finishes on another. */
    OIDC_STATE_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn (bijvoorbeeld: openssl rand -base64 32)').optional(),
    // Parents log in through a DigiD-connected broker (OpenID Connect with a BSN and a level-of-assurance claim).
    PARENT_OIDC_ISSUER: z.string().url().optional(),
    PARENT_OIDC_CLIENT_ID: z.string().min(1).optional(),
    PARENT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    PARENT_OIDC_REDIRECT_URI: z.string().url().optional(),
    PARENT_OIDC_STATE_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn (bijvoorbeeld: openssl rand -base64 32)').optional(),
    /** The ID token claim that carries the BSN (brokers differ: 'bsn', 'nl:bsn', …). */
    PARENT_OIDC_BSN_CLAIM: z.string().min(1).default('bsn'),
    /** The ID token claim that carries the level of assurance (usually 'acr'). */
    PARENT_OIDC_LOA_CLAIM: z.string().min(1).default('acr'),
    /** Scopes asked of the broker besides 'openid'. */
    PARENT_OIDC_SCOPE: z.string().min(1).default('openid'),
    /** Who answers "who holds parental authority over this child": 'fixture' (demo and tests) or 'none'. Default: fixture outside production. */
    PARENT_AUTHORITY_SOURCE: z.enum(['fixture', 'none']).optional(),
    AUDIT_CHECKPOINT_KEY_FILE: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_EVERY_ROWS: z.coerce.number().int().min(1).default(1000),
    AUDIT_CHECKPOINT_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /** How often the audit sealer integrates committed rows into a batch (ADR 0019): the window of an unsealed row. */
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
    /** Bearer token for GET /metrics (Prometheus); without it the endpoint does not exist. */
    METRICS_TOKEN: z.string().min(32, 'moet minstens 32 tekens lang zijn (een willekeurige geheime waarde)').optional(),
    // Surviving the database (issue 12 item 4): pool size and every wait bounded (docs/operations-database.md).
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: milliseconds(100, 120_000).default(5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(100, 3_600_000).default(30_000),
    DATABASE_LOCK_TIMEOUT_MS: milliseconds(100, 3_600_000).default(5_000),
    READY_TIMEOUT_MS: milliseconds(100, 60_000).default(2_000),
    REQUEST_TIMEOUT_MS: milliseconds(1_000, 3_600_000).default(60_000),
    SHUTDOWN_GRACE_MS: milliseconds(0, 600_000).default(10_000),
    // Outgoing mail (issue 16, docs/operations.md "Uitgaande e-mail"): an SMTP server, or in development a folder.
    MAIL_SMTP_HOST: z.string().min(1).optional(),
    MAIL_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** implicit: TLS from the start (465); starttls: upgrade required; none: plain, for a local relay only. */
    MAIL_SMTP_TLS: z.enum(['implicit', 'starttls', 'none']).default('starttls'),
    MAIL_SMTP_USER: z.string().min(1).optional(),
    MAIL_SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default('Kansrijk <noreply@kansrijk.invalid>'),
    /** Without an SMTP server: mails are written here as .eml files (default outside production: DATA_DIR/mail). */
    MAIL_DEV_FOLDER: z.string().min(1).optional(),
    MAIL_TIMEOUT_MS: milliseconds(100, 120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    // Safe defaults in production (issue 12 item 6): a real database, served over TLS.
    if (env.NODE_ENV === 'production') {
      if (!env.DATABASE_URL) {
        ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'verplicht in productie: Kansrijk gebruikt daar geen ingebedde database' });
      }
      if (!env.PUBLIC_URL?.startsWith('https://')) {
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'verplicht in productie, en moet beginnen met https://' });
      }
    }
    // Each wait ends before the one around it: a lock wait within a statement, a statement within a request.
    if (env.DATABASE_LOCK_TIMEOUT_MS > env.DATABASE_STATEMENT_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_LOCK_TIMEOUT_MS'], message: 'mag niet groter zijn dan DATABASE_STATEMENT_TIMEOUT_MS' });
    }
    if (env.DATABASE_STATEMENT_TIMEOUT_MS >= env.REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_STATEMENT_TIMEOUT_MS'], message: 'moet kleiner zijn dan REQUEST_TIMEOUT_MS, anders geeft een verzoek op terwijl de database nog werkt' });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_REDIRECT_URI];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_REDIRECT_URI horen samen: zet ze alle drie of geen',
      });
    }
    const parentOidc = [env.PARENT_OIDC_ISSUER, env.PARENT_OIDC_CLIENT_ID, env.PARENT_OIDC_REDIRECT_URI];
    if (parentOidc.some(Boolean) && !parentOidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PARENT_OIDC_ISSUER'],
        message: 'PARENT_OIDC_ISSUER, PARENT_OIDC_CLIENT_ID en PARENT_OIDC_REDIRECT_URI horen samen: zet ze alle drie of geen',
      });
    }
    if (env.NODE_ENV === 'production' && env.PARENT_AUTHORITY_SOURCE === 'fixture') {
      ctx.addIssue({
        code: 'custom',
        path: ['PARENT_AUTHORITY_SOURCE'],
        message: 'fixture is verzonnen gezag voor de demo en de tests en kan niet in productie',
      });
    }
    if (env.NODE_ENV === 'production' && env.PARENT_OIDC_ISSUER && !env.PARENT_OIDC_CLIENT_SECRET && !env.PARENT_OIDC_STATE_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PARENT_OIDC_STATE_SECRET'],
        message: 'verplicht in productie bij inloggen voor ouders zonder PARENT_OIDC_CLIENT_SECRET: alle instanties ondertekenen de inlogstatus met dit geheim',
      });
    }
    // Every instance must sign the login state with the same key: without a client secret to derive
    // it from, production needs one of its own.
    if (env.NODE_ENV === 'production' && env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET && !env.OIDC_STATE_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_STATE_SECRET'],
        message: 'verplicht in productie bij OIDC zonder OIDC_CLIENT_SECRET: alle instanties ondertekenen de inlogstatus met dit geheim',
      });
    }
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof configSchema>) {
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL,
    publicUrl,
    trustProxy: env.TRUST_PROXY,
    /** Secure cookies and HSTS when served over TLS (or explicitly configured). */
    isTls: env.SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    seedDemo: env.SEED_DEMO ?? env.NODE_ENV !== 'production',
    /** With the demo: the synthetic national birth register for the monitor (≈ 1 minute, once). */
    seedNational: env.SEED_NATIONAL ?? env.NODE_ENV !== 'production',
    /** Passwords and TOTP secrets of demo accounts are printed only outside production. */
    mayPrintSecrets: env.NODE_ENV !== 'production',
    session: {
      idleMinutesPersonalData: env.SESSION_IDLE_MINUTES,
      idleMinutesAggregate: env.SESSION_IDLE_MINUTES_AGGREGATE,
      absoluteHours: env.SESSION_ABSOLUTE_HOURS,
    },
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockoutMinutes: env.LOGIN_LOCKOUT_MINUTES,
    },
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, authPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE },
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    /** The PostgreSQL server's pool: its size and how long a connection, a statement and a lock may take. */
    databasePool: {
      max: env.DATABASE_POOL_MAX,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DATABASE_LOCK_TIMEOUT_MS,
    },
    /** How long /ready waits for the database before it says not ready. */
    readyTimeoutMs: env.READY_TIMEOUT_MS,
    /** How long a request may take (then 503); receiving it and an idle connection are bounded too. */
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    /** At shutdown: how long requests in flight may finish before their connections are closed. */
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    /** Signed checkpoints of the audit chain (ADR 0010): the key and the copy live outside the database. */
    auditCheckpoints: {
      keyFile: env.AUDIT_CHECKPOINT_KEY_FILE ?? path.join(env.DATA_DIR, 'audit-checkpoint-key.pem'),
      file: env.AUDIT_CHECKPOINT_FILE ?? path.join(env.DATA_DIR, 'audit-checkpoints.jsonl'),
      /** Outside production a missing key is generated into the data directory; production brings its own. */
      mayGenerateKey: env.NODE_ENV !== 'production',
      everyRows: env.AUDIT_CHECKPOINT_EVERY_ROWS,
      everyMinutes: env.AUDIT_CHECKPOINT_EVERY_MINUTES,
      /** The sealer's interval (ADR 0019). */
      sealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS,
    },
    /** Where mail goes: SMTP, a folder (development), or nowhere yet (production without MAIL_SMTP_HOST: mails wait in the outbox). */
    mail: env.MAIL_SMTP_HOST
      ? {
          kind: 'smtp' as const,
          host: env.MAIL_SMTP_HOST,
          port: env.MAIL_SMTP_PORT,
          tls: env.MAIL_SMTP_TLS,
          user: env.MAIL_SMTP_USER,
          password: env.MAIL_SMTP_PASSWORD,
          from: env.MAIL_FROM,
          timeoutMs: env.MAIL_TIMEOUT_MS,
        }
      : env.MAIL_DEV_FOLDER || env.NODE_ENV !== 'production'
        ? { kind: 'folder' as const, folder: env.MAIL_DEV_FOLDER ?? path.join(env.DATA_DIR, 'mail'), from: env.MAIL_FROM }
        : { kind: 'none' as const },
    /** GET /metrics answers only with `Authorization: Bearer <token>`; undefined: no such endpoint (404). */
    metricsToken: env.METRICS_TOKEN,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            redirectUri: env.OIDC_REDIRECT_URI,
            trustMfa: env.OIDC_TRUST_MFA,
            /** The key for the login state is derived from this (else from the client secret). */
            stateSecret: env.OIDC_STATE_SECRET,
          }
        : undefined,
    /** Who answers the authority query (gezag) for Mijn Kansrijke Start's children; 'none': no parent sees a child. */
    parentAuthoritySource: env.PARENT_AUTHORITY_SOURCE ?? (env.NODE_ENV === 'production' ? ('none' as const) : ('fixture' as const)),
    /** Login for parents (Mijn Kansrijke Start) through a DigiD-connected broker; undefined: not offered. */
    parentOidc:
      env.PARENT_OIDC_ISSUER && env.PARENT_OIDC_CLIENT_ID && env.PARENT_OIDC_REDIRECT_URI
        ? {
            issuer: env.PARENT_OIDC_ISSUER,
            clientId: env.PARENT_OIDC_CLIENT_ID,
            clientSecret: env.PARENT_OIDC_CLIENT_SECRET,
            redirectUri: env.PARENT_OIDC_REDIRECT_URI,
            stateSecret: env.PARENT_OIDC_STATE_SECRET,
            bsnClaim: env.PARENT_OIDC_BSN_CLAIM,
            levelClaim: env.PARENT_OIDC_LOA_CLAIM,
            scope: env.PARENT_OIDC_SCOPE,
          }
        : undefined,
  };
}

export class ConfigError extends Error {}

/**
 * Settings that hold a secret. Each may instead be read from a file named by `<NAME>_FILE` (Docker and
 * Kubernetes secrets mounted as files, so the value is in no environment listing); setting both is an error.
 */
export const SECRET_SETTINGS = [
  'DATABASE_URL',
  'OIDC_CLIENT_SECRET',
  'OIDC_STATE_SECRET',
  'PARENT_OIDC_CLIENT_SECRET',
  'PARENT_OIDC_STATE_SECRET',
  'METRICS_TOKEN',
  'MAIL_SMTP_PASSWORD',
] as const;

/** Replaces every `<NAME>_FILE` of a secret setting by the file's content (surrounding white space removed). */
function readSecretFiles(env: Record<string, string>, readFile: (file: string) => string): { env: Record<string, string>; problems: string[] } {
  const resolved = { ...env };
  const problems: string[] = [];
  for (const name of SECRET_SETTINGS) {
    const file = env[`${name}_FILE`];
    delete resolved[`${name}_FILE`];
    if (file === undefined) continue;
    if (env[name] !== undefined) {
      problems.push(`- ${name}: staat zowel in ${name} als in ${name}_FILE; zet er één van de twee`);
      continue;
    }
    let content: string;
    try {
      content = readFile(file).trim();
    } catch {
      // The path, not the content: a secret never appears in a message.
      problems.push(`- ${name}_FILE: het bestand ${file} kan niet worden gelezen`);
      continue;
    }
    if (content === '') problems.push(`- ${name}_FILE: het bestand ${file} is leeg`);
    else resolved[name] = content;
  }
  return { env: resolved, problems };
}

/** Reads configuration from an environment; throws ConfigError with one Dutch line per wrong variable. */
export function loadConfig(
  env: Record<string, string | undefined>,
  readFile: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>;
  const secrets = readSecretFiles(cleaned, readFile);
  // zod's own messages in Dutch too: every line of a configuration error is Dutch.
  const parsed = configSchema.safeParse(secrets.env, { error: z.locales.nl().localeError });
  const lines = [...secrets.problems, ...(parsed.success ? [] : parsed.error.issues.map((issue) => `- ${issue.path.join('.') || 'omgeving'}: ${issue.message}`))];
  if (lines.length > 0 || !parsed.success) throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  return toConfig(parsed.data);
}
