// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { familyNameKey, nameSearchWords } from './name-search.js';

describe('name search', () => {
  it('keys a family name on its main part', () => {
    expect(familyNameKey('van Dijk')).toBe('dijk');
    expect(familyNameKey('van der Berg-de Vries')).toBe('berg de vries');
    expect(familyNameKey("in 't Veld")).toBe('veld');
    expect(familyNameKey('Özdemir')).toBe('ozdemir');
    // A name that is only a particle stays as it is.
    expect(familyNameKey('De')).toBe('de');
  });

  it('drops particles from a search unless nothing else was typed', () => {
    expect(nameSearchWords('Noor van Dijk')).toEqual(['noor', 'dijk']);
    expect(nameSearchWords('van der')).toEqual(['van', 'der']);
    expect(nameSearchWords('  JANS ')).toEqual(['jans']);
  });
});
