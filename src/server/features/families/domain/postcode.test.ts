// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { isValidPostcode, normalisePostcode, POSTCODE_MESSAGE } from './postcode.js';

describe('Dutch postcodes', () => {
  it.each([
    ['3311 AB', '3311 AB'],
    ['3311ab', '3311 AB'],
    ['  3311   ab ', '3311 AB'],
    ['3 3 1 1 a b', '3311 AB'],
    ['1000\tAA', '1000 AA'],
    ['9999ZZ', '9999 ZZ'],
    ['1234 SB', '1234 SB'],
    ['1234 AS', '1234 AS'],
  ])('%j is valid and written as %j', (input, written) => {
    expect(isValidPostcode(input)).toBe(true);
    expect(normalisePostcode(input)).toBe(written);
  });

  it.each([
    ['0311 AB', 'no leading zero'],
    ['331 AB', 'three digits'],
    ['33111 AB', 'five digits'],
    ['3311 A', 'one letter'],
    ['3311 ABC', 'three letters'],
    ['x3311 AB', 'something before'],
    ['3311 AB1', 'something after'],
    ['3311-AB', 'a hyphen is not a space'],
    ['AB 3311', 'letters first'],
    ['3311 ÄB', 'not an ASCII letter'],
    ['3311 SA', 'SA is never issued'],
    ['3311 sd', 'SD is never issued'],
    ['3311SS', 'SS is never issued'],
    ['', 'empty'],
  ])('%j is refused (%s)', (input) => {
    expect(isValidPostcode(input)).toBe(false);
    expect(normalisePostcode(input)).toBeNull();
  });

  it('asks for a postcode in Dutch, with an example', () => {
    expect(POSTCODE_MESSAGE).toBe('Vul een geldige Nederlandse postcode in, bijvoorbeeld 3311 AB.');
  });
});
