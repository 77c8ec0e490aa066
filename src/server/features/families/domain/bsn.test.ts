// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BSN_MESSAGE, DUPLICATE_REASON_LABELS, familyMatchKey, findDuplicateCandidates, isValidBsn, normaliseName, type PersonForMatching } from './bsn.js';

// The elfproef written out digit by digit, independently of the implementation's loop.
function elfproefSum(nine: string): number {
  const d = [...nine].map(Number);
  return 9 * d[0]! + 8 * d[1]! + 7 * d[2]! + 6 * d[3]! + 5 * d[4]! + 4 * d[5]! + 3 * d[6]! + 2 * d[7]! - 1 * d[8]!;
}

describe('isValidBsn', () => {
  it('accepts 111222333: 9+8+7+12+10+8+9+6−3 = 66 = 6 × 11', () => {
    expect(elfproefSum('111222333')).toBe(66);
    expect(isValidBsn('111222333')).toBe(true);
  });

  it('refuses 123456789: 9+16+21+24+25+24+21+16−9 = 147, remainder 4', () => {
    expect(elfproefSum('123456789')).toBe(147);
    expect(147 % 11).toBe(4);
    expect(isValidBsn('123456789')).toBe(false);
  });

  it('normalises spaces and dots', () => {
    expect(isValidBsn('1112.22.333')).toBe(true);
    expect(isValidBsn(' 111 222 333 ')).toBe(true);
  });

  it('refuses all zeros, wrong length and non-digits', () => {
    expect(elfproefSum('000000000')).toBe(0);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('11122233')).toBe(false);
    expect(isValidBsn('1112223330')).toBe(false);
    expect(isValidBsn('11122233a')).toBe(false);
    expect(isValidBsn('')).toBe(false);
    expect(isValidBsn('111-222-333')).toBe(false);
  });

  it('agrees with the written-out elfproef for any nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{9}$/), (digits) => {
        expect(isValidBsn(digits)).toBe(digits !== '000000000' && elfproefSum(digits) % 11 === 0);
      }),
    );
  });

  it('catches every single-digit typo in a valid BSN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [...'111222333'].map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        expect(isValidBsn(digits.join(''))).toBe(false);
      }),
    );
  });
});

const anna: PersonForMatching = { id: 'a', givenName: 'Anna', familyName: 'de Vries', dateOfBirth: '1995-03-14', postcode: '3311 AB' };

describe('familyMatchKey', () => {
  it('uses the BSN when valid', () => {
    expect(familyMatchKey({ ...anna, bsn: '1112.22.333' })).toBe('bsn:111222333');
  });

  it('falls back to name, date of birth and postcode, normalised', () => {
    expect(familyMatchKey({ ...anna, bsn: '123456789' })).toBe('npd:anna de vries|1995-03-14|3311AB');
    expect(familyMatchKey({ ...anna, givenName: ' ANNA ', familyName: 'De-Vriës', postcode: '3311ab' })).toBe(
      'npd:anna de vries|1995-03-14|3311AB',
    );
  });

  it('gives no key without a postcode or with an invalid one', () => {
    expect(familyMatchKey({ ...anna, postcode: null })).toBeNull();
    expect(familyMatchKey({ ...anna, postcode: '0311 AB' })).toBeNull();
  });

  it('normalises names without accents, case and punctuation', () => {
    expect(normaliseName("  Özdemir-d'Hondt ")).toBe('ozdemir d hondt');
    expect(normaliseName('de -- Vries,  Jr.')).toBe('de vries jr');
  });
});

describe('findDuplicateCandidates', () => {
  const existing: PersonForMatching[] = [
    { ...anna, bsn: '111222333' },
    { id: 'b', givenName: 'Anna', familyName: 'De Vries', dateOfBirth: '1995-03-14', postcode: '3311AB', bsn: null },
    { id: 'c', givenName: 'Anna', familyName: 'de Vries', dateOfBirth: '1995-03-15', postcode: '3311 AB' },
    { id: 'd', givenName: 'Fatima', familyName: 'El Amrani', dateOfBirth: '1990-01-01', postcode: '1234 AB', bsn: '111222333' },
  ];

  it('finds by BSN and by name + date of birth + postcode, with reasons', () => {
    const found = findDuplicateCandidates({ givenName: 'anna', familyName: 'de vries', dateOfBirth: '1995-03-14', postcode: '3311ab', bsn: '111 222 333' }, existing);
    expect(found.map((c) => [c.person.id, c.reasons])).toEqual([
      ['a', ['same_bsn', 'same_name_date_of_birth_postcode']],
      ['b', ['same_name_date_of_birth_postcode']],
      ['d', ['same_bsn']],
    ]);
  });

  it('never proposes two persons with different valid BSNs', () => {
    // 111222333 and 123456782 both pass the elfproef (9+16+21+24+25+24+21+16−2 = 154 = 14 × 11).
    expect(isValidBsn('123456782')).toBe(true);
    const found = findDuplicateCandidates({ ...anna, id: 'new', bsn: '123456782' }, existing);
    expect(found.map((c) => c.person.id)).toEqual(['b']);
  });

  it('does not match a person with itself', () => {
    expect(findDuplicateCandidates(existing[0]!, [existing[0]!])).toEqual([]);
  });
});

describe('familyMatchKey: what is complete enough to match on', () => {
  it.each([
    ['a valid BSN, written with spaces', { ...anna, bsn: ' 111 222 333 ' }, 'bsn:111222333'],
    ['an invalid BSN: the other fields', { ...anna, bsn: '111222334' }, 'npd:anna de vries|1995-03-14|3311AB'],
    ['an empty BSN: the other fields', { ...anna, bsn: '' }, 'npd:anna de vries|1995-03-14|3311AB'],
    ['a valid BSN without anything else', { givenName: '', familyName: '', dateOfBirth: '', bsn: '111222333' }, 'bsn:111222333'],
    ['only a family name', { ...anna, givenName: '' }, 'npd:de vries|1995-03-14|3311AB'],
    ['only a given name', { ...anna, familyName: ' - ' }, 'npd:anna|1995-03-14|3311AB'],
    ['no name at all', { ...anna, givenName: ' ', familyName: '.' }, null],
    ['an empty postcode', { ...anna, postcode: '' }, null],
    ['a date of birth written the other way round', { ...anna, dateOfBirth: '14-03-1995' }, null],
    ['a date of birth without leading zeros', { ...anna, dateOfBirth: '1995-3-14' }, null],
    ['something before the date of birth', { ...anna, dateOfBirth: 'x1995-03-14' }, null],
    ['something after the date of birth', { ...anna, dateOfBirth: '1995-03-14T00:00' }, null],
    ['no date of birth', { ...anna, dateOfBirth: '' }, null],
  ] as const)('%s: %j', (_, person, key) => {
    expect(familyMatchKey(person as PersonForMatching)).toBe(key);
  });
});

describe('findDuplicateCandidates: every combination of BSN and name key', () => {
  // A new person and one existing person: which reasons, if any, propose the existing one.
  const NO_ADDRESS = { postcode: null };
  it.each([
    ['same BSN, same name etc.', { bsn: '111222333' }, { bsn: '111222333' }, ['same_bsn', 'same_name_date_of_birth_postcode']],
    ['same BSN, no name key on either side', { bsn: '111222333', ...NO_ADDRESS }, { bsn: '111222333', ...NO_ADDRESS }, ['same_bsn']],
    ['same BSN, different names', { bsn: '111222333' }, { bsn: '111222333', givenName: 'Fatima' }, ['same_bsn']],
    ['different valid BSNs, same name etc.', { bsn: '111222333' }, { bsn: '123456782' }, null],
    ['no BSN for the new person, one for the existing', { bsn: null }, { bsn: '111222333' }, ['same_name_date_of_birth_postcode']],
    ['a BSN for the new person, none for the existing', { bsn: '111222333' }, { bsn: null }, ['same_name_date_of_birth_postcode']],
    ['no BSN on either side, same name etc.', { bsn: null }, { bsn: null }, ['same_name_date_of_birth_postcode']],
    ['an invalid BSN on both sides is no BSN', { bsn: '111222334' }, { bsn: '111222334' }, ['same_name_date_of_birth_postcode']],
    ['no BSN and no name key on either side', { bsn: null, ...NO_ADDRESS }, { bsn: null, ...NO_ADDRESS }, null],
    ['no BSN, another date of birth', { bsn: null }, { bsn: null, dateOfBirth: '1995-03-15' }, null],
  ] as const)('%s', (_, newFields, existingFields, reasons) => {
    const existing = { ...anna, id: 'existing', ...existingFields };
    const found = findDuplicateCandidates({ ...anna, id: undefined, ...newFields }, [existing]);
    expect(found).toEqual(reasons === null ? [] : [{ person: existing, reasons }]);
  });

  it('compares ids only when the new person has one (a new registration has none)', () => {
    const withoutId = { givenName: 'Anna', familyName: 'de Vries', dateOfBirth: '1995-03-14', postcode: '3311 AB' };
    expect(findDuplicateCandidates(withoutId, [withoutId]).map((candidate) => candidate.reasons)).toEqual([['same_name_date_of_birth_postcode']]);
    expect(findDuplicateCandidates({ ...withoutId, id: 'x' }, [{ ...withoutId, id: 'x' }, { ...withoutId, id: 'y' }]).map((candidate) => candidate.person.id)).toEqual(['y']);
  });
});

describe('the Dutch texts', () => {
  it('says what is wrong with a BSN and why a candidate is proposed', () => {
    expect(BSN_MESSAGE).toBe('Dit is geen geldig burgerservicenummer (BSN). Controleer de negen cijfers.');
    expect(DUPLICATE_REASON_LABELS).toEqual({ same_bsn: 'Zelfde BSN', same_name_date_of_birth_postcode: 'Zelfde naam, geboortedatum en postcode' });
  });
});
