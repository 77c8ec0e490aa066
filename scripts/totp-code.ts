// SPDX-License-Identifier: EUPL-1.2
// Prints the current TOTP code for a demo account's secret (for trying the demo without an app).
import { currentTotpCode } from '../src/server/platform/auth/totp.js';

const secret = process.argv[2];
if (!secret) {
  console.error('Gebruik: npx tsx scripts/totp-code.ts <TOTP-geheim>');
  process.exit(2);
}
console.log(await currentTotpCode(secret, new Date()));
