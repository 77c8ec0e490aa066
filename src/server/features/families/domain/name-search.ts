// SPDX-License-Identifier: EUPL-1.2
// Searching clients by name the Dutch way: a family name is found by its main part, without the
// tussenvoegsel ("van Dijk" under D, found by "dijk"), and tussenvoegsels typed in a search are
// ignored unless nothing else was typed. Every remaining word must be the start of the given name
// or of the family name — which a btree index answers without reading every client.
import { normaliseName } from './bsn.js';

/** Dutch (and Flemish) name particles, as single words; combinations ("van der") are several words. */
const TUSSENVOEGSELS = new Set(['van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'uit', 'la', 'le', 'du', 'da', 'di', 'el', 'al', 'von', 'zu', 'vd', 'v']);

/** The family name's main part, normalised: "van der Berg-de Vries" → "berg de vries". */
export function familyNameKey(familyName: string): string {
  const words = normaliseName(familyName).split(' ').filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && TUSSENVOEGSELS.has(words[start]!)) start++;
  return words.slice(start).join(' ');
}

/** The words of a name search that must each start the given name or the family name's main part. */
export function nameSearchWords(query: string): string[] {
  const words = normaliseName(query).split(' ').filter(Boolean);
  const meaningful = words.filter((word) => !TUSSENVOEGSELS.has(word));
  return meaningful.length > 0 ? meaningful : words;
}
