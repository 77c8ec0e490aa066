// SPDX-License-Identifier: EUPL-1.2
// The password policy as the API reports it: one Dutch sentence per problem, on the field concerned.
import { checkPasswordPolicy, type PasswordProblem } from '../../platform/auth/password.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';

const MESSAGE_OF: Record<PasswordProblem, string> = {
  too_short: nl.auth.passwordTooShort,
  too_long: nl.auth.passwordTooLong,
  common: nl.auth.passwordCommon,
  contains_email: nl.auth.passwordContainsEmail,
};

export function assertPasswordPolicy(password: string, email: string, field: string): void {
  const problems = checkPasswordPolicy(password, email);
  if (problems.length === 0) return;
  throw new AppError('password_policy', {
    errors: problems.map((problem) => ({ path: `body.${field}`, message: MESSAGE_OF[problem] })),
  });
}
