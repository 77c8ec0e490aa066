// SPDX-License-Identifier: EUPL-1.2
// One public page for parents: in this municipality and phase, the coalition's texts and links and the
// current local offer (menu interventions of that phase, local activities the coalition assigned to
// it), with who pays — in the asked language, Dutch where a text has no translation. No login, no
// personal data: nothing to audit.
import { eq } from 'drizzle-orm';
import { COST_OF_FUNDING_ROUTE, type ParentMunicipality, type ParentPage, type ParentPageQuery } from '../../../contracts/parents-public.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { findOffers } from '../local-offer/store.js';
import { INTERVENTION_MENU } from '../interventions/menu/load-menu.js';
import { localised, PHASE_OF_MENU } from './domain/parent-rules.js';
import { parentPages } from './schema.js';
import { offeredIn, parentMunicipalities, youthHealthCareIn } from './store.js';

export interface PublicContext {
  db: Executor;
  now: () => Date;
}

export async function listParentMunicipalities(ctx: PublicContext): Promise<ParentMunicipality[]> {
  const rows = await parentMunicipalities(ctx.db);
  return rows.map((row) => ({ code: row.code, name: row.name, coalitionName: row.coalitionName }));
}

const menuPhases = (key: string) => INTERVENTION_MENU.interventions.find((entry) => entry.key === key)?.phases.map((phase) => PHASE_OF_MENU[phase]) ?? [];

export async function getParentPage(ctx: PublicContext, municipalityCode: string, query: ParentPageQuery): Promise<ParentPage> {
  const { phase, lang } = query;
  const [place] = await parentMunicipalities(ctx.db, municipalityCode);
  if (!place) throw new AppError('not_found', { message: 'Deze gemeente doet nog niet mee met Kansrijke Start op dit platform.' });
  const [page] = await ctx.db.select().from(parentPages).where(eq(parentPages.coalitionId, place.coalitionId));
  const content = page!.content;
  const now = ctx.now();

  const offers = (await findOffers(ctx.db, offeredIn(municipalityCode, now)))
    .filter((row) => row.serviceIsActive)
    .filter((row) => {
      const { interventionKey, activityName } = row.offer;
      const phases = interventionKey ? menuPhases(interventionKey) : (content.activityPhases[activityName ?? ''] ?? [phase]);
      return phases.includes(phase);
    })
    .map((row) => {
      const key = row.offer.interventionKey ?? row.offer.activityName ?? '';
      const description = content.descriptions[key];
      return {
        name: row.offer.activityName ?? row.serviceName,
        providerName: row.serviceExternalProvider ?? row.serviceOrganisation,
        description: description ? localised(description, lang) : null,
        cost: content.costs[key] ?? COST_OF_FUNDING_ROUTE[row.offer.fundingRoute],
        waitingWeeks: row.offer.waitingWeeks,
      };
    });

  return {
    municipality: { code: place.code, name: place.name },
    coalition: { code: place.coalitionCode, name: place.coalitionName },
    phase,
    lang,
    reviewedOn: page!.reviewedOn,
    blocks: content.blocks
      .filter((block) => block.phases.includes(phase))
      .map((block) => ({ key: block.key, heading: localised(block.heading, lang), body: localised(block.body, lang) })),
    offers,
    links: content.links.filter((link) => link.phases.includes(phase)).map((link) => ({ url: link.url, title: localised(link.title, lang) })),
    canSelfRegister: (await youthHealthCareIn(ctx.db, municipalityCode, now)) !== null,
  };
}
