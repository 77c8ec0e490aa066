// SPDX-License-Identifier: EUPL-1.2
// Levels of assurance as DigiD-connected brokers report them, on one ladder. DigiD has four levels
// (Basis, Midden, Substantieel, Hoog); eIDAS three (low, substantial, high); brokers pass them as the
// SAML authentication context classes of DigiD, the eIDAS LoA URIs or plain names. Personal pages need
// 'substantieel' or higher (eIDAS substantial; DigiD Substantieel is the app with identity check).
export const LEVELS = ['basis', 'midden', 'substantieel', 'hoog'] as const;
export type Level = (typeof LEVELS)[number];

/** What a broker may put in the level claim, and the level it means. Anything else is no level at all. */
export const LEVEL_CLAIM_VALUES: Readonly<Record<string, Level>> = {
  // Plain names (DigiD and most brokers' own vocabulary).
  basis: 'basis',
  midden: 'midden',
  substantieel: 'substantieel',
  hoog: 'hoog',
  // DigiD's SAML AuthnContextClassRef values.
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport': 'basis',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract': 'midden',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard': 'substantieel',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI': 'hoog',
  // eIDAS levels of assurance.
  'http://eidas.europa.eu/LoA/low': 'basis',
  'http://eidas.europa.eu/LoA/substantial': 'substantieel',
  'http://eidas.europa.eu/LoA/high': 'hoog',
};

export const REQUIRED_LEVEL: Level = 'substantieel';

/** The level a claim value means; null for a missing or unknown value. */
export function levelOf(claim: unknown): Level | null {
  if (typeof claim !== 'string') return null;
  return Object.hasOwn(LEVEL_CLAIM_VALUES, claim) ? LEVEL_CLAIM_VALUES[claim]! : null;
}

/** Is this level at least the required one? An unknown level never is. */
export function meetsRequiredLevel(level: Level | null): boolean {
  return level !== null && LEVELS.indexOf(level) >= LEVELS.indexOf(REQUIRED_LEVEL);
}

/** The acr_values to ask the broker for: the required level and the ones above it, in every vocabulary. */
export function requestedAcrValues(): string {
  return Object.entries(LEVEL_CLAIM_VALUES)
    .filter(([, level]) => meetsRequiredLevel(level))
    .map(([value]) => value)
    .join(' ');
}
