// SPDX-License-Identifier: EUPL-1.2
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The least a production start needs. */
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://kansrijk@db:5432/kansrijk', PUBLIC_URL: 'https://kansrijk.ggd.nl' };

const OIDC = { OIDC_ISSUER: 'https://idp.example.nl', OIDC_CLIENT_ID: 'kansrijk', OIDC_REDIRECT_URI: 'https://kansrijk.ggd.nl/api/v1/auth/oidc/callback' };
const STATE_SECRET = 'een-geheim-van-ruim-tweeëndertig-tekens-lang';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('safe defaults in production (issue 12 item 6)', () => {
  // Every case: what is set → the variables the start refuses ('' = it starts).
  const cases: [string, Record<string, string>, string[]][] = [
    ['development without anything', {}, []],
    ['development with an http PUBLIC_URL', { PUBLIC_URL: 'http://localhost:3000' }, []],
    ['an ftp PUBLIC_URL, in any environment', { PUBLIC_URL: 'ftp://kansrijk.ggd.nl' }, ['PUBLIC_URL']],
    ['production with everything', PRODUCTION, []],
    ['production without DATABASE_URL', { ...PRODUCTION, DATABASE_URL: '' }, ['DATABASE_URL']],
    ['production without PUBLIC_URL', { ...PRODUCTION, PUBLIC_URL: '' }, ['PUBLIC_URL']],
    ['production with an http PUBLIC_URL', { ...PRODUCTION, PUBLIC_URL: 'http://kansrijk.ggd.nl' }, ['PUBLIC_URL']],
    ['production with an ftp PUBLIC_URL', { ...PRODUCTION, PUBLIC_URL: 'ftp://kansrijk.ggd.nl' }, ['PUBLIC_URL']],
    ['production with nothing', { NODE_ENV: 'production' }, ['DATABASE_URL', 'PUBLIC_URL']],
    // The OIDC login state is signed with a key every instance shares (issue 12 item 5).
    ['production OIDC with a client secret', { ...PRODUCTION, ...OIDC, OIDC_CLIENT_SECRET: 'geheim' }, []],
    ['production OIDC with a state secret', { ...PRODUCTION, ...OIDC, OIDC_STATE_SECRET: STATE_SECRET }, []],
    ['production OIDC without either secret', { ...PRODUCTION, ...OIDC }, ['OIDC_STATE_SECRET']],
    ['development OIDC without either secret', OIDC, []],
    ['a state secret shorter than 32 characters', { ...OIDC, OIDC_STATE_SECRET: 'te-kort' }, ['OIDC_STATE_SECRET']],
    // Fictional parental authority (issue 15 item 5) is for the demo and the tests only.
    ['production with the fixture authority source', { ...PRODUCTION, PARENT_AUTHORITY_SOURCE: 'fixture' }, ['PARENT_AUTHORITY_SOURCE']],
    ['production without an authority source', { ...PRODUCTION, PARENT_AUTHORITY_SOURCE: 'none' }, []],
    ['an unknown authority source', { PARENT_AUTHORITY_SOURCE: 'brp' }, ['PARENT_AUTHORITY_SOURCE']],
  ];
  it.each(cases)('%s', (_name, env, refused) => {
    const message = problemsOf(env);
    const named = [...message.matchAll(/^- (\w+):/gm)].map((match) => match[1]);
    expect([...new Set(named)].sort()).toEqual(refused);
  });

  it('asks nobody about parental authority in production unless configured; the fixture outside it', () => {
    expect(loadConfig(PRODUCTION).parentAuthoritySource).toBe('none');
    expect(loadConfig({}).parentAuthoritySource).toBe('fixture');
    expect(loadConfig({ PARENT_AUTHORITY_SOURCE: 'none' }).parentAuthoritySource).toBe('none');
  });

  it('seeds no demo data in production unless asked, and never prints secrets there', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ seedDemo: false, seedNational: false, mayPrintSecrets: false });
    expect(loadConfig({ ...PRODUCTION, SEED_DEMO: 'true' })).toMatchObject({ seedDemo: true, mayPrintSecrets: false });
    expect(loadConfig({})).toMatchObject({ seedDemo: true, seedNational: true, mayPrintSecrets: true });
  });

  it('says every configuration error in Dutch, zod\'s own messages included', () => {
    const message = problemsOf({ PORT: 'drieduizend', LOG_LEVEL: 'luid', SESSION_IDLE_MINUTES: '0', PUBLIC_URL: 'geen adres' });
    expect(message).toContain('Ongeldige configuratie');
    expect(message.split('\n').slice(1)).toHaveLength(4);
    expect(message).not.toMatch(/\b(Invalid|Expected|expected|received|Too small|Too big|option)\b/);
    expect(message).toMatch(/- PORT: Ongeldige invoer/);
  });
});

describe('configuration', () => {
  it('has working defaults: embedded database in ./var on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './var', databaseUrl: undefined, isTls: false, seedDemo: true });
    expect(config.session).toEqual({ idleMinutesPersonalData: 15, idleMinutesAggregate: 60, absoluteHours: 12 });
  });

  it('keeps the audit checkpoint key and file in the data directory by default; production brings its own key', () => {
    expect(loadConfig({ DATA_DIR: '/srv/kansrijk' }).auditCheckpoints).toEqual({
      keyFile: '/srv/kansrijk/audit-checkpoint-key.pem',
      file: '/srv/kansrijk/audit-checkpoints.jsonl',
      mayGenerateKey: true,
      everyRows: 1000,
      everyMinutes: 10,
      sealIntervalMs: 2000,
    });
    const production = loadConfig({ ...PRODUCTION, AUDIT_CHECKPOINT_KEY_FILE: '/run/secrets/key.pem', AUDIT_CHECKPOINT_FILE: '/worm/checkpoints.jsonl', AUDIT_CHECKPOINT_EVERY_ROWS: '50' });
    expect(production.auditCheckpoints).toMatchObject({ keyFile: '/run/secrets/key.pem', file: '/worm/checkpoints.jsonl', mayGenerateKey: false, everyRows: 50 });
    expect(() => loadConfig({ AUDIT_CHECKPOINT_EVERY_MINUTES: '0' })).toThrow(/AUDIT_CHECKPOINT_EVERY_MINUTES/);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set, and TLS settings from PUBLIC_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/kansrijk', PUBLIC_URL: 'https://kansrijk.example.nl' });
    expect(config.databaseUrl).toBe('postgres://u@db:5432/kansrijk');
    expect(config.isTls).toBe(true);
  });

  it('rejects wrong values with one clear Dutch line per variable', () => {
    expect(() => loadConfig({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'drieduizend', DATABASE_URL: 'mysql://x', SEED_DEMO: 'misschien' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('Ongeldige configuratie');
      expect(message).toContain('- PORT:');
      expect(message).toContain('- DATABASE_URL: moet beginnen met postgres://');
      expect(message).toContain('- SEED_DEMO:');
    }
  });

  it('requires the OIDC settings together', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example.nl' })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_REDIRECT_URI/);
    const config = loadConfig({
      OIDC_ISSUER: 'https://idp.example.nl',
      OIDC_CLIENT_ID: 'kansrijk',
      OIDC_REDIRECT_URI: 'https://kansrijk.example.nl/api/v1/auth/oidc/callback',
    });
    expect(config.oidc?.clientId).toBe('kansrijk');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});

describe('secrets from files: <NAME>_FILE (Docker and Kubernetes secrets)', () => {
  const FILES: Record<string, string> = {
    '/run/secrets/database-url': 'postgres://kansrijk:geheim@db:5432/kansrijk\n',
    '/run/secrets/oidc-client-secret': '  oidc-geheim  \n',
    '/run/secrets/metrics-token': 'm'.repeat(40),
    '/run/secrets/empty': '\n',
  };
  const readFile = (file: string) => {
    if (!(file in FILES)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return FILES[file]!;
  };
  const OIDC = { OIDC_ISSUER: 'https://idp.ggd.nl', OIDC_CLIENT_ID: 'kansrijk', OIDC_REDIRECT_URI: 'https://kansrijk.ggd.nl/api/v1/auth/oidc/callback' };

  // Every case: the environment → the settings it yields, or the variables the start refuses.
  const cases: [string, Record<string, string>, { databaseUrl?: string; clientSecret?: string; metricsToken?: string } | string[]][] = [
    ['DATABASE_URL_FILE read, trailing newline removed', { DATABASE_URL_FILE: '/run/secrets/database-url' }, { databaseUrl: 'postgres://kansrijk:geheim@db:5432/kansrijk' }],
    ['OIDC_CLIENT_SECRET_FILE read, white space removed', { ...OIDC, OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc-client-secret' }, { clientSecret: 'oidc-geheim' }],
    ['METRICS_TOKEN_FILE read', { METRICS_TOKEN_FILE: '/run/secrets/metrics-token' }, { metricsToken: 'm'.repeat(40) }],
    ['the plain variable still works', { DATABASE_URL: 'postgres://u@db/k' }, { databaseUrl: 'postgres://u@db/k' }],
    ['an empty X_FILE counts as unset', { DATABASE_URL_FILE: '', DATABASE_URL: 'postgres://u@db/k' }, { databaseUrl: 'postgres://u@db/k' }],
    ['both DATABASE_URL and DATABASE_URL_FILE', { DATABASE_URL: 'postgres://u@db/k', DATABASE_URL_FILE: '/run/secrets/database-url' }, ['DATABASE_URL']],
    ['both OIDC_CLIENT_SECRET and its file', { ...OIDC, OIDC_CLIENT_SECRET: 'x', OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc-client-secret' }, ['OIDC_CLIENT_SECRET']],
    ['both METRICS_TOKEN and its file', { METRICS_TOKEN: 't'.repeat(32), METRICS_TOKEN_FILE: '/run/secrets/metrics-token' }, ['METRICS_TOKEN']],
    ['a file that does not exist', { DATABASE_URL_FILE: '/run/secrets/missing' }, ['DATABASE_URL_FILE']],
    ['an empty file', { METRICS_TOKEN_FILE: '/run/secrets/empty' }, ['METRICS_TOKEN_FILE']],
    ['the file\'s content is validated like the variable', { DATABASE_URL_FILE: '/run/secrets/oidc-client-secret' }, ['DATABASE_URL']],
    ['a file in production counts as the required setting', { NODE_ENV: 'production', PUBLIC_URL: 'https://kansrijk.ggd.nl', DATABASE_URL_FILE: '/run/secrets/database-url' }, { databaseUrl: 'postgres://kansrijk:geheim@db:5432/kansrijk' }],
    ['a missing file in production', { NODE_ENV: 'production', PUBLIC_URL: 'https://kansrijk.ggd.nl', DATABASE_URL_FILE: '/run/secrets/missing' }, ['DATABASE_URL', 'DATABASE_URL_FILE']],
    ['a metrics token that is too short', { METRICS_TOKEN: 'kort' }, ['METRICS_TOKEN']],
  ];
  it.each(cases)('%s', (_name, env, expected) => {
    if (Array.isArray(expected)) {
      let message = '';
      try {
        loadConfig(env, readFile);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      const named = [...message.matchAll(/^- (\w+):/gm)].map((match) => match[1]);
      expect([...new Set(named)].sort()).toEqual(expected);
      // The message names the file, never a secret from it.
      expect(message).not.toMatch(/:geheim@|oidc-geheim|m{32}/);
      return;
    }
    const config = loadConfig(env, readFile);
    if ('databaseUrl' in expected) expect(config.databaseUrl).toBe(expected.databaseUrl);
    if ('clientSecret' in expected) expect(config.oidc?.clientSecret).toBe(expected.clientSecret);
    if ('metricsToken' in expected) expect(config.metricsToken).toBe(expected.metricsToken);
  });

  it('says in Dutch which one to choose when both are set', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/k', DATABASE_URL_FILE: '/run/secrets/database-url' }, readFile)).toThrow(
      /- DATABASE_URL: staat zowel in DATABASE_URL als in DATABASE_URL_FILE; zet er één van de twee/,
    );
  });

  it('reads a real file from disk by default', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-secret-'));
    try {
      writeFileSync(path.join(folder, 'token'), `${'s'.repeat(48)}\n`, { mode: 0o600 });
      expect(loadConfig({ METRICS_TOKEN_FILE: path.join(folder, 'token') }).metricsToken).toBe('s'.repeat(48));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('database pool and timeouts (issue 12 item 4)', () => {
  it('has bounded defaults', () => {
    const config = loadConfig({});
    expect(config.databasePool).toEqual({ max: 10, connectTimeoutMs: 5_000, statementTimeoutMs: 30_000, lockTimeoutMs: 5_000 });
    expect(config).toMatchObject({ readyTimeoutMs: 2_000, requestTimeoutMs: 60_000, shutdownGraceMs: 10_000 });
  });

  it('takes each setting from its variable', () => {
    const config = loadConfig({
      DATABASE_POOL_MAX: '25',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '15000',
      DATABASE_LOCK_TIMEOUT_MS: '3000',
      READY_TIMEOUT_MS: '1000',
      REQUEST_TIMEOUT_MS: '20000',
      SHUTDOWN_GRACE_MS: '25000',
    });
    expect(config.databasePool).toEqual({ max: 25, connectTimeoutMs: 2_000, statementTimeoutMs: 15_000, lockTimeoutMs: 3_000 });
    expect(config).toMatchObject({ readyTimeoutMs: 1_000, requestTimeoutMs: 20_000, shutdownGraceMs: 25_000 });
  });

  // Every case: what is set → the variables the start refuses, each with a Dutch line.
  const cases: [string, Record<string, string>, string[]][] = [
    ['a pool of none', { DATABASE_POOL_MAX: '0' }, ['DATABASE_POOL_MAX']],
    ['a pool size that is no number', { DATABASE_POOL_MAX: 'tien' }, ['DATABASE_POOL_MAX']],
    ['a pool of 501', { DATABASE_POOL_MAX: '501' }, ['DATABASE_POOL_MAX']],
    ['a connect timeout below 100 ms', { DATABASE_CONNECT_TIMEOUT_MS: '50' }, ['DATABASE_CONNECT_TIMEOUT_MS']],
    ['a connect timeout of 0 (no limit is not allowed)', { DATABASE_CONNECT_TIMEOUT_MS: '0' }, ['DATABASE_CONNECT_TIMEOUT_MS']],
    ['a statement timeout in seconds with a unit', { DATABASE_STATEMENT_TIMEOUT_MS: '30s' }, ['DATABASE_STATEMENT_TIMEOUT_MS']],
    ['a lock timeout longer than the statement timeout', { DATABASE_LOCK_TIMEOUT_MS: '40000' }, ['DATABASE_LOCK_TIMEOUT_MS']],
    ['a lock timeout equal to the statement timeout', { DATABASE_LOCK_TIMEOUT_MS: '30000' }, []],
    ['a statement timeout as long as the request timeout', { DATABASE_STATEMENT_TIMEOUT_MS: '60000' }, ['DATABASE_STATEMENT_TIMEOUT_MS']],
    ['a request timeout shorter than the statement timeout', { REQUEST_TIMEOUT_MS: '10000' }, ['DATABASE_STATEMENT_TIMEOUT_MS']],
    ['a short request timeout with shorter database timeouts', { REQUEST_TIMEOUT_MS: '10000', DATABASE_STATEMENT_TIMEOUT_MS: '5000', DATABASE_LOCK_TIMEOUT_MS: '2000' }, []],
    ['a ready timeout above a minute', { READY_TIMEOUT_MS: '60001' }, ['READY_TIMEOUT_MS']],
    ['a negative shutdown grace', { SHUTDOWN_GRACE_MS: '-1' }, ['SHUTDOWN_GRACE_MS']],
    ['no shutdown grace at all', { SHUTDOWN_GRACE_MS: '0' }, []],
  ];
  it.each(cases)('%s', (_name, env, refused) => {
    const message = problemsOf(env);
    const named = [...message.matchAll(/^- (\w+):/gm)].map((match) => match[1]);
    expect([...new Set(named)].sort()).toEqual(refused);
    expect(message).not.toMatch(/\b(Invalid|Expected|expected|received|Too small|Too big|must)\b/);
  });

  it('explains the order of the timeouts in Dutch', () => {
    expect(problemsOf({ DATABASE_LOCK_TIMEOUT_MS: '40000' })).toContain('- DATABASE_LOCK_TIMEOUT_MS: mag niet groter zijn dan DATABASE_STATEMENT_TIMEOUT_MS');
    expect(problemsOf({ REQUEST_TIMEOUT_MS: '10000' })).toContain('- DATABASE_STATEMENT_TIMEOUT_MS: moet kleiner zijn dan REQUEST_TIMEOUT_MS');
  });
});

describe('outgoing mail (issue 16)', () => {
  it('sends through SMTP when a server is named, the password from a file; else to a folder in development and nowhere yet in production', () => {
    const smtp = loadConfig(
      { ...PRODUCTION, MAIL_SMTP_HOST: 'smtp.example.nl', MAIL_SMTP_TLS: 'implicit', MAIL_SMTP_PORT: '465', MAIL_SMTP_USER: 'kansrijk', MAIL_SMTP_PASSWORD_FILE: '/run/secrets/smtp' },
      (file) => (file === '/run/secrets/smtp' ? 'geheim\n' : ''),
    ).mail;
    expect(smtp).toMatchObject({ kind: 'smtp', host: 'smtp.example.nl', port: 465, tls: 'implicit', user: 'kansrijk', password: 'geheim' });
    expect(loadConfig({ DATA_DIR: '/tmp/kr' }).mail).toEqual({ kind: 'folder', folder: '/tmp/kr/mail', from: 'Kansrijk <noreply@kansrijk.invalid>' });
    expect(loadConfig(PRODUCTION).mail).toEqual({ kind: 'none' });
    expect(() => loadConfig({ MAIL_SMTP_HOST: 'smtp.example.nl', MAIL_SMTP_TLS: 'ssl' })).toThrow(/MAIL_SMTP_TLS/);
  });
});
