// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

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
    });
    const production = loadConfig({ NODE_ENV: 'production', AUDIT_CHECKPOINT_KEY_FILE: '/run/secrets/key.pem', AUDIT_CHECKPOINT_FILE: '/worm/checkpoints.jsonl', AUDIT_CHECKPOINT_EVERY_ROWS: '50' });
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
