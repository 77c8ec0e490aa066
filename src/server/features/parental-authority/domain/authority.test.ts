// SPDX-License-Identifier: EUPL-1.2
// What the register's answer means for one person and one minor, as a table: every kind of relation,
// holders and non-holders, "cannot be determined", relations about another minor or another person.
import { describe, expect, it } from 'vitest';
import { authorityAnswerSchema, type AuthorityAnswer, type AuthorityRelation } from '../authority-source.js';
import { fixtureAuthoritySource, addFixtureRelation } from '../fixture-authority.js';
import { authorityOver, minorsNamedFor, type AuthorityStanding } from './authority.js';

const MOTHER = '111111109';
const FATHER = '111111110';
const CHILD = '111111122';
const OTHER_CHILD = '111111134';
const GUARDIAN = '111111146';
const minor = { burgerservicenummer: CHILD };
const answerFor = (person: string, ...gezag: AuthorityRelation[]): AuthorityAnswer => ({ personen: [{ burgerservicenummer: person, gezag }] });

const CASES: [string, AuthorityAnswer, string, AuthorityStanding][] = [
  ['two-headed: the mother', answerFor(MOTHER, { type: 'TweehoofdigOuderlijkGezag', ouders: [{ burgerservicenummer: MOTHER }, { burgerservicenummer: FATHER }], minderjarige: minor }), MOTHER, 'holder'],
  ['two-headed: the father', answerFor(FATHER, { type: 'TweehoofdigOuderlijkGezag', ouders: [{ burgerservicenummer: MOTHER }, { burgerservicenummer: FATHER }], minderjarige: minor }), FATHER, 'holder'],
  ['one-headed: the holder', answerFor(MOTHER, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: minor }), MOTHER, 'holder'],
  ['one-headed: the other parent', answerFor(FATHER, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: minor }), FATHER, 'not_holder'],
  ['joint with a third: the parent', answerFor(MOTHER, { type: 'GezamenlijkGezag', ouder: { burgerservicenummer: MOTHER }, derde: { type: 'Derde', burgerservicenummer: GUARDIAN }, minderjarige: minor }), MOTHER, 'holder'],
  ['joint with a third: the third', answerFor(GUARDIAN, { type: 'GezamenlijkGezag', ouder: { burgerservicenummer: MOTHER }, derde: { type: 'Derde', burgerservicenummer: GUARDIAN }, minderjarige: minor }), GUARDIAN, 'holder'],
  ['joint with an unknown third: the other parent', answerFor(FATHER, { type: 'GezamenlijkGezag', ouder: { burgerservicenummer: MOTHER }, derde: { type: 'OnbekendeDerde' }, minderjarige: minor }), FATHER, 'not_holder'],
  ['guardianship: the guardian', answerFor(GUARDIAN, { type: 'Voogdij', derden: [{ burgerservicenummer: GUARDIAN }], minderjarige: minor }), GUARDIAN, 'holder'],
  ['guardianship: a parent', answerFor(MOTHER, { type: 'Voogdij', derden: [{ burgerservicenummer: GUARDIAN }], minderjarige: minor }), MOTHER, 'not_holder'],
  ['guardianship by an institution: a parent', answerFor(MOTHER, { type: 'Voogdij', derden: [], minderjarige: minor }), MOTHER, 'not_holder'],
  ['nobody for now', answerFor(MOTHER, { type: 'TijdelijkGeenGezag', minderjarige: minor }), MOTHER, 'not_holder'],
  ['cannot be determined', answerFor(MOTHER, { type: 'GezagNietTeBepalen', minderjarige: minor, toelichting: 'onbekend' }), MOTHER, 'undetermined'],
  [
    'a holder, but another relation cannot be determined: undetermined',
    answerFor(MOTHER, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: minor }, { type: 'GezagNietTeBepalen', minderjarige: minor }),
    MOTHER,
    'undetermined',
  ],
  ['a relation over another minor', answerFor(MOTHER, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: { burgerservicenummer: OTHER_CHILD } }), MOTHER, 'not_holder'],
  ['the answer is about another person', answerFor(FATHER, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: minor }), MOTHER, 'not_holder'],
  ['no relations', answerFor(MOTHER), MOTHER, 'not_holder'],
];

describe('authority over a minor', () => {
  for (const [name, answer, person, expected] of CASES) {
    it(`${name} → ${expected}`, () => {
      expect(authorityAnswerSchema.parse(answer)).toEqual(answer);
      expect(authorityOver(answer, person, CHILD)).toBe(expected);
    });
  }
  it('names each minor once', () => {
    const answer = answerFor(MOTHER, { type: 'GezagNietTeBepalen', minderjarige: minor }, { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: MOTHER }, minderjarige: minor });
    expect(minorsNamedFor(answer, MOTHER)).toEqual([CHILD]);
  });
  it('the register’s shape: an unknown relation type is not understood', () => {
    expect(authorityAnswerSchema.safeParse({ personen: [{ burgerservicenummer: MOTHER, gezag: [{ type: 'Onbekend', minderjarige: minor }] }] }).success).toBe(false);
  });
});

describe('the fixture source', () => {
  it('answers a relation to the minor, the juridical parents and the holders, not to others', async () => {
    const relation: AuthorityRelation = { type: 'EenhoofdigOuderlijkGezag', ouder: { burgerservicenummer: '222333406' }, minderjarige: { burgerservicenummer: '222333418' } };
    addFixtureRelation({ parents: ['222333406', '222333431'], relation });
    const answer = await fixtureAuthoritySource.query(['222333406', '222333431', '222333418', '222333443']);
    expect(answer.personen.map((person) => person.gezag.length)).toEqual([1, 1, 1, 0]);
    expect(authorityOver(answer, '222333406', '222333418')).toBe('holder');
    expect(authorityOver(answer, '222333431', '222333418')).toBe('not_holder');
  });
});
