// SPDX-License-Identifier: EUPL-1.2
// argon2id password hashing and the password policy (length + a shipped list of common passwords).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP-recommended argon2id parameters (m = 19 MiB, t = 2, p = 1).
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time as a real check when the account does not exist (no timing oracle). */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('kansrijk-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

let commonPasswords: Set<string> | undefined;
function loadCommonPasswords(): Set<string> {
  // SecLists "10 million password list, top 1M" (CC BY-SA 3.0), only entries of 12+ characters.
  const file = fileURLToPath(new URL('../../../../data/common-passwords.txt', import.meta.url));
  commonPasswords ??= new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.trim().toLowerCase()));
  return commonPasswords;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Checks a new password; returns the problems found (empty when acceptable). */
export function checkPasswordPolicy(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (loadCommonPasswords().has(password.toLowerCase())) problems.push('common');
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) problems.push('contains_email');
  return problems;
}
