// SPDX-License-Identifier: EUPL-1.2
// Whom the coordinator can invite with an account: the active people of the organisations that serve
// the coalition's member municipalities (its partner organisations as the directory knows them; once
// the partners part is merged, its coalition_partners can narrow this). Names and organisation only.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { requireAllowed } from '../../platform/access/scoped-store.js';
import { memberships, organisationMunicipalities, organisations, people } from '../organisations/schema.js';
import type { CandidateList } from '../../../contracts/coalition-analysis.js';
import { locateRound } from './round-target.js';
import { requireCoalition, type RoundRow, type UseCaseContext } from './store.js';

export async function listCandidates(ctx: UseCaseContext, code: string, roundId: string): Promise<CandidateList> {
  const coalition = await requireCoalition(ctx.db, code);
  const found: { round?: RoundRow } = {};
  return ctx.store.act({
    resource: 'analysis_round',
    action: 'read',
    objectId: roundId,
    locate: locateRound(coalition, roundId, found),
    perform: async (tx, target) => {
      // Only who may invite sees whom they could invite.
      requireAllowed(ctx.actor, 'analysis_round', 'update', target);
      if (coalition.municipalityCodes.length === 0) return { items: [] };
      const rows = await tx
        .selectDistinct({ personId: people.id, name: people.name, organisationName: organisations.name })
        .from(people)
        .innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.isActive, true)))
        .innerJoin(organisations, and(eq(organisations.id, memberships.organisationId), eq(organisations.isActive, true)))
        .innerJoin(organisationMunicipalities, eq(organisationMunicipalities.organisationId, organisations.id))
        .where(and(eq(people.isActive, true), inArray(organisationMunicipalities.municipalityCode, coalition.municipalityCodes)))
        .orderBy(asc(people.name), asc(organisations.name));
      return { items: rows };
    },
    details: (result) => ({ lookup: 'candidates', results: result.items.length }),
  });
}
