// SPDX-License-Identifier: EUPL-1.2
// What the register's answer means for one parent and one minor. Pure: the table test lists every
// kind of relation. Deny by default: no relation, nobody for now, or "cannot be determined" — no access.
import type { AuthorityAnswer, AuthorityRelation } from '../authority-source.js';

/** 'holder': this person holds authority; 'not_holder': they do not (or nobody does); 'undetermined': the register cannot tell. */
export type AuthorityStanding = 'holder' | 'not_holder' | 'undetermined';

/** The BSNs of those who hold authority under this relation. */
export function holdersOf(relation: AuthorityRelation): string[] {
  switch (relation.type) {
    case 'TweehoofdigOuderlijkGezag':
      return relation.ouders.map((ouder) => ouder.burgerservicenummer);
    case 'EenhoofdigOuderlijkGezag':
      return [relation.ouder.burgerservicenummer];
    case 'GezamenlijkGezag':
      return [relation.ouder.burgerservicenummer, ...(relation.derde.type === 'Derde' ? [relation.derde.burgerservicenummer] : [])];
    case 'Voogdij':
      return relation.derden.flatMap((derde) => (derde.burgerservicenummer ? [derde.burgerservicenummer] : []));
    case 'TijdelijkGeenGezag':
    case 'GezagNietTeBepalen':
      return [];
  }
}

/**
 * Does `personBsn` hold authority over `minorBsn`, by the answer to a query about `personBsn`? Any
 * relation over the minor that the register cannot determine makes the whole undetermined (never a guess).
 */
export function authorityOver(answer: AuthorityAnswer, personBsn: string, minorBsn: string): AuthorityStanding {
  const relations = answer.personen
    .filter((person) => person.burgerservicenummer === personBsn)
    .flatMap((person) => person.gezag)
    .filter((relation) => relation.minderjarige.burgerservicenummer === minorBsn);
  if (relations.some((relation) => relation.type === 'GezagNietTeBepalen')) return 'undetermined';
  return relations.some((relation) => holdersOf(relation).includes(personBsn)) ? 'holder' : 'not_holder';
}

/** The minors the answer names for this person (candidates; authorityOver decides each). */
export function minorsNamedFor(answer: AuthorityAnswer, personBsn: string): string[] {
  const minors = answer.personen
    .filter((person) => person.burgerservicenummer === personBsn)
    .flatMap((person) => person.gezag.map((relation) => relation.minderjarige.burgerservicenummer));
  return [...new Set(minors)];
}
