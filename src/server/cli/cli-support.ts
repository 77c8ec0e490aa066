// SPDX-License-Identifier: EUPL-1.2
// What every operator command shares: a Dutch message and an exit code on failure, the configuration
// (a configuration error is exit 78, EX_CONFIG), and the configured database with one connection.
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../platform/db/connection.js';

/** An e-mail address as the commands accept it (the server checks it again). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 78);
    throw error;
  }
}

/** The database the configuration names (PostgreSQL with DATABASE_URL, else the embedded one), one connection. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
}
