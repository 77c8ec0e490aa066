// SPDX-License-Identifier: EUPL-1.2
// `npm run admin:create -- --name "…" --email … [--force]` (in the container:
// `node build/server/cli/create-admin.js …`): the first platform administrator of an installation.
// Prints the invitation link the operator hands over; the person sets a password and enrols 2FA.
import { parseArgs } from 'node:util';
import { DATA_FOLDER } from '../app.js';
import { EMAIL_PATTERN, fail, loadConfigOrExit, openConfiguredDatabase } from './cli-support.js';
import { prepareDatabase } from '../prepare-database.js';
import { SchemaTooNewError } from '../platform/db/migrations.js';
import { AppError } from '../platform/errors.js';
import { nl } from '../../contracts/i18n/nl.js';
import { createFirstAdmin } from '../features/organisations/create-first-admin.js';

const USAGE = 'Gebruik: npm run admin:create -- --name "Voornaam Achternaam" --email naam@organisatie.nl [--force]';

let args;
try {
  args = parseArgs({ options: { name: { type: 'string' }, email: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: true }).values;
} catch {
  fail(USAGE, 64);
}
if (!args.name?.trim() || !args.email || !EMAIL_PATTERN.test(args.email)) fail(USAGE, 64);

const config = loadConfigOrExit();
const database = await openConfiguredDatabase(config);
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
