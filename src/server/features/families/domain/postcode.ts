// SPDX-License-Identifier: EUPL-1.2
// Dutch postcodes: four digits (no leading zero) and two letters. PostNL never issues the letter
// pairs SA, SD and SS (historical connotations), so they are refused as typos.

const POSTCODE = /^([1-9][0-9]{3})([A-Z]{2})$/;
const NEVER_ISSUED = new Set(['SA', 'SD', 'SS']);

function compact(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function isValidPostcode(value: string): boolean {
  const match = POSTCODE.exec(compact(value));
  return match !== null && !NEVER_ISSUED.has(match[2]!);
}

/** "1234ab" / " 1234 AB " → "1234 AB"; null when it is not a valid Dutch postcode. */
export function normalisePostcode(value: string): string | null {
  if (!isValidPostcode(value)) return null;
  const compacted = compact(value);
  return `${compacted.slice(0, 4)} ${compacted.slice(4)}`;
}

export const POSTCODE_MESSAGE = 'Vul een geldige Nederlandse postcode in, bijvoorbeeld 3311 AB.';
