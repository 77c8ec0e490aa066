// SPDX-License-Identifier: EUPL-1.2
// Who holds parental authority (gezag) over a minor: a port shaped like the national population
// register's authority query (Haal Centraal "BRP API Gezag", operation opvragenBevoegdheidTotGezag):
// ask with one or more BSNs, get per person the authority relations (gezagsrelaties) over their
// minor children (or over them, when they are a minor). Kansrijk only reads it; which source answers
// is configuration (PARENT_AUTHORITY_SOURCE): the fixture for the demo and the tests, or none.
import { z } from 'zod';
import type { Config } from '../../config.js';
import { fixtureAuthoritySource } from './fixture-authority.js';

const bsnSchema = z.string().regex(/^[0-9]{9}$/);
const personRef = z.object({ burgerservicenummer: bsnSchema });

/** The relations as the register names them (discriminator `type`); anything else is not understood. */
export const authorityRelationSchema = z.discriminatedUnion('type', [
  /** Both parents together (tweehoofdig ouderlijk gezag). */
  z.object({ type: z.literal('TweehoofdigOuderlijkGezag'), ouders: z.array(personRef).min(2).max(2), minderjarige: personRef }),
  /** One parent alone (eenhoofdig ouderlijk gezag). */
  z.object({ type: z.literal('EenhoofdigOuderlijkGezag'), ouder: personRef, minderjarige: personRef }),
  /** A parent together with someone who is not a parent (gezamenlijk gezag); the third may be unknown. */
  z.object({
    type: z.literal('GezamenlijkGezag'),
    ouder: personRef,
    derde: z.discriminatedUnion('type', [z.object({ type: z.literal('Derde'), burgerservicenummer: bsnSchema }), z.object({ type: z.literal('OnbekendeDerde') })]),
    minderjarige: personRef,
  }),
  /** Guardianship (voogdij): one or two people who are not the parents, or an institution (no BSN). */
  z.object({ type: z.literal('Voogdij'), derden: z.array(z.object({ burgerservicenummer: bsnSchema.optional() })).max(2), minderjarige: personRef }),
  /** Nobody holds authority for now. */
  z.object({ type: z.literal('TijdelijkGeenGezag'), minderjarige: personRef, toelichting: z.string().optional() }),
  /** The register cannot tell. */
  z.object({ type: z.literal('GezagNietTeBepalen'), minderjarige: personRef, toelichting: z.string().optional() }),
]);
export type AuthorityRelation = z.infer<typeof authorityRelationSchema>;

/** The answer: per person asked about, the relations (over their minor children, or over them). */
export const authorityAnswerSchema = z.object({
  personen: z.array(z.object({ burgerservicenummer: bsnSchema, gezag: z.array(authorityRelationSchema) })),
});
export type AuthorityAnswer = z.infer<typeof authorityAnswerSchema>;

/** The port: the register's query "opvragenBevoegdheidTotGezag" (1–20 BSNs per request). */
export interface AuthoritySource {
  query(bsns: readonly string[]): Promise<AuthorityAnswer>;
}

/** No source configured: nobody is known to hold authority, so no parent sees a child. */
export const noAuthoritySource: AuthoritySource = {
  query: async (bsns) => ({ personen: bsns.map((burgerservicenummer) => ({ burgerservicenummer, gezag: [] })) }),
};

/** The source the configuration names. */
export function authoritySourceFor(config: Pick<Config, 'parentAuthoritySource'>): AuthoritySource {
  return config.parentAuthoritySource === 'fixture' ? fixtureAuthoritySource : noAuthoritySource;
}
