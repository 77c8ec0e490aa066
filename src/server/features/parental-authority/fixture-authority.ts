// SPDX-License-Identifier: EUPL-1.2
// The fixture source of parental authority: fictional register answers for the demo families and the
// tests, selected by PARENT_AUTHORITY_SOURCE=fixture (never in production). A relation is returned to
// whoever it names — a juridical parent, a holder or the minor — as the register would.
import type { AuthorityAnswer, AuthorityRelation, AuthoritySource } from './authority-source.js';

export interface FixtureRelation {
  /** The juridical parents (also those without authority: the register answers them too). */
  parents: readonly string[];
  relation: AuthorityRelation;
}

/** Fictional BSNs of the demo families (each passes the elfproef); the demo seed uses the same. */
export const DEMO_AUTHORITY_BSNS = {
  /** Noor (client) and Daan (partner) hold authority together over baby Sam. */
  noor: '111111109',
  daan: '111111110',
  sam: '111111122',
  /** Lotte (client) holds authority alone over Mila, whose data are closed (a closure flag). */
  lotte: '111111134',
  mila: '111111146',
} as const;

const DEMO_RELATIONS: readonly FixtureRelation[] = [
  {
    parents: [DEMO_AUTHORITY_BSNS.noor, DEMO_AUTHORITY_BSNS.daan],
    relation: {
      type: 'TweehoofdigOuderlijkGezag',
      ouders: [{ burgerservicenummer: DEMO_AUTHORITY_BSNS.noor }, { burgerservicenummer: DEMO_AUTHORITY_BSNS.daan }],
      minderjarige: { burgerservicenummer: DEMO_AUTHORITY_BSNS.sam },
    },
  },
  {
    parents: [DEMO_AUTHORITY_BSNS.lotte],
    relation: { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: DEMO_AUTHORITY_BSNS.lotte }, minderjarige: { burgerservicenummer: DEMO_AUTHORITY_BSNS.mila } },
  },
];

/** Relations added by tests (each test file runs in a process of its own). */
const added: FixtureRelation[] = [];

/** For tests: the register now also answers this relation. */
export function addFixtureRelation(relation: FixtureRelation): void {
  added.push(relation);
}

/** Every BSN a relation names: the minor, the juridical parents and the holders. */
function namesOf({ parents, relation }: FixtureRelation): string[] {
  const holders =
    relation.type === 'TweehoofdigOuderlijkGezag'
      ? relation.ouders.map((ouder) => ouder.burgerservicenummer)
      : relation.type === 'EenhoofdigOuderlijkGezag'
        ? [relation.ouder.burgerservicenummer]
        : relation.type === 'GezamenlijkGezag'
          ? [relation.ouder.burgerservicenummer, ...(relation.derde.type === 'Derde' ? [relation.derde.burgerservicenummer] : [])]
          : relation.type === 'Voogdij'
            ? relation.derden.flatMap((derde) => (derde.burgerservicenummer ? [derde.burgerservicenummer] : []))
            : [];
  return [relation.minderjarige.burgerservicenummer, ...parents, ...holders];
}

export const fixtureAuthoritySource: AuthoritySource = {
  query: async (bsns): Promise<AuthorityAnswer> => ({
    personen: bsns.map((burgerservicenummer) => ({
      burgerservicenummer,
      gezag: [...DEMO_RELATIONS, ...added].filter((entry) => namesOf(entry).includes(burgerservicenummer)).map((entry) => entry.relation),
    })),
  }),
};
