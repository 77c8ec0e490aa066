// SPDX-License-Identifier: EUPL-1.2
// Conventions of the message catalogue: counts have a singular and a plural sentence (no "verwijzing(en)"),
// and the optional-field mark comes from the field components, never from a label text.
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { nl } from './nl.js';

function leaves(catalogue: Record<string, Record<string, string>>): [string, string][] {
  return Object.entries(catalogue).flatMap(([section, texts]) => Object.entries(texts).map(([key, text]) => [`${section}.${key}`, text] as [string, string]));
}

const CATALOGUES = { nl, en } as unknown as Record<string, Record<string, Record<string, string>>>;

describe.each(Object.keys(CATALOGUES))('the %s catalogue', (language) => {
  const texts = leaves(CATALOGUES[language]!);

  it('has no "(en)"/"(s)"-plurals: a count gets its own singular and plural sentence', () => {
    expect(texts.filter(([, text]) => /\p{L}\((?:en|s|n|e|es)\)/u.test(text))).toEqual([]);
  });

  it('pairs every singular sentence (…One) with its plural (…Many, or the bare key)', () => {
    const keys = new Set(texts.map(([key]) => key));
    const singles = [...keys].filter((key) => key.endsWith('One'));
    expect(singles.length).toBeGreaterThan(3);
    const unpaired = singles.filter((key) => !keys.has(`${key.slice(0, -3)}Many`) && !keys.has(key.slice(0, -3)));
    expect(unpaired).toEqual([]);
    const pluralsAlone = [...keys].filter((key) => key.endsWith('Many') && !keys.has(`${key.slice(0, -4)}One`));
    expect(pluralsAlone).toEqual([]);
  });

  it('never writes the optional mark into a label: only shell.optional holds it', () => {
    const mark = /\((?:niet verplicht|optioneel|optional|not required)\)/i;
    expect(texts.filter(([key, text]) => key !== 'shell.optional' && mark.test(text))).toEqual([]);
  });
});
