// SPDX-License-Identifier: EUPL-1.2
// Checks on a family's personal data that zod cannot do alone: the BSN elfproef, a Dutch postcode, a
// plausible date of birth, an existing municipality. Each failure is one Dutch sentence on its field.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { municipalities } from '../reference/schema.js';
import { BSN_MESSAGE, isValidBsn, normaliseBsn } from './domain/bsn.js';
import { POSTCODE_MESSAGE, normalisePostcode } from './domain/postcode.js';

export function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

/** The BSN as stored (nine digits), null when left empty; an invalid one is refused. */
export function checkedBsn(value: string | undefined, path: string): string | null {
  if (value === undefined || normaliseBsn(value) === '') return null;
  if (!isValidBsn(value)) invalid(path, BSN_MESSAGE);
  return normaliseBsn(value);
}

export function checkedPostcode(value: string, path: string): string {
  const postcode = normalisePostcode(value);
  if (!postcode) invalid(path, POSTCODE_MESSAGE);
  return postcode;
}

/** A parent's date of birth: in the past, and an age between 10 and 65 years. */
export function checkParentBirthDate(birthDate: string, today: string, path: string): void {
  const years = (Date.parse(today) - Date.parse(birthDate)) / (365.25 * 24 * 3600_000);
  if (!(years >= 10 && years <= 65)) invalid(path, 'Controleer de geboortedatum: die past niet bij een (aanstaande) ouder.');
}

export async function checkMunicipality(tx: Executor, code: string, path: string): Promise<void> {
  const [row] = await tx.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code));
  if (!row) invalid(path, 'Deze gemeente bestaat niet (meer). Kies een gemeente uit de lijst.');
}
