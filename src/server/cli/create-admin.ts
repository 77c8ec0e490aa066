// SPDX-License-Identifier: EUPL-1.2
// `npm run admin:create -- --name "…" --email … [--force]` (in the container:
// `node build/server/cli/create-admin.js …`): the first platform administrator of an installation.
// Prints the invitation link the operator hands over; the person sets a password and enrols 2FA.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_FOLDER } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/connection.js';
import { prepareDatabase } from '../platform/db/prepare-database.js';
import { SchemaTooNewError } from '../platform/db/migrations.js';
import { AppError } from '../platform/errors.js';
import { nl } from '../../contracts/i18n/nl.js';
import { createFirstAdmin } from '../features/organisations/create-first-admin.js';

const USAGE = 'Gebruik: npm run admin:create -- --name "Voornaam Achternaam" --email naam@organisatie.nl [--force]';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { name: { type: 'string' }, email: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true }).values;
} catch {
  fail(USAGE, 64);
}
if (!args.name?.trim() || !args.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.email)) fail(USAGE, 64);

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 78);
  throw error;
}
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
try {
  // A new installation: migrations and reference data first (never demo data here).
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, seedNational: false, now: new Date() });
  const { invitation } = await createFirstAdmin(database.db, { name: args.name, email: args.email, force: args.force ?? false }, new Date(), config.publicUrl);
  console.log(`Platformbeheerder aangemaakt. Geef deze uitnodiging persoonlijk door (geldig tot ${invitation.expiresAt}); daarmee stelt de beheerder een wachtwoord en de tweede factor in:\n${invitation.invitationUrl}`);
} catch (error) {
  if (error instanceof AppError) {
    await database.close();
    fail(nl.errors[error.code], 1);
  }
  if (error instanceof SchemaTooNewError) {
    await database.close();
    fail(error.message, 78);
  }
  throw error;
} finally {
  await database.close().catch(() => undefined);
}
