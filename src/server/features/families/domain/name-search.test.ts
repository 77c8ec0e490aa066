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
    expect(nameSearchWords('')).toEqual([]);
    expect(nameSearchWords(' - ')).toEqual([]);
  });

  // Every particle the search knows, one by one: before a family name it is dropped from the key and
  // from a search; a word that only looks like one ("vander", "tee") is kept.
  it.each(['van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'uit', 'la', 'le', 'du', 'da', 'di', 'el', 'al', 'von', 'zu', 'vd', 'v'])(
    'the particle %j',
    (particle) => {
      expect(familyNameKey(`${particle} Bakker`)).toBe('bakker');
      expect(nameSearchWords(`Noor ${particle} Bakker`)).toEqual(['noor', 'bakker']);
      expect(nameSearchWords(particle)).toEqual([particle]);
    },
  );

  it.each([
    ['vander Bakker', 'vander bakker'],
    ['Tee Bakker', 'tee bakker'],
    ['Bakker van Dijk', 'bakker van dijk'],
    ['', ''],
    ['  van  ', 'van'],
  ])('the family name %j is keyed %j (only leading particles go)', (familyName, key) => {
    expect(familyNameKey(familyName)).toBe(key);
  });
});
