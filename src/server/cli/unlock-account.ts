// SPDX-License-Identifier: EUPL-1.2
// `npm run account:unlock -- --email …` (in the container: `node build/server/cli/unlock-account.js
// --email …`): lift the temporary login lockout of a login name now, instead of after
// LOGIN_LOCKOUT_MINUTES. Audited. The answer is the same whether or not the account exists.
import { parseArgs } from 'node:util';
import { EMAIL_PATTERN, fail, loadConfigOrExit, openConfiguredDatabase } from './cli-support.js';
import { unlockLogin } from '../features/auth/unlock-login.js';

const USAGE = 'Gebruik: npm run account:unlock -- --email naam@organisatie.nl';

let args;
try {
  args = parseArgs({ options: { email: { type: 'string' } }, allowPositionals: true }).values;
} catch {
  fail(USAGE, 64);
}
if (!args.email || !EMAIL_PATTERN.test(args.email.trim())) fail(USAGE, 64);

const config = loadConfigOrExit();
const database = await openConfiguredDatabase(config);
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
