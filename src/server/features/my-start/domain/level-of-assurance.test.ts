// SPDX-License-Identifier: EUPL-1.2
// Levels of assurance and the login claims, as tables: every value a broker may send, and every kind
// of ID token, with what Kansrijk makes of it.
import { describe, expect, it } from 'vitest';
import { LEVEL_CLAIM_VALUES, levelOf, meetsRequiredLevel, requestedAcrValues } from './level-of-assurance.js';
import { checkParentClaims } from './login-claims.js';

const LEVEL_TABLE: [unknown, string | null, boolean][] = [
  ['basis', 'basis', false],
  ['midden', 'midden', false],
  ['substantieel', 'substantieel', true],
  ['hoog', 'hoog', true],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', 'basis', false],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', 'midden', false],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard', 'substantieel', true],
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI', 'hoog', true],
  ['http://eidas.europa.eu/LoA/low', 'basis', false],
  ['http://eidas.europa.eu/LoA/substantial', 'substantieel', true],
  ['http://eidas.europa.eu/LoA/high', 'hoog', true],
  ['Substantieel', null, false],
  ['toString', null, false],
  ['', null, false],
  [3, null, false],
  [null, null, false],
  [undefined, null, false],
  [['substantieel'], null, false],
];

describe('levels of assurance', () => {
  it('the table covers every value the ladder knows', () => {
    expect(Object.keys(LEVEL_CLAIM_VALUES).sort()).toEqual(LEVEL_TABLE.filter(([, level]) => level !== null).map(([value]) => value as string).sort());
  });
  for (const [value, level, isEnough] of LEVEL_TABLE) {
    it(`${JSON.stringify(value)} → ${level ?? 'no level'}, ${isEnough ? 'enough' : 'not enough'} for personal pages`, () => {
      expect(levelOf(value)).toBe(level);
      expect(meetsRequiredLevel(levelOf(value))).toBe(isEnough);
    });
  }
  it('asks the broker for exactly the values that are enough', () => {
    expect(requestedAcrValues().split(' ').sort()).toEqual(LEVEL_TABLE.filter(([, , isEnough]) => isEnough).map(([value]) => value as string).sort());
  });
});

describe('a parent’s login claims', () => {
  const names = { bsnClaim: 'bsn', levelClaim: 'acr' };
  const CASES: [string, Record<string, unknown>, ReturnType<typeof checkParentClaims>][] = [
    ['no BSN', { acr: 'hoog' }, { isAccepted: false, reason: 'no_bsn' }],
    ['BSN not a string', { bsn: 123456782, acr: 'hoog' }, { isAccepted: false, reason: 'no_bsn' }],
    ['blank BSN', { bsn: ' ', acr: 'hoog' }, { isAccepted: false, reason: 'no_bsn' }],
    ['elfproef fails', { bsn: '123456789', acr: 'hoog' }, { isAccepted: false, reason: 'invalid_bsn' }],
    ['all zeros', { bsn: '000000000', acr: 'hoog' }, { isAccepted: false, reason: 'invalid_bsn' }],
    ['letters', { bsn: '12345678a', acr: 'hoog' }, { isAccepted: false, reason: 'invalid_bsn' }],
    ['bad BSN and low level: the BSN is named first', { bsn: '123456789', acr: 'basis' }, { isAccepted: false, reason: 'invalid_bsn' }],
    ['low level', { bsn: '123456782', acr: 'midden' }, { isAccepted: false, reason: 'level_too_low' }],
    ['no level', { bsn: '123456782' }, { isAccepted: false, reason: 'level_too_low' }],
    ['ok', { bsn: '123456782', acr: 'substantieel' }, { isAccepted: true, bsn: '123456782', level: 'substantieel' }],
    ['ok, written with spaces and dots', { bsn: ' 1234 56.782 ', acr: 'hoog' }, { isAccepted: true, bsn: '123456782', level: 'hoog' }],
  ];
  for (const [name, claims, expected] of CASES) {
    it(`${name} → ${expected.isAccepted ? 'accepted' : expected.reason}`, () => expect(checkParentClaims(claims, names)).toEqual(expected));
  }
  it('reads the claims the configuration names', () => {
    expect(checkParentClaims({ 'nl:bsn': '123456782', loa: 'hoog' }, { bsnClaim: 'nl:bsn', levelClaim: 'loa' })).toMatchObject({ isAccepted: true });
  });
});
