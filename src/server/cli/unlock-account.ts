// SPDX-License-Identifier: EUPL-1.2
// `npm run account:unlock -- --email …` (in the container: `node build/server/cli/unlock-account.js
// --email …`): lift the temporary login lockout of a login name now, instead of after
// LOGIN_LOCKOUT_MINUTES. Audited. The answer is the same whether or not the account exists.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/connection.js';
import { unlockLogin } from '../features/auth/unlock-login.js';

const USAGE = 'Gebruik: npm run account:unlock -- --email naam@organisatie.nl';

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { email: { type: 'string' } }, allowPositionals: true }).values;
} catch {
  fail(USAGE, 64);
}
if (!args.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.email.trim())) fail(USAGE, 64);

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
  const result = await unlockLogin(database.db, args.email, new Date());
  console.log(
    result.wasLocked
      ? 'De blokkade is opgeheven: met het juiste wachtwoord kan nu meteen worden ingelogd.'
      : result.failures > 0
        ? `Er was geen blokkade; de ${result.failures} mislukte pogingen tellen niet meer mee.`
        : 'Er was geen blokkade en geen mislukte poging voor deze inlognaam.',
  );
} finally {
  await database.close().catch(() => undefined);
}
