// SPDX-License-Identifier: EUPL-1.2
// Burgerservicenummer (BSN) check and duplicate detection for persons in the chain.
// The BSN is optional in Kansrijk (minimal data), so duplicates are also looked for on name, date of
// birth and postcode. Detection only proposes candidates: a professional decides and merges.
import { normalisePostcode } from './postcode.js';

/** Spaces and dots are how people write a BSN on paper ("1112.22.333"); they carry no meaning. */
export function normaliseBsn(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/**
 * The elfproef for BSN: nine digits d1…d9, 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (the
 * "−1" on the last digit distinguishes the BSN test from the bank-account one). 000000000 passes the
 * arithmetic but is never issued. Eight-digit numbers (old sofinummers written without the leading
 * zero) are refused rather than padded, so a dropped digit is never silently "repaired".
 */
export function isValidBsn(value: string): boolean {
  const digits = normaliseBsn(value);
  if (!/^[0-9]{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(digits[index]) * (9 - index);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export const BSN_MESSAGE = 'Dit is geen geldig burgerservicenummer (BSN). Controleer de negen cijfers.';

export interface PersonForMatching {
  readonly id?: string;
  readonly givenName: string;
  readonly familyName: string;
  /** ISO date, YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly bsn?: string | null;
  readonly postcode?: string | null;
}

/**
 * Names are compared without case, accents, punctuation and extra spaces: "Özdemir-de Vries" and
 * "ozdemir de vries" are the same person as far as a typed-in form can tell.
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * One key per person for exact duplicate lookup (an index in the store later): the BSN when valid,
 * else name + date of birth + postcode; null when neither is complete enough to match on.
 */
export function familyMatchKey(person: PersonForMatching): string | null {
  if (person.bsn && isValidBsn(person.bsn)) return `bsn:${normaliseBsn(person.bsn)}`;
  const postcode = person.postcode ? normalisePostcode(person.postcode) : null;
  const name = `${normaliseName(person.givenName)} ${normaliseName(person.familyName)}`.trim();
  if (!postcode || name === '' || !/^\d{4}-\d{2}-\d{2}$/.test(person.dateOfBirth)) return null;
  return `npd:${name}|${person.dateOfBirth}|${postcode.replace(' ', '')}`;
}

export type DuplicateReason = 'same_bsn' | 'same_name_date_of_birth_postcode';

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_bsn: 'Zelfde BSN',
  same_name_date_of_birth_postcode: 'Zelfde naam, geboortedatum en postcode',
};

export interface DuplicateCandidate<P extends PersonForMatching> {
  readonly person: P;
  readonly reasons: readonly DuplicateReason[];
}

function validBsnOf(person: PersonForMatching): string | null {
  return person.bsn && isValidBsn(person.bsn) ? normaliseBsn(person.bsn) : null;
}

function nameDateOfBirthPostcodeKey(person: PersonForMatching): string | null {
  return familyMatchKey({ ...person, bsn: null });
}

/**
 * Existing persons that may be the same as `newPerson`, with why. Two different valid BSNs mean two
 * different people whatever their names say (the BSN is authoritative), so such pairs are never
 * proposed.
 */
export function findDuplicateCandidates<P extends PersonForMatching>(
  newPerson: PersonForMatching,
  existing: readonly P[],
): DuplicateCandidate<P>[] {
  const newBsn = validBsnOf(newPerson);
  const newKey = nameDateOfBirthPostcodeKey(newPerson);
  const candidates: DuplicateCandidate<P>[] = [];
  for (const person of existing) {
    if (newPerson.id !== undefined && person.id === newPerson.id) continue;
    const bsn = validBsnOf(person);
    if (newBsn !== null && bsn !== null && newBsn !== bsn) continue;
    const reasons: DuplicateReason[] = [];
    if (newBsn !== null && bsn === newBsn) reasons.push('same_bsn');
    if (newKey !== null && nameDateOfBirthPostcodeKey(person) === newKey) reasons.push('same_name_date_of_birth_postcode');
    if (reasons.length > 0) candidates.push({ person, reasons });
  }
  return candidates;
}
